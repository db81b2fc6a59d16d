/**
 * RelayClient.forgetSignIns on a relay that serves only signed-in readers: after it, the client
 * signs in again as whoever the signer answers for now, and what the last user's read was doing
 * stops where it is, never going on over the new user's sign-in.
 */
import { expect } from '@open-wc/testing';
import { RelayClient } from '../../components/core/relay/client.js';
import { RecordStore } from '../../components/core/store/record-store.js';
import { createRecord } from '../../components/core/nip82/record.js';
import { npubEncode } from 'nostr-tools/nip19';
import type { Signer } from '../../components/core/signers/signer.js';
import { person, relaySignIns, relayUrl, sampleBundle, type Person } from '../helpers.js';
import { waitUntil } from '../wait.js';

/**
 * A signer over whichever key was chosen last (`use`), noting the key of each relay sign-in (AUTH)
 * it was asked for; after `holdNext`, the next such signature waits until `release`.
 */
function switchable(first: Signer) {
  let current = first;
  let held: Promise<void> | undefined;
  let release = () => {};
  const asked: string[] = [];
  const signer: Signer = {
    getPublicKey: () => current.getPublicKey(),
    signEvent: async (template) => {
      if (template.kind !== 22242) return current.signEvent(template);
      const at = current;
      asked.push(await at.getPublicKey());
      const wait = held;
      held = undefined;
      if (wait) await wait;
      return at.signEvent(template);
    },
    nip44Encrypt: (pubkey, text) => current.nip44Encrypt(pubkey, text),
    nip44Decrypt: (pubkey, text) => current.nip44Decrypt(pubkey, text),
  };
  return {
    signer,
    asked,
    use: (next: Signer) => { current = next; },
    holdNext: () => { held = new Promise<void>((resolve) => { release = resolve; }); },
    release: () => release(),
  };
}

/** A busy machine's slow connection is not a relay out of reach: no read here is meant to run out of time. */
const UNHURRIED = { queryTimeoutMs: 20_000, publishTimeoutMs: 20_000 };

/** The keys the relay's connections were signed in as for the reads it served naming `who`. */
async function servedAs(who: Person): Promise<string[]> {
  return (await relaySignIns('auth', who.pubkey)).served.map((r) => r.as ?? 'nobody');
}

describe('relay client: a change of user ends the last one’s sign-ins', function () {
  this.timeout(60000);

  it('signs in again as the key the signer answers for now, once, and reads for it only as it', async () => {
    const [a, b] = [await person(), await person()];
    const user = switchable(a.signer);
    const client = new RelayClient({ relays: [await relayUrl('auth')], signer: user.signer, ...UNHURRIED });
    try {
      const first = await client.query({ kinds: [1059], '#p': [a.pubkey] });
      expect(first.reports.map((r) => r.status)).to.deep.equal(['complete']);
      expect(user.asked).to.deep.equal([a.pubkey]);

      user.use(b.signer);
      client.forgetSignIns();
      // Two reads of one action, and a third: one sign-in on the new connection serves them all.
      const declined = client.declineScope();
      const reads = await Promise.all([
        client.query({ kinds: [1059], '#p': [b.pubkey] }, { declined }),
        client.query({ kinds: [32225], '#p': [b.pubkey] }, { declined }),
      ]);
      await client.query({ kinds: [5], '#p': [b.pubkey] });
      expect(reads.flatMap((r) => r.reports.map((x) => x.status))).to.deep.equal(['complete', 'complete']);
      expect(user.asked).to.deep.equal([a.pubkey, b.pubkey]);
      const asB = await servedAs(b);
      expect(asB).to.have.length(3);
      expect(asB.every((k) => k === b.pubkey), `served as ${asB.join(', ')}`).to.equal(true);
      expect((await relaySignIns('auth')).signIns.filter((k) => k === b.pubkey)).to.have.length(1);
      expect(client.isClosed).to.equal(false);
    } finally {
      client.close();
    }
  });

  it('a read of the last user waiting at their sign-in stops there: it never reads over the new user’s sign-in', async () => {
    const [a, b] = [await person(), await person()];
    const user = switchable(a.signer);
    const client = new RelayClient({ relays: [await relayUrl('auth')], signer: user.signer, ...UNHURRIED });
    try {
      user.holdNext();
      const stale = client.query({ kinds: [1059], '#p': [a.pubkey] });
      await waitUntil(() => user.asked.length === 1, 'the last user was not asked to sign in');

      // The user changes while the last one's prompt is open; the new one reads and signs in, and
      // only then does the last one's answer come.
      client.forgetSignIns();
      user.use(b.signer);
      const fresh = await client.query({ kinds: [1059], '#p': [b.pubkey] });
      expect(fresh.reports.map((r) => r.status)).to.deep.equal(['complete']);
      user.release();

      const { reports } = await stale;
      expect(reports.map((r) => r.status)).to.deep.equal(['auth-required']);
      // Nothing for the last user was served at all, least of all on the new user's sign-in.
      expect(await servedAs(a)).to.deep.equal([]);
      expect(await servedAs(b)).to.deep.equal([b.pubkey]);
      expect((await relaySignIns('auth')).signIns).not.to.include(a.pubkey);
    } finally {
      client.close();
    }
  });

  it('the store: a load of the last user caught at its sign-in by a key switch reads nothing over the new key’s, and shows nothing', async () => {
    const [a, b, hospital] = [await person(), await person(), await person()];
    const relays = [await relayUrl('auth')];
    const seeder = new RelayClient({ relays, signer: hospital.signer, ...UNHURRIED });
    try {
      for (const p of [a, b]) await seeder.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(p.pubkey)}`), author: hospital.signer, participants: [{ pubkey: p.pubkey, role: 'editor' }] }));
    } finally {
      seeder.close();
    }
    const user = switchable(a.signer);
    const store = new RecordStore({ client: new RelayClient({ relays, signer: user.signer, ...UNHURRIED }), signer: user.signer });
    try {
      user.holdNext();
      const stale = store.load();
      await waitUntil(() => user.asked.length === 1, 'the last user was not asked to sign in');
      // Another key, found by the next action (a mail read): the store clears, the new key signs in.
      user.use(b.signer);
      const mail = store.readMail();
      await waitUntil(() => store.reader === b.pubkey, 'the new key was not noticed');
      user.release();
      await Promise.all([mail, stale]);
      expect(store.records).to.have.length(0);
      await store.load();
      expect(store.records.map((r) => r.reader)).to.deep.equal([b.pubkey]);
      expect(await servedAs(a)).to.deep.equal([]);
      const asB = await servedAs(b);
      expect(asB.length).to.be.greaterThan(1);
      expect(asB.every((k) => k === b.pubkey), `served as ${asB.join(', ')}`).to.equal(true);
      expect(user.asked).to.deep.equal([a.pubkey, b.pubkey]);
    } finally {
      store.close();
    }
  });

  it('a closed client stays closed', async () => {
    const a = await person();
    const client = new RelayClient({ relays: [await relayUrl('auth')], signer: a.signer });
    client.close();
    client.forgetSignIns();
    expect(client.isClosed).to.equal(true);
  });
});
