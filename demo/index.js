// Round-trips a record through the local relay with two demo identities, to show the kit works.
import { RelayClient, createRecord, openRecord, secretKeySigner } from '/dist/cdn/nip82-elements.js';

const status = document.getElementById('status');
const { relays } = await (await fetch('/config.json')).json();
const demoKey = () => crypto.getRandomValues(new Uint8Array(32));
const patient = secretKeySigner(demoKey());
const clinic = secretKeySigner(demoKey());
const client = new RelayClient({ relays });
try {
  const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:demo-1', resource: { resourceType: 'Immunization', status: 'completed', vaccineCode: { text: 'Tetanus' }, occurrenceDateTime: '2024-03-01' } }] };
  const events = await createRecord({ bundle, author: clinic, participants: [{ pubkey: await patient.getPublicKey(), role: 'editor' }] });
  const receipts = await client.publishAll(events);
  const opened = await openRecord((await client.recordsFor(await patient.getPublicKey())).events, patient);
  status.textContent = `Relay ${relays[0]} accepted a record (${receipts.filter((r) => r.status === 'accepted').length} receipt), and the demo patient opened it: ${opened.bundle.entry.length} item, author verified: ${opened.authorVerified ? 'yes' : 'no'}.`;
} catch (error) {
  status.textContent = `The local relay could not be used: ${error.message}`;
} finally {
  client.close();
}
