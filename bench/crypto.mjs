// Large-payload crypto and open rates in Node, against the built core (dist/core) and, where built,
// the embed's (dist/cdn/auto/nip82-core.js, whose secp256k1 is the small library's), side by side:
//  nip44   NIP-44 v2 encrypt and decrypt of 64 KB beside the raw ChaCha20 + HMAC-SHA256 they are made
//          of (@noble/ciphers, @noble/hashes), interleaved in each round. Goal: NIP-44 at least half
//          the raw throughput. Best of BENCH_CRYPTO_ROUNDS (default 5). With a baseline (below), every
//          phase takes the builds in turn, in a rotated order each round.
//  records creating then opening 1 MB and 5 MB records (each open on a record just created, so no
//          signature is remembered from an earlier round). Best of 3 (1 MB) and 2 (5 MB) rounds.
//  open    the open rate of many small (~4 KB) attested records, as a viewer, from memory: the kit's
//          openRecord with the JavaScript verifier, the same with the opt-in WASM verifier
//          (nip82-elements/core/wasm-verifier), and the crypto floor (key-tag decrypt, outer verify, content decrypt,
//          inner verify, parse; as bench/page.ts). Fresh records in every round, rounds interleaved,
//          medians of BENCH_CRYPTO_OPEN_ROUNDS (default 3) rounds of BENCH_CRYPTO_OPEN records (200).
//
//   node bench/crypto.mjs        (after `npm run build:lib`; also run by `npm run bench`)
//   BENCH_CRYPTO_PHASES    phases, comma-separated (default nip44,records,open)
//   BENCH_CRYPTO_RECORDS   record sizes in bytes (default 1000000,5000000)
//   BENCH_CRYPTO_BASELINE  folder of another built core (its index.js), e.g. an earlier commit's:
//                          every figure is then measured for both in the same run, alternating.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chacha20 } from '@noble/ciphers/chacha.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import { decrypt as toolsDecrypt, getConversationKey } from 'nostr-tools/nip44';
import { generateSecretKey, getPublicKey, verifyEvent } from 'nostr-tools/pure';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_CRYPTO_ROUNDS ?? 5);
const SIZES = (process.env.BENCH_CRYPTO_RECORDS ?? '1000000,5000000').split(',').filter(Boolean).map(Number);
const PHASES = (process.env.BENCH_CRYPTO_PHASES ?? 'nip44,records,open').split(',').map((x) => x.trim());
const OPEN_RECORDS = Number(process.env.BENCH_CRYPTO_OPEN ?? 200);
const OPEN_ROUNDS = Number(process.env.BENCH_CRYPTO_OPEN_ROUNDS ?? 3);

const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** The items in a different order each round (rotated), so no one always runs after the same other. */
const rotated = (items, round) => items.map((_, i) => items[(i + round) % items.length]);
const time = async (run) => {
  const t = performance.now();
  await run();
  return performance.now() - t;
};

/** The built core (and its opt-in WASM verifier module, where it has one), and the baseline's. */
async function loadCores() {
  const load = async (name, dir, files = { core: 'index.js', verifier: 'wasm-verifier.js' }) => {
    const url = (file) => pathToFileURL(path.join(dir, file)).href;
    const verifier = existsSync(path.join(dir, files.verifier)) ? await import(url(files.verifier)) : undefined;
    return { name, core: await import(url(files.core)), verifier };
  };
  const cores = [await load('this build', path.join(here, '..', 'dist', 'core'))];
  // The core as the autoloaded embed ships it (its secp256k1 from the small library): measured beside the library build's.
  const embed = path.join(here, '..', 'dist', 'cdn', 'auto');
  if (existsSync(path.join(embed, 'nip82-core.js'))) cores.push(await load('embed', embed, { core: 'nip82-core.js', verifier: 'nip82-wasm-verifier.js' }));
  const base = process.env.BENCH_CRYPTO_BASELINE;
  if (base) cores.unshift(await load('baseline', path.resolve(base)));
  return cores;
}

export async function runCryptoBench() {
  const cores = await loadCores();
  const label = (c) => (cores.length > 1 ? ` [${c.name}]` : '');
  const out = {};
  if (PHASES.includes('nip44')) out.nip44 = await nip44Phase(cores, label);
  if (PHASES.includes('records')) out.records = await recordsPhase(cores, label);
  if (PHASES.includes('open')) out.open = await openPhase(cores, label);
  return out;
}

