import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { openRecord } from '../components/core/nip82/record.js';
import { sealParts } from '../components/core/nip82/record-create.js';
import { boundTag } from '../components/core/nip82/parts-write.js';
import { person, sampleBundle } from './helpers.js';
import { $$ } from './element-helpers.js';

/**
 * An author can sign the inner event with any whole number of seconds, including one past what a
 * date can hold. The record is still shown; only the signing time, which no one can read, is not.
 */
describe('the record viewer: a record signed at a time no date can hold', () => {
  it('shows the record and its saved time, without the unreadable signing time', async () => {
    const patient = await person();
    const authorKey = generateSecretKey();
    const author = getPublicKey(authorKey);
    const signKey = generateSecretKey();
    const d = 'part-1';
    // A valid Nostr created_at (a safe integer), beyond what a JS Date holds; the outer event is dated now.
    const inner = finalizeEvent({ kind: 82, created_at: 9_000_000_000_000, tags: [['p', patient.pubkey], boundTag(getPublicKey(signKey), d)], content: JSON.stringify(sampleBundle(`nostr:${npubEncode(patient.pubkey)}`)) }, authorKey);
    const events = sealParts({ inner: [JSON.stringify(inner)], ds: [d], signKey, participants: [{ pubkey: author, role: 'editor' }, { pubkey: patient.pubkey, role: 'editor' }], createdAt: Math.floor(Date.now() / 1000), author });
    const record = await openRecord(events, patient.signer);
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(String(e.message));
    window.addEventListener('error', onError);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer></nip82-record-viewer>`);
    el.records = [record];
    try { await el.updateComplete; } catch (e) { errors.push(String(e)); }
    window.removeEventListener('error', onError);
    const items = $$(el, 'li.item').length;
    expect(errors.join(' | ')).to.equal('');
    expect(items > 0).to.equal(true);
    expect($$(el, '[part=provenance] .signed-at').length).to.equal(0);
    expect($$(el, '[part=provenance] time').length).to.equal(1);
  });
});
