import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import '../components/npub-picker/define.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { createBundle } from '../components/core/fhir/bundle.js';
import { RelayClient } from '../components/core/relay/client.js';
import { shortNpub } from '../components/shared/identity.js';
import { $, $$, text } from './element-helpers.js';
import { person, relayUrl, sampleBundle, type Person, profileEvent } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';

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

  async function show(opened: OpenedRecord, lang = 'en', clinicName = 'Lakeside Hospital') {
    const el = await fixture<Nip82RecordViewer>(html`<div lang=${lang}><nip82-record-viewer .records=${[opened]} .knownNames=${{ [clinic.pubkey]: clinicName, [patient.pubkey]: 'Alex' }}></nip82-record-viewer></div>`);
    const viewer = el.querySelector('nip82-record-viewer')!;
    await viewer.updateComplete;
    return viewer;
  }

  it('names the clinic on each item it signed and the patient on what they added', async () => {
    const el = await show(await share());
    const got = lines(el);
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(record.createdAt * 1000);
    expect(got['Penicillin']).to.equal(`from Lakeside Hospital · signed ${day} · signature checked`);
    expect(got['Tetanus']).to.equal(`from Lakeside Hospital · signed ${day} · signature checked`);
    expect(got['Owner note: calm with strangers']).to.equal('added by Alex');
    // The patient's details go with any share: the clinic signed them too.
    expect($$(el, '.item-provenance.signed')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('isolates a right-to-left name ending in a digit on an item line and in a status line', async () => {
    // Without isolation "2" and what follows it would join the name's direction: "from 2 مريم · signed…".
    const name = 'مريم 2';
    const isolated = `\u2068${name}\u2069`;
    const el = await show(await share(), 'en', name);
    const line = $$(el, 'li.item').find((li) => text(li.querySelector('.title')) === 'Penicillin')!.querySelector('.item-provenance')!;
    // Set apart by a <bdi> (as FSI…PDI did), which a page translation also leaves as written.
    expect(line.textContent).to.match(new RegExp(`^from ${name} · signed `));
    const bdi = line.querySelector('bdi')!;
    expect(bdi.textContent).to.equal(name);
    expect(bdi.translate).to.equal(false);

    // A status line built as a string: the recipient picker announcing whom the patient chose.
    const relay = await relayUrl('main');
    const client = new RelayClient({ relays: [relay] });
    try {
      await client.publishAll([await profileEvent(clinic, name)]);
    } finally {
      client.close();
    }
    const picker = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay}></nip82-npub-picker>`);
    const field = $<HTMLInputElement>(picker, 'input')!;
    field.focus();
    document.execCommand('insertText', false, npubEncode(clinic.pubkey));
    const status = () => $(picker, '[part~="status"]')?.textContent?.trim();
    await waitUntil(() => status()?.startsWith('Chosen: ') && status() !== `Chosen: key ${shortNpub(clinic.pubkey)}`, 'the name announced', { timeout: 8000 });
    expect(status()).to.equal(`Chosen: ${isolated}, key ${shortNpub(clinic.pubkey)}`);
    // The name shown beside the key is isolated by its element.
    expect($(picker, '[part~="name"]')!.localName).to.equal('bdi');
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
    expect(got['Tetanus']).to.match(/^from Lakeside Hospital · signed .+ · signature checked$/);
  });

  it('filters to items signed by someone other than the patient, and speaks Spanish', async () => {
    const el = await show(await share(), 'es');
    expect(Object.keys(lines(el))).to.include('Owner note: calm with strangers');
    const box = $$<HTMLInputElement>(el, '.signed-only input')[0]!;
    expect(text(box.parentElement)).to.equal('Solo lo firmado por alguien distinto del paciente');
    box.click();
    await el.updateComplete;
    const got = lines(el);
    expect(Object.keys(got).sort()).to.deep.equal(['Ana Rivera', 'Penicillin', 'Tetanus']);
    expect(got['Tetanus']).to.match(/^de Lakeside Hospital · firmado el .+ · firma comprobada$/);
  });

  it('shows a short npub for a signer the page has no name for, and nothing for records nobody attested', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[await share()]}></nip82-record-viewer>`);
    await el.updateComplete;
    expect(lines(el)['Tetanus']).to.match(/^from npub1\S+ · signed .+ · signature checked$/);
    const plain = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [], attest: false }), patient.signer);
    const old = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[plain]}></nip82-record-viewer>`);
    await old.updateComplete;
    expect($$(old, '.item-provenance')).to.have.length(0);
    expect($(old, '.signed-only')).to.equal(null);
  });

  describe('a patient who signs their own items', () => {
    const posing = 'Dr. A. Hale, Lakeside Hospital cardiology';

    const relay = sharedRelayClient();
    before(async () => {
      await relay.client.publish(await profileEvent(patient, posing));
    });

    /** The patient's own attested record: with their `nostr:` identifier (a subject tag), or naming nobody. */
    async function own(withSubject: boolean) {
      const bundle = withSubject ? sampleBundle(`nostr:${npubEncode(patient.pubkey)}`) : sampleBundle();
      const opened = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
      expect(opened.subject).to.equal(withSubject ? patient.pubkey : undefined);
      return opened;
    }

    it('shows their profile name beside their short npub on each item, and calls the signature checked, not the name', async () => {
      const opened = await own(false);
      const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(opened.createdAt * 1000);
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${relay.url} .records=${[opened]}></nip82-record-viewer>`);
      await waitUntil(() => text($(el, '.item-provenance.signed')).includes(posing), 'the patient\'s profile name was never shown', { timeout: 10000 });
      const got = lines(el);
      expect(got['Penicillin']).to.equal(`from ${posing} (${shortNpub(patient.pubkey)}) · signed ${day} · signature checked`);
      for (const line of Object.values(got)) expect(line).to.contain(shortNpub(patient.pubkey)).and.not.contain('verified');
      expect(text($(el, '[part="provenance"] dd'))).to.equal(`${posing} ${shortNpub(patient.pubkey)} · signature checked`);
    });

    for (const withSubject of [true, false]) {
      it(`keeps none of their items among those signed by someone other than the patient (${withSubject ? 'with' : 'without'} a subject tag)`, async () => {
        const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[await own(withSubject)]}></nip82-record-viewer>`);
        await el.updateComplete;
        expect($$(el, 'li.item').length).to.be.greaterThan(0);
        const box = $$<HTMLInputElement>(el, '.signed-only input')[0]!;
        box.click();
        await el.updateComplete;
        expect($$(el, 'li.item')).to.have.length(0);
        // The viewer cannot know who is a clinician: the label says only what the filter does.
        expect(text(box.parentElement)).to.equal('Only items signed by someone other than the patient');
      });
    }
  });
});
