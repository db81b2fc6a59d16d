import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { createBundle } from '../components/core/fhir/bundle.js';
import { $, $$, text } from './element-helpers.js';
import { person, sampleBundle, type Person } from './helpers.js';

/** The text of each item's provenance line, by item title. */
function lines(el: Element): Record<string, string> {
  return Object.fromEntries($$(el, 'li.item').map((li) => [text(li.querySelector('.title')), text(li.querySelector('.item-provenance'))]));
}

describe('<nip82-record-viewer>: who signed each item', () => {
  let clinic: Person;
  let patient: Person;
  let kennel: Person;
  let record: OpenedRecord;

  before(async () => {
    [clinic, patient, kennel] = await Promise.all([person(), person(), person()]);
    const events = await createRecord({
      bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }],
    });
    record = await openRecord(events, patient.signer);
  });

  /** A share of the clinic's allergy and immunization, plus a note the patient adds, opened by the kennel. */
  async function share(edit?: (r: OpenedRecord) => OpenedRecord) {
    const wanted = record.bundle.entry!.filter((e) => ['AllergyIntolerance', 'Immunization'].includes(e.resource.resourceType)).map((e) => e.fullUrl!);
    const note = createBundle([{ resourceType: 'Observation', id: 'n1', status: 'final', code: { text: 'Owner note: calm with strangers' } }]);
    const own = await openRecord(await createRecord({ bundle: note, author: patient.signer, participants: [], attest: false }), patient.signer);
    const events = await createShare({
      from: [edit ? edit(record) : record, own], include: [...wanted, own.bundle.entry![0]!.fullUrl!], author: patient.signer,
      participants: [{ pubkey: kennel.pubkey, role: 'viewer' }],
    });
    return openRecord(events, kennel.signer);
  }

  async function show(opened: OpenedRecord, lang = 'en') {
    const el = await fixture<Nip82RecordViewer>(html`<div lang=${lang}><nip82-record-viewer .records=${[opened]} .knownNames=${{ [clinic.pubkey]: 'Lakeside Hospital', [patient.pubkey]: 'Alex' }}></nip82-record-viewer></div>`);
    const viewer = el.querySelector('nip82-record-viewer')!;
    await viewer.updateComplete;
    return viewer;
  }

  it('names the clinic on each item it signed and the patient on what they added', async () => {
    const el = await show(await share());
    const got = lines(el);
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(record.createdAt * 1000);
    expect(got['Penicillin']).to.equal(`from Lakeside Hospital · signed ${day} · verified`);
    expect(got['Tetanus']).to.equal(`from Lakeside Hospital · signed ${day} · verified`);
    expect(got['Owner note: calm with strangers']).to.equal('added by Alex');
    expect($$(el, '.item-provenance.signed')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('says an item changed after the clinic signed it', async () => {
    const el = await show(await share((r) => {
      const bundle = structuredClone(r.bundle);
      const allergy = bundle.entry!.find((e) => e.resource.resourceType === 'AllergyIntolerance')!.resource as unknown as { code: { text: string } };
      allergy.code.text = 'Penicillim';
      return { ...r, bundle };
    }));
    const got = lines(el);
    expect(got['Penicillim']).to.equal('changed after Lakeside Hospital signed it');
    expect($(el, '.item-provenance.changed')!.getAttribute('role')).to.equal('note');
    expect(got['Tetanus']).to.match(/^from Lakeside Hospital · signed .+ · verified$/);
  });

  it('filters to items signed by a clinician, and speaks Spanish', async () => {
    const el = await show(await share(), 'es');
    expect(Object.keys(lines(el))).to.include('Owner note: calm with strangers');
    const box = $$<HTMLInputElement>(el, '.signed-only input')[0]!;
    expect(text(box.parentElement)).to.equal('Solo lo firmado por un profesional sanitario');
    box.click();
    await el.updateComplete;
    const got = lines(el);
    expect(Object.keys(got).sort()).to.deep.equal(['Penicillin', 'Tetanus']);
    expect(got['Tetanus']).to.match(/^de Lakeside Hospital · firmado el .+ · verificado$/);
  });

  it('shows a short npub for a signer the page has no name for, and nothing for records nobody attested', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[await share()]}></nip82-record-viewer>`);
    await el.updateComplete;
    expect(lines(el)['Tetanus']).to.match(/^from npub1\S+ · signed .+ · verified$/);
    const plain = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [], attest: false }), patient.signer);
    const old = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[plain]}></nip82-record-viewer>`);
    await old.updateComplete;
    expect($$(old, '.item-provenance')).to.have.length(0);
    expect($(old, '.signed-only')).to.equal(null);
  });
});
