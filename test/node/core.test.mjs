// The built core (dist/core) in plain Node 20, as an EHR back end would use it: no DOM, no browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { useWebSocketImplementation } from 'nostr-tools/pool';
import { generateSecretKey } from 'nostr-tools/pure';
import { startRelay } from '../../scripts/relay.mjs';
import {
  RelayClient, createRecord, openRecord, grantAccess, revokeAccess, secretKeySigner, RecordError, RecordKeyCache,
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
