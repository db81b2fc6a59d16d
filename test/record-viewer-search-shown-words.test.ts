// A patient who types a word or date they can see on an item ("prescribed", "vaccination", "emergency", "Mar 15, 2023")
// finds that item: the search reads the words and dates on screen, not only the record's raw codes and ISO dates.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $, $$, setInput, text } from './element-helpers.js';

const bundle: FhirBundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: { resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', authoredOn: '2023-03-15', medicationCodeableConcept: { text: 'Amlodipine' } } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002', resource: { resourceType: 'Immunization', id: 'i1', status: 'completed', vaccineCode: { text: 'Tetanus' }, occurrenceDateTime: '2021-05-01' } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000003', resource: { resourceType: 'Encounter', id: 'e1', status: 'finished', class: { code: 'EMER' }, period: { start: '2022-07-09' } } },
  ],
};

describe('record viewer: searching for what is on screen', () => {
  it('finds each item by a word or date shown on it', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 3, 'the items never showed');
    const onScreen = text(el.shadowRoot!);
    const found: Record<string, string> = {};
    for (const query of ['prescribed', 'Vaccination', 'emergency', 'Mar 15, 2023']) {
      // Each word is on screen before the search…
      expect(onScreen.toLowerCase(), query).to.contain(query.toLowerCase());
      setInput($<HTMLInputElement>(el, 'input[type=search]')!, query);
      await el.updateComplete;
      found[query] = $$(el, '[part=item] .title').map((t) => text(t)).join(', ') || '(nothing)';
    }
    // …and the search finds the item that shows it.
    expect(found).to.deep.equal({ prescribed: 'Amlodipine', Vaccination: 'Tetanus', emergency: 'Visit', 'Mar 15, 2023': 'Amlodipine' });
  });
});
