/**
 * Whose each item is: an owner with two pets (dog Rex and cat Mia) holds a record for each and a
 * share of both. Each record's heading names its patients; the timeline, which mixes records, and a
 * record holding several patients say beside each item whose it is; a record of one patient alone
 * stays as it was. A pet's Patient shows its owner's contact, in words, never a bare code.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { person } from './helpers.js';
import { $, $$, setInput, text } from './element-helpers.js';

const ANIMAL = 'http://hl7.org/fhir/StructureDefinition/patient-animal';
const animal = (species: string, breed: string) => ({
  url: ANIMAL,
  extension: [
    { url: 'species', valueCodeableConcept: { text: species } },
    { url: 'breed', valueCodeableConcept: { text: breed } },
  ],
});
const owner = {
  relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'O' }], text: 'Owner' }],
  name: { text: 'Sam Owner' },
  telecom: [{ system: 'phone', value: '+1 555 0100' }],
};

/** A pet's Patient and its two items; `tag` keeps each copy's fullUrls apart. */
function pet(name: string, species: string, breed: string, tag: string, extra: Record<string, unknown> = {}) {
  const patientUrl = `urn:uuid:${tag}-0000-4000-8000-000000000001`;
  return [
    { fullUrl: patientUrl, resource: { resourceType: 'Patient', id: `${tag}-p`, name: [{ given: [name] }], gender: 'male', extension: [animal(species, breed)], ...extra } },
    {
      fullUrl: `urn:uuid:${tag}-0000-4000-8000-000000000002`,
      resource: { resourceType: 'Condition', id: `${tag}-c`, code: { text: 'Ear infection' }, subject: { reference: patientUrl }, onsetDateTime: '2025-06-20' },
    },
    {
      fullUrl: `urn:uuid:${tag}-0000-4000-8000-000000000003`,
      resource: { resourceType: 'Immunization', id: `${tag}-i`, status: 'completed', vaccineCode: { text: 'Rabies vaccine' }, patient: { reference: `Patient/${tag}-p` }, occurrenceDateTime: '2025-03-01' },
    },
  ];
}

const bundleOf = (...entries: Record<string, unknown>[][]) => ({ resourceType: 'Bundle', type: 'collection', entry: entries.flat() }) as unknown as FhirBundle;
const rex = (tag = 'aaaaaaaa') => pet('Rex', 'Dog', 'Beagle', tag, { contact: [owner] });
const mia = (tag = 'bbbbbbbb') => pet('Mia', 'Cat', 'Siamese', tag);

/** Each item's title with whose it is, when it says so. */
const itemHeads = (el: Nip82RecordViewer) =>
  $$(el, '[part=item]').map((item) => [text(item.querySelector('.title')), text(item.querySelector('.whose'))].filter(Boolean).join(' · '));

async function records(): Promise<OpenedRecord[]> {
  const me = await person();
  const make = async (bundle: FhirBundle) => openRecord(await createRecord({ bundle, author: me.signer, participants: [] }), me.signer);
  return [await make(bundleOf(rex())), await make(bundleOf(mia())), await make(bundleOf(rex('cccccccc'), mia('dddddddd')))];
}

