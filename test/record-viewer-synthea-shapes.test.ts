/**
 * Records as Synthea (and most US senders) write them read in full: the condition a medicine or
 * procedure is for (given as a reference), a patient's death, a dose and frequency beside the
 * dosage's own text, units written as UCUM codes ("mm[Hg]", "Cel", "{score}") and a blood pressure
 * said once, an interpretation in words ("high"), test reports with the results, care plans and
 * teams with what they hold, and insurance claims named by their kind, never by a bare code.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $, $$, setInput, text } from './element-helpers.js';

const UCUM = 'http://unitsofmeasure.org';
const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
const url = (n: number) => `urn:uuid:00000000-0000-4000-8000-0000000003${String(n).padStart(2, '0')}`;
const concept = (code: string, display: string, system = SNOMED) => ({ coding: [{ system, code, display }], text: display });
const vital = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] };
const mmHg = (value: number) => ({ value, unit: 'mm[Hg]', system: UCUM, code: 'mm[Hg]' });

const resources: Record<string, unknown>[] = [
  { resourceType: 'Patient', id: 'p', name: [{ given: ['Ana'], family: 'Rivera' }], gender: 'female', birthDate: '1927-05-21', deceasedDateTime: '1989-05-09T12:35:22-04:00' },
  { resourceType: 'Patient', id: 'p2', name: [{ given: ['Luis'], family: 'Rivera' }], birthDate: '1930-01-01', deceasedBoolean: true },
  // Referenced by the medicine, the procedure, the plan and the report (as Synthea does, without a display for some).
  { resourceType: 'Condition', id: 'c1', code: concept('59621000', 'Essential hypertension (disorder)'), recordedDate: '1980-01-01' },
  {
    resourceType: 'MedicationRequest', id: 'm1', status: 'stopped', intent: 'order', authoredOn: '1989-05-01',
    medicationCodeableConcept: concept('314076', 'lisinopril 10 MG Oral Tablet', 'http://www.nlm.nih.gov/research/umls/rxnorm'),
    reasonReference: [{ reference: url(3) }],
    dosageInstruction: [{ text: 'Take with water', timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 2 } }] }],
  },
  {
    resourceType: 'Procedure', id: 'pr1', status: 'completed', code: concept('430193006', 'Medication reconciliation (procedure)'),
    performedPeriod: { start: '1989-04-01T10:00:00Z', end: '1989-04-01T10:15:00Z' }, reasonReference: { reference: url(3), display: 'Essential hypertension (disorder)' },
  },
  {
    resourceType: 'Observation', id: 'bp', status: 'final', category: [vital], code: concept('85354-9', 'Blood pressure panel', LOINC), effectiveDateTime: '1989-03-01',
    component: [
      { code: concept('8462-4', 'Diastolic Blood Pressure', LOINC), valueQuantity: mmHg(88) },
      { code: concept('8480-6', 'Systolic Blood Pressure', LOINC), valueQuantity: mmHg(141), interpretation: [concept('H', 'High', INTERPRETATION)] },
    ],
  },
  { resourceType: 'Observation', id: 't', status: 'final', category: [vital], code: concept('8310-5', 'Body temperature', LOINC), effectiveDateTime: '1989-03-02', valueQuantity: { value: 37.2, unit: 'Cel', system: UCUM, code: 'Cel' } },
  { resourceType: 'Observation', id: 's', status: 'final', code: concept('44249-1', 'PHQ-9 score', LOINC), effectiveDateTime: '1989-03-03', valueQuantity: { value: 7, unit: '{score}', system: UCUM, code: '{score}' } },
  {
    resourceType: 'Observation', id: 'g', status: 'final', code: concept('2339-0', 'Glucose', LOINC), effectiveDateTime: '1989-03-04',
    valueQuantity: { value: 9.1, unit: 'mmol/L', system: UCUM, code: 'mmol/L' }, interpretation: [{ coding: [{ system: INTERPRETATION, code: 'H' }] }],
  },
  {
    resourceType: 'DiagnosticReport', id: 'dr', status: 'final', code: concept('51990-0', 'Basic metabolic panel', LOINC), effectiveDateTime: '1989-03-04',
    conclusion: 'Glucose above range', result: [{ reference: url(9) }],
  },
  {
    resourceType: 'CarePlan', id: 'cp', status: 'active', intent: 'order', period: { start: '1989-02-01' },
    category: [{ coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category', code: 'assess-plan' }] }, concept('443402002', 'Lifestyle education regarding hypertension')],
    addresses: [{ reference: url(3) }],
    activity: [{ detail: { code: concept('386463000', 'Prescribed activity/exercise education'), status: 'in-progress' } }, { detail: { code: concept('413473000', 'Counseling about alcohol consumption') } }],
  },
  {
    resourceType: 'CareTeam', id: 'ct', status: 'active', period: { start: '1989-02-01' },
    participant: [{ role: [concept('223366009', 'Healthcare professional (occupation)')], member: { reference: 'Practitioner?identifier=x', display: 'Dr. Olevia Hermiston' } }],
    reasonCode: [concept('59621000', 'Essential hypertension (disorder)')],
  },
  {
    resourceType: 'Claim', id: 'cl', status: 'active', use: 'claim', type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'institutional' }] },
    billablePeriod: { start: '1989-03-04T10:00:00Z', end: '1989-03-04T10:15:00Z' }, created: '1989-03-04', provider: { display: 'Springfield Clinic' }, total: { value: 704.2, currency: 'USD' },
  },
  {
    resourceType: 'ExplanationOfBenefit', id: 'eob', status: 'active', use: 'claim', type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'institutional' }] },
    billablePeriod: { start: '1989-03-05', end: '1989-03-05' }, created: '1989-03-05', provider: { display: 'Springfield Clinic' },
    total: [{ category: concept('submitted', 'Submitted Amount', 'http://terminology.hl7.org/CodeSystem/adjudication'), amount: { value: 129.16, currency: 'USD' } }],
  },
];
const bundleOf = (list: Record<string, unknown>[]) => ({ resourceType: 'Bundle', type: 'collection', entry: list.map((resource, i) => ({ fullUrl: url(i + 1), resource })) }) as unknown as FhirBundle;
const bundle = bundleOf(resources);

/** Shapes that lost words once: flags and ranges on a blood pressure's readings, doses inside longer numbers, bare codes, a lab's own flags. */
const dose = (value: number, unit?: string) => [{ doseQuantity: { value, ...(unit ? { unit } : {}) } }];
const more: Record<string, unknown>[] = [
  {
    resourceType: 'Observation', id: 'bp2', status: 'final', category: [vital], code: { ...concept('85354-9', 'Blood pressure panel', LOINC), text: 'Blood pressure at the pharmacy' },
    effectiveDateTime: '1989-04-01',
    component: [
      { code: concept('8480-6', 'Systolic Blood Pressure', LOINC), valueQuantity: mmHg(165), interpretation: [{ coding: [{ system: INTERPRETATION, code: 'H' }] }], referenceRange: [{ high: mmHg(120) }] },
      { code: concept('8462-4', 'Diastolic Blood Pressure', LOINC), valueQuantity: mmHg(101), interpretation: [{ coding: [{ system: INTERPRETATION, code: 'H' }] }], referenceRange: [{ high: mmHg(80) }] },
    ],
  },
  { resourceType: 'MedicationRequest', id: 'm2', status: 'active', intent: 'order', medicationCodeableConcept: { text: 'amoxicillin 500 MG' }, dosageInstruction: [{ text: 'Dispense 21 tablets; complete the course', doseAndRate: dose(1) }] },
  { resourceType: 'MedicationRequest', id: 'm3', status: 'active', intent: 'order', medicationCodeableConcept: { text: 'warfarin' }, dosageInstruction: [{ text: 'Take 7.5 mg orally', route: { text: 'Oral' }, doseAndRate: dose(5, 'mg') }] },
  {
    resourceType: 'MedicationRequest', id: 'm4', status: 'active', intent: 'order', medicationCodeableConcept: { text: 'metformin' },
    dosageInstruction: [{ text: 'Oral use, twice a day', route: { text: 'Oral' }, timing: { code: { text: 'Twice a day' } }, doseAndRate: dose(2) }],
  },
  {
    resourceType: 'CarePlan', id: 'cp2', status: 'active', intent: 'plan', title: 'Hypertension care plan',
    activity: [{ detail: { code: { coding: [{ system: SNOMED, code: '229065009' }] } } }, { detail: { code: concept('229065009', 'Exercise therapy') } }],
  },
  { resourceType: 'CareTeam', id: 'ct2', status: 'active', name: 'Home care team', participant: [{ role: [{ coding: [{ system: SNOMED, code: '17561000' }] }], member: { display: 'Dr Ana' } }] },
  { resourceType: 'DiagnosticReport', id: 'dr2', status: 'final', code: { coding: [{ system: LOINC, code: '58410-2' }] }, effectiveDateTime: '1989-04-02', conclusion: 'All results normal' },
  {
    resourceType: 'Observation', id: 'k', status: 'final', code: { text: 'Potassium' }, effectiveDateTime: '1989-04-03', valueQuantity: { value: 4.1, unit: 'mmol/L' },
    interpretation: [{ coding: [{ system: 'http://lab.example.org/flags', code: 'A', display: 'Amended' }] }],
  },
  {
    resourceType: 'Observation', id: 'na', status: 'final', code: { text: 'Sodium' }, effectiveDateTime: '1989-04-04', valueQuantity: { value: 150, unit: 'mmol/L' },
    interpretation: [{ coding: [{ system: INTERPRETATION, code: 'H' }], text: 'Above the lab range' }],
  },
];

