/**
 * A hospital export's notes on an allergy, a problem, a prescription, a vaccine or a procedure
 * (Annotation `note`) are what a clinician most needs beside them ("tolerated cephalexin", "hold
 * before contrast"): each is shown as written. A care goal is named by its description (a
 * CodeableConcept), not only by its kind.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

let n = 0;
const entry = (resource: Record<string, unknown>) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000005${String(++n).padStart(2, '0')}`, resource });

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    entry({ resourceType: 'AllergyIntolerance', code: { text: 'Penicillin' }, recordedDate: '2019-05', note: [{ text: 'Tolerated cephalexin in 2020.' }] }),
    entry({ resourceType: 'Condition', code: { text: 'Asthma' }, recordedDate: '2001', note: [{ text: 'Worse in spring.' }, { text: 'Uses spacer.' }] }),
    entry({ resourceType: 'MedicationRequest', status: 'active', intent: 'order', authoredOn: '2024-02', medicationCodeableConcept: { text: 'Metformin' }, note: [{ text: 'Hold before contrast.' }] }),
    entry({ resourceType: 'Immunization', status: 'completed', vaccineCode: { text: 'Influenza' }, occurrenceDateTime: '2023-10-01', note: [{ text: 'Sore arm next day.' }] }),
    entry({ resourceType: 'Goal', lifecycleStatus: 'active', description: { text: 'HbA1c below 7%' }, startDate: '2024-01-10' }),
    entry({ resourceType: 'Observation', status: 'final', code: { text: 'Glucose' }, effectiveDateTime: '2024-03-01', valueString: 'high', note: [{ text: 'Not fasting.' }] }),
  ],
} as unknown as FhirBundle;

describe('record viewer: notes on every kind of item', () => {
  it('shows each note once, and names a goal by its description', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === bundle.entry!.length, 'the items never showed');
    const titles = ['Penicillin', 'Asthma', 'Metformin', 'Influenza', 'HbA1c below 7%', 'Glucose'];
    const shown = new Map<string, string[]>();
    for (const item of $$(el, '[part=item]')) {
      const title = titles.find((t) => text(item).startsWith(t)) ?? text(item);
      shown.set(title, [...item.querySelectorAll('dt')].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`));
    }
    expect(shown.get('Penicillin')).to.include('Note: Tolerated cephalexin in 2020.');
    expect(shown.get('Asthma')).to.include('Note: Worse in spring. Uses spacer.');
    expect(shown.get('Metformin')).to.include('Note: Hold before contrast.');
    expect(shown.get('Influenza')).to.include('Note: Sore arm next day.');
    expect(shown.get('Glucose')!.filter((f) => f.startsWith('Note:'))).to.deep.equal(['Note: Not fasting.']);
    expect(shown.has('HbA1c below 7%'), 'the goal named by its description').to.equal(true);
  });
});
