// Records another app made following the NIP texts alone (NIP-82, NIP-09, NIP-40, NIP-44), opened
// and changed by the kit: the shapes the texts allow that the kit itself does not write.
import { expect } from '@open-wc/testing';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { decrypt, encrypt, getConversationKey } from 'nostr-tools/nip44';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { createRecord, openRecord, revokeAccess } from '../../components/core/nip82/record.js';
import { RecordError } from '../../components/core/errors.js';
import { nowSeconds, type NostrEvent } from '../../components/core/events.js';
import { expirationOf } from '../../components/core/nip82/grant.js';
import { secretKeySigner } from '../../components/core/signers/secret-key.js';
import { fixture, rejects, sampleBundle } from '../helpers.js';

function keyed() {
  const sk = generateSecretKey();
  return { sk, pubkey: getPublicKey(sk), signer: secretKeySigner(sk) };
}

interface Foreign {
  sign: Uint8Array;
  event: NostrEvent;
}

/**
 * A record as NIP-82 describes it: `d`, `p` and `key` tags, the inner kind 82 encrypted to the view
 * key (or the sign key when no one views), no tag of the kit's own.
 */
function foreignRecord(options: { inner: unknown; editors?: string[]; viewers?: string[]; extraTags?: string[][]; sign?: Uint8Array; createdAt?: number; d?: string; upper?: boolean }): Foreign {
  const sign = options.sign ?? generateSecretKey();
  const editors = options.editors ?? [];
  const viewers = options.viewers ?? [];
  const view = viewers.length ? generateSecretKey() : undefined;
  const hex = (k: Uint8Array) => (options.upper ? bytesToHex(k).toUpperCase() : bytesToHex(k));
  const tags = [
    ['d', options.d ?? 'rec-1'],
    ...[...editors, ...viewers].map((p) => ['p', p]),
    ...editors.map((p) => ['key', p, encrypt(hex(sign), getConversationKey(sign, p))]),
    ...viewers.map((p) => ['key', p, encrypt(hex(view!), getConversationKey(sign, p))]),
    ...(options.extraTags ?? []),
  ];
  const content = encrypt(JSON.stringify(options.inner), getConversationKey(sign, view ? getPublicKey(view) : getPublicKey(sign)));
  return { sign, event: finalizeEvent({ kind: 32225, created_at: options.createdAt ?? nowSeconds() - 60, tags, content }, sign) as NostrEvent };
}

/** A kind 82 as another app's clinician signs it: a `p` tag for the patient, nothing naming a record. */
function foreignInner(author: Uint8Array, patient: string, bundle: unknown = sampleBundle()) {
  return finalizeEvent({ kind: 82, created_at: nowSeconds() - 3600, tags: [['p', patient]], content: JSON.stringify(bundle) }, author);
}

