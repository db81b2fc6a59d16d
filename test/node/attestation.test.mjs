// Attestation (provenance that survives sharing), on the built core: per-item verdicts on a share,
// a changed character caught, withheld items unguessable from the digests, one signer call per
// record whatever its size, and the committed test vector checked as another implementation would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateSecretKey } from 'nostr-tools/pure';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  createRecord, openRecord, createShare, secretKeySigner, verifyAttestations, verifyAttestationsInSlices, attestBundle, entryDigest, isAttestation, canonicalEntry,
} from '../../dist/core/index.js';

/** A signer that counts every call a user could be prompted for. */
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
const prompts = (c) => c.signEvent + c.nip44Encrypt + c.nip44Decrypt;
const person = async () => {
  const signer = secretKeySigner(generateSecretKey());
  return { signer, pubkey: await signer.getPublicKey() };
};

/** A clinic's history of `n` items: a Patient, then immunizations and observations. */
function history(n, noteLength = 40) {
  const entry = [{ fullUrl: 'urn:uuid:a0000000-0000-4000-8000-000000000000', resource: { resourceType: 'Patient', id: 'a0000000-0000-4000-8000-000000000000', name: [{ text: 'Ana Rivera' }] } }];
  for (let i = 1; i < n; i++) {
    const id = `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const resource = i % 2
      ? { resourceType: 'Immunization', id, status: 'completed', vaccineCode: { text: `Vaccine ${i}` }, occurrenceDateTime: '2026-01-02', patient: { reference: entry[0].fullUrl }, note: [{ text: 'y'.repeat(noteLength) }] }
      : { resourceType: 'Observation', id, status: 'final', code: { text: `Reading ${i}` }, valueQuantity: { value: i, unit: 'mg' }, note: [{ text: 'x'.repeat(noteLength) }], subject: { reference: entry[0].fullUrl } };
    entry.push({ fullUrl: `urn:uuid:${id}`, resource });
  }
  return { resourceType: 'Bundle', type: 'collection', entry };
}

const items = (bundle) => bundle.entry.filter((e) => !isAttestation(e.resource));

/** The clinic's 40-item record, as its patient (an editor) opens it. */
async function clinicRecord() {
  const clinic = await person();
  const patient = await person();
  const events = await createRecord({ bundle: history(40), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
  return { clinic, patient, record: await openRecord(events, patient.signer) };
}

test('a share of 3 of 40 items verifies item by item against the clinic\'s signature', async () => {
  const { clinic, patient, record } = await clinicRecord();
  assert.equal(record.author, clinic.pubkey, 'the record names its attester as author, not its sign key');
  assert.equal(record.authorVerified, true);
  assert.equal(record.provenance.verified, 40);

  const kennel = await person();
  const chosen = items(record.bundle).slice(5, 8).map((e) => e.fullUrl);
  const sharer = counting(patient.signer);
  const events = await createShare({
    from: [record], include: [...chosen, items(record.bundle)[9].fullUrl], withhold: [items(record.bundle)[9].fullUrl],
    author: sharer, participants: [{ pubkey: kennel.pubkey, role: 'viewer' }],
  });
  assert.equal(prompts(sharer.calls), 1, 'one signer call for the share');
  const shared = await openRecord(events, kennel.signer);
  for (const url of chosen) {
    assert.deepEqual(shared.provenance.items.get(url), { status: 'verified', attester: clinic.pubkey, signedAt: record.createdAt }, url);
  }
  // The withheld-items marker is the patient's own: attested by them as the sharer, not by the clinic.
  const marker = shared.bundle.entry.find((e) => e.resource.resourceType === 'List');
  assert.deepEqual(shared.provenance.items.get(marker.fullUrl), { status: 'unattested', addedBy: patient.pubkey, signedAt: shared.provenance.sealedBy.signedAt });
  // The three chosen, and the patient they are about, who goes with any share (unchanged, so verified too).
  const subject = items(record.bundle).find((e) => e.resource.resourceType === 'Patient');
  assert.deepEqual(shared.provenance.items.get(subject.fullUrl), { status: 'verified', attester: clinic.pubkey, signedAt: record.createdAt });
  assert.equal(shared.provenance.verified, 4);
  assert.equal(shared.author, patient.pubkey, 'the share itself is the patient\'s');
  const text = JSON.stringify(shared.bundle);
  assert.ok(!text.includes(items(record.bundle)[9].fullUrl), 'nothing names the withheld item');
  const clinicTree = record.bundle.entry.find((e) => isAttestation(e.resource)).resource.extension[0].extension;
  for (const x of clinicTree) assert.ok(!text.includes(`"${x.valueBase64Binary ?? x.valueUnsignedInt}"`) || x.url === 'count', `the clinic's ${x.url} stays home`);
});

