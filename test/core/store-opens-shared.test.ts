/**
 * Two elements of one session open the same record at once: the viewer by its address ("Unlock
 * this record") and the access list by a load ("Unlock my records"), while the signer's first
 * decrypt prompt is still open. The store opens it once: the user is asked once, not twice.
 */
import { expect } from '@open-wc/testing';
import { npubEncode, naddrEncode } from 'nostr-tools/nip19';
import { createRecord } from '../../components/core/nip82/record.js';
import { RECORD_KIND } from '../../components/core/nip82/constants.js';
import { RelayClient } from '../../components/core/relay/client.js';
import { RecordStore } from '../../components/core/store/record-store.js';
import { counting, heldDecrypt, person, relayUrl, sampleBundle } from '../helpers.js';
import { waitUntil } from '../wait.js';

describe('the record store, opening one record for a load and an address at once', function () {
  this.timeout(60000);

  it('asks the signer to decrypt once; both get the record', async () => {
    const url = await relayUrl('main');
    const [patient, hospital] = [await person(), await person()];
    const publisher = new RelayClient({ relays: [url] });
    let naddr: string;
    try {
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'viewer' }] });
      await publisher.publishAll(events);
      naddr = naddrEncode({ kind: RECORD_KIND, pubkey: events[0]!.pubkey, identifier: events[0]!.tags.find((t) => t[0] === 'd')![1]! });
    } finally {
      publisher.close();
    }
    const held = heldDecrypt(patient.signer);
    const signer = counting(held.signer);
    const store = new RecordStore({ client: new RelayClient({ relays: [url], signer }), signer });
    // Both reads reach the record's opening before the signer answers the first prompt.
    const inner = store as unknown as { openGroup: (...args: unknown[]) => Promise<unknown> };
    const openGroup = inner.openGroup.bind(store);
    let entered = 0;
    inner.openGroup = (...args) => { entered++; return openGroup(...args); };
    try {
      const load = store.load();
      await waitUntil(held.asked, 'the signer is asked');
      const byAddress = store.openAddress(naddr);
      await waitUntil(() => entered === 2, 'both reads open the record');
      held.release();
      const [, found] = await Promise.all([load, byAddress]);
      expect(found.records.map((r) => r.signPubkey)).to.deep.equal(store.held.map((r) => r.signPubkey));
      expect(store.held).to.have.length(1);
      expect(signer.calls.nip44Decrypt, 'one decrypt prompt').to.equal(1);
    } finally {
      store.close();
    }
  });
});
