/**
 * A clinician's viewer shows, by its address, a record a patient shared. The patient takes the
 * clinician's access back, or deletes the record, while the page is open; another element of the
 * clinic's page loads the records again: the record shown by address goes from the screen as it
 * goes from the store, and the viewer says access to it was taken back.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { RecordStore } from '../components/core/store/record-store.js';
import { deleteRecord, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { publishedShare } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';

describe('<nip82-record-viewer naddr>: a record shown by address taken back or deleted while the page is open', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  /** The patient's share to a clinic, shown by its address in the clinic's viewer. */
  async function shown() {
    const { patient, clinic, events } = await publishedShare(relay.client);
    const mine = await openRecord(events, patient.signer);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" relays=${relay.url} naddr=${mine.naddrs[0]!} .signer=${clinic.signer} .knownNames=${{ [patient.pubkey]: 'Ana Rivera' }}></nip82-record-viewer>`);
    buttonByText(el, /^Unlock/)!.click();
    await waitUntil(() => el.status === 'done' && text(el.shadowRoot).includes('Penicillin'), 'the share is shown');
    const store = (el as unknown as { currentStore: RecordStore }).currentStore;
    return { patient, clinic, mine, el, store };
  }

  it('taken back: loaded again by another element, the record is no longer shown and the viewer says so', async () => {
    const { clinic, mine, el, store } = await shown();
    const change = await revokeAccess(mine, clinic.pubkey, { createdAt: mine.createdAt + 1 });
    await relay.client.publishAll(change.events);
    // Another element of the clinic's page (a list of every record shared) loads the records again.
    await store.load({ refresh: true });
    expect(store.records, 'no longer in the store').to.deep.equal([]);
    await waitUntil(() => !text(el.shadowRoot).includes('Penicillin'), 'the record taken back is no longer shown');
    // Said in the status line, which a screen reader hears: not "no records were found", nor a button to open it again.
    await waitUntil(() => text($(el, '[part=status]')) !== '', 'the viewer says access was taken back');
    expect(text($(el, '[part=status]')), 'the status line').to.equal('Access to a record shared by Ana Rivera was taken back. What you already saw may have been kept.');
    await el.updateComplete;
    expect($(el, '.taken-back'), 'not said twice').to.equal(null);
    expect($(el, 'button.unlock'), 'the unlock button').to.equal(null);
    expect(buttonByText(el, 'Try again'), '"Try again"').to.equal(undefined);
  });

  it('deleted by its owner: loaded again by another element, the record is no longer shown', async () => {
    const { mine, el, store } = await shown();
    await relay.client.publishAll(deleteRecord(mine, { createdAt: mine.createdAt + 1 }));
    await store.load({ refresh: true });
    expect(store.records, 'no longer in the store').to.deep.equal([]);
    await waitUntil(() => !text(el.shadowRoot).includes('Penicillin'), 'the deleted record is no longer shown');
    // Said as when it is opened after its deletion: it could not be opened, as its owner deleted it; not "none found".
    await waitUntil(() => !!$(el, '.failures'), 'the viewer says why');
    expect(text($(el, '[part=status]')), 'the status line').to.equal('1 record could not be opened:');
    expect(text($(el, '.failures .details'))).to.equal('Whoever made the record deleted or moved it.');
    expect($(el, '.taken-back'), 'not said to be taken back').to.equal(null);
  });
});
