// An item that carries its patient inside itself (a contained Patient, referenced as "#p") is
// signed together with that patient: a clinic's fresh record reads as signed for this patient.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSecretKey } from 'nostr-tools/pure';
import { secretKeySigner, verifyAttestations, attestBundle } from '../../dist/core/index.js';

test('an item about a patient it carries inside itself reads as signed, not as signed for someone else', async () => {
  const clinic = secretKeySigner(generateSecretKey());
  const bundle = await attestBundle({ resourceType: 'Bundle', type: 'collection', entry: [
    { fullUrl: 'urn:uuid:b3', resource: { resourceType: 'Observation', id: 'b3', status: 'final', code: { text: 'Blood pressure' }, subject: { reference: '#p' }, contained: [{ resourceType: 'Patient', id: 'p', name: [{ text: 'Ana Rivera' }] }] } },
  ] }, clinic, { createdAt: 1000 });
  const verdict = verifyAttestations(bundle).items.get('urn:uuid:b3');
  assert.deepEqual({ status: verdict?.status, otherPatient: verdict?.otherPatient }, { status: 'verified', otherPatient: undefined });
});
