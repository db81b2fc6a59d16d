// Signer calls and time to create and open a 1 MB and a 5 MB record (Node, built dist/ core).
// Entries are ~1 KB FHIR Observations; the signer counts every call that could be a prompt.
//
//   npm run --silent build:lib && node bench/attest.mjs
//   BENCH_ATTEST_SIZES  Bundle sizes in MB, comma-separated (default 1,5)
//   BENCH_ATTEST_ROUNDS rounds per size, best kept (default 2)
import { generateSecretKey } from 'nostr-tools/pure';
import { createRecord, openRecord, secretKeySigner } from '../dist/core/index.js';

const sizes = (process.env.BENCH_ATTEST_SIZES ?? '1,5').split(',').map(Number).filter((n) => n > 0);

/** Wraps a signer, counting the calls a user may be prompted for. */
function counting(signer) {
  const calls = { signEvent: 0, nip44Encrypt: 0, nip44Decrypt: 0 };
  return {
    calls,
    getPublicKey: () => signer.getPublicKey(),
    signEvent: (t) => (calls.signEvent++, signer.signEvent(t)),
    nip44Encrypt: (p, x) => (calls.nip44Encrypt++, signer.nip44Encrypt(p, x)),
    nip44Decrypt: (p, x) => (calls.nip44Decrypt++, signer.nip44Decrypt(p, x)),
  };
}

const prompts = (calls) => calls.signEvent + calls.nip44Encrypt + calls.nip44Decrypt;

function bundleOf(bytes) {
  const entry = [{ fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000000', resource: { resourceType: 'Patient', id: '00000000-0000-4000-8000-000000000000', name: [{ text: 'Bench patient' }] } }];
  let size = 200;
  for (let i = 1; size < bytes; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const e = {
      fullUrl: `urn:uuid:${id}`,
      resource: {
        resourceType: 'Observation', id, status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }], text: 'Heart rate' },
        subject: { reference: entry[0].fullUrl }, effectiveDateTime: new Date(Date.UTC(2020, 0, 1) + i * 3600e3).toISOString(),
        valueQuantity: { value: 60 + (i % 40), unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
        note: [{ text: `Reading ${i}. `.padEnd(700, 'Resting, seated, after five minutes. ') }],
      },
    };
    entry.push(e);
    size += JSON.stringify(e).length + 1;
  }
  return { resourceType: 'Bundle', type: 'collection', entry };
}

/** Creates and opens one record; returns signer calls and times. */
async function run(bundle, attest) {
  const author = counting(secretKeySigner(generateSecretKey()));
  const reader = counting(secretKeySigner(generateSecretKey()));
  const t0 = performance.now();
  const events = await createRecord({ bundle, author, attest, participants: [{ pubkey: await reader.getPublicKey(), role: 'viewer' }] });
  const t1 = performance.now();
  const record = await openRecord(events, reader);
  const t2 = performance.now();
  return { parts: events.length, createCalls: prompts(author.calls), openCalls: prompts(reader.calls), create: t1 - t0, open: t2 - t1, verified: record.provenance.verified };
}

// "Before" is the kit without attestation (the author signs every part's inner event), measured
// in the same run, alternating with "after", best of ROUNDS, so a busy machine skews both alike.
const ROUNDS = Number(process.env.BENCH_ATTEST_ROUNDS ?? 2);
for (const mb of sizes) {
  const bundle = bundleOf(mb * 1_000_000);
  const best = {};
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, attest] of [['before (no attestation)', false], ['after (attested)', true]]) {
      const m = await run(bundle, attest);
      const b = best[name];
      best[name] = b ? { ...m, create: Math.min(b.create, m.create), open: Math.min(b.open, m.open) } : m;
    }
  }
  for (const [name, m] of Object.entries(best)) {
    console.log(
      `${mb} MB, ${bundle.entry.length} entries, ${name}: ${m.parts} parts; create ${m.createCalls} signer call(s), ${m.create.toFixed(0)} ms; ` +
        `open ${m.openCalls} signer call(s), ${m.open.toFixed(0)} ms; items verified ${m.verified}`,
    );
  }
}