/** Each item's title with its facts ("Label: value") as shown, and the section it is in. */
async function shown(lang: string, list = resources) {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} .bundle=${list === resources ? bundle : bundleOf(list)}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, '[part=item]').length === list.length, 'the items never showed');
  const items = new Map<string, { facts: string[]; section: string }>();
  for (const item of $$(el, '[part=item]')) {
    items.set(text(item.querySelector('.title')), {
      facts: [...item.querySelectorAll('dt')].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`),
      section: item.closest('section')?.getAttribute('data-section') ?? '',
    });
  }
  /** The titles of the items a search for `query` finds. */
  const search = async (query: string) => {
    setInput($<HTMLInputElement>(el, 'input[type=search]')!, query);
    await el.updateComplete;
    return $$(el, '[part=item] .title').map((t) => text(t));
  };
  return { items, search, el };
}

const facts = (items: Map<string, { facts: string[] }>, title: string) => {
  const item = items.get(title);
  expect(item, `an item titled "${title}" among ${[...items.keys()].join(' | ')}`).to.exist;
  return item!.facts;
};

describe('record viewer: records in Synthea shape read in full', () => {
  it('a medicine and a procedure say the condition they are for, and a search finds them by it', async () => {
    const { items, search } = await shown('en');
    expect(facts(items, 'lisinopril 10 MG Oral Tablet')).to.include('Reason: Essential hypertension');
    expect(facts(items, 'Medication reconciliation')).to.include('Reason: Essential hypertension');
    expect(await search('hypertension')).to.include.members(['lisinopril 10 MG Oral Tablet', 'Medication reconciliation']);
  });

  it('a patient who died reads as deceased, with the day', async () => {
    const { items } = await shown('en');
    expect(facts(items, 'Ana Rivera').join(' | ')).to.contain('Died: May 9, 1989');
    expect(facts(items, 'Luis Rivera')).to.include('Status: deceased');
    const es = await shown('es');
    expect(facts(es.items, 'Ana Rivera').join(' | ')).to.contain('Fallecimiento: 9 may 1989');
    expect(facts(es.items, 'Luis Rivera')).to.include('Estado: fallecido');
  });

  it('Spanish says a woman who died is "fallecida"; English has one word', async () => {
    const marta = [{ resourceType: 'Patient', id: 'p3', name: [{ given: ['Marta'], family: 'Rivera' }], gender: 'female', deceasedBoolean: true }];
    expect(facts((await shown('es', marta)).items, 'Marta Rivera')).to.include('Estado: fallecida');
    expect(facts((await shown('en', marta)).items, 'Marta Rivera')).to.include('Status: deceased');
  });

  it("a dosage with its own text still says the dose and how often", async () => {
    const { items } = await shown('en');
    expect(facts(items, 'lisinopril 10 MG Oral Tablet')).to.include('Dosage: 2, twice a day, Take with water');
  });

  it('units written as UCUM codes read as people write them, and a blood pressure is said once', async () => {
    const { items, search } = await shown('en');
    const bp = facts(items, 'Blood pressure panel');
    expect(bp).to.include('Value: 141/88 mmHg');
    expect(bp.filter((f) => f.includes('141') || f.includes('88')), 'each reading once').to.have.length(1);
    expect(facts(items, 'Body temperature')).to.include('Value: 37.2 °C');
    expect(facts(items, 'PHQ-9 score')).to.include('Value: 7');
    expect(await search('mmhg')).to.deep.equal(['Blood pressure panel']);
  });

  it("a reading's interpretation is a word, in English and Spanish, and found by it", async () => {
    const { items, search } = await shown('en');
    expect(facts(items, 'Glucose')).to.include('Interpretation: high');
    expect(await search('high')).to.include('Glucose');
    const es = await shown('es');
    expect(facts(es.items, 'Glucose')).to.include('Interpretación: alto');
  });

  it('a test report sits with the test results and says its conclusion and results', async () => {
    const { items, search } = await shown('en');
    const report = facts(items, 'Basic metabolic panel');
    expect(report).to.include.members(['Conclusion: Glucose above range', 'Results: Glucose']);
    expect(items.get('Basic metabolic panel')!.section).to.equal('results');
    expect(await search('Mar 4, 1989')).to.include('Basic metabolic panel');
    expect(await search('above range')).to.deep.equal(['Basic metabolic panel']);
  });

  it('a care plan and a care team say what they hold', async () => {
    const { items, search } = await shown('en');
    const plan = facts(items, 'Lifestyle education regarding hypertension');
    expect(plan).to.include.members(['Reason: Essential hypertension', 'Planned care: Prescribed activity/exercise education, Counseling about alcohol consumption']);
    expect(plan.some((f) => /^Period: from /i.test(f) || f.startsWith('Period: Feb 1, 1989')), plan.join(' | ')).to.equal(true);
    expect(facts(items, 'Care team')).to.include.members(['Members: Dr. Olevia Hermiston (Healthcare professional)', 'Reason: Essential hypertension']);
    expect(await search('alcohol')).to.deep.equal(['Lifestyle education regarding hypertension']);
  });

  it('an insurance claim and statement are named by their kind, never by a bare code, with who billed and how much', async () => {
    const { items, el } = await shown('en');
    expect([...items.keys()]).not.to.include('institutional');
    expect(text(el.shadowRoot!)).not.to.contain('institutional');
    expect(facts(items, 'Insurance claim')).to.include.members(['Provider: Springfield Clinic', 'Total: 704.2 USD']);
    expect(facts(items, 'Insurance statement')).to.include.members(['Provider: Springfield Clinic', 'Submitted Amount: 129.16 USD']);
  });

  it("a blood pressure said once keeps each reading's flag and normal range, in English and Spanish", async () => {
    const { items } = await shown('en', more);
    expect(facts(items, 'Blood pressure at the pharmacy')).to.include.members([
      'Value: 165/101 mmHg', 'Systolic Blood Pressure: high; ≤ 120 mmHg', 'Diastolic Blood Pressure: high; ≤ 80 mmHg',
    ]);
    const es = await shown('es', more);
    expect(facts(es.items, 'Blood pressure at the pharmacy')).to.include('Systolic Blood Pressure: alto; ≤ 120 mmHg');
  });

  it("a dose is said even when the text has a longer number with it; a route or timing is left out only when the text says it as a word", async () => {
    const { items } = await shown('en', more);
    expect(facts(items, 'amoxicillin 500 MG')).to.include('Dosage: 1, Dispense 21 tablets; complete the course');
    expect(facts(items, 'warfarin')).to.include('Dosage: 5 mg, Oral, Take 7.5 mg orally');
    expect(facts(items, 'metformin')).to.include('Dosage: 2, Oral use, twice a day');
  });

  it('care planned, a member\'s role and a test report without words show no bare code', async () => {
    const { items, el } = await shown('en', more);
    expect(facts(items, 'Hypertension care plan')).to.include('Planned care: Exercise therapy');
    expect(facts(items, 'Home care team')).to.include('Members: Dr Ana');
    expect([...items.values()].some((i) => i.facts.includes('Conclusion: All results normal'))).to.equal(true);
    for (const code of ['229065009', '17561000', '58410-2']) expect(text(el.shadowRoot!)).not.to.contain(code);
  });

  it("a lab's own flag reads as the lab words it, and the record's own text for a flag wins", async () => {
    const { items } = await shown('en', more);
    expect(facts(items, 'Potassium')).to.include('Interpretation: Amended');
    expect(facts(items, 'Sodium')).to.include('Interpretation: Above the lab range');
  });
});
