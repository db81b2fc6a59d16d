/**
 * A clinician opened a record at its address; its newer version is on one storage server only.
 * That server drops away, and the record is opened at its address again (the page goes back to
 * it): the other server serves only the older version, which the session refuses (it saw a newer
 * one). The store returned nothing and no failure, which the viewer says as "not found" of a
 * record the session holds; it now returns the newest version seen this session.
 */
import { expect } from '@open-wc/testing';
import type { AbstractSimplePool } from 'nostr-tools/abstract-pool';
import { createRecord, openRecord, updateRecord } from '../../components/core/nip82/record.js';
import { RelayClient } from '../../components/core/relay/client.js';
import { ownPool, type RelayPool } from '../../components/core/relay/pool.js';
import { RecordStore } from '../../components/core/store/record-store.js';
import { person, relayUrl, sampleBundle } from '../helpers.js';

describe('record store: an address opened again while the server with its newer version is away', function () {
  this.timeout(60000);

  it('returns the newest version the session holds, not nothing', async () => {
    const [main, second] = [await relayUrl('main'), await relayUrl('second')];
    const [patient, clinician] = [await person(), await person()];
    const t = Math.floor(Date.now() / 1000) - 100;
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }], createdAt: t });
    const both = new RelayClient({ relays: [main, second] });
    const one = new RelayClient({ relays: [main] });
    // Reads of the main server fail once `away` is set (as a dropped connection does).
    let away = false;
    const real = ownPool(8000);
    const pool: RelayPool = {
      ensureRelay: (u, params) => real.ensureRelay(u, params),
      publish: (relays, event, params) => real.publish(relays, event, params),
      subscribe: (relays, filter, params) => {
        if (!away || relays[0] !== main) return real.subscribe(relays, filter, params);
        queueMicrotask(() => params.onclose?.([{ url: main, reason: 'connection failed: websocket error' }]));
        return { close: () => {} };
      },
      close: (relays) => real.close(relays),
      destroy: () => real.destroy(),
    };
    const store = new RecordStore({ client: new RelayClient({ relays: [main, second], pool: pool as unknown as AbstractSimplePool }), signer: clinician.signer, reader: clinician.pubkey });
    try {
      await both.publishAll(events);
      const opened = await openRecord(events, patient.signer);
      const bundle = sampleBundle();
      (bundle.entry[1]!.resource as { code: { text: string } }).code.text = 'Peanut';
      await one.publishAll((await updateRecord(opened, { bundle, author: patient.signer, createdAt: t + 10 })).events);

      const first = await store.openAddress(opened.naddrs[0]!);
      expect(JSON.stringify(first.records[0]?.bundle)).to.contain('Peanut');
      away = true;
      const again = await store.openAddress(opened.naddrs[0]!);
      expect(again.reports.map((r) => r.status)).to.deep.equal(['unreachable', 'complete']);
      expect(again.records, 'the record is still there to show').to.have.length(1);
      expect(JSON.stringify(again.records[0]!.bundle), 'at its newest version').to.contain('Peanut');
    } finally {
      both.close();
      one.close();
      store.close();
      real.destroy();
    }
  });
});
