// A record another app made as NIP-82 describes it (its inner kind 82 names no record): the viewer
// shows its author as checked, with a plain note instead of the warning for a copied signature.
import { expect, fixture, html } from '@open-wc/testing';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { decrypt, encrypt, getConversationKey } from 'nostr-tools/nip44';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { nowSeconds, type NostrEvent } from '../components/core/events.js';
import { secretKeySigner } from '../components/core/signers/secret-key.js';
import { $, $$, text } from './element-helpers.js';
import { fixture as jsonFixture, sampleBundle } from './helpers.js';

const UNNAMED_EN = "Its author's signature does not say which record it was written for, so it may not be their latest version. Check the date it was signed.";

function keyed() {
  const sk = generateSecretKey();
  return { sk, pubkey: getPublicKey(sk), signer: secretKeySigner(sk) };
}

/** The record event another app writes: `d`, `p`, `key` tags, the kind 82 encrypted to the view key. */
function foreignRecord(inner: unknown, viewer: string): NostrEvent {
  const sign = generateSecretKey();
  const view = generateSecretKey();
  const tags = [['d', 'rec-1'], ['p', viewer], ['key', viewer, encrypt(bytesToHex(view), getConversationKey(sign, viewer))]];
  const content = encrypt(JSON.stringify(inner), getConversationKey(sign, getPublicKey(view)));
  return finalizeEvent({ kind: 32225, created_at: nowSeconds() - 60, tags, content }, sign) as NostrEvent;
}

async function show(record: OpenedRecord, options: { lang?: string; names?: Record<string, string>; signedOnly?: boolean; strings?: Record<string, string> } = {}) {
  const el = await fixture<HTMLElement>(
    html`<div lang=${options.lang ?? 'en'}><nip82-record-viewer .records=${[record]} .knownNames=${options.names ?? {}} .strings=${options.strings} ?signed-only=${options.signedOnly}></nip82-record-viewer></div>`,
  );
  const viewer = el.querySelector('nip82-record-viewer') as Nip82RecordViewer;
  await viewer.updateComplete;
  return viewer;
}

describe("<nip82-record-viewer>: another app's record", () => {
  it('the NIP-82 example: its author named and checked, a plain note in place of the warning, in English and Spanish', async () => {
    const example = await jsonFixture<{ pubkey: string }>('nip82-spec-example-kind82.json');
    const reader = keyed();
    const record = await openRecord([foreignRecord(example, reader.pubkey)], reader.signer);
    const el = await show(record, { names: { [example.pubkey]: 'Dr Ana Example' } });
    expect(text($(el, '.provenance .name'))).to.equal('Dr Ana Example');
    expect($(el, '.provenance .verified')).to.not.equal(null);
    expect($(el, '.warning.unverified')).to.equal(null);
    expect(text($(el, '.unnamed'))).to.equal(UNNAMED_EN);
    // The date it was signed is there to check.
    expect($(el, '.provenance .signed-at')).to.not.equal(null);
    await expect(el).to.be.accessible();

    const es = await show(record, { lang: 'es' });
    expect(text($(es, '.unnamed'))).to.equal('La firma de su autor no dice para qué historial lo escribió, así que puede no ser su versión más reciente. Compruebe la fecha de la firma.');
    const own = await show(record, { strings: { authorUnnamed: 'Signed by its author; which record it was for is not said.' } });
    expect(text($(own, '.unnamed'))).to.equal('Signed by its author; which record it was for is not said.');
  });

  it('"Signed only" keeps the items a clinician signed as a whole', async () => {
    const doctor = generateSecretKey();
    const patient = keyed();
    const inner = finalizeEvent({ kind: 82, created_at: nowSeconds() - 3600, tags: [['p', patient.pubkey]], content: JSON.stringify(sampleBundle()) }, doctor);
    const record = await openRecord([foreignRecord(inner, patient.pubkey)], patient.signer);
    const all = await show(record);
    expect($(all, '.signed-only')).to.not.equal(null);
    const el = await show(record, { signedOnly: true });
    const titles = $$(el, 'li.item .title').map(text);
    expect(titles).to.include('Penicillin');
    expect(titles.length).to.equal($$(all, 'li.item').length);
  });

  it('a signature the kit gave for one record, copied into another, still gets the warning', async () => {
    const clinic = keyed();
    const reader = keyed();
    const events = await createRecord({ bundle: sampleBundle(), author: clinic.signer, participants: [{ pubkey: reader.pubkey, role: 'editor' }], attest: false });
    const tag = events[0]!.tags.find((t) => t[0] === 'key' && t[1] === reader.pubkey)!;
    const sign = hexToBytes(decrypt(tag[2]!, getConversationKey(reader.sk, events[0]!.pubkey)).trim());
    const inner = JSON.parse(decrypt(events[0]!.content, getConversationKey(sign, events[0]!.pubkey)));
    const record = await openRecord([foreignRecord(inner, reader.pubkey)], reader.signer);
    const el = await show(record);
    expect(text($(el, '.warning.unverified'))).to.match(/^Not confirmed as current: its author signed this for another record/);
    expect($(el, '.unnamed')).to.equal(null);
  });
});
