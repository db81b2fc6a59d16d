// A clinician holding two copies of one patient record, each shared without some items, shares on
// from both: the flag sent counts no withheld item twice and says no more than either flag said.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSecretKey } from 'nostr-tools/pure';
import * as core from '../../dist/core/index.js';

const { createRecord, openRecord, createShare, secretKeySigner } = core;

const person = async () => {
  const signer = secretKeySigner(generateSecretKey());
  return { signer, pubkey: await signer.getPublicKey() };
};

const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:c1', resource: { resourceType: 'Condition', id: 'c1', code: { text: 'Depression' } } },
    { fullUrl: 'urn:uuid:o1', resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'HbA1c' } } },
    { fullUrl: 'urn:uuid:o2', resource: { resourceType: 'Observation', id: 'o2', status: 'final', code: { text: 'Weight' } } },
  ],
};

async function twoCopies(hideFirst, hideSecond) {
  const [patient, clinician, colleague] = await Promise.all([person(), person(), person()]);
  const mine = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
  const copy = async (withhold) => openRecord(await createShare({
    from: [mine], withhold, disclose: 'count-and-kind', author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'editor' }],
  }), clinician.signer);
  const from = [await copy(hideFirst), await copy(hideSecond)];
  const on = await createShare({ from, author: clinician.signer, participants: [{ pubkey: colleague.pubkey, role: 'viewer' }] });
  return (await openRecord(on, colleague.signer)).withheld;
}

test('two copies that hid the same item: the flag sent counts it once', async () => {
  assert.deepEqual(await twoCopies(['urn:uuid:c1'], ['urn:uuid:c1']), { disclose: 'count-and-kind', count: 1, kinds: { Condition: 1 } });
});

test('two copies that hid different items: the flag sent says no more than either', async () => {
  const sent = await twoCopies(['urn:uuid:c1'], ['urn:uuid:o1']);
  assert.ok((sent?.count ?? 0) <= 1, `at most one item said withheld, not ${JSON.stringify(sent)}`);
});

test('two records that share some items but not all, each shared without another: only that something was withheld', async () => {
  const [patient, clinician, colleague] = await Promise.all([person(), person(), person()]);
  const visit = async (extra) => openRecord(await createRecord({ bundle: { ...bundle, entry: [bundle.entry[0], ...extra] }, author: patient.signer, participants: [] }), patient.signer);
  const note = (id, text) => ({ fullUrl: `urn:uuid:${id}`, resource: { resourceType: 'Observation', id, status: 'final', code: { text } } });
  const visits = [await visit([note('a1', 'Pulse'), note('a2', 'HIV test')]), await visit([note('b1', 'Weight'), note('b2', 'Pregnancy test')])];
  const shared = async (mine, withhold) => openRecord(await createShare({
    from: [mine], withhold, disclose: 'count-and-kind', author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'editor' }],
  }), clinician.signer);
  const from = [await shared(visits[0], ['urn:uuid:a2']), await shared(visits[1], ['urn:uuid:b2'])];
  const on = await createShare({ from, author: clinician.signer, participants: [{ pubkey: colleague.pubkey, role: 'viewer' }] });
  // Two items were withheld here, one in each visit; a count of 1 would be untrue.
  assert.deepEqual((await openRecord(on, colleague.signer)).withheld, { disclose: 'flag' });
});
