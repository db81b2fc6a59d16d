/**
 * A summary where what matters now comes first: in a Synthea record (three resolved conditions, two
 * stopped medicines) with an active condition from 2015, one with no status from 2016, a medicine
 * taken now and an allergy long resolved, each section lists its current items first (newest
 * first, an item with no status among them), then under a heading of its own ("No longer current"; for a
 * clinician "Inactive or ruled out", in Spanish too) the ones no longer current. Paging keeps the order and
 * lands the keyboard on the first item it brought, past ones too; a search keeps the heading; the timeline stays
 * strictly by date.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { fixture as dataFixture } from './helpers.js';
import { $, $$, buttonByText, focused, setInput, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const status = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code }] });

async function record(): Promise<FhirBundle> {
  const bundle = structuredClone(await dataFixture<FhirBundle>('synthea-patient.json'));
  const patient = { reference: bundle.entry!.find((e) => e.resource?.resourceType === 'Patient')!.fullUrl };
  const added = [
    { resourceType: 'Condition', id: 'htn', clinicalStatus: status('active'), code: { text: 'Hypertension' }, subject: patient, onsetDateTime: '2015-02-01' },
    { resourceType: 'Condition', id: 'pre', code: { text: 'Prediabetes' }, subject: patient, onsetDateTime: '2016-06-01' },
    { resourceType: 'MedicationRequest', id: 'lis', status: 'active', intent: 'order', medicationCodeableConcept: { text: 'Lisinopril 10 MG Oral Tablet' }, subject: patient, authoredOn: '2015-02-01' },
    { resourceType: 'AllergyIntolerance', id: 'pen', clinicalStatus: status('resolved'), code: { text: 'Penicillin' }, patient, recordedDate: '2020-01-01' },
    { resourceType: 'AllergyIntolerance', id: 'nut', clinicalStatus: status('active'), code: { text: 'Peanut' }, patient, recordedDate: '2010-01-01' },
  ];
  bundle.entry!.push(...added.map((resource) => ({ fullUrl: `urn:uuid:added-${resource.id}`, resource })));
  return bundle as FhirBundle;
}

/** A section's lists and headings below its own, in order: a heading's text, a list's titles. */
const outline = (el: Nip82RecordViewer, section: string) =>
  $$(el, `section[data-section="${section}"] > :is(ul, h4)`).map((n) => (n.tagName === 'H4' ? `# ${text(n)}` : [...n.querySelectorAll('.title')].map(text).join(' | ')));

describe('the record viewer: current items first', () => {
  it('lists what is current first and the past under its own heading, for a patient', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${await record()}></nip82-record-viewer>`);
    await waitUntil(() => $(el, 'section[data-section="problems"]'), 'the conditions never showed');
    expect(outline(el, 'problems')).to.deep.equal(['Prediabetes | Hypertension', '# No longer current', 'Laceration of hand | Fracture of ankle | Viral sinusitis']);
    expect(outline(el, 'medications')).to.deep.equal(['Lisinopril 10 MG Oral Tablet', '# No longer current', 'Ibuprofen 100 MG Oral Tablet | Ibuprofen 100 MG Oral Tablet']);
    expect(outline(el, 'allergies')).to.deep.equal(['Peanut', '# No longer current', 'Penicillin']);
    // Heading levels: the record h2, its sections h3, the past items h4.
    expect($(el, 'section[data-section="problems"] h4')!.getAttribute('aria-level')).to.equal(null);

    // A search keeps the heading over what it finds among past items.
    setInput($<HTMLInputElement>(el, 'input[type=search]')!, 'fracture');
    await waitUntil(() => outline(el, 'problems').length === 2, 'the search never narrowed the conditions');
    expect(outline(el, 'problems')).to.deep.equal(['# No longer current', 'Fracture of ankle']);

    // The timeline stays strictly by date.
    setInput($<HTMLInputElement>(el, 'input[type=search]')!, '');
    const timeline = [...$$(el, 'button')].find((b) => text(b) === 'Timeline')!;
    timeline.click();
    await waitUntil(() => $$(el, 'ol.timeline > li time').length > 10, 'the timeline never showed');
    const times = $$(el, 'ol.timeline > li time').map((t) => t.getAttribute('datetime')!);
    expect(times).to.deep.equal([...times].sort((a, b) => Date.parse(b) - Date.parse(a)));
    expect($$(el, 'h4')).to.have.length(0);
  });

  it('says where the past begins in the clinician\'s words, in Spanish, at the right level', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-record-viewer audience="clinician" heading-level="2" .bundle=${await record()}></nip82-record-viewer></div>`);
    const el = wrapper.firstElementChild as Nip82RecordViewer;
    await waitUntil(() => text($(el, 'section[data-section="problems"] h4')) === 'Inactivos o descartados', 'the past items never had their heading in Spanish');
    const heading = $(el, 'section[data-section="problems"] h4')!;
    expect(heading.getAttribute('aria-level')).to.equal('4');
    expect($(el, 'section[data-section="problems"] h3')!.getAttribute('aria-level')).to.equal('3');
    el.lang = 'en';
    await waitUntil(() => text($(el, 'section[data-section="problems"] h4')) === 'Inactive or ruled out', 'a clinician never read "Inactive or ruled out"');
  });

  it('pages current items first, then the past ones, the keyboard landing on the first brought', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" page-size="3" .bundle=${await record()}></nip82-record-viewer>`);
    await waitUntil(() => $(el, 'section[data-section="problems"]'), 'the conditions never showed');
    expect(outline(el, 'problems')).to.deep.equal(['Prediabetes | Hypertension', '# No longer current', 'Laceration of hand']);
    const more = $<HTMLButtonElement>(el, 'section[data-section="problems"] button.more')!;
    more.focus();
    more.click();
    await waitUntil(() => $$(el, 'section[data-section="problems"] .item').length === 5, 'Show more never brought the last items');
    expect(outline(el, 'problems')).to.deep.equal(['Prediabetes | Hypertension', '# No longer current', 'Laceration of hand | Fracture of ankle | Viral sinusitis']);
    await waitUntil(() => text(focused(el)?.querySelector('.title')) === 'Fracture of ankle', 'the keyboard did not land on the first item brought');
  });

  it('leaves a record\'s own headings in its original text as they are: only the heading over past items is muted', async () => {
    const bundle = await record();
    const div = '<div xmlns="http://www.w3.org/1999/xhtml"><h4>Plan</h4><p>Rest the hand.</p></div>';
    (bundle.entry!.find((e) => e.resource?.resourceType === 'Condition' && e.resource.id !== 'htn' && e.resource.id !== 'pre')!.resource as { text?: unknown }).text = { status: 'generated', div };
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $(el, 'section[data-section="problems"] > h4'), 'the past items have their heading');
    buttonByText(el, 'Show original text')!.click();
    await waitUntil(() => $(el, '[part="narrative"] h4'), 'the original text never appeared');
    const narrative = $(el, '[part="narrative"] h4')!.closest('[part="narrative"]')!;
    const ink = (n: Element) => getComputedStyle(n).color;
    expect(ink(narrative.querySelector('h4')!), 'the record\'s own heading').to.equal(ink(narrative.querySelector('.own-text p')!));
    expect(ink($(el, 'section[data-section="problems"] > h4')!), 'the heading over past items, muted').to.not.equal(ink(narrative.querySelector('.own-text p')!));
  });
});