describe('records another app made, as the NIP texts describe them', () => {
  it("the NIP-82 example wrapped as the text says: its author's signature holds, and nothing says for which record", async () => {
    const example = await fixture<{ pubkey: string; created_at: number }>('nip82-spec-example-kind82.json');
    const reader = keyed();
    const { event } = foreignRecord({ inner: example, viewers: [reader.pubkey] });
    const opened = await openRecord([event], reader.signer);
    expect(opened.author).to.equal(example.pubkey);
    expect(opened.authorVerified).to.equal(true);
    expect(opened.authorUnnamed).to.equal(true);
    expect(opened.authorBound).to.equal(false);
    expect(opened.authorSignedAt).to.equal(example.created_at);
  });

  it('a kind 82 the kit signed for one record and copied into another is still not confirmed', async () => {
    const clinic = keyed();
    const reader = keyed();
    const events = await createRecord({ bundle: sampleBundle(), author: clinic.signer, participants: [{ pubkey: reader.pubkey, role: 'editor' }], attest: false });
    const copied = foreignRecord({ inner: JSON.parse(innerJson(events[0]!, reader)), editors: [reader.pubkey] });
    const opened = await openRecord([copied.event], reader.signer);
    expect(opened.author).to.equal(clinic.pubkey);
    expect(opened.authorBound).to.equal(false);
    expect(opened.authorUnnamed).to.equal(false);
    expect(opened.authorVerified).to.equal(false);
  });

  it('a version its owner deleted by its id (NIP-09 `e` tag) is not shown; a later version is', async () => {
    const doctor = generateSecretKey();
    const reader = keyed();
    const first = foreignRecord({ inner: foreignInner(doctor, reader.pubkey), viewers: [reader.pubkey], createdAt: nowSeconds() - 100 });
    const deletion = finalizeEvent({ kind: 5, created_at: nowSeconds() - 50, tags: [['e', first.event.id], ['k', '32225']], content: '' }, first.sign) as NostrEvent;
    await rejects(openRecord([first.event, deletion], reader.signer), RecordError, 'deleted');
    // Someone else's deletion naming it ends nothing.
    const stranger = finalizeEvent({ kind: 5, created_at: nowSeconds() - 50, tags: [['e', first.event.id]], content: '' }, generateSecretKey()) as NostrEvent;
    expect((await openRecord([first.event, stranger], reader.signer)).createdAt).to.equal(first.event.created_at);
    // An older version a slow server still serves is ended with it; a version made after it is shown.
    const older = foreignRecord({ sign: first.sign, inner: foreignInner(doctor, reader.pubkey), viewers: [reader.pubkey], createdAt: nowSeconds() - 200 });
    await rejects(openRecord([older.event, first.event, deletion], reader.signer), RecordError, 'deleted');
    const later = foreignRecord({ sign: first.sign, inner: foreignInner(doctor, reader.pubkey), viewers: [reader.pubkey], createdAt: nowSeconds() - 10 });
    expect((await openRecord([first.event, deletion, later.event], reader.signer)).createdAt).to.equal(later.event.created_at);
  });

  it('removing a viewer from a share with an end date keeps the end date', async () => {
    const doctor = generateSecretKey();
    const [owner, stays, leaves] = [keyed(), keyed(), keyed()];
    const ends = nowSeconds() + 30 * 86400;
    const { event } = foreignRecord({ inner: foreignInner(doctor, owner.pubkey), editors: [owner.pubkey], viewers: [stays.pubkey, leaves.pubkey], extraTags: [['expiration', String(ends)], ['-']] });
    const changed = await revokeAccess(await openRecord([event], owner.signer), leaves.pubkey);
    const parts = changed.events.filter((e) => e.kind === 32225);
    expect(parts.length).to.be.greaterThan(0);
    for (const e of parts) expect(expirationOf(e)).to.equal(ends);
    // Once only its owner can read it, it is the owner's record of what was shared: kept, no end.
    const again = await revokeAccess(await openRecord(parts, owner.signer), stays.pubkey);
    for (const e of again.events.filter((x) => x.kind === 32225)) expect(expirationOf(e)).to.equal(undefined);
  });

  it('content over 65,535 bytes (the longer length form) opens', async () => {
    const doctor = generateSecretKey();
    const reader = keyed();
    const bundle = sampleBundle() as { entry: { resource: Record<string, unknown> }[] };
    bundle.entry.push({ resource: { resourceType: 'Observation', id: 'long', status: 'final', code: { text: 'Long note' }, valueString: 'a'.repeat(70_000) } });
    const { event } = foreignRecord({ inner: foreignInner(doctor, reader.pubkey, bundle), viewers: [reader.pubkey] });
    const opened = await openRecord([event], reader.signer);
    expect(opened.bundle.entry!.some((e) => e.resource.id === 'long')).to.equal(true);
  });

  it('a share whose end date passed can still be revoked: the new version carries no end date already past', async () => {
    // A storage server honouring NIP-40 refuses an event whose end is past: the revocation would
    // never go out, and the person revoked could still open the version they hold.
    const doctor = generateSecretKey();
    const [owner, leaves] = [keyed(), keyed()];
    const ended = nowSeconds() - 60;
    const { event } = foreignRecord({ inner: foreignInner(doctor, owner.pubkey), editors: [owner.pubkey], viewers: [leaves.pubkey], extraTags: [['expiration', String(ended)]] });
    const changed = await revokeAccess(await openRecord([event], owner.signer), leaves.pubkey);
    const parts = changed.events.filter((e) => e.kind === 32225);
    expect(parts.map((e) => expirationOf(e))).to.deep.equal(parts.map(() => undefined));
  });

  it('a record over 65,535 bytes another app made can have its access changed, as it opens', async () => {
    const doctor = generateSecretKey();
    const [owner, leaves] = [keyed(), keyed()];
    const bundle = sampleBundle() as { entry: { resource: Record<string, unknown> }[] };
    bundle.entry.push({ resource: { resourceType: 'Observation', id: 'long', status: 'final', code: { text: 'Long note' }, valueString: 'a'.repeat(70_000) } });
    const { event } = foreignRecord({ inner: foreignInner(doctor, owner.pubkey, bundle), editors: [owner.pubkey], viewers: [leaves.pubkey] });
    const changed = await revokeAccess(await openRecord([event], owner.signer), leaves.pubkey);
    const reopened = await openRecord(changed.events.filter((e) => e.kind === 32225), owner.signer);
    expect(reopened.participants!.map((p) => p.pubkey)).to.deep.equal([owner.pubkey]);
    expect(reopened.bundle.entry!.some((e) => e.resource.id === 'long')).to.equal(true);
  });

  it('a key written in capital hex opens the record', async () => {
    const doctor = generateSecretKey();
    const [owner, viewer] = [keyed(), keyed()];
    const { event } = foreignRecord({ inner: foreignInner(doctor, viewer.pubkey), editors: [owner.pubkey], viewers: [viewer.pubkey], upper: true });
    expect((await openRecord([event], viewer.signer)).role).to.equal('viewer');
    const mine = await openRecord([event], owner.signer);
    expect(mine.role).to.equal('editor');
    expect(mine.participants!.map((p) => p.role).sort()).to.deep.equal(['editor', 'viewer']);
  });
});

/** The inner kind-82 JSON an editor decrypts from one of the kit's record events (no viewers: the sign key). */
function innerJson(event: NostrEvent, editor: { sk: Uint8Array; pubkey: string }): string {
  const tag = event.tags.find((t) => t[0] === 'key' && t[1] === editor.pubkey)!;
  const sign = hexToBytes(decrypt(tag[2]!, getConversationKey(editor.sk, event.pubkey)).trim());
  return decrypt(event.content, getConversationKey(sign, event.pubkey));
}
