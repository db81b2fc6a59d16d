// The embed bundles take secp256k1 from the small library (scripts/rollup-secp256k1.mjs), where
// the library build and the browser tests use `@noble/curves`. Here the built core as a page
// fetches it (dist/cdn/auto/nip82-core.js) is held to the official NIP-44 vectors, to the NIPs'
// worked examples, and to `@noble/curves` (through nostr-tools) on signatures either one made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { schnorr as curves } from '@noble/curves/secp256k1.js';
import { finalizeEvent, generateSecretKey, getPublicKey, verifyEvent } from 'nostr-tools/pure';
import { schnorr as small } from '../../scripts/secp256k1-small.mjs';

const core = await import('../../dist/cdn/auto/nip82-core.js');
const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const v = fixture('nip44.vectors.json').v2;
const hex = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
const toHex = (bytes) => Buffer.from(bytes).toString('hex');

test('the bundled core carries the small library, not @noble/curves', () => {
  const sources = JSON.parse(readFileSync(new URL('../../dist/cdn/auto/nip82-core.js.map', import.meta.url), 'utf8')).sources;
  const chunks = JSON.parse(readFileSync(new URL('../../dist/cdn/auto/manifest.json', import.meta.url), 'utf8')).files;
  const all = [...sources, ...Object.keys(chunks).flatMap((file) => JSON.parse(readFileSync(new URL(`../../dist/cdn/auto/${file}.map`, import.meta.url), 'utf8')).sources)];
  assert.ok(all.some((s) => s.includes('@noble/secp256k1')));
  assert.deepEqual(all.filter((s) => s.includes('@noble/curves')), []);
});

test('conversation keys: every valid NIP-44 vector, and every invalid one refused', () => {
  for (const t of v.valid.get_conversation_key) assert.equal(toHex(core.conversationKey(hex(t.sec1), t.pub2)), t.conversation_key, t.note);
  for (const t of v.invalid.get_conversation_key) assert.throws(() => core.conversationKey(hex(t.sec1), t.pub2), core.RecordError, t.note);
});

test('every NIP-44 encrypt/decrypt vector, from the two secret keys', () => {
  for (const t of v.valid.encrypt_decrypt) {
    const key = core.conversationKey(hex(t.sec1), getPublicKey(hex(t.sec2)));
    assert.equal(toHex(key), t.conversation_key);
    assert.equal(core.nip44Encrypt(t.plaintext, key, {}, hex(t.nonce)), t.payload);
    assert.equal(core.nip44Decrypt(t.payload, key), t.plaintext);
  }
});

test('the NIP-82 and NIP-59 worked examples verify, and a changed signature does not', () => {
  const example = fixture('nip59-spec-example.json');
  for (const event of [fixture('nip82-spec-example-kind82.json'), example.seal, example.wrap]) {
    assert.equal(core.isValidSignedEvent(event), true);
    const sig = event.sig.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    assert.equal(core.isValidSignedEvent({ ...event, sig }), false);
  }
});

test('signatures agree both ways with @noble/curves', async () => {
  for (let i = 0; i < 40; i++) {
    const sk = generateSecretKey();
    const template = { kind: 1, created_at: 1_700_000_000 + i, tags: [['t', String(i)]], content: `note ${i}` };
    const signed = await core.secretKeySigner(sk).signEvent(template);
    assert.equal(verifyEvent({ ...signed }), true, 'signed by the bundle, checked by @noble/curves');
    assert.equal(core.isValidSignedEvent(finalizeEvent(template, sk)), true, 'signed by @noble/curves, checked by the bundle');
    assert.equal(core.isValidSignedEvent({ ...signed, content: 'changed' }), false);
  }
});

test('a secret key out of range is refused, as before', () => {
  const n = 'fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141';
  for (const bad of ['00'.repeat(32), n]) assert.throws(() => core.secretKeySigner(hex(bad)));
  assert.doesNotThrow(() => core.secretKeySigner(hex(`${n.slice(0, -1)}0`)));
});

test('lift_x (is this a public key?) answers as @noble/curves does', () => {
  const p = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn;
  const xs = [0n, 1n, 2n, 7n, p - 1n, p, p + 1n, 2n ** 256n - 1n];
  for (let i = 0; i < 60; i++) xs.push(BigInt(`0x${toHex(generateSecretKey())}`));
  const answer = (lift, x) => { try { return lift(x).toAffine().y; } catch { return 'none'; } };
  let points = 0;
  for (const x of xs) {
    const expected = answer(curves.utils.lift_x, x);
    assert.equal(answer(small.utils.lift_x, x), expected, `x = ${x.toString(16)}`);
    if (expected !== 'none') points++;
  }
  assert.ok(points > 10 && points < xs.length - 10, 'both kinds of x were tried');
});
