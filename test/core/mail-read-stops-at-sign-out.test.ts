/**
 * A mail read opens each gift wrap through the user's signer (two decrypts a wrap; with an
 * extension, a prompt each). A sign-out (the store cleared) or a close while a batch opens must
 * leave the rest of it unasked: the next person at the screen is never prompted for the last
 * one's mail, and nothing of it is kept.
 */
import { expect } from '@open-wc/testing';
import { RelayClient } from '../../components/core/relay/client.js';
import { RecordStore } from '../../components/core/store/record-store.js';
import { createAccessRequest } from '../../components/core/nip82/requests.js';
import type { Signer } from '../../components/core/signers/signer.js';
import { person, relayUrl, type Person } from '../helpers.js';
import { waitUntil } from '../wait.js';

const REQUESTS = 6;

/** The patient's signer, counting every call, its first decrypt held until `release`. */
function heldSigner(base: Signer): { signer: Signer; calls: () => number; decrypts: () => number; release: () => void } {
  let calls = 0;
  let decrypts = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const signer: Signer = {
    getPublicKey: () => (calls++, base.getPublicKey()),
    signEvent: (template) => (calls++, base.signEvent(template)),
    nip44Encrypt: (pubkey, plaintext) => (calls++, base.nip44Encrypt(pubkey, plaintext)),
    nip44Decrypt: async (pubkey, ciphertext) => {
      calls++;
      decrypts++;
      // The user sits at the first prompt when the sign-out comes.
      await gate;
      return base.nip44Decrypt(pubkey, ciphertext);
    },
  };
  return { signer, calls: () => calls, decrypts: () => decrypts, release };
}

async function mailFor(patient: Person, relay: string): Promise<void> {
  const clinic = await person();
  const publisher = new RelayClient({ relays: [relay] });
  try {
    for (let i = 0; i < REQUESTS; i++) {
      const { events } = await createAccessRequest({ signer: clinic.signer, patient: patient.pubkey, resourceTypes: ['Immunization'], purpose: `Request ${i}` });
      await publisher.publishAll(events);
    }
  } finally {
    publisher.close();
  }
}

describe('a mail read stopped by a sign-out', () => {
  for (const [how, end] of [
    ['the store is cleared (a sign-out)', (store: RecordStore) => store.clear()],
    ['the store is closed', (store: RecordStore) => store.close()],
  ] as const) {
    it(`asks the signer nothing more once ${how} at its first prompt, and keeps nothing`, async () => {
      const relay = await relayUrl('main');
      const patient = await person();
      await mailFor(patient, relay);
      const held = heldSigner(patient.signer);
      const store = new RecordStore({ client: new RelayClient({ relays: [relay], signer: held.signer }), signer: held.signer });
      try {
        const reading = store.readMail();
        await waitUntil(() => held.decrypts() > 0, 'the mail read never asked the signer to decrypt');
        end(store);
        const atSignOut = held.calls();
        held.release();
        await reading;
        expect(held.calls(), 'signer calls after the sign-out').to.equal(atSignOut);
        expect(store.messages).to.have.length(0);
        expect(store.mailLoaded).to.equal(false);
      } finally {
        store.close();
      }
    });
  }

  it('following a moved record (its notices are in the mail too) asks the signer nothing more once the user signs out', async () => {
    const relay = await relayUrl('main');
    const patient = await person();
    await mailFor(patient, relay);
    const held = heldSigner(patient.signer);
    const store = new RecordStore({ client: new RelayClient({ relays: [relay], signer: held.signer }), signer: held.signer });
    try {
      // An address its owner ended: the store looks through the newest mail for where it moved.
      const following = store.followMove((await person()).pubkey);
      await waitUntil(() => held.decrypts() > 0, 'the notices were never looked for');
      store.clear();
      const atSignOut = held.calls();
      held.release();
      expect(await following).to.equal(undefined);
      expect(held.calls(), 'signer calls after the sign-out').to.equal(atSignOut);
    } finally {
      store.close();
    }
  });
});
