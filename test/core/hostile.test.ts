import { expect } from '@open-wc/testing';
import { finalizeEvent, generateSecretKey, getPublicKey, verifiedSymbol } from 'nostr-tools/pure';
import { encrypt, getConversationKey } from 'nostr-tools/nip44';
import { createRecord, openRecord } from '../../components/core/nip82/record.js';
import { VersionTracker } from '../../components/core/nip82/versions.js';
import { RecordError } from '../../components/core/errors.js';
import { nowSeconds, type NostrEvent } from '../../components/core/events.js';
import { person, rejects, sampleBundle, type Person } from '../helpers.js';

/** Builds a kind-32225 event by hand, signed by `signKey`, with chosen key-tag plaintexts. */
function handmade(signKey: Uint8Array, reader: string, keyPlaintext: string, content: string, createdAt = nowSeconds()): NostrEvent {
  const conv = getConversationKey(signKey, reader);
  return finalizeEvent({
    kind: 32225, created_at: createdAt, content,
    tags: [['d', 'a'.repeat(32)], ['p', reader], ['key', reader, encrypt(keyPlaintext, conv)]],
  }, signKey) as NostrEvent;
}

describe('hostile and faulty records', () => {
  let patient: Person;
  let reader: Person;
  let good: NostrEvent[];

  before(async () => {
    patient = await person();
    reader = await person();
    good = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] });
  });

  it('rejects a forged signature before decrypting anything', async () => {
    const forged = { ...good[0]!, sig: good[0]!.sig.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) };
    await rejects(openRecord([forged], reader.signer), RecordError, 'bad-signature');
  });

  it('rejects mutated tags or content (the id no longer matches)', async () => {
    const e = good[0]!;
    await rejects(openRecord([{ ...e, tags: [...e.tags, ['p', patient.pubkey]] }], reader.signer), RecordError, 'bad-signature');
    await rejects(openRecord([{ ...e, content: e.content.slice(0, -4) + 'AAAA' }], reader.signer), RecordError, 'bad-signature');
  });

  it('ignores a host-supplied "already verified" mark on a forged object', async () => {
    const forged = { ...good[0]!, content: good[0]!.content.slice(1) } as NostrEvent & { [verifiedSymbol]?: boolean };
    forged[verifiedSymbol] = true;
    await rejects(openRecord([forged], reader.signer), RecordError, 'bad-signature');
  });

  it('refuses another project\'s kind-32225 shape with a typed error', async () => {
    const other = finalizeEvent({ kind: 32225, created_at: nowSeconds(), tags: [['d', 'health'], ['p', reader.pubkey]], content: JSON.stringify({ offer: 'health record' }) }, generateSecretKey());
    await rejects(openRecord([other], reader.signer), RecordError, 'unsupported');
    const notRecord = finalizeEvent({ kind: 1, created_at: nowSeconds(), tags: [], content: 'hi' }, generateSecretKey());
    await rejects(openRecord([notRecord], reader.signer), RecordError, 'unsupported');
    await rejects(openRecord([{ hello: 'world' }], reader.signer), RecordError, 'malformed');
    await rejects(openRecord([], reader.signer), RecordError, 'invalid-input');
  });

  it('garbage key tags give a typed error, not a crash', async () => {
    const signKey = generateSecretKey();
    const e = finalizeEvent({
      kind: 32225, created_at: nowSeconds(), content: 'A'.repeat(200),
      tags: [['d', 'b'.repeat(32)], ['p', reader.pubkey], ['key', reader.pubkey, 'not base64 at all, but long enough to pass the first length check of the decoder................................................................']],
    }, signKey);
    const error = await rejects(openRecord([e], reader.signer), RecordError);
    expect(['decrypt-failed', 'signer', 'bad-key']).to.include(error.code);
  });

  it('a key that decrypts to a non-key is refused as bad-key', async () => {
    const signKey = generateSecretKey();
    for (const plaintext of ['hello', 'F'.repeat(64), '0'.repeat(64), 'f'.repeat(64), 'z'.repeat(64)]) {
      const e = handmade(signKey, reader.pubkey, plaintext, 'A'.repeat(200));
      await rejects(openRecord([e], reader.signer), RecordError, 'bad-key');
    }
  });

  it('a valid scalar that is neither the sign key nor the view key is "access key invalid"', async () => {
    const signKey = generateSecretKey();
    const bogus = generateSecretKey();
    const hex = Array.from(bogus, (b) => b.toString(16).padStart(2, '0')).join('');
    const realView = generateSecretKey();
    const content = encrypt(JSON.stringify({ kind: 82, pubkey: getPublicKey(signKey), tags: [], content: '{}', created_at: 1 }), getConversationKey(signKey, getPublicKey(realView)));
    await rejects(openRecord([handmade(signKey, reader.pubkey, hex, content)], reader.signer), RecordError, 'bad-key');
  });

  it('content that decrypts to non-JSON, a non-event, or a non-Bundle is malformed', async () => {
    const signKey = generateSecretKey();
    const signHex = Array.from(signKey, (b) => b.toString(16).padStart(2, '0')).join('');
    const self = getConversationKey(signKey, getPublicKey(signKey));
    for (const inner of ['not json', JSON.stringify({ kind: 1, content: '' }), JSON.stringify({ kind: 82, pubkey: getPublicKey(signKey), tags: [], content: '{"resourceType":"Patient"}' })]) {
      await rejects(openRecord([handmade(signKey, reader.pubkey, signHex, encrypt(inner, self))], reader.signer), RecordError, 'malformed');
    }
  });

  it('an unsigned inner event opens, but is marked unverified', async () => {
    const signKey = generateSecretKey();
    const signHex = Array.from(signKey, (b) => b.toString(16).padStart(2, '0')).join('');
    const self = getConversationKey(signKey, getPublicKey(signKey));
    const inner = { kind: 82, pubkey: patient.pubkey, created_at: 1, tags: [], content: JSON.stringify(sampleBundle()) };
    const opened = await openRecord([handmade(signKey, reader.pubkey, signHex, encrypt(JSON.stringify(inner), self))], reader.signer);
    expect(opened.authorVerified).to.equal(false);
    expect(opened.author).to.equal(patient.pubkey);
  });

  it('ignores future-dated versions, and refuses when only those exist', async () => {
    const future = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }], createdAt: nowSeconds() + 3600 });
    await rejects(openRecord(future, reader.signer), RecordError, 'future-dated');
  });

  it('keeps the newest version among several, and refuses a rollback to an older one', async () => {
    const opened = await openRecord(good, patient.signer);
    const { grantAccess, revokeAccess } = await import('../../components/core/nip82/record.js');
    const v2 = await grantAccess(opened, { pubkey: (await person()).pubkey, role: 'viewer' });
    const v3 = await revokeAccess(v2.record, reader.pubkey);
    const versions = new VersionTracker();
    // All versions together: the newest wins, and in it the reader was revoked.
    await rejects(openRecord([...good, ...v2.events, ...v3.events], reader.signer, { versions }), RecordError, 'not-a-participant');
    // A relay now serves only the old version that still lists the reader: refused as a rollback.
    await rejects(openRecord(good, reader.signer, { versions }), RecordError, 'rollback');
  });

  it('refuses events from two records mixed together', async () => {
    const other = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] });
    await rejects(openRecord([...good, ...other], reader.signer), RecordError, 'invalid-input');
  });

  it('rejects bad participants at creation with typed errors', async () => {
    await rejects(createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: 'npub1xyz', role: 'viewer' }] }), RecordError, 'invalid-input');
    await rejects(createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'owner' as 'viewer' }] }), RecordError, 'invalid-input');
    await rejects(createRecord({ bundle: { resourceType: 'Patient' }, author: patient.signer, participants: [] }), RecordError, 'malformed');
    await rejects(createRecord({ bundle: '{not json', author: patient.signer, participants: [] }), RecordError, 'malformed');
  });
});