/** 64 KB: NIP-44 against its cipher and MAC, each round running all of them back to back. */
async function nip44Phase(cores, label) {
  const size = 65535;
  const text = 'x'.repeat(size);
  const data = new TextEncoder().encode(text);
  const k = randomBytes(32), n = randomBytes(12), mk = randomBytes(32);
  const reps = 20;
  const per = async (run) => (await time(() => { for (let i = 0; i < reps; i++) run(); })) / reps;
  const setups = cores.map(({ core }) => {
    const key = core.conversationKey(generateSecretKey(), getPublicKey(generateSecretKey()));
    const policy = { maxPlaintextBytes: size };
    return { core, key, policy, payload: core.nip44Encrypt(text, key, policy), enc: Infinity, dec: Infinity };
  });
  let raw = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    raw = Math.min(raw, await per(() => hmac(sha256, mk, chacha20(k, n, data))));
    for (const s of rotated(setups, r)) {
      s.enc = Math.min(s.enc, await per(() => s.core.nip44Encrypt(text, s.key, s.policy)));
      s.dec = Math.min(s.dec, await per(() => s.core.nip44Decrypt(s.payload, s.key, s.policy)));
    }
  }
  return setups.map((s, i) => {
    console.log(`crypto: 64 KB${label(cores[i])}  nip44 encrypt ${s.enc.toFixed(2)} ms (${mbps(size, s.enc).toFixed(0)} MB/s), decrypt ${s.dec.toFixed(2)} ms (${mbps(size, s.dec).toFixed(0)} MB/s); `
      + `raw chacha20 + hmac-sha256 ${raw.toFixed(2)} ms (${mbps(size, raw).toFixed(0)} MB/s); `
      + `nip44 at ${(100 * raw / s.enc).toFixed(0)}% / ${(100 * raw / s.dec).toFixed(0)}% of raw (goal >= 50%)`);
    return { core: cores[i].name, bytes: size, encryptMs: s.enc, decryptMs: s.dec, rawMs: raw, encryptRatio: raw / s.enc, decryptRatio: raw / s.dec };
  });
}

/** Large records: create (sign + encrypt every part), then open the record just created as its reader. */
async function recordsPhase(cores, label) {
  const results = [];
  const readerKey = generateSecretKey();
  const readerPub = getPublicKey(readerKey);
  for (const bytes of SIZES) {
    const bundle = bigBundle(bytes, readerPub);
    const rounds = Math.max(1, Math.min(ROUNDS, bytes >= 5e6 ? 2 : 3));
    const best = cores.map(() => ({ create: Infinity, open: Infinity, parts: 0 }));
    for (let r = 0; r < rounds; r++) {
      for (const [i, { core }] of rotated([...cores.entries()], r)) {
        const author = core.secretKeySigner(generateSecretKey());
        const reader = core.secretKeySigner(readerKey);
        let events = [];
        let opened;
        const create = await time(async () => { events = await core.createRecord({ bundle, author, participants: [{ pubkey: readerPub, role: 'viewer' }] }); });
        const open = await time(async () => { opened = await core.openRecord(events, reader); });
        // The author's attestation travels beside the entries: count the entries themselves.
        if (opened.bundle.entry.filter((e) => !core.isAttestation(e.resource)).length !== bundle.entry.length) throw new Error('crypto bench: the record did not round-trip');
        best[i] = { create: Math.min(best[i].create, create), open: Math.min(best[i].open, open), parts: events.length };
      }
    }
    for (const [i, b] of best.entries()) {
      console.log(`crypto: ${(bytes / 1e6).toFixed(0)} MB record${label(cores[i])} (${b.parts} parts): create ${b.create.toFixed(0)} ms, open ${b.open.toFixed(0)} ms`);
      results.push({ core: cores[i].name, bytes, parts: b.parts, createMs: b.create, openMs: b.open });
    }
  }
  return results;
}

/**
 * Open rates of small records. Signatures are remembered once checked, so every measurement opens
 * records never opened before, made just before its round (creating is not timed).
 */
