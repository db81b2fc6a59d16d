/**
 * A clinician has a patient's record open; the patient corrects it (an allergy) and the records are
 * loaded again: the viewer shows the corrected version and says, on that record, that it changed
 * while it was open, so what was read before is not taken for what it says now.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { RecordStore } from '../components/core/store/record-store.js';
import { createRecord, grantAccess, openRecord, updateRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { RelayClient } from '../components/core/relay/client.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';

describe('<nip82-record-viewer>: a record corrected while it is open', function () {
  this.timeout(60000);

  it('shows the corrected version and says it changed while open; a change of who has access alone says nothing', async () => {
    const relay = await relayUrl('main');
    const client = new RelayClient({ relays: [relay] });
    try {
      const [patient, clinic] = await Promise.all([person(), person()]);
      const t = Math.floor(Date.now() / 1000) - 60;
      const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }], createdAt: t });
      await client.publishAll(events);
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" relays=${relay} .signer=${clinic.signer}></nip82-record-viewer>`);
      buttonByText(el, /^Unlock/)!.click();
      await waitUntil(() => el.status === 'done' && text(el.shadowRoot).includes('Penicillin'), 'the record is shown');
      expect($(el, '.changed-while-open')).to.equal(null);
      const store = (el as unknown as { currentStore: RecordStore }).currentStore;

      // The patient lets a specialist see it too: who has access changed, not what it says.
      const first = await openRecord(events, patient.signer);
      const specialist = await person();
      const granted = await grantAccess(first, { pubkey: specialist.pubkey, role: 'viewer' }, { createdAt: t + 10 });
      await client.publishAll(granted.events);
      await store.load({ refresh: true });
      await waitUntil(() => store.records[0]?.createdAt === t + 10, 'the new version is in the store');
      await el.updateComplete;
      expect($(el, '.changed-while-open'), 'a change of access only is not a change of content').to.equal(null);

      // The patient corrects the allergy.
      const mine = await openRecord(granted.events, patient.signer);
      const corrected = structuredClone(mine.bundle) as FhirBundle;
      const allergy = corrected.entry!.find((e) => e.resource.resourceType === 'AllergyIntolerance')!.resource as unknown as { code: { text: string } };
      allergy.code.text = 'Amoxicillin';
      await client.publishAll((await updateRecord(mine, { bundle: corrected, author: patient.signer, createdAt: t + 30 })).events);

      // Loaded again (by any element of the page): the corrected version, said to have changed.
      await store.load({ refresh: true });
      await waitUntil(() => text(el.shadowRoot).includes('Amoxicillin'), 'the corrected version is shown');
      expect(text(el.shadowRoot)).not.to.contain('Penicillin');
      await waitUntil(() => !!$(el, '.changed-while-open'), 'the record says it changed while open');
      expect(text($(el, '.changed-while-open'))).to.contain('Changed while you had it open');
    } finally {
      client.close();
    }
  });
});
