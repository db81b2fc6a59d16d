// A clinician holds two different records of one patient, written by one clinic (both name the same
// doctor), each shared without an item. Sharing on from both, the flag sent counts both withheld
// items: two records that only name the same doctor are not copies of one record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSecretKey } from 'nostr-tools/pure';
import * as core from '../../dist/core/index.js';

const { createRecord, openRecord, createShare, secretKeySigner } = core;

const person = async () => {
  const signer = secretKeySigner(generateSecretKey());
  return { signer, pubkey: await signer.getPublicKey() };
};

const doctor = { fullUrl: 'https://clinic.example/fhir/Practitioner/lee', resource: { resourceType: 'Practitioner', id: 'lee', name: [{ text: 'Dr Lee' }] } };
const visit = (n) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    doctor,
    { fullUrl: `urn:uuid:c${n}`, resource: { resourceType: 'Condition', id: `c${n}`, code: { text: `Condition ${n}` }, asserter: { reference: 'https://clinic.example/fhir/Practitioner/lee' } } },
    { fullUrl: `urn:uuid:o${n}`, resource: { resourceType: 'Observation', id: `o${n}`, status: 'final', code: { text: `Weight ${n}` }, performer: [{ reference: 'https://clinic.example/fhir/Practitioner/lee' }] } },
  ],
});

test('two records naming one doctor, each shared without an item: the flag sent counts two', async () => {
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
