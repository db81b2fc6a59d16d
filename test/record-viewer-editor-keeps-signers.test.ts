/**
 * A clinic's record that the patient (an editor) adds to: the clinic's items still read as the
 * clinic's, signed by it, and only what the patient added reads as theirs, for a clinician who
 * opens it from the server; and still so once the clinic changes the record again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, updateRecord } from '../components/core/nip82/record.js';
import type { BundleEntry } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';
import { person, publishTo, relayUrl, sampleBundle } from './helpers.js';

const note = (id: string, words: string) => ({ fullUrl: `urn:uuid:${id}`, resource: { resourceType: 'Observation', id: id.slice(0, 8), status: 'final', code: { text: words } } }) as unknown as BundleEntry;

describe('record viewer: a clinic\'s record an editor added to', () => {
  it('keeps the clinic\'s signature on its items and names the editor only on what they added', async () => {
    const relay = await relayUrl('main');
    const [clinic, patient, doctor] = await Promise.all([person(), person(), person()]);
    const names = { [clinic.pubkey]: 'Lakeside Hospital', [patient.pubkey]: 'Alex' };
    const weekAgo = Math.floor(Date.now() / 1000) - 7 * 86400;
    const made = await createRecord({
      bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: clinic.signer, createdAt: weekAgo,
      participants: [{ pubkey: patient.pubkey, role: 'editor' }, { pubkey: doctor.pubkey, role: 'viewer' }],
    });
    await publishTo(relay, made, clinic.signer);
    const record = await openRecord(made, patient.signer);
    const bundle = structuredClone(record.bundle);
    bundle.entry!.push(note('11111111-1111-4111-8111-111111111111', 'Home reading: calm'));
    const added = await updateRecord(record, { bundle, author: patient.signer, createdAt: weekAgo + 86400 });
    await publishTo(relay, added.events, patient.signer);

    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${relay} .signer=${doctor.signer} .knownNames=${names}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'button.unlock').length > 0, 'no unlock button');
    $$<HTMLButtonElement>(el, 'button.unlock')[0]!.click();
    const lines = () => Object.fromEntries($$(el, 'li.item').map((li) => [text(li.querySelector('.title')), text(li.querySelector('.item-provenance'))]));
    await waitUntil(() => 'Home reading: calm' in lines(), 'the record never opened', { timeout: 20000 });
    for (const title of ['Penicillin', 'Tetanus', 'Ana Rivera']) expect(lines()[title]).to.match(/^from Lakeside Hospital · signed .+ · signature checked$/);
    expect(lines()['Home reading: calm']).to.match(/^from Alex · signed /);

    // The clinic changes the record in turn: the patient's item stays theirs, the clinic's its own.
    const again = structuredClone(added.record.bundle);
    again.entry!.push(note('22222222-2222-4222-8222-222222222222', 'Clinic follow-up'));
    const next = await updateRecord(added.record, { bundle: again, author: clinic.signer, createdAt: weekAgo + 2 * 86400 });
    const shown = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[next.record]} .knownNames=${names}></nip82-record-viewer>`);
    await shown.updateComplete;
    const after = Object.fromEntries($$(shown, 'li.item').map((li) => [text(li.querySelector('.title')), text(li.querySelector('.item-provenance'))]));
    expect(after['Home reading: calm']).to.match(/^from Alex · signed /);
    for (const title of ['Penicillin', 'Clinic follow-up']) expect(after[title]).to.match(/^from Lakeside Hospital · signed /);
  });
});