async function openPhase(cores, label) {
  const maker = cores.at(-1).core;
  const author = maker.secretKeySigner(generateSecretKey());
  let serial = 0;
  const makeSet = async (count = OPEN_RECORDS) => {
    const sk = generateSecretKey();
    const pub = getPublicKey(sk);
    const records = [];
    for (let i = 0; i < count; i++) {
      records.push(await maker.createRecord({ bundle: smallBundle(pub, serial++), author, participants: [{ pubkey: pub, role: 'viewer' }] }));
    }
    return { sk, pub, records };
  };
  const kitOpen = async (core, set) => {
    const reader = core.secretKeySigner(set.sk);
    for (const events of set.records) await core.openRecord(events, reader);
  };
  const floorOpen = async (set) => {
    const reader = maker.secretKeySigner(set.sk);
    for (const [event] of set.records) await floorOne(event, reader, set.pub);
  };
  // Variants: each core with the JavaScript verifier, then with the WASM one where it has it.
  const variants = [];
  for (const c of cores) {
    variants.push({ name: `kit, JS verifier${label(c)}`, core: c.core, ms: [] });
    if (c.verifier) variants.push({ name: `kit, WASM verifier${label(c)}`, core: c.core, wasm: c.verifier, ms: [] });
  }
  const floor = { name: 'floor (JS)', ms: [] };
  const measure = async (v, set) => {
    if (v.wasm) await v.wasm.useWasmVerifier();
    try {
      return await time(() => kitOpen(v.core, set));
    } finally {
      v.wasm?.stopWasmVerifier();
    }
  };
  // Warm-up (not timed): the same code paths once, so neither side pays for the JIT.
  {
    const set = await makeSet(Math.min(50, OPEN_RECORDS));
    for (const v of variants) await measure(v, set);
    await floorOpen(set);
  }
  for (let r = 0; r < OPEN_ROUNDS; r++) {
    for (const v of rotated(variants, r)) v.ms.push(await measure(v, await makeSet()));
    const set = await makeSet();
    floor.ms.push(await time(() => floorOpen(set)));
  }
  const rate = (ms) => (OPEN_RECORDS / ms) * 1000;
  const floorMs = median(floor.ms);
  console.log(`crypto: open ${OPEN_RECORDS} records (~4 KB, attested, as a viewer, from memory), medians of ${OPEN_ROUNDS} rounds:`);
  const rows = [];
  for (const v of [...variants, floor]) {
    const ms = median(v.ms);
    const ratio = ms / floorMs;
    console.log(`crypto:   ${v.name.padEnd(30)} ${rate(ms).toFixed(0).padStart(5)} records/s (${(ms / OPEN_RECORDS).toFixed(2)} ms/record; ratio to floor ${ratio.toFixed(2)}; rounds ${v.ms.map((x) => rate(x).toFixed(0)).join(', ')})`);
    rows.push({ name: v.name, perSec: rate(ms), ratio });
  }
  return rows;
}

/** As bench/page.ts's floor: key-tag decrypt, outer verify, content key and decrypt, inner verify, parse. */
async function floorOne(event, reader, readerPub) {
  const tag = event.tags.find((t) => t[0] === 'key' && t[1] === readerPub);
  const viewKeyHex = await reader.nip44Decrypt(event.pubkey, tag[2]);
  if (!verifyEvent(fresh(event))) throw new Error('floor: outer signature');
  const conv = getConversationKey(hexToBytes(viewKeyHex), event.pubkey);
  const inner = JSON.parse(toolsDecrypt(event.content, conv));
  if (inner.kind !== 82 || !verifyEvent(inner)) throw new Error('floor: inner signature');
  return JSON.parse(inner.content);
}

function fresh(e) {
  return { id: e.id, pubkey: e.pubkey, created_at: e.created_at, kind: e.kind, tags: e.tags, content: e.content, sig: e.sig };
}

/** A FHIR Bundle of about `bytes` of JSON: a Patient and Observations with note text. */
function bigBundle(bytes, readerPub, tag = '') {
  const entry = [{ fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000000', resource: { resourceType: 'Patient', id: 'p', name: [{ family: 'Bench', given: ['Large'] }] } }];
  const note = 'Observation note for the large-record benchmark. '.repeat(20);
  for (let i = 1; JSON.stringify(entry).length < bytes; i++) {
    entry.push({ fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, resource: {
      resourceType: 'Observation', id: `o${i}`, status: 'final', code: { text: `Reading ${i}` }, subject: { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' },
      effectiveDateTime: '2026-01-01', valueQuantity: { value: i % 200, unit: 'mg/dL' }, note: [{ text: `${note}${readerPub.slice(0, 8)} ${tag}${i}` }] } });
  }
  return { resourceType: 'Bundle', type: 'collection', entry };
}

/** About 4 KB, different for every record (as the open phase's records are). */
const smallBundle = (readerPub, serial) => bigBundle(3000, readerPub, `r${serial} `);

if (import.meta.url === `file://${process.argv[1]}`) await runCryptoBench();
