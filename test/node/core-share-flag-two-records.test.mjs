// A clinician holds two different records of one patient that name one same thing (the doctor who
// wrote both, the visit both belong to), each shared without an item. Sharing on from both, the flag
// sent counts both withheld items: two records that only name the same doctor or visit are not
// copies of one record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSecretKey } from 'nostr-tools/pure';
import * as core from '../../dist/core/index.js';

const { createRecord, openRecord, createShare, secretKeySigner } = core;

const person = async () => {
  const signer = secretKeySigner(generateSecretKey());
  return { signer, pubkey: await signer.getPublicKey() };
};

const DOCTOR = 'https://clinic.example/fhir/Practitioner/lee';
const VISIT = 'https://clinic.example/fhir/Encounter/v7';
const doctor = { fullUrl: DOCTOR, resource: { resourceType: 'Practitioner', id: 'lee', name: [{ text: 'Dr Lee' }] } };
const visit = { fullUrl: VISIT, resource: { resourceType: 'Encounter', id: 'v7', status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' } } };

/** Record `n`: the entry both name, a condition and an observation pointing to it. */
const recordNaming = (both, n) => {
  const link = both === doctor ? { c: { asserter: { reference: DOCTOR } }, o: { performer: [{ reference: DOCTOR }] } } : { c: { encounter: { reference: VISIT } }, o: { encounter: { reference: VISIT } } };
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      both,
      { fullUrl: `urn:uuid:c${n}`, resource: { resourceType: 'Condition', id: `c${n}`, code: { text: `Condition ${n}` }, ...link.c } },
      { fullUrl: `urn:uuid:o${n}`, resource: { resourceType: 'Observation', id: `o${n}`, status: 'final', code: { text: `Weight ${n}` }, ...link.o } },
    ],
  };
};

for (const [what, both] of [['one doctor', doctor], ['one visit', visit]]) {
  test(`two records naming ${what}, each shared without an item: the flag sent counts two`, async () => {
    const [patient, clinician, colleague] = await Promise.all([person(), person(), person()]);
    const shared = async (n) => {
      const mine = await openRecord(await createRecord({ bundle: recordNaming(both, n), author: patient.signer, participants: [] }), patient.signer);
      return openRecord(await createShare({
        from: [mine], withhold: [`urn:uuid:c${n}`], disclose: 'count-and-kind', author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'editor' }],
      }), clinician.signer);
    };
    const from = [await shared(1), await shared(2)];
    const on = await createShare({ from, author: clinician.signer, participants: [{ pubkey: colleague.pubkey, role: 'viewer' }] });
    assert.deepEqual((await openRecord(on, colleague.signer)).withheld, { disclose: 'count-and-kind', count: 2, kinds: { Condition: 2 } });
  });
}
