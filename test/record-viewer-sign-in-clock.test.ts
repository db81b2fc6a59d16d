/**
 * A storage server that lets nobody read without signing in refuses a sign-in dated far from its
 * own time (NIP-42 relays allow about ten minutes). A reader whose device clock is two hours off,
 * either way, used to read only "the sign-in did not go through", and pressing Try again did the
 * same; now the viewer says the server refused it because this device's date and time differ from
 * its own, and to correct the clock.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { $, $$, text } from './element-helpers.js';
import { person, recordFor, relayUrl, skewClock } from './helpers.js';

const clockWords = {
  en: 'A storage server asked you to sign in; the sign-in did not go through, so nothing there was looked at. It refused the sign-in because the date and time on this device differ from its own: correct this device\'s clock, then try again.',
  es: /^Un servidor de almacenamiento .* Rechazó el inicio de sesión porque la fecha y la hora de este dispositivo no coinciden con las suyas: corrija el reloj de este dispositivo y vuelva a intentarlo\.$/,
};

describe('<nip82-record-viewer>: a sign-in refused because the clocks differ', function () {
  this.timeout(60000);
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  for (const [hours, lang, naddrToo] of [[2, 'en', true], [-2, 'en', false], [2, 'es', false]] as const) {
    it(`a clock ${hours} hours off says so (${lang}, ${naddrToo ? 'a link' : 'all records'})`, async () => {
      const relay = await relayUrl('auth');
      const reader = await person();
      const naddr = await recordFor(relay, reader);
      restore = skewClock(hours * 3600 * 1000);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-record-viewer relays=${relay} naddr=${naddrToo ? naddr : ''} .signer=${reader.signer}></nip82-record-viewer></div>`);
      const el = wrapper.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
      await el.updateComplete;
      $$<HTMLButtonElement>(el, 'button.unlock')[0]!.click();
      await waitUntil(() => el.status === 'relay-error' || el.status === 'done', 'the unlock never ended', { timeout: 20000 });
      await el.updateComplete;
      const said = text($(el, '[part="status"]'));
      if (lang === 'en') expect(said).to.equal(clockWords.en);
      else expect(said).to.match(clockWords.es);
    });
  }
});
