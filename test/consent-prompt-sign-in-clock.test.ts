/**
 * A storage server that lets nobody read without signing in refuses a sign-in dated far from its
 * own time. A patient whose device clock is two hours off read, in the share dialog and in the
 * access list, only that the sign-in "did not complete"; now both say, in the viewer's words,
 * that it was refused because this device's date and time differ, and to correct the clock.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import '../components/access-list/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { person, publishTo, relayUrl, sampleBundle, skewClock, CLOCK_OFF_WORDS } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const clock = CLOCK_OFF_WORDS;

describe('the share dialog and the access list: a sign-in refused because the clocks differ', function () {
  this.timeout(60000);
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  for (const [element, lang, hours] of [['prompt', 'en', 2], ['list', 'en', -2], ['prompt', 'es', -2], ['list', 'es', 2]] as const) {
    it(`Unlock my records in the ${element === 'prompt' ? 'share prompt' : 'access list'}, a clock ${hours} hours off (${lang})`, async () => {
      const relay = await relayUrl('auth');
      const patient = await person();
      await publishTo(relay, await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
      restore = skewClock(hours * 3600 * 1000);
      const wrapper = await fixture<HTMLDivElement>(element === 'prompt'
        ? html`<div lang=${lang}><nip82-consent-prompt .signer=${patient.signer} relays=${relay}></nip82-consent-prompt></div>`
        : html`<div lang=${lang}><nip82-access-list .signer=${patient.signer} relays=${relay}></nip82-access-list></div>`);
      const el = wrapper.firstElementChild as Nip82ConsentPrompt | Nip82AccessList;
      await el.updateComplete;
      buttonByText(el, { en: 'Unlock my records', es: 'Desbloquear mis historiales' }[lang])!.click();
      await waitUntil(() => el.status === 'done', 'the load ended', { timeout: 30000 });
      await el.updateComplete;
      const said = text($(el, '[role=status]'));
      expect(said, 'the sign-in failed').to.contain(relay);
      expect(said).to.contain(clock[lang]);
    });
  }
});
