/**
 * Dates a record writes in fields of their own are read: an appointment's start, when a
 * questionnaire was answered, a goal's start, when a specimen was collected (or received), and a
 * condition that ended over a period or at an age reads as resolved. A period with only a start
 * reads as going on "from" it, not as that one day.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const resources = [
  { resourceType: 'Appointment', status: 'booked', description: 'Cardiology follow-up', start: '2026-12-10T09:30:00Z', created: '2026-11-01' },
  { resourceType: 'QuestionnaireResponse', status: 'completed', authored: '2026-11-02' },
  { resourceType: 'Goal', lifecycleStatus: 'active', description: { text: 'HbA1c below 7%' }, startDate: '2026-01-01' },
  { resourceType: 'Specimen', type: { text: 'Blood' }, receivedTime: '2026-11-04T08:00:00Z', collection: { collectedDateTime: '2026-11-03' } },
  { resourceType: 'Specimen', type: { text: 'Urine' }, receivedTime: '2026-11-05' },
  { resourceType: 'Condition', code: { text: 'Sprain' }, onsetDateTime: '2026-01-05', abatementPeriod: { start: '2026-01-10', end: '2026-02-01' } },
  { resourceType: 'Condition', code: { text: 'Croup' }, onsetDateTime: '2019-01-05', abatementAge: { value: 4, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' } },
  { resourceType: 'MedicationStatement', status: 'active', medicationCodeableConcept: { text: 'Metformin' }, effectivePeriod: { start: '2020-01-15' } },
];
const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: resources.map((r, i) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000000${i}`, resource: { id: `r${i}`, ...r } })),
} as unknown as FhirBundle;

async function items(lang: string): Promise<Map<string, { date: string; facts: string[] }>> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-record-viewer .bundle=${bundle}></nip82-record-viewer></div>`);
  const el = wrapper.firstElementChild as Nip82RecordViewer;
  await waitUntil(() => $$(el, '[part=item]').length === resources.length, 'the items never showed');
  await el.updateComplete;
  return new Map($$(el, '[part=item]').map((li) => [
    `${li.dataset.type}: ${text(li.querySelector('.title'))}`,
    { date: text(li.querySelector('.item-head time')), facts: [...li.querySelectorAll('dt')].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`) },
  ]));
}

describe('the record viewer: dates in fields of their own', () => {
  it('dates appointments, answers, goals and specimens; says when a condition resolved; a period with only a start is "from"', async () => {
    const en = await items('en');
    const dates = Object.fromEntries([...en].map(([k, v]) => [k.split(':')[0] + (k.includes('Urine') ? ' (received)' : ''), v.date]));
    expect(dates.Appointment, JSON.stringify([...en])).to.match(/^Dec 10, 2026/);
    expect(dates.QuestionnaireResponse).to.equal('Nov 2, 2026');
    expect(dates.Goal).to.equal('Jan 1, 2026');
    expect(en.get('Specimen: Blood')!.date, 'collected, before received').to.equal('Nov 3, 2026');
    expect(en.get('Specimen: Urine')!.date).to.equal('Nov 5, 2026');
    expect(en.get('Condition: Sprain')!.facts).to.include('Resolved: Jan 10, 2026 – Feb 1, 2026');
    expect(en.get('Condition: Croup')!.facts).to.include('Resolved: 4 years');
    expect(en.get('MedicationStatement: Metformin')!.facts).to.include('Period: from Jan 15, 2020');
    const es = await items('es');
    expect(es.get('MedicationStatement: Metformin')!.facts).to.include('Periodo: desde el 15 ene 2020');
  });
});
