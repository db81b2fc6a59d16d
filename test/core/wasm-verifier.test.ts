import { expect } from '@open-wc/testing';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { isValidSignedEvent, type NostrEvent } from '../../components/core/events.js';
import { useWasmVerifier, stopWasmVerifier } from '../../components/core/wasm-verifier.js';
import { createRecord, openRecord } from '../../components/core/nip82/record.js';
import { secretKeySigner } from '../../components/core/signers/secret-key.js';

const plain = (e: NostrEvent): NostrEvent => ({ id: e.id, pubkey: e.pubkey, created_at: e.created_at, kind: e.kind, tags: e.tags, content: e.content, sig: e.sig });

describe('the opt-in WASM signature verifier in the browser', () => {
  after(() => stopWasmVerifier());

  it('loads on demand and tells good events from forged ones, and records still open', async () => {
    await useWasmVerifier();
    const key = generateSecretKey();
    const good = plain(finalizeEvent({ kind: 1, created_at: 9, tags: [], content: 'checked in WebAssembly' }, key) as NostrEvent);
    expect(isValidSignedEvent(good)).to.equal(true);
    expect(isValidSignedEvent({ ...good, content: 'changed' })).to.equal(false);
    const other = plain(finalizeEvent({ kind: 1, created_at: 10, tags: [], content: 'another' }, key) as NostrEvent);
    expect(isValidSignedEvent({ ...other, sig: good.sig })).to.equal(false);

    const readerKey = generateSecretKey();
    const author = secretKeySigner(generateSecretKey());
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:c0000000-0000-4000-8000-000000000000', resource: { resourceType: 'Patient', id: 'c0000000-0000-4000-8000-000000000000' } }] };
    const events = await createRecord({ bundle, author, participants: [{ pubkey: getPublicKey(readerKey), role: 'viewer' }] });
    const record = await openRecord(events, secretKeySigner(readerKey));
    expect(record.authorVerified).to.equal(true);
  });
});