test('one changed character in a shared item is caught and named', async () => {
  const { clinic, patient, record } = await clinicRecord();
  const target = items(record.bundle).find((e) => e.resource.resourceType === 'Immunization');
  // The sharer (or anyone before them) edits one character of the vaccine's name, then shares it.
  const edited = structuredClone(record.bundle);
  edited.entry.find((e) => e.fullUrl === target.fullUrl).resource.vaccineCode.text = target.resource.vaccineCode.text.replace('Vaccine', 'Vaccinf');
  const kennel = await person();
  const events = await createShare({ from: [{ ...record, bundle: edited }], include: [target.fullUrl], author: patient.signer, participants: [{ pubkey: kennel.pubkey, role: 'viewer' }] });
  const shared = await openRecord(events, kennel.signer);
  assert.deepEqual(shared.provenance.items.get(target.fullUrl), { status: 'changed', attester: clinic.pubkey, signedAt: record.createdAt });
  // The sharer's own signature holds for what they passed on; the item itself says what changed
  // since the clinic signed it (a share may have to change items: a reference to a hidden one removed).
  assert.equal(shared.authorVerified, true);
  assert.equal(shared.author, patient.pubkey);

  // The same edit inside the clinic's own record (a hostile editor) is caught there too.
  const report = verifyAttestations(edited);
  assert.equal(report.items.get(target.fullUrl).status, 'changed');
  assert.equal(report.changed, 1);
  assert.equal(report.verified, 39);
});

test('an entry slipped in under a signed entry\'s address is not vouched for by that signature', async () => {
  const { clinic, record } = await clinicRecord();
  const target = items(record.bundle).find((e) => e.resource.resourceType === 'Immunization');
  const forged = { fullUrl: target.fullUrl, resource: { ...structuredClone(target.resource), vaccineCode: { text: 'Forged vaccine' } } };
  for (const [where, bundle] of [['before', { ...record.bundle, entry: [forged, ...record.bundle.entry] }], ['after', { ...record.bundle, entry: [...record.bundle.entry, forged] }]]) {
    const report = verifyAttestations(bundle);
    const genuine = bundle.entry.find((e) => e.fullUrl === target.fullUrl && e !== forged);
    assert.deepEqual(report.entries.get(genuine), { status: 'verified', attester: clinic.pubkey, signedAt: record.createdAt }, where);
    assert.deepEqual(report.entries.get(forged), { status: 'changed', attester: clinic.pubkey, signedAt: record.createdAt }, where);
    // By address, the least trusted: the signature vouches for no one entry there.
    assert.equal(report.items.get(target.fullUrl).status, 'changed', where);
    // The clinic signed 40 entries; this Bundle holds 41: it is not as they signed it.
    assert.equal(report.sealedBy.holds, false, where);
  }
});

