/**
 * A clinician's viewer shows a record a patient shared; while the page is open the patient takes
 * the clinician's access back, or deletes the share; the records are loaded again: the record is
 * no longer shown, its keys are gone, and the viewer says which happened, naming who shared it. A
 * record that only moved to a new address the reader holds is shown there, not said to be deleted.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { RecordStore } from '../components/core/store/record-store.js';
import { createRecord, deleteRecord, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, publishedShare, relayUrl, sampleBundle } from './helpers.js';

describe('<nip82-record-viewer>: a share taken back or deleted while the clinic page is open', function () {
  this.timeout(60000);
  let relay: string;
  let client: RelayClient;
  beforeEach(async () => {
    relay = await relayUrl('main');
    client = new RelayClient({ relays: [relay] });
  });
  afterEach(() => client.close());

  /** A patient's share to a clinic, shown in the clinician's viewer, its key cached. */
  async function shareShown() {
    const { patient, clinic, events } = await publishedShare(client);

    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" relays=${relay} .signer=${clinic.signer} .knownNames=${{ [patient.pubkey]: 'Ana Rivera' }}></nip82-record-viewer>`);
    buttonByText(el, /^Unlock/)!.click();
    await waitUntil(() => el.status === 'done' && text(el.shadowRoot).includes('Penicillin'), 'the share is shown');
    expect(text($(el, '.share-until'))).to.contain('Shared with you until');
    const store = (el as unknown as { currentStore: RecordStore }).currentStore;
    const cacheId = `${clinic.pubkey}:${events[0]!.pubkey}`;
    expect(store.keyCache.get(cacheId), 'its key cached while shown').to.exist;
    return { el, store, cacheId, mine: await openRecord(events, patient.signer), clinic };
  }

  it('loaded again, the record is gone and the viewer says access to it was taken back', async () => {
    const { el, store, cacheId, mine, clinic } = await shareShown();
    // The patient takes the clinician's access back (a newer version with no key for them).
    const change = await revokeAccess(mine, clinic.pubkey, { createdAt: mine.createdAt + 1 });
    await client.publishAll(change.events);

    // Loaded again (as any element of the clinic's page does): the viewer follows the store.
    await store.load({ refresh: true });
    await waitUntil(() => !text(el.shadowRoot).includes('Penicillin'), 'the record taken back is no longer shown');
    await waitUntil(() => !!$(el, '.taken-back'), 'the viewer says access was taken back');
    expect(text(el.shadowRoot)).not.to.contain('Shared with you until');
    expect(text($(el, '.taken-back'))).to.equal('Access to a record shared by Ana Rivera was taken back. What you already saw may have been kept.');
    expect(store.records, 'no longer in the store').to.deep.equal([]);
    expect(store.keyCache.get(cacheId), 'its key forgotten').to.equal(undefined);
  });

  it('loaded again, the record is gone and the viewer says it was deleted', async () => {
    const { el, store, cacheId, mine } = await shareShown();
    // The patient deletes the share (a deletion request for every part, by its sign key).
    await client.publishAll(deleteRecord(mine, { createdAt: mine.createdAt + 1 }));

    // Loaded again (as any element of the clinic's page does): the viewer follows the store.
    await store.load({ refresh: true });
    await waitUntil(() => !text(el.shadowRoot).includes('Penicillin'), 'the record deleted is no longer shown');
    await waitUntil(() => !!$(el, '.deleted-by-owner'), 'the viewer says the record was deleted');
    expect(text(el.shadowRoot)).not.to.contain('Shared with you until');
    expect(text($(el, '.deleted-by-owner'))).to.equal('A record shared by Ana Rivera was deleted or moved by its owner. What you already saw may have been kept.');
    expect($(el, '.taken-back'), 'not said to be taken back').to.equal(null);
    expect(store.records, 'no longer in the store').to.deep.equal([]);
    expect(store.keyCache.get(cacheId), 'its key forgotten').to.equal(undefined);
  });

  it('a record moved to a new address the reader holds is shown there, not said to be deleted', async () => {
    const [patient, clinic, hospital] = [await person(), await person(), await person()];
    const participants = [{ pubkey: patient.pubkey, role: 'editor' as const }, { pubkey: hospital.pubkey, role: 'editor' as const }, { pubkey: clinic.pubkey, role: 'viewer' as const }];
    const events = await createRecord({ bundle: sampleBundle(), author: hospital.signer, participants });
    await client.publishAll(events);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" relays=${relay} .signer=${clinic.signer}></nip82-record-viewer>`);
    buttonByText(el, /^Unlock/)!.click();
    await waitUntil(() => el.status === 'done' && text(el.shadowRoot).includes('Penicillin'), 'the record is shown');
    const store = (el as unknown as { currentStore: RecordStore }).currentStore;

    // The patient removes the hospital, an editor: the record moves to a new address, the old one deleted.
    const mine = await openRecord(events, patient.signer);
    const change = await revokeAccess(mine, hospital.pubkey, { createdAt: mine.createdAt + 1 });
    expect(change.moved, 'moved').to.exist;
    await client.publishAll(change.events);

    await store.load({ refresh: true });
    await waitUntil(() => store.records.some((r) => r.signPubkey === change.record.signPubkey), 'the moved record is held');
    await el.updateComplete;
    expect(text(el.shadowRoot)).to.contain('Penicillin');
    expect($(el, '.deleted-by-owner'), 'not said to be deleted').to.equal(null);
  });
});
