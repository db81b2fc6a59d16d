import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, sampleBundle } from './helpers.js';
import { $, $$, text } from './element-helpers.js';

describe('probe s25: the host names the clinic (knownNames)', () => {
  it('names the record\'s author as it names the items the same clinic signed', async () => {
    const [clinic, patient] = await Promise.all([person(), person()]);
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
    const record = await openRecord(events, patient.signer);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[record]} .knownNames=${{ [clinic.pubkey]: 'Lakeside Hospital' }}></nip82-record-viewer>`);
    await el.updateComplete;
    const itemLine = text($$(el, '.item-provenance.signed')[0]);
    const authorLine = text($(el, '[part=provenance] dd'));
    // The items say who the clinic is; the record's own Author line should too, not a bare npub.
    expect(itemLine.includes('Lakeside Hospital')).to.equal(true);
    expect(authorLine).to.contain('Lakeside Hospital');
  });
});
