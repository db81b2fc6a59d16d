/**
 * A clinic's access list: the records of its many patients, each under the patient's name, in
 * order by name (as the page's language sorts), each name a heading at the element's first level
 * (a screen reader's list of headings finds a patient) over a group it names; two patients of one
 * name are two groups, told apart by their keys. Among many patients, a field finds one by any part
 * of their name. Usable at 320 px. A patient's own records (one person) are one list, as ever.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { shortNpub } from '../components/shared/identity.js';
import { fixture as dataFixture, person, recordAbout, sampleBundle, type Person } from './helpers.js';
import { $, $$, accessibleName, setInput, text } from './element-helpers.js';
import { expectReflows, onPhone } from './reflow.js';
import { DOG, petBundle } from './pets.js';

/** `bundle` written by `author` for the clinic, which may view it; opened by the clinic. */
async function sharedWith(clinic: Person, author: Person, bundle: FhirBundle): Promise<OpenedRecord> {
  return openRecord(await createRecord({ bundle, author: author.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), clinic.signer);
}

/** A record the clinic wrote about `patient`, who may edit it; opened by the clinic (an editor: it sees who has access). */
async function written(clinic: Person, patient: Person, name: string, label: string): Promise<OpenedRecord> {
  return openRecord(await createRecord({ bundle: recordAbout(name, label, patient), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] }), clinic.signer);
}

/** Each patient's heading and the headings of the records under it, as shown. */
const groups = (el: Element) =>
  $$(el, '[part=patient]').map((g) => [text(g.querySelector(':scope > h3')), g.querySelectorAll('[part=record]').length, [...g.querySelectorAll('[part=record] h4[id]')].map((h) => text(h))] as const);

/** The patients' names the list shows now (a search leaves the others out of sight). */
const seen = (el: Element) => $$(el, '[part=patient] > h3').filter((h) => h.getClientRects().length > 0).map((h) => text(h));

