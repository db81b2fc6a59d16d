// The core as a host that uses none of the elements meets it (an EHR back end on Node 20): what it
// gets wrong by mistake is said at once, as a typed error, never read as "nothing there".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { useWebSocketImplementation } from 'nostr-tools/pool';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { npubEncode } from 'nostr-tools/nip19';
import { startRelay } from '../../scripts/relay.mjs';
import { RelayClient, RecordError, createRecord, secretKeySigner } from '../../dist/core/index.js';

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
  entry: [{ fullUrl: 'urn:uuid:1', resource: { resourceType: 'Observation', id: '1', status: 'final', code: { text: 'HbA1c' } } }],
};

test('a clinic that looks its records up by its npub (or any key not in hex) is told so, not handed an empty list', async () => {
  const clinicKey = generateSecretKey();
  const clinic = getPublicKey(clinicKey);
  const author = secretKeySigner(generateSecretKey());
  await client.publishAll(await createRecord({ bundle, author, participants: [{ pubkey: clinic, role: 'viewer' }] }));
  const { events } = await client.recordsFor(clinic);
  assert.ok(events.length > 0, 'the record is there under the hex key');
  for (const wrong of [npubEncode(clinic), clinic.toUpperCase(), `${clinic} `, '']) {
    await assert.rejects(client.recordsFor(wrong), (e) => e instanceof RecordError && e.code === 'invalid-input', `records for ${JSON.stringify(wrong.slice(0, 12))}`);
    await assert.rejects(client.wrapsFor(wrong), (e) => e instanceof RecordError && e.code === 'invalid-input', `mail for ${JSON.stringify(wrong.slice(0, 12))}`);
  }
});
