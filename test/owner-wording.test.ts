/**
 * An animal's record is controlled by its owner: what the owner hid from a kennel or a vet, and
 * the items the owner signed, are the owner's, and the clinician is told to ask the owner, not the
 * animal. A person's record keeps speaking of the patient.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import '../components/hidden-flag/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82HiddenFlag } from '../components/hidden-flag/hidden-flag.js';
import type { HiddenFlagStrings } from '../components/hidden-flag/hidden-flag.strings.js';
import type { RecordViewerStrings } from '../components/record-viewer/record-viewer.strings.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { ANIMAL_EXTENSION } from '../components/core/fhir/patient.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { loadLanguage } from '../components/shared/language-packs.js';
import { $, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle, type Person } from './helpers.js';

/** The sample record, its subject made a dog when `animal`. */
function bundleOf(animal: boolean): FhirBundle {
  const bundle = sampleBundle() as unknown as FhirBundle;
  if (animal) {
    Object.assign(bundle.entry![0]!.resource, {
      name: [{ text: 'Luna' }],
      extension: [{ url: ANIMAL_EXTENSION, extension: [{ url: 'species', valueCodeableConcept: { text: 'Dog' } }] }],
    });
  }
  return bundle;
}

describe('owner wording on an animal\'s record', () => {
  let vet: Person;
  let owner: Person;
  let kennel: Person;
  const shares: Partial<Record<'animal' | 'person', OpenedRecord>> = {};

  before(async () => {
    [vet, owner, kennel] = await Promise.all([person(), person(), person()]);
    await loadLanguage('es');
  });

  /** The vet's record, which its subject shares with the kennel hiding the condition, disclosing how many. */
  async function share(subject: 'animal' | 'person'): Promise<OpenedRecord> {
    if (shares[subject]) return shares[subject];
    const events = await createRecord({ bundle: bundleOf(subject === 'animal'), author: vet.signer, subject: owner.pubkey, participants: [{ pubkey: owner.pubkey, role: 'editor' }] });
    const record = await openRecord(events, owner.signer);
    const hidden = record.bundle.entry!.filter((e) => e.resource.resourceType === 'Condition').map((e) => e.fullUrl!);
    const shared = await createShare({ from: [record], withhold: hidden, disclose: 'count', author: owner.signer, participants: [{ pubkey: kennel.pubkey, role: 'viewer' }] });
    return (shares[subject] = await openRecord(shared, kennel.signer));
  }

  async function show(opened: OpenedRecord, lang: string, overrides: { strings?: Partial<RecordViewerStrings>; flagStrings?: Partial<HiddenFlagStrings> } = {}) {
    const wrap = await fixture(html`<div lang=${lang}>
      <nip82-record-viewer audience="clinician" .records=${[opened]} .strings=${overrides.strings} .flagStrings=${overrides.flagStrings}></nip82-record-viewer>
    </div>`);
    const viewer = wrap.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await viewer.updateComplete;
    const flag = () => $<Nip82HiddenFlag>(viewer, 'nip82-hidden-flag');
    const part = (name: string) => text(flag()?.shadowRoot?.querySelector(`[part~="${name}"]`));
    const filter = () => text($(viewer, '.signed-only'));
    await waitUntil(() => part('title') && filter(), 'the flag and the filter shown');
    return { viewer, part, filter };
  }

  it('tells the clinician the owner withheld items and to ask the owner, and names the owner in the filter', async () => {
    const { viewer, part, filter } = await show(await share('animal'), 'en');
    expect(part('title')).to.equal('The owner withheld 1 item from this record');
    expect(part('explanation')).to.equal('The owner chose not to share these here. If they could matter for care, it is worth asking the owner about them.');
    expect(filter()).to.equal('Only items signed by someone other than the owner');
    expect(text(viewer.shadowRoot)).not.to.match(/patient withheld|asking the patient|other than the patient/i);
  });

  it('says the same in Spanish', async () => {
    const { part, filter } = await show(await share('animal'), 'es');
    await waitUntil(() => part('title').startsWith('El dueño'), 'the Spanish flag');
    expect(part('title')).to.equal('El dueño no compartió 1 elemento de este historial');
    expect(part('explanation')).to.equal('El dueño decidió no compartirlos aquí. Si pudieran ser importantes para la atención, conviene preguntarle al dueño por ellos.');
    expect(filter()).to.equal('Solo lo firmado por alguien distinto del dueño');
  });

  it('keeps speaking of the patient on a person\'s record, in both languages', async () => {
    const opened = await share('person');
    const en = await show(opened, 'en');
    expect(en.part('title')).to.equal('The patient withheld 1 item from this record');
    expect(en.part('explanation')).to.match(/worth asking the patient about them/);
    expect(en.filter()).to.equal('Only items signed by someone other than the patient');
    const es = await show(opened, 'es');
    await waitUntil(() => es.part('title').startsWith('El paciente'), 'the Spanish flag');
    expect(es.part('title')).to.equal('El paciente no compartió 1 elemento de este historial');
    expect(es.filter()).to.equal('Solo lo firmado por alguien distinto del paciente');
  });

  it('lets a host word the owner strings its own way', async () => {
    const { part, filter } = await show(await share('animal'), 'en', {
      strings: { signedOnlyOwner: 'Signed by others than the guardian' },
      flagStrings: { countTitleOwner: (_n, countText) => `The guardian kept back ${countText}`, explanationOwner: 'Ask the guardian.' },
    });
    expect(part('title')).to.equal('The guardian kept back 1');
    expect(part('explanation')).to.equal('Ask the guardian.');
    expect(filter()).to.equal('Signed by others than the guardian');
  });

  it('a standalone flag speaks of the owner when told the subject is an animal', async () => {
    const wrap = await fixture(html`<div>
      <nip82-hidden-flag subject="animal" disclose="flag"></nip82-hidden-flag>
      <div lang="es"><nip82-hidden-flag subject="animal" disclose="count" count="2"></nip82-hidden-flag></div>
      <nip82-hidden-flag subject="animal" disclose="flag" .strings=${{ flagTitleOwner: 'Hidden by the guardian' }}></nip82-hidden-flag>
      <nip82-hidden-flag disclose="flag"></nip82-hidden-flag>
    </div>`);
    const flags = [...wrap.querySelectorAll<Nip82HiddenFlag>('nip82-hidden-flag')];
    await Promise.all(flags.map((f) => f.updateComplete));
    const title = (f: Nip82HiddenFlag) => text(f.shadowRoot!.querySelector('[part~="title"]'));
    await waitUntil(() => title(flags[1]!).startsWith('El dueño'), 'the Spanish flag');
    expect(flags.map(title)).to.deep.equal([
      'Some items were withheld by the owner',
      'El dueño no compartió 2 elementos de este historial',
      'Hidden by the guardian',
      'Some items were withheld by the patient',
    ]);
    expect(text(flags[0]!.shadowRoot!.querySelector('[part~="explanation"]'))).to.match(/asking the owner/);
    flags[0]!.subject = 'person';
    await flags[0]!.updateComplete;
    expect(title(flags[0]!)).to.equal('Some items were withheld by the patient');
    await expect(flags[0]!).to.be.accessible();
  });
});