test('the digests in a share cannot confirm a guessed withheld item without its salt', async () => {
  const { patient, record } = await clinicRecord();
  // Positions and salts of the source, read from its own Provenance (the patient holds them; the recipient does not).
  const leaves = new Map();
  for (const e of record.bundle.entry.filter((x) => isAttestation(x.resource))) {
    for (const t of e.resource.target) {
      const ext = Object.fromEntries(t.extension[0].extension.map((x) => [x.url, x.valueUnsignedInt ?? x.valueBase64Binary]));
      leaves.set(t.reference, { index: ext.index, salt: Buffer.from(ext.salt, 'base64') });
    }
  }
  const byIndex = new Map([...leaves].map(([url, l]) => [l.index, url]));
  // Share three items whose neighbouring leaf is a real entry, withheld: the share must carry that neighbour's digest.
  const shared = [];
  const withheld = [];
  for (const [url, l] of leaves) {
    const neighbour = byIndex.get(l.index ^ 1);
    if (neighbour && !shared.includes(neighbour) && !withheld.includes(url) && shared.length < 3) {
      shared.push(url);
      withheld.push(neighbour);
    }
  }
  assert.equal(shared.length, 3);
  const clinician = await person();
  const events = await createShare({ from: [record], include: shared, author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
  const share = (await openRecord(events, clinician.signer)).bundle;
  const carried = Buffer.from(JSON.stringify(share)).toString();
  const hashesInShare = new Set();
  for (const e of share.entry.filter((x) => isAttestation(x.resource))) {
    for (const t of e.resource.target) {
      for (const x of t.extension[0].extension) {
        if (x.url !== 'path' && x.url !== 'digest') continue;
        const bytes = Buffer.from(x.valueBase64Binary, 'base64');
        for (let i = 0; i < bytes.length; i += 32) hashesInShare.add(bytes.subarray(i, i + 32).toString('hex'));
      }
    }
  }
  const entryOf = (url) => record.bundle.entry.find((e) => e.fullUrl === url);
  for (const url of withheld) {
    const guess = entryOf(url);
    // With the salt the recipient never got, the neighbour's digest is right there in the share...
    assert.ok(hashesInShare.has(Buffer.from(entryDigest(leaves.get(url).salt, guess)).toString('hex')), 'the test can see a digest when it has the salt');
    // ...but a guess of the exact item, unsalted or with any other salt, matches nothing.
    assert.ok(!hashesInShare.has(Buffer.from(sha256(new TextEncoder().encode(canonicalEntry(guess)))).toString('hex')));
    for (let k = 0; k < 50; k++) assert.ok(!hashesInShare.has(Buffer.from(entryDigest(crypto.getRandomValues(new Uint8Array(16)), guess)).toString('hex')));
    assert.ok(!carried.includes(url));
  }
});

test('a 5 MB record is created with one signer call and opened with one, every item verified', async () => {
  const clinic = counting((await person()).signer);
  const reader = counting((await person()).signer);
  const bundle = history(5200, 900);
  assert.ok(JSON.stringify(bundle).length > 5_000_000);
  const events = await createRecord({ bundle, author: clinic, participants: [{ pubkey: await reader.getPublicKey(), role: 'viewer' }] });
  assert.ok(events.length > 100, `split into ${events.length} parts`);
  assert.deepEqual(clinic.calls, { signEvent: 1, nip44Encrypt: 0, nip44Decrypt: 0 });
  const record = await openRecord(events, reader);
  assert.deepEqual(reader.calls, { signEvent: 0, nip44Encrypt: 0, nip44Decrypt: 1 });
  assert.equal(record.provenance.verified, 5200);
  assert.equal(record.author, await clinic.getPublicKey());
  assert.equal(record.authorVerified, true);
});

test('a large record\'s attestations are checked in slices: other work runs in between, and the verdicts are the same', async () => {
  const clinic = await person();
  // 3,000 entries: a tree of 4,096 leaves, thousands of hashes, far more than one 1 ms slice.
  const bundle = await attestBundle(history(3000), clinic.signer, { createdAt: Math.floor(Date.now() / 1000) });
  let ticks = 0;
  let running = true;
  const tick = () => {
    ticks++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const sliced = await verifyAttestationsInSlices(bundle, 1);
  running = false;
  // Checked in one go, the promise would settle before a single tick ran.
  assert.ok(ticks > 1, `other work ran ${ticks} times during the check`);
  const whole = verifyAttestations(bundle);
  assert.equal(sliced.verified, 3000);
  assert.deepEqual([sliced.verified, sliced.changed, sliced.unattested], [whole.verified, whole.changed, whole.unattested]);
  assert.deepEqual(sliced.sealedBy, whole.sealedBy);
  assert.equal(sliced.sealedBy?.holds, true);
  // An aborted check stops with the signal's reason.
  const controller = new AbortController();
  controller.abort(new Error('signed out'));
  await assert.rejects(verifyAttestationsInSlices(bundle, 1, controller.signal), /signed out/);
});

test('a record made without attestation opens as before, its items unattested', async () => {
  const clinic = counting((await person()).signer);
  const events = await createRecord({ bundle: history(3), author: clinic, participants: [], attest: false });
  const record = await openRecord(events, clinic);
  assert.equal(record.author, await clinic.getPublicKey());
  assert.equal(record.authorVerified, true);
  assert.equal(record.provenance.unattested, 3);
  assert.equal(record.bundle.entry.some((e) => isAttestation(e.resource)), false);
});

test('the committed test vector: an attested Bundle, a subset, and the verdicts another implementation must reach', () => {
  const vector = JSON.parse(readFileSync(new URL('../fixtures/attestation-vector.json', import.meta.url), 'utf8'));
  for (const [name, bundle] of Object.entries(vector.bundles)) {
    const report = verifyAttestations(bundle);
    const got = Object.fromEntries([...report.items].map(([url, v]) => [url, v]));
    assert.deepEqual(got, vector.expected[name], name);
  }
  // The canonical form and digest of one entry, spelled out.
  const { entry, salt, canonical, digest } = vector.digestExample;
  assert.equal(canonicalEntry(entry), canonical);
  assert.equal(Buffer.from(entryDigest(Buffer.from(salt, 'base64'), entry)).toString('base64'), digest);
});

test('a Bundle cannot make the reader check signatures without end: past 64 distinct attestations, no more are checked', async () => {
  const clinic = await person();
  const bundle = history(3);
  const attested = await attestBundle(bundle, clinic.signer, { role: 'author', createdAt: 1_700_000_000 });
  const genuine = attested.entry.filter((e) => isAttestation(e.resource));
  // Provenances of events whose signature does not hold, each a different event: each one alone
  // would cost a signature check.
  const forged = [];
  for (let i = 0; i < 64; i++) {
    const resource = structuredClone(genuine[0].resource);
    const signature = resource.signature.find((s) => typeof s.data === 'string');
    const event = JSON.parse(Buffer.from(signature.data, 'base64').toString('utf8'));
    event.created_at += i + 1;
    signature.data = Buffer.from(JSON.stringify(event)).toString('base64');
    forged.push({ fullUrl: `urn:uuid:f${String(i).padStart(7, '0')}-0000-4000-8000-000000000000`, resource });
  }
  const items = attested.entry.filter((e) => !isAttestation(e.resource));
  const verdict = (b) => verifyAttestations(b).items.get(items[1].fullUrl).status;
  assert.equal(verdict({ ...attested, entry: [...forged.slice(0, 63), ...genuine, ...items] }), 'verified', 'within the bound, the genuine attestation is read');
  assert.equal(verdict({ ...attested, entry: [...forged, ...genuine, ...items] }), 'unattested', 'past the bound, no further signature is checked');
});