describe('record viewer: whose each item is', () => {
  it('names each record\'s patients in its heading, and says whose each item is on a timeline of several', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${await records()}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=record] h2').length === 3, 'the records never showed', { timeout: 20000 });
    await el.updateComplete;
    expect($$(el, '[part=record] h2').map((h) => text(h))).to.deep.equal(['Record 1 of 3: Rex', 'Record 2 of 3: Mia', 'Record 3 of 3: Rex and Mia']);
    // The share of both says whose each item is; a record of one pet needs no name on every line.
    const share = $$(el, '[part=record]')[2]!;
    expect([...share.querySelectorAll('[data-section=immunizations] [part=item]')].map((i) => text(i.querySelector('.whose')))).to.have.members(['For Rex', 'For Mia']);
    expect([...$$(el, '[part=record]')[0]!.querySelectorAll('.whose')]).to.have.length(0);

    el.mode = 'timeline';
    await waitUntil(() => $$(el, '[part=timeline] [part=item]').length === 8, 'the timeline never showed');
    const heads = itemHeads(el);
    expect(heads.filter((h) => h === 'Ear infection · For Rex')).to.have.length(2);
    expect(heads.filter((h) => h === 'Ear infection · For Mia')).to.have.length(2);
    expect(heads.filter((h) => h === 'Rabies vaccine · For Rex')).to.have.length(2);
    expect(heads.filter((h) => h === 'Rabies vaccine · For Mia')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('a Bundle of two pets says whose each item is, in Spanish too, and a host can word it', async () => {
    const both = bundleOf(rex(), mia());
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${both}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 6, 'the items never showed');
    expect(text($(el, '[part=record] h2'))).to.equal('Health record: Rex and Mia');
    expect([...$(el, '[data-section=immunizations]')!.querySelectorAll('[part=item]')].map((i) => text(i))).to.satisfy((items: string[]) =>
      items.some((t) => t.startsWith('Rabies vaccine For Rex')) && items.some((t) => t.startsWith('Rabies vaccine For Mia')));
    // The Patients themselves are the names.
    expect([...$(el, '[data-section=patient]')!.querySelectorAll('.whose')]).to.have.length(0);

    const es = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-record-viewer .bundle=${both}></nip82-record-viewer></div>`);
    const spanish = es.firstElementChild as Nip82RecordViewer;
    await waitUntil(() => text($(spanish, '[part=record] h2')) === 'Historial de salud: Rex y Mia', 'no Spanish heading');
    await waitUntil(() => $$(spanish, '[part=item] .whose').map((w) => text(w)).includes('De Mia'), 'no Spanish names on items');

    const own = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${both} .strings=${{ recordAbout: (_h: string, names: string) => `About ${names}`, itemOf: (name: string) => `(${name})` }}></nip82-record-viewer>`);
    await waitUntil(() => $$(own, '[part=item]').length === 6, 'the items never showed');
    expect(text($(own, '[part=record] h2'))).to.equal('About Rex and Mia');
    expect($$(own, '[part=item] .whose').map((w) => text(w))).to.include('(Rex)');
  });

  it('a search by a pet\'s name finds its items, alone or with other words', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${bundleOf(rex(), mia())}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 6, 'the items never showed');
    setInput($<HTMLInputElement>(el, 'input[type=search]')!, 'mia');
    await waitUntil(() => $$(el, '[part=item]').length === 3, 'the search never narrowed');
    expect(itemHeads(el)).to.have.members(['Mia', 'Ear infection · For Mia', 'Rabies vaccine · For Mia']);
    setInput($<HTMLInputElement>(el, 'input[type=search]')!, 'rabies rex');
    await waitUntil(() => $$(el, '[part=item]').length === 1, 'the search never narrowed to one');
    expect(itemHeads(el)).to.deep.equal(['Rabies vaccine · For Rex']);
  });

  it('one patient alone: the heading names them, no item does', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer mode="timeline" .bundle=${bundleOf(rex())}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 2, 'the timeline never showed');
    expect($$(el, '.whose')).to.have.length(0);
    expect(itemHeads(el)).to.deep.equal(['Ear infection', 'Rabies vaccine']);
    el.mode = 'summary';
    await waitUntil(() => $$(el, '[part=item]').length === 3, 'the summary never showed');
    expect(text($(el, '[part=record] h2'))).to.equal('Health record: Rex');
    expect($$(el, '.whose')).to.have.length(0);
  });

  it('a pet\'s Patient shows its owner\'s contact in words, found by a search, never a bare code', async () => {
    const contacts = [
      owner,
      { relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N' }] }], name: { given: ['Jo'], family: 'Kin' }, telecom: [{ system: 'email', value: 'jo@example.org' }, { system: 'url', value: 'https://jo.example.org' }] },
      { relationship: [{ coding: [{ code: 'XYZ' }] }], name: { text: 'Pat Sitter' } },
    ];
    const bundle = bundleOf(pet('Rex', 'Dog', 'Beagle', 'eeeeeeee', { contact: contacts }));
    const facts = async (lang: string) => {
      const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-record-viewer .bundle=${bundle}></nip82-record-viewer></div>`);
      const el = wrap.firstElementChild as Nip82RecordViewer;
      await waitUntil(() => $(el, '[data-section=patient] [part=item] dt'), 'the patient never showed');
      await waitUntil(() => lang === 'en' || text($(el, 'dt')) !== 'Born', 'never in Spanish');
      return { el, facts: [...$(el, '[data-section=patient] [part=item]')!.querySelectorAll('dt')].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`) };
    };
    const { el, facts: en } = await facts('en');
    expect(en).to.include.members(['Species: Dog', 'Breed: Beagle', 'Contact: Sam Owner (Owner), +1 555 0100', 'Contact: Jo Kin (next of kin), jo@example.org', 'Contact: Pat Sitter']);
    setInput($<HTMLInputElement>(el, 'input[type=search]')!, '555 0100');
    await el.updateComplete;
    expect($$(el, '[part=item] .title').map((t) => text(t))).to.deep.equal(['Rex']);
    setInput($<HTMLInputElement>(el, 'input[type=search]')!, 'next of kin');
    await waitUntil(() => $$(el, '[part=item] .title').map((t) => text(t)).join() === 'Rex', 'the worded relationship is not found');

    const { facts: es } = await facts('es');
    expect(es).to.include.members(['Contacto: Sam Owner (Owner), +1 555 0100', 'Contacto: Jo Kin (familiar más cercano), jo@example.org', 'Contacto: Pat Sitter']);
  });

  it('a related person and a care provider are titled by their names', async () => {
    const bundle = bundleOf(rex(), [
      { fullUrl: 'urn:uuid:ffffffff-0000-4000-8000-000000000001', resource: { resourceType: 'RelatedPerson', id: 'rp', patient: { reference: 'Patient/aaaaaaaa-p' }, relationship: [{ text: 'Owner' }], name: [{ given: ['Sam'], family: 'Owner' }] } },
      { fullUrl: 'urn:uuid:ffffffff-0000-4000-8000-000000000002', resource: { resourceType: 'Practitioner', id: 'pr', name: [{ use: 'official', prefix: ['Dr.'], given: ['Lee'], family: 'Vet' }] } },
    ]);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 5, 'the items never showed');
    const titles = $$(el, '[data-section=other] [part=item] .title').map((t) => text(t));
    expect(titles).to.have.members(['Sam Owner', 'Dr. Lee Vet']);
  });
});
