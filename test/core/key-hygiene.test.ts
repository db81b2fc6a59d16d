import { expect } from '@open-wc/testing';
import { createRecord, openRecord, grantAccess, revokeAccess } from '../../components/core/nip82/record.js';
import { RecordKeyCache } from '../../components/core/nip82/keys.js';
import { RecordError } from '../../components/core/errors.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { itemsOf, person, sampleBundle } from '../helpers.js';
import { byteArrays, containsBytes, textForms } from '../key-forms.js';
import type { Signer } from '../../components/core/signers/signer.js';
import { RecordStore } from '../../components/core/store/record-store.js';
import { RelayClient } from '../../components/core/relay/client.js';
import { sessionMemorySize } from '../../components/core/memory.js';
import { checkedSignatureCount } from '../../components/core/events.js';
import { attestationEventCount } from '../../components/core/attest/format.js';

describe('key hygiene', () => {
  it('record keys never reach the opened record, access changes, errors, logs or storage', async () => {
    const logged: string[] = [];
    const originals = { log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };
    for (const name of Object.keys(originals) as (keyof typeof originals)[]) {
      console[name] = (...args: unknown[]) => { logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a))).join(' ')); };
    }
    try {
      const patient = await person();
      const family = await person();
      const other = await person();
      const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }] });
      // The test holds the patient's own key, so it can read the record keys the kit must hide.
      const keyOf = async (who: typeof patient, evs = events) =>
        who.signer.nip44Decrypt(evs[0]!.pubkey, evs[0]!.tags.find((t) => t[0] === 'key' && t[1] === who.pubkey)![2]!);
      const signHex = await keyOf(patient);
      const viewHex = await keyOf(family);
      const cache = new RecordKeyCache();
      const opened = await openRecord(events, patient.signer, { keyCache: cache });
      const granted = await grantAccess(opened, { pubkey: other.pubkey, role: 'viewer' });
      const revoked = await revokeAccess(granted.record, family.pubkey);
      const newView = await keyOf(other, revoked.events);
      let error: unknown;
      try {
        await openRecord(revoked.events, family.signer);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(RecordError);

      const exposed = [
        JSON.stringify(opened), JSON.stringify(granted), JSON.stringify(revoked), JSON.stringify(Object.entries(opened)),
        String(error), JSON.stringify(error), (error as Error).stack ?? '', logged.join('\n'),
        JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.documentElement.outerHTML,
      ].join('\n');
      const arrays = byteArrays([opened, granted, revoked, error, localStorage, sessionStorage]);
      for (const secret of [signHex, viewHex, newView]) {
        expect(secret).to.match(/^[0-9a-f]{64}$/);
        const key = hexToBytes(secret);
        for (const form of textForms(key)) expect(exposed.includes(form), `a record key leaked as text (${form.length} characters)`).to.equal(false);
        expect(arrays.some((a) => containsBytes(a, key)), 'a record key leaked as bytes').to.equal(false);
      }
      cache.wipe();
      expect(cache.size).to.equal(0);
    } finally {
      Object.assign(console, originals);
    }
  });
});

describe('a sign-out while a record is being opened', () => {
  it('leaves no key behind: neither when the wipe lands during the signer call nor just after the open began', async () => {
    const author = await person();
    const reader = await person();
    const events = await createRecord({ bundle: sampleBundle(), author: author.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] });
    const cache = new RecordKeyCache();

    // The user signs out while their signer is still answering.
    const signingOut: Signer = {
      ...reader.signer,
      nip44Decrypt: async (pubkey, ciphertext) => {
        const plain = await reader.signer.nip44Decrypt(pubkey, ciphertext);
        cache.wipe();
        return plain;
      },
    };
    const opened = await openRecord(events, signingOut, { keyCache: cache });
    expect(itemsOf(opened.bundle)).to.have.length(4);
    expect(cache.size).to.equal(0);

    // A key cached before; the wipe comes after the open started from it.
    await openRecord(events, reader.signer, { keyCache: cache });
    expect(cache.size).to.equal(1);
    const opening = openRecord(events, reader.signer, { keyCache: cache });
    cache.wipe();
    await opening;
    expect(cache.size).to.equal(0);

    // With no sign-out in between, the key is kept as before.
    await openRecord(events, reader.signer, { keyCache: cache });
    expect(cache.size).to.equal(1);
  });
});

describe('a store\'s clear forgets what the core remembers of the records opened', () => {
  it('empties the signatures checked and the attestations read, process-wide', async () => {
    const patient = await person();
    const clinician = await person();
    const events = await createRecord({ bundle: sampleBundle(), author: clinician.signer, participants: [{ pubkey: patient.pubkey, role: 'viewer' }] });
    const store = new RecordStore({ client: new RelayClient({ relays: ['ws://127.0.0.1:1'] }), signer: patient.signer, reader: patient.pubkey });
    try {
      const opened = await store.adopt(events);
      expect(opened?.provenance?.sealedBy).to.exist;
      // Both memos hold what this reader opened: its events' ids and the attestation it carries.
      expect(checkedSignatureCount()).to.be.greaterThan(0);
      expect(attestationEventCount()).to.be.greaterThan(0);
      expect(sessionMemorySize()).to.equal(checkedSignatureCount() + attestationEventCount());
      store.clear();
      expect([sessionMemorySize(), checkedSignatureCount(), attestationEventCount()]).to.deep.equal([0, 0, 0]);
    } finally {
      store.close();
    }
  });
});
