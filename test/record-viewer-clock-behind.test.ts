/**
 * A reader whose device clock is behind (a clinic computer whose date was lost) opens a record's
 * link, or all their records: the record, saved by a device with the right time, is dated "later"
 * than this clock. Before, the viewer said the record was not found and may have been deleted (or
 * that none were found for them); now it says it could not be opened, being dated later than this
 * device's date and time, and that a clock may be wrong.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { $$, text } from './element-helpers.js';
import { person, recordFor, relayRequests, relayUrl, skewClock } from './helpers.js';
import { decode } from 'nostr-tools/nip19';

describe('<nip82-record-viewer>: a reader whose clock is behind', function () {
  this.timeout(60000);
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  for (const [lang, words] of [['en', /could not be opened: It is dated later than the date and time on this device: this device's clock, or that of whoever saved it, may be wrong\./], ['es', /reloj de este dispositivo, o el de quien lo guardó, esté mal\./]] as const) {
    it(`${lang === 'en' ? 'a link to a record' : 'all records, one'} saved a day "later" says a clock may be wrong, not "not found" (${lang})`, async () => {
      const relay = await relayUrl('main');
      const reader = await person();
      const naddr = await recordFor(relay, reader);
      restore = skewClock(-24 * 3600 * 1000);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-record-viewer relays=${relay} naddr=${lang === 'en' ? naddr : ''} .signer=${reader.signer}></nip82-record-viewer></div>`);
      const el = wrapper.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
      await el.updateComplete;
      $$<HTMLButtonElement>(el, 'button.unlock')[0]!.click();
      await waitUntil(() => el.status === 'done' || el.status === 'bad-data', 'the unlock never ended', { timeout: 20000 });
      await el.updateComplete;
      const said = text(el.shadowRoot);
      expect(said).to.match(words);
      expect(said).not.to.match(/not found|no se encontr/i);
    });
  }

  it('asks a server that never answered the read nothing more before saying so: the reader waits once', async () => {
    const [relay, silent] = [await relayUrl('main'), await relayUrl('silent')];
    const reader = await person();
    const naddr = await recordFor(relay, reader);
    const clinic = decode(naddr).data as { pubkey: string };
    restore = skewClock(-24 * 3600 * 1000);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${`${relay} ${silent}`} naddr=${naddr} .signer=${reader.signer}></nip82-record-viewer>`);
    $$<HTMLButtonElement>(el, 'button.unlock')[0]!.click();
    await waitUntil(() => /dated later than the date and time on this device/.test(text(el.shadowRoot)), 'the clock named', { timeout: 30000 });
    const asked = await relayRequests('silent', clinic.pubkey);
    expect(asked.filter((filters) => filters.some((f) => 'since' in f)), 'a second read of the server that hung').to.deep.equal([]);
  });
});
