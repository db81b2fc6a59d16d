// A clinician holds two different records of one visit (both name its encounter), each shared
// without an item. Sharing on from both, the flag sent counts both withheld items: two records of
// one visit are not copies of one record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSecretKey } from 'nostr-tools/pure';
import * as core from '../../dist/core/index.js';

const { createRecord, openRecord, createShare, secretKeySigner } = core;

const person = async () => {
  const signer = secretKeySigner(generateSecretKey());
  return { signer, pubkey: await signer.getPublicKey() };
};

const visitOf = { fullUrl: 'https://clinic.example/fhir/Encounter/v7', resource: { resourceType: 'Encounter', id: 'v7', status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' } } };
const visit = (n) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    visitOf,
    { fullUrl: `urn:uuid:c${n}`, resource: { resourceType: 'Condition', id: `c${n}`, code: { text: `Condition ${n}` }, encounter: { reference: 'https://clinic.example/fhir/Encounter/v7' } } },
    { fullUrl: `urn:uuid:o${n}`, resource: { resourceType: 'Observation', id: `o${n}`, status: 'final', code: { text: `Weight ${n}` }, encounter: { reference: 'https://clinic.example/fhir/Encounter/v7' } } },
  ],
});

test('two records of one visit, each shared without an item: the flag sent counts two', async () => {
  const [patient, clinician, colleague] = await Promise.all([person(), person(), person()]);
  const shared = async (n) => {
    const mine = await openRecord(await createRecord({ bundle: visit(n), author: patient.signer, participants: [] }), patient.signer);
    return openRecord(await createShare({
      from: [mine], withhold: [`urn:uuid:c${n}`], disclose: 'count-and-kind', author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'editor' }],
    }), clinician.signer);
  };
  const from = [await shared(1), await shared(2)];
  const on = await createShare({ from, author: clinician.signer, participants: [{ pubkey: colleague.pubkey, role: 'viewer' }] });
  assert.deepEqual((await openRecord(on, colleague.signer)).withheld, { disclose: 'count-and-kind', count: 2, kinds: { Condition: 2 } });
});
