/**
 * A patient with a long record shares only a little of it and hides the rest (1,200 lab results),
 * choosing to let the clinic know how many items of which kind were hidden. The marker listing
 * them was one List, one entry per item: past about 800 items it no longer fit one record part,
 * and the share failed with "One item is too large for the storage servers", though no item of
 * theirs was. The share now goes out, and the clinic's viewer flags every hidden item.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { isWithheldList, readWithheld } from '../components/core/fhir/withheld.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $, text } from './element-helpers.js';

const SHARED = 3;
const HIDDEN = 1200;
const url = (i: number) => `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: Array.from({ length: SHARED + HIDDEN }, (_, i) => ({
    fullUrl: url(i),
    resource: i < SHARED
      ? { resourceType: 'AllergyIntolerance', id: `a${i}`, patient: { reference: 'Patient/p' }, code: { text: `Allergy ${i}` } }
      : { resourceType: 'Observation', id: `o${i}`, status: 'final', code: { text: 'Glucose' }, effectiveDateTime: '2024-01-05' },
  })),
} as unknown as FhirBundle;

describe('a share that hides many items', function () {
  this.timeout(180000);

  it('goes out, and the clinic sees how many items of which kind were hidden', async () => {
    const [patient, clinic] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [], attest: false }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer' }));
    const events = await createShare({
      from: [record, source], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }],
      include: [...bundle.entry!.map((e) => e.fullUrl!), fullUrl],
      withhold: Array.from({ length: HIDDEN }, (_, i) => url(SHARED + i)), disclose: 'count-and-kind',
    });
    const received = await openRecord(events, clinic.signer);
    expect(readWithheld(received.bundle), 'what the marker says').to.deep.equal({ disclose: 'count-and-kind', count: HIDDEN, kinds: { Observation: HIDDEN } });
    // Every marker List fits a record part with room to spare.
    const lists = received.bundle.entry!.map((e) => e.resource!).filter(isWithheldList);
    expect(lists.length).to.be.greaterThan(1);
    for (const list of lists) expect(JSON.stringify(list).length).to.be.lessThan(30_000);

    const viewer = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" .records=${[received]}></nip82-record-viewer>`);
    await waitUntil(() => $(viewer, 'nip82-hidden-flag')?.shadowRoot?.textContent?.includes('1,200'), 'the flag never counted every hidden item', { timeout: 60000 });
    const flag = $(viewer, 'nip82-hidden-flag')!;
    expect(text(flag.shadowRoot)).to.contain('1,200');
    expect(text(viewer.shadowRoot)).not.to.contain('Withheld by the patient');
  });
});
