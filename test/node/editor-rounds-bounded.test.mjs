// A clinic's record that two family members add to, round after round: it keeps one signature per
// signer (not one more per round), and the clinic's items still read as the clinic's at the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSecretKey } from 'nostr-tools/pure';
import { secretKeySigner, verifyAttestations, attestBundle, isAttestation } from '../../dist/core/index.js';

const person = async () => {
  const signer = secretKeySigner(generateSecretKey());
  return { signer, pubkey: await signer.getPublicKey() };
};
const P = 'urn:uuid:a0000000-0000-4000-8000-000000000000';
const item = (id, words) => ({ fullUrl: `urn:uuid:${id}`, resource: { resourceType: 'Observation', id, status: 'final', code: { text: words }, subject: { reference: P } } });

test('many rounds of edits keep the record bounded and the clinic\'s signature on its items', async () => {
  const [clinic, mother, father] = await Promise.all([person(), person(), person()]);
  let bundle = await attestBundle({ resourceType: 'Bundle', type: 'collection', entry: [
    { fullUrl: P, resource: { resourceType: 'Patient', id: 'a0000000-0000-4000-8000-000000000000', name: [{ text: 'Ana Rivera' }] } },
    item('b1', 'Blood pressure'),
  ] }, clinic.signer, { createdAt: 1000 });
  for (let i = 0; i < 40; i++) {
    const next = structuredClone(bundle);
    next.entry.push(item(`c${i}`, `Home reading ${i}`));
    bundle = await attestBundle(next, (i % 2 ? father : mother).signer, { createdAt: 2000 + i });
  }
  const report = verifyAttestations(bundle);
  assert.equal(report.items.get('urn:uuid:b1')?.attester, clinic.pubkey, 'the clinic\'s item no longer reads as the clinic\'s');
  assert.equal(report.items.get('urn:uuid:b1')?.status, 'verified');
  assert.equal(report.items.get('urn:uuid:c0')?.attester, mother.pubkey);
  assert.equal(report.items.get('urn:uuid:c39')?.attester, father.pubkey);
  assert.ok(bundle.entry.filter((e) => isAttestation(e.resource)).length <= 3, `${bundle.entry.filter((e) => isAttestation(e.resource)).length} signatures carried after 40 rounds by 3 signers`);
});
