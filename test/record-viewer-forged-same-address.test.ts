import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, sampleBundle } from './helpers.js';
import { $$, text } from './element-helpers.js';

/**
 * A Bundle handed to the viewer can carry two entries under one address (fullUrl). The clinic's
 * signature covers one entry's content, not whatever sits at its address: only the entry it
 * covers reads as signed, wherever the forged one stands.
 */
describe('the record viewer: a forged entry under a signed entry\'s address', () => {
  it('shows the forged entry as changed after the clinic signed, and the genuine one as signed', async () => {
    const [clinic, patient] = await Promise.all([person(), person()]);
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
    const record = await openRecord(events, patient.signer);
    const bundle = structuredClone(record.bundle);
    const genuine = bundle.entry!.find((e) => e.resource.resourceType === 'AllergyIntolerance')!;
    // Someone on the way puts their own entry first, under the same fullUrl; the clinic's stays after it.
    bundle.entry!.unshift({ fullUrl: genuine.fullUrl, resource: { ...structuredClone(genuine.resource), code: { text: 'Forged: no known allergies' } } });
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${bundle} .knownNames=${{ [clinic.pubkey]: 'Lakeside Hospital' }}></nip82-record-viewer>`);
    await el.updateComplete;
    const lines = Object.fromEntries($$(el, 'li.item').map((li) => [text(li.querySelector('.title')), text(li.querySelector('.item-provenance'))]));
    expect(lines['Penicillin'] ?? '').to.contain('signature checked');
    expect(lines['Forged: no known allergies'] ?? '(not shown)').not.to.contain('signature checked');
    expect(lines['Forged: no known allergies'] ?? '(not shown)').to.contain('changed after Lakeside Hospital signed it');
  });
});
