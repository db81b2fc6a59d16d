/**
 * A hospital's medication order as its export writes it: a dose taken only when needed (asNeeded,
 * often with why: "for pain") and a span of hours between doses (periodMax: every 4 to 6 hours).
 * A clinician reads "as needed" and "4–6 hours", never a dose on a fixed schedule, and when in the
 * day it is taken (Timing `when`: "before meals", "at bedtime"); a text that says it already is not repeated.
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
const order = (title: string, day: string, dosage: Record<string, unknown>) => ({
  fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000002${String(++n).padStart(2, '0')}`,
  resource: { resourceType: 'MedicationRequest', status: 'active', intent: 'order', authoredOn: day, medicationCodeableConcept: { text: title }, dosageInstruction: [dosage] },
});
const tablet = { doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] };

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    order('Oxycodone', '2024-03-01', { ...tablet, timing: { repeat: { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' } }, asNeededCodeableConcept: { text: 'pain' } }),
    order('Albuterol', '2024-03-02', { timing: { code: { coding: [{ system: GTS, code: 'Q4H' }] } }, asNeededBoolean: true }),
    order('Ondansetron', '2024-03-03', { ...tablet, timing: { repeat: { frequency: 1, period: 8, periodUnit: 'h' } } }),
    order('Ibuprofen', '2024-03-04', { text: 'Take 1 tablet by mouth every 6 hours as needed for pain', asNeededBoolean: true }),
    order('Lorazepam', '2024-03-05', { doseAndRate: [{ doseQuantity: { value: 0.5, system: UCUM, code: 'mg' } }], asNeededBoolean: false }),
    order('Insulin lispro', '2024-03-06', { timing: { repeat: { when: ['AC'] } } }),
    order('Metformin', '2024-03-07', { ...tablet, timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd', when: ['C'] } } }),
    order('Zolpidem', '2024-03-08', { text: 'Take 1 tablet at bedtime', timing: { repeat: { when: ['HS'] } } }),
  ],
} as unknown as FhirBundle;

/** Each medication's dosage as shown. */
async function dosages(lang: string): Promise<Map<string, string>> {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} .bundle=${bundle}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, '[part=item]').length === bundle.entry!.length, 'the items never showed');
  const titles = ['Oxycodone', 'Albuterol', 'Ondansetron', 'Ibuprofen', 'Lorazepam', 'Insulin lispro', 'Metformin', 'Zolpidem'];
  const shown = new Map<string, string>();
  for (const item of $$(el, '[part=item]')) {
    const title = titles.find((t) => text(item).startsWith(t)) ?? text(item);
    const dt = [...item.querySelectorAll('dt')].find((d) => ['Dosage', 'Dosis'].includes(text(d)));
    shown.set(title, dt ? text(dt.nextElementSibling) : '');
  }
  return shown;
}

describe('record viewer: a dose taken only when needed, every few hours, at a time of day', () => {
  it('English', async () => {
    const shown = await dosages('en');
    expect(shown.get('Oxycodone')).to.equal('1 tablet, once every 4–6 hours, as needed (pain)');
    expect(shown.get('Albuterol')).to.equal('every 4 hours, as needed');
    expect(shown.get('Ondansetron'), 'a dose on a schedule').to.equal('1 tablet, once every 8 hours');
    expect(shown.get('Ibuprofen'), 'the text says it').to.equal('Take 1 tablet by mouth every 6 hours as needed for pain');
    expect(shown.get('Lorazepam')).to.equal('0.5 mg');
    expect(shown.get('Insulin lispro'), 'when in the day').to.equal('before meals');
    expect(shown.get('Metformin')).to.equal('1 tablet, twice a day, with meals');
    expect(shown.get('Zolpidem'), 'the text says it').to.equal('Take 1 tablet at bedtime');
  });

  it('Spanish', async () => {
    const shown = await dosages('es');
    expect(shown.get('Oxycodone')).to.equal('1 tablet, una vez cada 4–6 horas, si lo necesita (pain)');
    expect(shown.get('Albuterol')).to.equal('cada 4 horas, si lo necesita');
    expect(shown.get('Lorazepam')).to.equal('0,5 mg');
    expect(shown.get('Insulin lispro')).to.equal('antes de las comidas');
    expect(shown.get('Metformin')).to.equal('1 tablet, 2 veces al día, con las comidas');
  });
});
