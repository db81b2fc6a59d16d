// The official NIP-44 v2 vectors (test/fixtures/nip44.vectors.json) through the built core in Node,
// where the payload's base64 takes Node's native path (the browser tests cover the other one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { getPublicKey } from 'nostr-tools/pure';
import { conversationKey, nip44Decrypt, nip44Encrypt, RecordError } from '../../dist/core/index.js';

const v = JSON.parse(readFileSync(new URL('../fixtures/nip44.vectors.json', import.meta.url), 'utf8')).v2;
const hex = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
const sha = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

test('every valid vector encrypts and decrypts exactly', () => {
  for (const t of v.valid.encrypt_decrypt) {
    const key = conversationKey(hex(t.sec1), getPublicKey(hex(t.sec2)));
    assert.equal(Buffer.from(key).toString('hex'), t.conversation_key);
    assert.equal(nip44Encrypt(t.plaintext, key, {}, hex(t.nonce)), t.payload);
    assert.equal(nip44Decrypt(t.payload, key), t.plaintext);
  }
});

test('the long messages (65,535 bytes) give the listed payloads', () => {
  for (const t of v.valid.encrypt_decrypt_long_msg) {
    const plaintext = t.pattern.repeat(t.repeat);
    const payload = nip44Encrypt(plaintext, hex(t.conversation_key), {}, hex(t.nonce));
    assert.equal(sha(payload), t.payload_sha256);
    assert.equal(nip44Decrypt(payload, hex(t.conversation_key)), plaintext);
  }
});

test('every invalid payload is refused with a typed error', () => {
  for (const t of v.invalid.decrypt) {
    assert.throws(() => nip44Decrypt(t.payload, hex(t.conversation_key)), (e) => e instanceof RecordError && ['decrypt-failed', 'unsupported'].includes(e.code), t.note);
  }
});

test('non-canonical base64 (stray bits in the last quantum, whitespace) is refused', () => {
  const t = v.valid.encrypt_decrypt.find((x) => x.payload.endsWith('='));
  const key = hex(t.conversation_key);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const pad = t.payload.match(/=*$/)[0].length;
    const i = t.payload.length - pad - 1;
  const stray = t.payload.slice(0, i) + alphabet[alphabet.indexOf(t.payload[i]) ^ 1] + t.payload.slice(i + 1);
  assert.throws(() => nip44Decrypt(stray, key), RecordError);
  assert.throws(() => nip44Decrypt(`${t.payload.slice(0, 40)} ${t.payload.slice(41)}`, key), RecordError);
  // Four spaces keep whole quanta: Buffer skips them, and the MAC would hold.
  assert.throws(() => nip44Decrypt(`${t.payload.slice(0, 40)}    ${t.payload.slice(40)}`, key), RecordError);
  const other = v.valid.encrypt_decrypt.find((x) => /[+/]/.test(x.payload));
  assert.throws(() => nip44Decrypt(other.payload.replace(/\+/g, '-').replace(/\//g, '_'), hex(other.conversation_key)), RecordError);
});
