/**
 * Deletions (NIP-09, kind 5) are not addressed to the patient: a load finds one only by asking for
 * the deletions of the records its reads bring. A relay that carries out a deletion drops the
 * record's versions, so the next load brought nothing of the deleted record, asked nothing about
 * it, and the store kept showing it for the rest of the session, flood or none.
 */
import { expect } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { createRecord, deleteRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { AbstractSimplePool } from 'nostr-tools/abstract-pool';
import { ownPool, type RelayPool } from '../components/core/relay/pool.js';
import { RecordStore } from '../components/core/store/record-store.js';
import type { NostrEvent } from '../components/core/events.js';
import { counting, person, relayUrl, sampleBundle } from './helpers.js';

describe('a record its author deleted', function () {
  this.timeout(60000);

  it('leaves the store at the next load, and costs the signer nothing; the others stay', async () => {
    const url = await relayUrl('main');
    const [patient, hospital] = [await person(), await person()];
    const publisher = new RelayClient({ relays: [url] });
    const signer = counting(patient.signer);
    const store = new RecordStore({ client: new RelayClient({ relays: [url], signer }), signer });
    try {
      const made: NostrEvent[][] = [];
      for (let i = 0; i < 2; i++) {
        const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'viewer' }] });
        await publisher.publishAll(events);
        made.push(events);
      }
      await store.load();
      expect(store.held).to.have.length(2);
      const [gone, kept] = made.map((events) => events[0]!.pubkey);

      await publisher.publishAll(deleteRecord(await openRecord(made[0]!, hospital.signer)));
      // The relay carried the deletion out: the load's read brings nothing of that record.
      expect((await publisher.queryAll({ kinds: [32225], authors: [gone!] })).events).to.have.length(0);
      await store.load({ refresh: true });
      expect(store.held.map((r) => r.signPubkey)).to.deep.equal([kept]);
      expect(store.failures).to.have.length(0);
      expect(signer.calls.nip44Decrypt, 'one decrypt per record, none for the deletion').to.equal(2);

      await store.load({ refresh: true });
      expect(store.held.map((r) => r.signPubkey)).to.deep.equal([kept]);
    } finally {
      publisher.close();
      store.close();
    }
  });

  it('is not said to be checked on a relay that sent the records but not their deletions', async () => {
    const url = await relayUrl('main');
    const [patient, hospital] = [await person(), await person()];
    const publisher = new RelayClient({ relays: [url] });
    // A relay that serves records and closes every read of deletions.
    const real = ownPool(8000);
    const pool: RelayPool = {
      ensureRelay: (u, params) => real.ensureRelay(u, params),
      publish: (relays, event, params) => real.publish(relays, event, params),
      subscribe: (relays, filter, params) => {
        if (!filter.kinds?.includes(5)) return real.subscribe(relays, filter, params);
        queueMicrotask(() => params.onclose?.([{ url, reason: 'error: deletions are not served here' }]));
        return { close: () => {} };
      },
      close: (relays) => real.close(relays),
      destroy: () => real.destroy(),
    };
    const store = new RecordStore({ client: new RelayClient({ relays: [url], signer: patient.signer, pool: pool as unknown as AbstractSimplePool }), signer: patient.signer });
    try {
      await publisher.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'viewer' }] }));
      await store.load();
      expect(store.held, 'the record is shown').to.have.length(1);
      expect(store.reports.map((r) => r.status), 'whether it was deleted is unknown').to.deep.equal(['closed']);
      expect(store.reports[0]!.events, 'the record events it sent are still counted').to.be.greaterThan(0);
    } finally {
      publisher.close();
      store.close();
      real.destroy();
    }
  });
});
