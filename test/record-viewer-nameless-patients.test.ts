/**
 * Visit records a clinic wrote for two patients whose Patient gives no name, only their key (as the
 * clinic demo writes them): each record's heading, and each timeline item, says whom it is about by
 * the host's name for them, else by their short key, so the two are told apart.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { shortNpub } from '../components/shared/identity.js';
import { $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, type Person } from './helpers.js';
import { DOG, petBundle } from './pets.js';

/** A visit record: a Patient named only by its key, and a dated blood pressure reading. */
function visitBundle(patient: string, date: string): FhirBundle {
  const subject = { reference: 'urn:uuid:6a1f0bb2-6f0e-4c3a-9a43-0000000000a1' };
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: subject.reference, resource: { resourceType: 'Patient', identifier: [{ system: 'urn:ietf:rfc:3986', value: `nostr:${npubEncode(patient)}` }] } },
      { fullUrl: 'urn:uuid:6a1f0bb2-6f0e-4c3a-9a43-0000000000a2', resource: { resourceType: 'Observation', status: 'final', subject, effectiveDateTime: date, code: { text: 'Blood pressure' } } },
    ],
  } as unknown as FhirBundle;
}

describe('<nip82-record-viewer>: records of patients whose Patient has no name', function () {
  this.timeout(60000);

  it('each record and each timeline item says whom it is about: the host\'s name, else the short key', async () => {
    const [clinic, alex, sam, reader] = [await person(), await person(), await person(), await person()];
    const visit = async (patient: Person, date: string): Promise<OpenedRecord> =>
      openRecord(await createRecord({ bundle: visitBundle(patient.pubkey, date), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }, { pubkey: reader.pubkey, role: 'viewer' }] }), reader.signer);
    const records = [await visit(alex, '2026-03-02'), await visit(sam, '2026-03-01')];
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" .records=${records} .knownNames=${{ [alex.pubkey]: 'Alex Kim' }}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 2, 'both records shown');
    await el.updateComplete;
    const headings = $$(el, 'article h2').map(text);
    const samShort = shortNpub(sam.pubkey);
    expect(headings, 'Alex by the host\'s name, Sam by the short key').to.deep.equal(['Record 1 of 2: Alex Kim', `Record 2 of 2: ${samShort}`]);

    buttonByText(el, 'Timeline')!.click();
    await waitUntil(() => $$(el, '.timeline li.item').length === 2, 'the timeline shows both readings');
    await el.updateComplete;
    const whose = $$(el, '.timeline li.item .whose').map(text);
    expect(whose).to.have.members(['For Alex Kim', `For ${samShort}`]);
  });

  it('an animal whose Patient has no name is never headed by its owner\'s name', async () => {
    const [owner, vet] = [await person(), await person()];
    const bundle = petBundle('', DOG, owner.pubkey) as unknown as { entry: { resource: Record<string, unknown> }[] };
    delete bundle.entry[0]!.resource.name;
    const record = await openRecord(await createRecord({ bundle: bundle as unknown as FhirBundle, author: vet.signer, participants: [{ pubkey: owner.pubkey, role: 'editor' }], subject: owner.pubkey }), owner.signer);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[record]} .knownNames=${{ [owner.pubkey]: 'Ana Rivera' }}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 1, 'the record shown');
    await el.updateComplete;
    expect($$(el, 'article h2').map(text)).to.deep.equal(['Health record']);
  });
});
