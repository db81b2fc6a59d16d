/**
 * A consent request signed while its sender was offline goes out hours later, its gift wrap dated
 * (NIP-59) up to two days before the signing: a read later in the same session still finds it, as
 * a reload would, and opens only what it had not opened before.
 */
import { expect } from '@open-wc/testing';
import { RelayClient } from '../../components/core/relay/client.js';
import { RecordStore } from '../../components/core/store/record-store.js';
import { createAccessRequest } from '../../components/core/nip82/requests.js';
import type { Signer } from '../../components/core/signers/signer.js';
import { LATE_SEND_SECONDS } from '../../components/core/store/mail-read.js';
import { nowSeconds } from '../../components/core/events.js';
import { counting, person, publishTo, relayRequests, relayUrl } from '../helpers.js';

/** `createAccessRequest` as signed `hoursAgo` hours ago, its wraps dated as far back as NIP-59 lets them. */
async function signedOffline(signer: Signer, patient: string, hoursAgo: number) {
  const [now, random] = [Date.now, Math.random];
  Date.now = () => now() - hoursAgo * 3_600_000;
  Math.random = () => 0.99;
  try {
    return (await createAccessRequest({ signer, patient, resourceTypes: ['AllergyIntolerance'], purpose: 'Allergy check' })).events;
  } finally {
    [Date.now, Math.random] = [now, random];
  }
}

describe('mail sent long after it was signed', () => {
  it('a later read of the same session finds it, opening only the new message', async () => {
    const relay = await relayUrl('main');
    const [patient, clinic, other] = [await person(), await person(), await person()];
    const late = await signedOffline(clinic.signer, patient.pubkey, 3);
    // One request already there: the first read opens it.
    await publishTo(relay, (await createAccessRequest({ signer: other.signer, patient: patient.pubkey, resourceTypes: ['Immunization'], purpose: 'Vaccines' })).events);
    const signer = counting(patient.signer);
    const store = new RecordStore({ client: new RelayClient({ relays: [relay], signer }), signer });
    try {
      await store.readMail();
      expect(store.messages.map((m) => m.purpose)).to.deep.equal(['Vaccines']);
      const firstDecrypts = signer.calls.nip44Decrypt ?? 0;
      // The clinic's tablet is back in signal: the request signed three hours ago goes out now.
      await publishTo(relay, late);
      await store.readMail({ refresh: true });
      expect(store.messages.map((m) => m.purpose).sort()).to.deep.equal(['Allergy check', 'Vaccines']);
      // Only the new wrap was opened (a seal and a wrap: two decrypts).
      expect((signer.calls.nip44Decrypt ?? 0) - firstDecrypts).to.equal(2);
    } finally {
      store.close();
    }
  });

  it('a later check does not download the whole history again: it looks a week below what was checked', async () => {
    const relay = await relayUrl('main');
    const patient = await person();
    const store = new RecordStore({ client: new RelayClient({ relays: [relay], signer: patient.signer }), signer: patient.signer });
    try {
      const before = nowSeconds();
      await store.readMail();
      await store.readMail({ refresh: true });
      const wrapReads = (await relayRequests('main', patient.pubkey)).flat().filter((f) => Array.isArray(f.kinds) && f.kinds.includes(1059));
      const last = wrapReads[wrapReads.length - 1]!;
      expect(typeof last.since, 'the later check has a lower bound').to.equal('number');
      // The floor sits two days and an hour below the first check (NIP-59's dating); a week more below it.
      expect(last.since as number).to.be.at.least(before - LATE_SEND_SECONDS - 3 * 86400);
    } finally {
      store.close();
    }
  });
});
