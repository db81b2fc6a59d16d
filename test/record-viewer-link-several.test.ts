/**
 * A clinician pastes a link to a record from a mail or a chat. The text may hold more than one
 * address (another record's, in a web address of another site): the viewer does not guess which
 * one was meant and opens none, asking the signer nothing, and says why. A link inside a sentence, the next line
 * of the mail below it, still opens; and the page is told the record's address, not the text.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82Event } from '../components/shared/events.js';
import type { Signer } from '../components/core/signers/signer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { counting, person, sampleBundle } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';

describe('<nip82-record-viewer naddr>: a text with more than a link', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  /** A record of `author`'s shared with `reader`: its link. */
  async function shared(author: Signer, reader: string) {
    const events = await createRecord({ bundle: sampleBundle(), author, participants: [{ pubkey: reader, role: 'viewer' }] });
    await relay.client.publishAll(events);
    return events;
  }

  async function opened(naddr: string, signer: Signer, requested: string[][] = []) {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" relays=${relay.url} naddr=${naddr} .signer=${signer}
      @nip82-signer-request=${(e: Nip82Event<'nip82-signer-request'>) => requested.push(e.detail.records ?? [])}></nip82-record-viewer>`);
    buttonByText(el, /^Unlock/)!.click();
    await waitUntil(() => el.status !== 'idle' && el.status !== 'waiting-signer' && el.status !== 'working', 'the viewer says how it went', { timeout: 20000 });
    await el.updateComplete;
    return el;
  }

  it('two records\' links in one text: neither is opened, and the signer unlocks nothing', async () => {
    const [patient, stranger, clinic] = [await person(), await person(), await person()];
    const mine = await shared(patient.signer, clinic.pubkey);
    const other = await shared(stranger.signer, clinic.pubkey);
    const link = (await openRecord(mine, clinic.signer)).naddrs[0]!;
    const otherLink = (await openRecord(other, clinic.signer)).naddrs[0]!;
    const signer = counting(clinic.signer);
    for (const passed of [`https://other.example/?from=${otherLink}#${link}`, `${otherLink}, ${link}`]) {
      const el = await opened(passed, signer);
      // Not "cut short or copied wrongly": both links are whole, and sent again they would be the same.
      expect(text($(el, '[part=status]')), passed).to.equal('This text holds links to more than one record, so none was opened. Ask whoever sent it to send only the one they meant.');
    }
    expect(signer.calls.nip44Decrypt ?? 0, 'nothing unlocked').to.equal(0);
  });

  it('a link in a sentence, or in a web address, opens its record, and the page is told its address', async () => {
    const [patient, clinic] = [await person(), await person()];
    const link = (await openRecord(await shared(patient.signer, clinic.pubkey), clinic.signer)).naddrs[0]!;
    for (const passed of [`Here is my record: ${link}\nThank you, Ana`, `https://clinic.example/records#${link}`]) {
      const requested: string[][] = [];
      const el = await opened(passed, clinic.signer, requested);
      expect(text($(el, '[part=status]')), passed).to.equal('1 record unlocked.');
      expect(requested, 'the address asked about').to.deep.equal([[link]]);
    }
  });
});
