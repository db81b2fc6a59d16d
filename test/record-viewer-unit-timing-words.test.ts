/**
 * A measure or a dose timing the record gives only as a code reads as words in the page's
 * language: "37.2 °C", "72 per minute", an onset at "30 years" ("1 year" for one), "twice a day",
 * never the codes "Cel", "/min", "a" or "BID" (whose official display is the abbreviation itself).
 * A unit the record writes out itself is shown as written; a code no table knows, as written.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const UCUM = 'http://unitsofmeasure.org';
const GTS = 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation';
let n = 0;
const entry = (resource: Record<string, unknown>) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000001${String(++n).padStart(2, '0')}`, resource });
const reading = (title: string, day: string, more: Record<string, unknown>) =>
  entry({ resourceType: 'Observation', status: 'final', code: { text: title }, effectiveDateTime: day, ...more });
const medication = (title: string, day: string, timing: Record<string, unknown>) =>
  entry({ resourceType: 'MedicationRequest', status: 'active', intent: 'order', authoredOn: day, medicationCodeableConcept: { text: title }, dosageInstruction: [{ timing }] });

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    reading('Temperature', '2024-02-01', { valueQuantity: { value: 37.2, system: UCUM, code: 'Cel' } }),
    reading('Pulse', '2024-02-02', { valueQuantity: { value: 72, system: UCUM, code: '/min' } }),
    reading('Blood pressure', '2024-02-03', {
      component: [
        { code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] }, valueQuantity: { value: 120, system: UCUM, code: 'mm[Hg]' } },
        { code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] }, valueQuantity: { value: 80, system: UCUM, code: 'mm[Hg]' } },
      ],
    }),
    reading('Glucose', '2024-02-04', { valueQuantity: { value: 5.4, unit: 'mmol/l', system: UCUM, code: 'mmol/L' } }),
    reading('Potassium', '2024-02-05', { valueQuantity: { value: 4.1, system: UCUM, code: 'mmol/L' } }),
    entry({ resourceType: 'Condition', code: { text: 'Asthma' }, onsetAge: { value: 30, system: UCUM, code: 'a' }, recordedDate: '2024-02-06' }),
    entry({ resourceType: 'Condition', code: { text: 'Eczema' }, onsetAge: { value: 1, system: UCUM, code: 'a' }, recordedDate: '2024-02-07' }),
    medication('Amoxicillin', '2024-02-08', { code: { coding: [{ system: GTS, code: 'BID', display: 'BID' }] } }),
    medication('Vitamin D', '2024-02-09', { code: { coding: [{ system: GTS, code: 'QD' }] } }),
    medication('Iron', '2024-02-10', { code: { coding: [{ system: 'http://example.org/times', code: 'L1', display: 'with lunch' }] } }),
    medication('Cream', '2024-02-11', { code: { text: 'after a bath', coding: [{ system: GTS, code: 'QD' }] } }),
  ],
} as unknown as FhirBundle;

/** Each item's title with its facts, "Label: value", as shown. */
async function facts(lang: string): Promise<Map<string, string[]>> {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} .bundle=${bundle}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, '[part=item]').length === bundle.entry!.length, 'the items never showed');
  const titles = ['Temperature', 'Pulse', 'Blood pressure', 'Glucose', 'Potassium', 'Asthma', 'Eczema', 'Amoxicillin', 'Vitamin D', 'Iron', 'Cream'];
  const shown = new Map<string, string[]>();
  for (const item of $$(el, '[part=item]')) {
    const title = titles.find((t) => text(item).startsWith(t)) ?? text(item);
    shown.set(title, [...item.querySelectorAll('dt')].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`));
  }
  return shown;
}

describe('record viewer: units and dose timings given as codes read as words', () => {
  it('English', async () => {
    const shown = await facts('en');
    expect(shown.get('Temperature')).to.include('Value: 37.2 °C');
    expect(shown.get('Pulse')).to.include('Value: 72 per minute');
    expect(shown.get('Blood pressure')).to.include('Value: 120/80 mmHg');
    expect(shown.get('Glucose'), 'the unit the record writes out').to.include('Value: 5.4 mmol/l');
    expect(shown.get('Potassium'), 'a code written as people write it').to.include('Value: 4.1 mmol/L');
    expect(shown.get('Asthma')).to.include('Onset: 30 years');
    expect(shown.get('Eczema')).to.include('Onset: 1 year');
    expect(shown.get('Amoxicillin')).to.include('Dosage: twice a day');
    expect(shown.get('Vitamin D')).to.include('Dosage: once a day');
    expect(shown.get('Iron'), 'a code without words: its display').to.include('Dosage: with lunch');
    expect(shown.get('Cream'), "the record's own text").to.include('Dosage: after a bath');
  });

  it('Spanish', async () => {
    const shown = await facts('es');
    expect(shown.get('Temperature')).to.include('Valor: 37,2 °C');
    expect(shown.get('Pulse')).to.include('Valor: 72 por minuto');
    expect(shown.get('Blood pressure')).to.include('Valor: 120/80 mmHg');
    expect(shown.get('Glucose')).to.include('Valor: 5,4 mmol/l');
    expect(shown.get('Asthma')).to.include('Inicio: 30 años');
    expect(shown.get('Eczema')).to.include('Inicio: 1 año');
    expect(shown.get('Amoxicillin')).to.include('Dosis: dos veces al día');
    expect(shown.get('Vitamin D')).to.include('Dosis: una vez al día');
    expect(shown.get('Iron')).to.include('Dosis: with lunch');
  });
});
