// Signature checks on the open path, on the built core: each signature is checked once (the inner
// events an attested record's own key signed are covered by the outer signature), inner events by
// anyone else still are, and the opt-in WASM verifier takes over every check in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schnorr } from '@noble/curves/secp256k1.js';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { getConversationKey, encrypt } from 'nostr-tools/nip44';
import { createRecord, openRecord, secretKeySigner, verifiedEvent, isValidSignedEvent, RecordError } from '../../dist/core/index.js';
import { useWasmVerifier, stopWasmVerifier } from '../../dist/core/wasm-verifier.js';

/** Counts the JavaScript Schnorr checks `run` makes. */
async function schnorrChecks(run) {
  const original = schnorr.verify;
  let count = 0;
  schnorr.verify = (...args) => (count++, original(...args));
  try {
    const result = await run();
    return { count, result };
  } finally {
    schnorr.verify = original;
  }
}

const person = () => {
  const key = generateSecretKey();
  return { key, pubkey: getPublicKey(key), signer: secretKeySigner(key) };
};

/** A Patient and `n` Observations of ~20 KB each: several record parts. */
function bundleOf(n) {
  const entry = [{ fullUrl: 'urn:uuid:b0000000-0000-4000-8000-000000000000', resource: { resourceType: 'Patient', id: 'b0000000-0000-4000-8000-000000000000' } }];
  for (let i = 1; i <= n; i++) {
    const id = `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    entry.push({ fullUrl: `urn:uuid:${id}`, resource: { resourceType: 'Observation', id, status: 'final', code: { text: `Reading ${i}` }, note: [{ text: 'n'.repeat(20000) }] } });
  }
  return { resourceType: 'Bundle', type: 'collection', entry };
}

test('opening an attested record checks each part once and the attestation once, not the inner events its own key signed', async () => {
  const clinic = person();
  const reader = person();
  const events = await createRecord({ bundle: bundleOf(8), author: clinic.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] });
  assert.ok(events.length >= 3, 'the record has several parts');
  const { count, result } = await schnorrChecks(() => openRecord(events, reader.signer));
  assert.equal(count, events.length + 1);
  assert.equal(result.authorVerified, true);
  assert.equal(result.author, clinic.pubkey);
});

test('inner events signed by the author (no attestation) are still checked, and a forged one is not the author\'s word', async () => {
  const clinic = person();
  const reader = person();
  const events = await createRecord({ bundle: bundleOf(4), author: clinic.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }], attest: false });
  const { count, result } = await schnorrChecks(() => openRecord(events, reader.signer));
  assert.equal(count, 2 * events.length);
  assert.equal(result.authorVerified, true);

  // A record whose inner event names the clinic but carries a signature of another key.
  const signKey = generateSecretKey();
  const signPub = getPublicKey(signKey);
  const forger = generateSecretKey();
  // Bound to this very record, so only its signature can count against it.
  const inner = finalizeEvent({ kind: 82, created_at: 1, tags: [['a', `32225:${signPub}:forged`]], content: JSON.stringify(bundleOf(1)) }, forger);
  const forged = { ...inner, pubkey: clinic.pubkey };
  const outer = finalizeEvent({
    kind: 32225, created_at: 2, tags: [['d', 'forged'], ['key', reader.pubkey, encrypt(Buffer.from(signKey).toString('hex'), getConversationKey(signKey, reader.pubkey))]],
    content: encrypt(JSON.stringify(forged), getConversationKey(signKey, signPub)),
  }, signKey);
  const opened = await openRecord([outer], reader.signer);
  assert.equal(opened.author, clinic.pubkey);
  assert.equal(opened.authorVerified, false);
});

test('the WASM verifier, once asked for, makes every check and tells forged events apart', async (t) => {
  t.after(() => stopWasmVerifier());
  const author = generateSecretKey();
  const good = finalizeEvent({ kind: 1, created_at: 5, tags: [], content: 'checked in WebAssembly' }, author);
  const plain = { id: good.id, pubkey: good.pubkey, created_at: good.created_at, kind: good.kind, tags: good.tags, content: good.content, sig: good.sig };
  await useWasmVerifier();
  const clinic = person();
  const reader = person();
  const events = await createRecord({ bundle: bundleOf(2), author: clinic.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] });
  const { count, result } = await schnorrChecks(async () => {
    assert.equal(isValidSignedEvent(plain), true);
    assert.equal(isValidSignedEvent({ ...plain, content: 'changed' }), false);
    assert.equal(isValidSignedEvent({ ...plain, id: plain.id.replace(/^./, (c) => (c === '0' ? '1' : '0')) }), false);
    const other = finalizeEvent({ kind: 1, created_at: 6, tags: [], content: 'another' }, author);
    assert.equal(isValidSignedEvent({ ...other, sig: plain.sig }), false);
    assert.throws(() => verifiedEvent({ ...other, sig: other.sig.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }), RecordError);
    return openRecord(events, reader.signer);
  });
  assert.equal(count, 0, 'no JavaScript Schnorr check while the WASM verifier is in use');
  assert.equal(result.authorVerified, true);

  stopWasmVerifier();
  const again = finalizeEvent({ kind: 1, created_at: 7, tags: [], content: 'back in JavaScript' }, author);
  const back = await schnorrChecks(() => isValidSignedEvent({ ...again }));
  assert.equal(back.result, true);
  assert.equal(back.count, 1);
});

test('a signed event dated past the year 9999 is refused as malformed, one dated on its last second is kept', () => {
  const { key } = person();
  const at = (created_at) => finalizeEvent({ kind: 1, created_at, tags: [], content: '' }, key);
  assert.equal(verifiedEvent(at(253402300799)).created_at, 253402300799);
  for (const created_at of [253402300800, 9_000_000_000_000]) {
    assert.throws(() => verifiedEvent(at(created_at)), (e) => e instanceof RecordError && e.code === 'malformed', String(created_at));
  }
});
