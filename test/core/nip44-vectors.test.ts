import { expect } from '@open-wc/testing';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { getPublicKey } from 'nostr-tools/pure';
import { v2 } from 'nostr-tools/nip44';
import { conversationKey, nip44Decrypt, nip44Encrypt, INTEROP_MAX_PLAINTEXT } from '../../components/core/crypto.js';
import { RecordError } from '../../components/core/errors.js';
import { fixture, rejects } from '../helpers.js';

interface Vectors {
  v2: {
    valid: {
      get_conversation_key: { sec1: string; pub2: string; conversation_key: string }[];
      calc_padded_len: [number, number][];
      encrypt_decrypt: { sec1: string; sec2: string; conversation_key: string; nonce: string; plaintext: string; payload: string }[];
      encrypt_decrypt_long_msg: { conversation_key: string; nonce: string; pattern: string; repeat: number; plaintext_sha256: string; payload_sha256: string }[];
    };
    invalid: {
      encrypt_msg_lengths: number[];
      get_conversation_key: { sec1: string; pub2: string; note: string }[];
      decrypt: { conversation_key: string; nonce: string; plaintext: string; payload: string; note: string }[];
    };
  };
}

const EXTENDED = { maxPlaintextBytes: 2 ** 32 - 1 };

describe('NIP-44 v2 official vectors through the kit', () => {
  let v: Vectors['v2'];
  before(async () => {
    const raw = await (await fetch(new URL('../fixtures/nip44.vectors.json', import.meta.url))).arrayBuffer();
    // The file is the audited one, byte for byte.
    expect(bytesToHex(sha256(new Uint8Array(raw)))).to.equal('269ed0f69e4c192512cc779e78c555090cebc7c785b609e338a62afc3ce25040');
    v = (await fixture<Vectors>('nip44.vectors.json')).v2;
  });

  it('derives every conversation key', () => {
    for (const t of v.valid.get_conversation_key) {
      expect(bytesToHex(conversationKey(hexToBytes(t.sec1), t.pub2))).to.equal(t.conversation_key);
    }
  });

  it('computes every padded length', () => {
    for (const [len, padded] of v.valid.calc_padded_len) expect(v2.utils.calcPaddedLen(len)).to.equal(padded);
  });

  it('encrypts and decrypts every valid vector exactly', () => {
    for (const t of v.valid.encrypt_decrypt) {
      const key = conversationKey(hexToBytes(t.sec1), getPublicKey(hexToBytes(t.sec2)));
      expect(bytesToHex(key)).to.equal(t.conversation_key);
      expect(nip44Encrypt(t.plaintext, key, {}, hexToBytes(t.nonce))).to.equal(t.payload);
      expect(nip44Decrypt(t.payload, key)).to.equal(t.plaintext);
    }
  });

  it('handles the long messages (65,535 bytes, the interop limit)', () => {
    for (const t of v.valid.encrypt_decrypt_long_msg) {
      const plaintext = t.pattern.repeat(t.repeat);
      expect(bytesToHex(sha256(utf8ToBytes(plaintext)))).to.equal(t.plaintext_sha256);
      const payload = nip44Encrypt(plaintext, hexToBytes(t.conversation_key), {}, hexToBytes(t.nonce));
      expect(bytesToHex(sha256(utf8ToBytes(payload)))).to.equal(t.payload_sha256);
      expect(nip44Decrypt(payload, hexToBytes(t.conversation_key))).to.equal(plaintext);
    }
  });

  it('refuses every invalid conversation key with a typed error', () => {
    for (const t of v.invalid.get_conversation_key) {
      let error: unknown;
      try {
        conversationKey(hexToBytes(t.sec1), t.pub2);
      } catch (e) {
        error = e;
      }
      expect(error, t.note).to.be.instanceOf(RecordError);
    }
  });

  it('refuses every invalid payload with a typed error, never a crash', () => {
    for (const t of v.invalid.decrypt) {
      let error: unknown;
      try {
        nip44Decrypt(t.payload, hexToBytes(t.conversation_key));
      } catch (e) {
        error = e;
      }
      expect(error, t.note).to.be.instanceOf(RecordError);
      expect(['decrypt-failed', 'unsupported']).to.include((error as RecordError).code);
    }
  });

  it('size policy: the listed invalid lengths are refused by default (interop) and 0 always', async () => {
    const key = hexToBytes(v.valid.encrypt_decrypt[0]!.conversation_key);
    expect(v.invalid.encrypt_msg_lengths).to.deep.equal([0, 65536, 100000, 10000000]);
    await rejects(() => nip44Encrypt('', key), RecordError, 'invalid-input');
    for (const len of [65536, 100000, 10000000]) {
      expect(len).to.be.greaterThan(INTEROP_MAX_PLAINTEXT);
      await rejects(() => nip44Encrypt('a'.repeat(len), key), RecordError, 'too-large');
    }
  });

  it('size policy: in extended mode those lengths round-trip (the 2026 NIP-44 extension)', () => {
    const key = hexToBytes(v.valid.encrypt_decrypt[0]!.conversation_key);
    for (const len of [65536, 100000]) {
      const text = 'a'.repeat(len);
      expect(nip44Decrypt(nip44Encrypt(text, key, EXTENDED), key, EXTENDED)).to.equal(text);
    }
  });

  it('extended mode reproduces the three boundary vectors printed in NIP-44', () => {
    const key = hexToBytes('c41c775356fd92eadc63ff5a0dc1da211b268cbea22316767095b2871ea1412d');
    const nonce = hexToBytes('0000000000000000000000000000000000000000000000000000000000000001');
    const cases: [number, string, string][] = [
      [65535, '6e1bebca6a8229364a162a72ef064826c4cd7457bf54f190ef782bd9deff3e42', '6d8c2810d1e870fbaa1f0a0937126cca837a15f9260e27060c331d70a3c0bc84'],
      [65536, 'bf718b6f653bebc184e1479f1935b8da974d701b893afcf49e701f3e2f9f9c5a', 'b7b4edb36ba92e267d322d56d9aebc22e7fa96ff52e3c12adc07f07a43cbc616'],
      [65537, '008ffc88d3c96a9f307524eb361e47c5222a887fc45fa0c1fb8d429c5c23b430', 'eeb7c7c5373894ea2c1547cfd3ccb15d5a0b2d619da852e5c79df792dcc9e435'],
    ];
    for (const [len, ptHash, payloadHash] of cases) {
      const text = 'a'.repeat(len);
      expect(bytesToHex(sha256(utf8ToBytes(text)))).to.equal(ptHash);
      const payload = nip44Encrypt(text, key, EXTENDED, nonce);
      expect(bytesToHex(sha256(utf8ToBytes(payload))), `length ${len}`).to.equal(payloadHash);
      expect(nip44Decrypt(payload, key, EXTENDED)).to.equal(text);
    }
  });

  it('refuses non-canonical base64 that the native decoder would accept: whitespace, stray bits, another alphabet', async () => {
    const t = v.valid.encrypt_decrypt.find((x) => x.payload.endsWith('=') && /[+/]/.test(x.payload))!;
    const key = hexToBytes(t.conversation_key);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const i = t.payload.length - t.payload.match(/=*$/)![0].length - 1;
    const variants = [
      // Four spaces keep whole quanta: the built-in decoder skips them and the MAC would hold.
      `${t.payload.slice(0, 40)}    ${t.payload.slice(40)}`,
      `${t.payload.slice(0, 40)}\n\n\n\n${t.payload.slice(40)}`,
      t.payload.slice(0, i) + alphabet[alphabet.indexOf(t.payload[i]!) ^ 1] + t.payload.slice(i + 1),
      t.payload.replace(/\+/g, '-').replace(/\//g, '_'),
    ];
    for (const payload of variants) await rejects(() => nip44Decrypt(payload, key), RecordError, 'decrypt-failed');
    expect(nip44Decrypt(t.payload, key)).to.equal(t.plaintext);
  });

  it('refuses to decrypt an extended payload under the interop policy', async () => {
    const key = hexToBytes('c41c775356fd92eadc63ff5a0dc1da211b268cbea22316767095b2871ea1412d');
    const payload = nip44Encrypt('a'.repeat(70000), key, EXTENDED);
    await rejects(() => nip44Decrypt(payload, key), RecordError, 'too-large');
  });
});
