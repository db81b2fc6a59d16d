// Large-payload crypto in Node, against the built core (dist/core): NIP-44 v2 encrypt and decrypt of
// 64 KB beside the raw ChaCha20 + HMAC-SHA256 they are made of (@noble/ciphers, @noble/hashes), in the
// same run, and creating then opening 1 MB and 5 MB records. Goal: NIP-44 at least half the raw
// throughput. Best of BENCH_CRYPTO_ROUNDS (default 5) for each figure.
//
//   node bench/crypto.mjs        (after `npm run build`; also run by `npm run bench`)
import { chacha20 } from '@noble/ciphers/chacha.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { conversationKey, nip44Encrypt, nip44Decrypt, secretKeySigner, createRecord, openRecord, isAttestation } from '../dist/core/index.js';

const ROUNDS = Number(process.env.BENCH_CRYPTO_ROUNDS ?? 5);
const SIZES = (process.env.BENCH_CRYPTO_RECORDS ?? '1000000,5000000').split(',').map(Number);

async function best(rounds, run) {
  let ms = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await run();
    ms = Math.min(ms, performance.now() - t);
  }
  return ms;
}

const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1000);

export async function runCryptoBench() {
  const out = {};
  // ---- 64 KB: NIP-44 against its cipher and MAC.
  const size = 65535;
  const text = 'x'.repeat(size);
  const data = new TextEncoder().encode(text);
  const key = conversationKey(generateSecretKey(), getPublicKey(generateSecretKey()));
  const policy = { maxPlaintextBytes: size };
  const payload = nip44Encrypt(text, key, policy);
  const reps = 20;
  const encMs = (await best(ROUNDS, () => { for (let i = 0; i < reps; i++) nip44Encrypt(text, key, policy); })) / reps;
  const decMs = (await best(ROUNDS, () => { for (let i = 0; i < reps; i++) nip44Decrypt(payload, key, policy); })) / reps;
  const k = randomBytes(32), n = randomBytes(12), mk = randomBytes(32);
  const rawMs = (await best(ROUNDS, () => { for (let i = 0; i < reps; i++) hmac(sha256, mk, chacha20(k, n, data)); })) / reps;
  out.nip44 = { bytes: size, encryptMs: encMs, decryptMs: decMs, rawMs, encryptRatio: rawMs / encMs, decryptRatio: rawMs / decMs };
  console.log(`crypto: 64 KB  nip44 encrypt ${encMs.toFixed(2)} ms (${mbps(size, encMs).toFixed(0)} MB/s), decrypt ${decMs.toFixed(2)} ms (${mbps(size, decMs).toFixed(0)} MB/s); `
    + `raw chacha20 + hmac-sha256 ${rawMs.toFixed(2)} ms (${mbps(size, rawMs).toFixed(0)} MB/s); `
    + `nip44 at ${(100 * rawMs / encMs).toFixed(0)}% / ${(100 * rawMs / decMs).toFixed(0)}% of raw (goal >= 50%)`);

  // ---- Large records: create (sign + encrypt every part), then open them as the reader.
  out.records = [];
  const author = secretKeySigner(generateSecretKey());
  const readerKey = generateSecretKey();
  const reader = secretKeySigner(readerKey);
  const readerPub = getPublicKey(readerKey);
  for (const bytes of SIZES) {
    const bundle = bigBundle(bytes, readerPub);
    let events = [];
    const rounds = Math.max(1, Math.min(ROUNDS, bytes >= 5e6 ? 2 : 3));
    const createMs = await best(rounds, async () => { events = await createRecord({ bundle, author, participants: [{ pubkey: readerPub, role: 'viewer' }] }); });
    let opened;
    const openMs = await best(rounds, async () => { opened = await openRecord(events, reader); });
    // The author's attestation travels beside the entries: count the entries themselves.
    if (opened.bundle.entry.filter((e) => !isAttestation(e.resource)).length !== bundle.entry.length) throw new Error('crypto bench: the record did not round-trip');
    out.records.push({ bytes, parts: events.length, createMs, openMs });
    console.log(`crypto: ${(bytes / 1e6).toFixed(0)} MB record (${events.length} parts): create ${createMs.toFixed(0)} ms, open ${openMs.toFixed(0)} ms`);
  }
  return out;
}

/** A FHIR Bundle of about `bytes` of JSON: a Patient and Observations with note text. */
function bigBundle(bytes, readerPub) {
  const entry = [{ fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000000', resource: { resourceType: 'Patient', id: 'p', name: [{ family: 'Bench', given: ['Large'] }] } }];
  const note = 'Observation note for the large-record benchmark. '.repeat(20);
  for (let i = 1; JSON.stringify(entry).length < bytes; i++) {
    entry.push({ fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, resource: {
      resourceType: 'Observation', id: `o${i}`, status: 'final', code: { text: `Reading ${i}` }, subject: { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' },
      effectiveDateTime: '2026-01-01', valueQuantity: { value: i % 200, unit: 'mg/dL' }, note: [{ text: `${note}${readerPub.slice(0, 8)} ${i}` }] } });
  }
  return { resourceType: 'Bundle', type: 'collection', entry };
}

if (import.meta.url === `file://${process.argv[1]}`) await runCryptoBench();