/** The clinic's list of `records`, with "zoe" typed in its find field and one patient found. */
async function zoeFound(clinic: Person, records: OpenedRecord[]): Promise<Nip82AccessList> {
  const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${records} .signer=${clinic.signer}></nip82-access-list>`);
  await waitUntil(() => $(el, 'input[type=search]'), 'a field to find a patient');
  setInput($<HTMLInputElement>(el, 'input[type=search]')!, 'zoe');
  await waitUntil(() => seen(el).length === 1, 'one patient found');
  return el;
}

/** The page's headings as Chromium's accessibility tree holds them, in document order: their text and level. */
async function headings(): Promise<[string, number][]> {
  const found = (await executeServerCommand<{ name: string; level: number }[], undefined>('headings')) ?? [];
  return found.map(({ name, level }) => [name, level]);
}

/** A clinic's five records of four patients (one the Synthea patient, whose record names no key), handed in out of any order by name. */
async function clinicRecords(clinic: Person) {
  const [zoe, ana, emile, denis] = await Promise.all([person(), person(), person(), person()]);
  const synthea = (await dataFixture('synthea-patient.json')) as FhirBundle;
  return [
    await written(clinic, zoe, 'Zoe Quinn', 'Asthma'),
    await sharedWith(clinic, ana, recordAbout('Ana Rivera', 'Migraine', ana)),
    await sharedWith(clinic, emile, recordAbout('Émile Dubois', 'Gout', emile)),
    await sharedWith(clinic, denis, synthea),
    await sharedWith(clinic, zoe, recordAbout('Zoe Quinn', 'Eczema', zoe)),
  ];
}

/** Seven patients' records: more than fit on a screen or two. */
async function manyRecords(clinic: Person) {
  const more = await Promise.all(['Bea Park', 'Carl Ito', 'Dana Cole'].map(async (name) => sharedWith(clinic, await person(), recordAbout(name, 'Flu'))));
  return [...(await clinicRecords(clinic)), ...more];
}

describe('the access list of a clinic: several patients\' records', function () {
  this.timeout(90000);

  it('lists each patient\'s records under their name, in order by name, each name a heading over a group it names', async () => {
    const clinic = await person();
    const records = await clinicRecords(clinic);
    const page = await fixture<HTMLElement>(html`<section lang="en"><h1>Patients' records</h1>
      <nip82-access-list heading-level="2" .records=${records} .signer=${clinic.signer}></nip82-access-list></section>`);
    const el = page.querySelector<Nip82AccessList>('nip82-access-list')!;
    await waitUntil(() => $$(el, '[part=record]').length === 5, 'the records are listed');
    const shown = groups(el);
    // By name as people sort them: "Émile" among the E's, not after "Zoe" as the code points go.
    expect(shown.map(([name, n]) => [name, n])).to.deep.equal([['Ana Rivera', 1], ['Denis399 Lincoln623 Schmitt836', 1], ['Émile Dubois', 1], ['Zoe Quinn', 2]]);
    for (const [name, , titles] of shown) expect(titles.every((t) => t.includes(`for ${name}`)), `${name}: ${JSON.stringify(titles)}`).to.equal(true);
    // Under a name, the list's own order: the one the clinic wrote (handed in first) first, with the people it can revoke.
    expect(shown[3]![2][0]).to.match(/^Conditions for Zoe Quinn · from you · /);

    // Each group is named by its patient, for the keyboard's way in (a screen reader says whose records these are).
    expect($$(el, '[part=patient]').map((g) => [g.getAttribute('role'), accessibleName(g)])).to.deep.equal([
      ['group', 'Ana Rivera'], ['group', 'Denis399 Lincoln623 Schmitt836'], ['group', 'Émile Dubois'], ['group', 'Zoe Quinn'],
    ]);
    // The patients' names at the element's first level, their records below them, and the people on each below that.
    const levels = (await headings()).slice(1);
    expect(levels.filter(([, level]) => level === 2).map(([name]) => name)).to.deep.equal(['Ana Rivera', 'Denis399 Lincoln623 Schmitt836', 'Émile Dubois', 'Zoe Quinn']);
    expect(levels.filter(([, level]) => level === 3).length, JSON.stringify(levels)).to.equal(5);
    expect(levels.filter(([, level]) => level === 4).map(([name]) => name)).to.deep.equal(['Listed on this record', 'Listed on this record', 'Listed on this record', 'Who has access', 'Listed on this record']);
    // Four patients fit on a screen: no field to find one.
    expect($$(el, 'input').length).to.equal(0);
  });

  it('among many patients, finds one by any part of the name, accents and case aside, and says how many it shows', async () => {
    const clinic = await person();
    const records = await manyRecords(clinic);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${records} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => seen(el).length === 7, 'the patients are listed');
    await waitUntil(() => $(el, 'input[type=search]'), 'a field to find a patient');
    const field = $<HTMLInputElement>(el, 'input[type=search]')!;
    expect(text(el.shadowRoot!.querySelector(`label[for=${field.id}]`))).to.equal('Find a patient by name');

    setInput(field, 'EMILE');
    await waitUntil(() => seen(el).length === 1, 'one patient found');
    expect(seen(el)).to.deep.equal(['Émile Dubois']);
    expect(text($(el, 'p.found'))).to.equal('Showing 1 of 7 patients.');

    // Spoken once the user stops typing, not at each key (the list narrowed at once).
    await waitUntil(() => text($(el, '.find [role=status]')) === 'Showing 1 of 7 patients.', 'the count spoken after a pause');
    setInput(field, 'EMIL');
    await el.updateComplete;
    expect(text($(el, '.find [role=status]')), 'nothing spoken while typing').to.equal('');
    expect(text($(el, 'p.found')), 'the count on screen at once').to.equal('Showing 1 of 7 patients.');

    setInput(field, 'schmitt');
    await waitUntil(() => seen(el)[0] === 'Denis399 Lincoln623 Schmitt836', 'found by the family name');

    setInput(field, 'xyz');
    await waitUntil(() => seen(el).length === 0, 'none found');
    expect(text($(el, 'p.found'))).to.equal('No patient\'s name contains “xyz”.');

    setInput(field, '');
    await waitUntil(() => seen(el).length === 7, 'every patient again');
    expect(text($(el, 'p.found'))).to.equal('');

    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-access-list .records=${records} .signer=${clinic.signer}></nip82-access-list></div>`);
    const es = wrapper.querySelector('nip82-access-list')!;
    await waitUntil(() => $(es, 'label[for=find]') && text($(es, 'label[for=find]')) === 'Buscar un paciente por su nombre', 'the field in Spanish');
    setInput($<HTMLInputElement>(es, 'input[type=search]')!, 'zoe');
    await waitUntil(() => text($(es, 'p.found')) !== '', 'the count in Spanish');
    // The verb agrees with what is shown: one patient "se muestra".
    expect(text($(es, 'p.found'))).to.equal('Se muestra 1 de 7 pacientes.');
    setInput($<HTMLInputElement>(es, 'input[type=search]')!, 'ana');
    await waitUntil(() => text($(es, 'p.found')) === 'Se muestran 2 de 7 pacientes.', 'two shown in Spanish');
  });

  it('a patient\'s own records stay one list, without their name over it', async () => {
    const patient = await person();
    const own = async () => openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[await own(), await own()]} .signer=${patient.signer}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=record]').length === 2, 'the records are listed');
    expect($$(el, '[part=patient]').length).to.equal(0);
    expect($$(el, '.records > [part=record] > h3').map((h) => text(h))).to.have.length(2);
  });

  it('two patients of one name are two groups, told apart by their keys', async () => {
    const [clinic, one, other] = await Promise.all([person(), person(), person()]);
    const records = [await sharedWith(clinic, one, recordAbout('Ana Rivera', 'Migraine', one)), await sharedWith(clinic, other, recordAbout('Ana Rivera', 'Asthma', other))];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${records} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=patient]').length === 2, 'two patients');
    expect(groups(el).map(([name]) => name)).to.have.members([`Ana Rivera ${shortNpub(one.pubkey)}`, `Ana Rivera ${shortNpub(other.pubkey)}`]);
  });

  it('puts records naming no patient last, in the page\'s language', async () => {
    const [clinic, zoe, someone] = await Promise.all([person(), person(), person()]);
    const unnamed = { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:c1', resource: { resourceType: 'Condition', id: 'c1', code: { text: 'Flu' } } }] } as FhirBundle;
    const records = [await sharedWith(clinic, someone, unnamed), await sharedWith(clinic, zoe, recordAbout('Zoe Quinn', 'Asthma', zoe))];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${records} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=patient]').length === 2, 'two groups');
    expect(groups(el).map(([name]) => name)).to.deep.equal(['Zoe Quinn', 'No patient named']);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-access-list .records=${records} .signer=${clinic.signer}></nip82-access-list></div>`);
    const es = wrapper.querySelector('nip82-access-list')!;
    await waitUntil(() => groups(es).map(([name]) => name).join() === 'Zoe Quinn,Sin paciente nombrado', 'the groups in Spanish');
  });

  it('forgets the name typed once the records are taken away (a sign-out): the next list shows every patient', async () => {
    const clinic = await person();
    const records = await manyRecords(clinic);
    const el = await zoeFound(clinic, records);
    el.records = undefined;
    await waitUntil(() => !$(el, 'input[type=search]'), 'the list gone');
    el.records = records;
    await waitUntil(() => seen(el).length === 7, 'every patient shown');
    expect($<HTMLInputElement>(el, 'input[type=search]')!.value).to.equal('');
  });

  it('forgets the name typed when another clinician\'s records are handed in (a change of user)', async () => {
    const [clinic, other] = await Promise.all([person(), person()]);
    const [records, theirs] = await Promise.all([manyRecords(clinic), manyRecords(other)]);
    const el = await zoeFound(clinic, records);
    // The host signs the other user in and hands in their records at once, with no empty list between.
    el.signer = other.signer;
    el.records = theirs;
    await waitUntil(() => $$(el, '[part=record]').length === theirs.length, 'the other user\'s records');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[type=search]')!.value).to.equal('');
    expect(seen(el)).to.have.length(7);
    expect(text($(el, 'p.found'))).to.equal('');
  });

  it('shows every patient once too few are left to need the find field, none hidden by the name typed before', async () => {
    const clinic = await person();
    const records = await manyRecords(clinic);
    const el = await zoeFound(clinic, records);
    // Two patients' records go (their shares revoked, say): five patients left, no field to clear.
    el.records = records.filter((r) => !/Bea Park|Carl Ito/.test(JSON.stringify(r.bundle)));
    await waitUntil(() => !$(el, 'input[type=search]'), 'no field among five patients');
    await el.updateComplete;
    expect(seen(el)).to.have.length(5);
  });

  it('names a patient as their own record does, not as a newer record someone else wrote under their key', async () => {
    const [clinic, ana, stranger] = await Promise.all([person(), person(), person()]);
    // Anyone can write a record naming Ana's key and list the clinic on it: here under another name.
    const records = [await sharedWith(clinic, stranger, recordAbout('Zoe Quinn', 'Flu', ana)), await sharedWith(clinic, ana, recordAbout('Ana Rivera', 'Migraine', ana)), await sharedWith(clinic, await person(), recordAbout('Bea Park', 'Flu'))];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${records} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=patient]').length === 2, 'two patients');
    expect(groups(el).map(([name, n]) => [name, n])).to.deep.equal([['Ana Rivera', 2], ['Bea Park', 1]]);
  });

  it('never puts an animal\'s record naming no key under a person of the same name, nor a record naming nobody under a patient', async () => {
    const [clinic, bella, vet, someone] = await Promise.all([person(), person(), person(), person()]);
    const unnamed = { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:c1', resource: { resourceType: 'Condition', id: 'c1', code: { text: 'Flu' } } }] } as FhirBundle;
    const records = [
      await sharedWith(clinic, bella, recordAbout('Bella', 'Asthma', bella)),
      // A dog named Bella, its record naming no key for it.
      await sharedWith(clinic, vet, petBundle('Bella', DOG, someone.pubkey)),
      // A record under someone's key that names no patient, and one naming neither key nor name.
      openRecord(await createRecord({ bundle: unnamed, author: someone.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }], subject: someone.pubkey }), clinic.signer),
      await sharedWith(clinic, vet, { ...unnamed, entry: [{ ...unnamed.entry![0]!, fullUrl: 'urn:uuid:c2' }] } as FhirBundle),
    ];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${await Promise.all(records)} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=record]').length === 4, 'the records are listed');
    expect(groups(el).map(([, n]) => n)).to.deep.equal([1, 1, 1, 1]);
  });

  describe('on a phone', () => {
    onPhone();

    it('the grouped list and its search fit 320 px', async () => {
      const clinic = await person();
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${await manyRecords(clinic)} .signer=${clinic.signer}></nip82-access-list>`);
      await waitUntil(() => $$(el, '[part=patient]').length === 7, 'the patients are listed');
      await expectReflows(el, 'a clinic\'s patients');
      setInput($<HTMLInputElement>(el, 'input[type=search]')!, 'Denis399 Lincoln623 Schmitt836 and more');
      await waitUntil(() => seen(el).length === 0, 'none found');
      await expectReflows(el, 'a long name found nowhere');
    });
  });
});

