// A host using only the core is refused, as a typed error, what the elements never offer: passing on
// a record the user neither owns nor may edit, and changing who holds a share that has ended.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSecretKey } from 'nostr-tools/pure';
import * as core from '../../dist/core/index.js';

const { createRecord, openRecord, createShare, grantAccess, revokeAccess, grantConsent, consentSource, secretKeySigner, RecordError } = core;

const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [{ fullUrl: 'urn:uuid:1', resource: { resourceType: 'Observation', id: '1', status: 'final', code: { text: 'HbA1c' } } }],
};

const person = async () => {
  const signer = secretKeySigner(generateSecretKey());
  return { signer, pubkey: await signer.getPublicKey() };
};

test('a relative who may only view a patient\'s record cannot pass it on through the core', async () => {
  const [clinic, patient, relative, stranger] = await Promise.all([person(), person(), person(), person()]);
  const events = await createRecord({
    bundle, author: clinic.signer, subject: patient.pubkey,
    participants: [{ pubkey: patient.pubkey, role: 'editor' }, { pubkey: relative.pubkey, role: 'viewer' }],
  });
  const viewed = await openRecord(events, relative.signer);
  assert.equal(viewed.role, 'viewer');
  await assert.rejects(
    createShare({ from: [viewed], author: relative.signer, participants: [{ pubkey: stranger.pubkey, role: 'viewer' }] }),
    (e) => e instanceof RecordError && e.code === 'not-an-editor',
  );
  // The patient's own copy (theirs to share) still is.
  const own = await openRecord(events, patient.signer);
  assert.ok((await createShare({ from: [own], author: patient.signer, participants: [{ pubkey: stranger.pubkey, role: 'viewer' }] })).length > 0);
});

test('an editor whose share has ended cannot add or remove people through the core', async () => {
  const [patient, helper, friend, other] = await Promise.all([person(), person(), person(), person()]);
  const mine = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
  const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const { source, fullUrl } = consentSource(mine, grantConsent({ patient: patient.pubkey, recipient: helper.pubkey, role: 'editor', until: yesterday }));
  const share = await createShare({
    from: [mine, source], include: ['urn:uuid:1', fullUrl], author: patient.signer,
    participants: [{ pubkey: helper.pubkey, role: 'editor' }, { pubkey: friend.pubkey, role: 'viewer' }],
  });
  const held = await openRecord(share, helper.signer);
  assert.equal(held.role, 'editor');
  await assert.rejects(revokeAccess(held, friend.pubkey), (e) => e instanceof RecordError && e.code === 'not-an-editor', 'removing someone');
  await assert.rejects(grantAccess(held, { pubkey: other.pubkey, role: 'viewer' }), (e) => e instanceof RecordError && e.code === 'not-an-editor', 'adding someone');
  await assert.rejects(
    createShare({ from: [held], author: helper.signer, participants: [{ pubkey: other.pubkey, role: 'viewer' }] }),
    (e) => e instanceof RecordError && e.code === 'not-an-editor', 'passing it on',
  );
  // The patient may still take the ended share back.
  const copy = await openRecord(share, patient.signer);
  assert.ok((await revokeAccess(copy, helper.pubkey)).events.length > 0);
});
