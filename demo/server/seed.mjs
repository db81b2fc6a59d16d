// First-start seeding, done as a clinic back end would: the built core in Node, signing with the
// demo identities, publishing to the demo relay. Each step is recorded in seeded.json once the
// relay accepted it, so a restart never seeds twice.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { useWebSocketImplementation } from 'nostr-tools/pool';
import { RelayClient, createRecord, createAccessRequest, nostrIdentifier, secretKeySigner, URI_SYSTEM } from '../../dist/core/index.js';

useWebSocketImplementation(WebSocket);

const data = (name) => JSON.parse(readFileSync(fileURLToPath(new URL(`../data/${name}`, import.meta.url)), 'utf8'));

/** The Synthea patient, made Alex's: the demo persona's name and a `nostr:` identifier for their key. */
function alexHistory(alexPubkey) {
  const bundle = data('synthea-patient.json');
  const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient').resource;
  patient.name = [{ use: 'official', text: 'Alex (demo patient)', given: ['Alex'] }];
  patient.identifier = [...(patient.identifier ?? []).filter((id) => id.system !== URI_SYSTEM), nostrIdentifier(alexPubkey)];
  return bundle;
}

/** The seeding steps, in order; each returns the events to publish. */
function steps(people) {
  const signer = (role) => secretKeySigner(people[role].secret);
  return {
    // Names make the access list and requests readable; they are public kind-0 profiles.
    profiles: async () =>
      Promise.all(Object.values(people).map((p) =>
        signer(p.role).signEvent({
          kind: 0, created_at: Math.floor(Date.now() / 1000), tags: [],
          content: JSON.stringify({ name: p.name, about: `${p.about} A demo identity generated for this install: never use it for real data.` }),
        }),
      )),
    // The hospital publishes Alex's history to Alex (editor); a family member may read it.
    history: async (client) =>
      createRecord({
        bundle: alexHistory(people.patient.pubkey),
        author: signer('hospital'),
        participants: [{ pubkey: people.patient.pubkey, role: 'editor' }, { pubkey: people.family.pubkey, role: 'viewer' }],
        maxEventBytes: await client.maxEventBytes(),
      }),
    // The clinic asks Alex for access before a first visit: a request waiting for an answer.
    request: async (client) =>
      (await createAccessRequest({
        signer: signer('clinic'),
        patient: people.patient.pubkey,
        resourceTypes: ['Immunization', 'MedicationRequest'],
        purpose: 'Preparing your first appointment at Harbor Clinic',
        days: 30,
        maxEventBytes: await client.maxEventBytes(),
      })).events,
    // The vet publishes the dog's record to its owner, whose key controls it (the animal has none).
    pet: async (client) =>
      createRecord({
        bundle: data('pet-biscuit.json'),
        author: signer('vet'),
        participants: [{ pubkey: people.owner.pubkey, role: 'editor' }],
        subject: people.owner.pubkey,
        maxEventBytes: await client.maxEventBytes(),
      }),
  };
}

/**
 * Runs the steps not yet done. Returns what it did, e.g. `{ seeded: ['history'], skipped: ['profiles'] }`.
 * @param {{ relayUrl: string, dataDir: string, people: Record<string, any> }} options
 */
export async function seed({ relayUrl, dataDir, people }) {
  const file = join(dataDir, 'seeded.json');
  const done = new Set(existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).steps ?? [] : []);
  const client = new RelayClient({ relays: [relayUrl] });
  const report = { seeded: [], skipped: [] };
  try {
    for (const [name, make] of Object.entries(steps(people))) {
      if (done.has(name)) {
        report.skipped.push(name);
        continue;
      }
      await client.publishAll(await make(client));
      done.add(name);
      writeFileSync(file, JSON.stringify({ steps: [...done] }, null, 2) + '\n');
      report.seeded.push(name);
    }
  } finally {
    client.close();
  }
  return report;
}
