// The built core (dist/core) in plain Node 20, as an EHR back end would use it: no DOM, no browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { useWebSocketImplementation } from 'nostr-tools/pool';
import { generateSecretKey } from 'nostr-tools/pure';
import { startRelay } from '../../scripts/relay.mjs';
import {
  RelayClient, createRecord, openRecord, grantAccess, revokeAccess, secretKeySigner, RecordError, RecordKeyCache,
  createShare, readShareNote,
} from '../../dist/core/index.js';

useWebSocketImplementation(WebSocket);

let relay;
let client;
before(async () => {
  relay = await startRelay({});
  client = new RelayClient({ relays: [relay.url] });
});
after(async () => {
  client.close();
  await relay.close();
});

const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [{ fullUrl: 'urn:uuid:1', resource: { resourceType: 'Observation', id: '1', status: 'final', code: { text: 'HbA1c' }, valueQuantity: { value: 6.1, unit: '%' } } }],
};

test('a clinic back end publishes a record; the patient opens it; access is granted and revoked', async () => {
  const clinic = secretKeySigner(generateSecretKey());
  const patient = secretKeySigner(generateSecretKey());
  const family = secretKeySigner(generateSecretKey());
  const events = await createRecord({ bundle, author: clinic, participants: [{ pubkey: await patient.getPublicKey(), role: 'editor' }] });
  await client.publishAll(events);
  const { events: fetched } = await client.recordsFor(await patient.getPublicKey());
  const opened = await openRecord(fetched, patient, { keyCache: new RecordKeyCache() });
  assert.equal(opened.role, 'editor');
  assert.equal(opened.author, await clinic.getPublicKey());
  assert.equal(opened.authorVerified, true);
  assert.equal(opened.bundle.entry.find((e) => e.resource.resourceType === 'Observation').resource.code.text, 'HbA1c');

  const granted = await grantAccess(opened, { pubkey: await family.getPublicKey(), role: 'viewer' });
  await client.publishAll(granted.events);
  assert.equal((await openRecord(granted.events, family)).role, 'viewer');

  const revoked = await revokeAccess(granted.record, await family.getPublicKey());
  await client.publishAll(revoked.events);
  const { events: latest } = await client.query({ kinds: [32225], authors: [opened.signPubkey] });
  await assert.rejects(openRecord(latest, family), (e) => e instanceof RecordError && e.code === 'not-a-participant');
});

test('a share carries a NIP-40 expiration at the end of its last day; a relay honouring it refuses it once past; a revocation drops it', async () => {
  const { createShare, grantConsent, consentSource, grantExpiration, expirationOf, grantToReader } = await import('../../dist/core/index.js');
  assert.equal(grantExpiration('2027-01-01'), new Date(2027, 0, 2).getTime() / 1000, 'the first second after 1 Jan 2027 ends, at local midnight');
  assert.throws(() => grantExpiration('soon'), (e) => e instanceof RecordError && e.code === 'invalid-input');
  const patient = secretKeySigner(generateSecretKey());
  const clinic = secretKeySigner(generateSecretKey());
  const [me, them] = [await patient.getPublicKey(), await clinic.getPublicKey()];
  const mine = await openRecord(await createRecord({ bundle, author: patient, participants: [] }), patient);
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const { source, fullUrl } = consentSource(mine, grantConsent({ patient: me, recipient: them, role: 'viewer', until }));
  const expiresAt = grantExpiration(until);
  const share = await createShare({
    from: [mine, source], include: ['urn:uuid:1', fullUrl], author: patient, participants: [{ pubkey: them, role: 'viewer' }], expiresAt,
  });
  assert.ok(share.every((e) => expirationOf(e) === expiresAt), 'every part carries the expiration');
  await client.publishAll(share);
  const seen = await openRecord(share, clinic);
  assert.deepEqual(grantToReader(seen), { until, ended: false });
  assert.deepEqual(grantToReader(seen, new Date(expiresAt * 1000)), { until, ended: true }, 'ended once the expiration is reached');
  // A revocation is a new version without it: an expired version would be refused by the relays that honour it.
  const change = await revokeAccess(await openRecord(share, patient), them);
  assert.ok(change.events.every((e) => expirationOf(e) === undefined));
  // Past its end, a relay honouring NIP-40 does not take the share at all.
  await assert.rejects(createRecord({ bundle, author: patient, participants: [], createdAt: 2000, expiresAt: 1000 }), (e) => e.code === 'invalid-input');
  const late = await createRecord({ bundle, author: patient, participants: [], createdAt: Math.floor(Date.now() / 1000) - 100, expiresAt: Math.floor(Date.now() / 1000) - 10 });
  const receipts = await client.publish(late[0]);
  assert.equal(receipts[0].status, 'rejected');
  assert.match(receipts[0].reason, /expired/);
});

test('a share remembers, for its editors alone, which items it hid: no signer call to read it, kept through access changes', async () => {
  const patient = secretKeySigner(generateSecretKey());
  const clinic = secretKeySigner(generateSecretKey());
  const family = secretKeySigner(generateSecretKey());
  const two = {
    ...bundle,
    entry: [...bundle.entry, { fullUrl: 'urn:uuid:2', resource: { resourceType: 'Condition', id: '2', code: { text: 'Hidden diagnosis' } } }],
  };
  const own = await openRecord(await createRecord({ bundle: two, author: patient, participants: [] }), patient);
  const keyCache = new RecordKeyCache();
  const events = await createShare({ from: [own], withhold: ['urn:uuid:2'], author: patient, participants: [{ pubkey: await clinic.getPublicKey(), role: 'viewer' }], keyCache });
  assert.ok(events[0].tags.some((t) => t[0] === 'editor-note'), 'the note travels with the share');
  assert.ok(!JSON.stringify(events).includes('urn:uuid:2'), 'and is not readable on the relay');
  // The patient reads it with the cached sign key: the signer is never asked.
  const silent = { getPublicKey: () => patient.getPublicKey(), signEvent: () => assert.fail('no signing'), nip44Encrypt: () => assert.fail('no encrypting'), nip44Decrypt: () => assert.fail('no signer decrypt') };
  const copy = await openRecord(events, silent, { keyCache });
  assert.deepEqual(readShareNote(copy.editorNote), ['urn:uuid:2']);
  // The recipient, a viewer, cannot read it.
  const theirs = await openRecord(events, clinic);
  assert.equal(theirs.editorNote, undefined);
  // Kept through a grant and a revocation (a new version), still for editors alone.
  const granted = await grantAccess(copy, { pubkey: await family.getPublicKey(), role: 'viewer' });
  const revoked = await revokeAccess(granted.record, await family.getPublicKey());
  const reopened = await openRecord(revoked.events.filter((e) => e.kind === 32225), patient);
  assert.deepEqual(readShareNote(reopened.editorNote), ['urn:uuid:2']);
  // A note that is not ours, or too long, is ignored rather than trusted or thrown on.
  assert.deepEqual(readShareNote('not json'), []);
  assert.deepEqual(readShareNote(JSON.stringify({ hidden: [1, 'urn:uuid:9', 'x'.repeat(600)] })), ['urn:uuid:9']);
  await assert.rejects(createRecord({ bundle, author: patient, participants: [], editorNote: 'x'.repeat(20_000) }), RecordError);
});
