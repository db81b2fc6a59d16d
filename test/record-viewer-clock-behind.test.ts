/**
 * A reader whose device clock is behind (a clinic computer whose date was lost) opens a record's
 * link, or all their records: the record, saved by a device with the right time, is dated "later"
 * than this clock. Before, the viewer said the record was not found and may have been deleted (or
 * that none were found for them); now it says it could not be opened, being dated later than this
 * device's date and time, and that a clock may be wrong.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { naddrEncode, npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { $$, text } from './element-helpers.js';
import { person, publishTo, relayUrl, sampleBundle, skewClock } from './helpers.js';

describe('<nip82-record-viewer>: a reader whose clock is behind', function () {
  this.timeout(60000);
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  for (const [lang, words] of [['en', /could not be opened: It is dated later than the date and time on this device: this device's clock, or that of whoever saved it, may be wrong\./], ['es', /reloj de este dispositivo, o el de quien lo guardó, esté mal\./]] as const) {
    it(`${lang === 'en' ? 'a link to a record' : 'all records, one'} saved a day "later" says a clock may be wrong, not "not found" (${lang})`, async () => {
      const relay = await relayUrl('main');
      const [clinic, reader] = [await person(), await person()];
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(reader.pubkey)}`), author: clinic.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] });
      await publishTo(relay, events, clinic.signer);
      const naddr = lang === 'en' ? naddrEncode({ kind: RECORD_KIND, pubkey: events[0]!.pubkey, identifier: events[0]!.tags.find((t) => t[0] === 'd')![1]! }) : '';
      restore = skewClock(-24 * 3600 * 1000);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-record-viewer relays=${relay} naddr=${naddr} .signer=${reader.signer}></nip82-record-viewer></div>`);
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
});