describe('the access list of a clinic: one colleague on several patients\' records', function () {
  this.timeout(90000);

  it('describes each revoke button by its record, so that the buttons do not all sound alike', async () => {
    const [clinic, colleague, ana, zoe] = await Promise.all([person(), person(), person(), person()]);
    const onBoth = async (patient: Person, name: string, label: string) =>
      openRecord(await createRecord({ bundle: recordAbout(name, label, patient), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }, { pubkey: colleague.pubkey, role: 'viewer' }] }), clinic.signer);
    const records = [await onBoth(ana, 'Ana Rivera', 'Migraine'), await onBoth(zoe, 'Zoe Quinn', 'Asthma')];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${records} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => $$(el, `[data-pubkey="${colleague.pubkey}"] button.revoke`).length === 2, 'the colleague\'s revoke buttons');
    const buttons = $$(el, `[data-pubkey="${colleague.pubkey}"] button.revoke`);
    // What a screen reader says of each: its name, then its description (the heading it points to).
    const described = buttons.map((b) => (b.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => text(el.shadowRoot!.getElementById(id))).join(' '));
    expect(new Set(buttons.map((b) => accessibleName(b))).size, 'the names alike').to.equal(1);
    expect(described.map((d) => /Ana Rivera/.test(d) ? 'Ana' : /Zoe Quinn/.test(d) ? 'Zoe' : d)).to.deep.equal(['Ana', 'Zoe']);
  });
});
