// A reference without a display name (common in real exports) shows no name rather than FHIR plumbing: never
// "Performed by Practitioner/abc", "Prescriber Practitioner" or a medicine titled "urn:uuid:…".
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const bundle: FhirBundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    {
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      resource: {
        resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Glucose' }, effectiveDateTime: '2024-01-05',
        valueQuantity: { value: 5.2, unit: 'mmol/L' }, performer: [{ reference: 'Practitioner/abc' }],
      },
    },
    {
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002',
      resource: {
        resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', authoredOn: '2023-03-15',
        medicationReference: { reference: 'urn:uuid:11111111-2222-4333-8444-555555555555' }, requester: { reference: 'Practitioner/xyz' },
      },
    },
    // In the Bundle, but without a name.
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000003', resource: { resourceType: 'Practitioner', id: 'xyz' } },
  ],
};

describe('record viewer: references without a display', () => {
  it('never shows reference syntax or FHIR resource-type names as a name', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 3, 'the items never showed');
    const shown = $$(el, '[part=item]').map((li) => text(li)).join(' | ');
    expect(shown).not.to.match(/Practitioner\/|urn:uuid:|Prescriber ?Practitioner\b/);
    // What is known still shows: the result, and a medicine without a name as one.
    expect(shown).to.contain('Glucose');
    expect(shown).to.contain('5.2 mmol/L');
    expect(shown).to.contain('Prescription');
  });
});
