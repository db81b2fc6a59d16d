/**
 * Reading by many sign keys (the records a clinician holds open, when a load must find which were
 * taken back; the deletions of many records): relays commonly refuse a filter naming more than a
 * hundred keys, so the kit asks in requests of a hundred, and still finds the event of the last key.
 */
import { expect } from '@open-wc/testing';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { RelayClient } from '../../components/core/relay/client.js';
import { RECORD_KIND } from '../../components/core/nip82/constants.js';
import { relayRequests, relayUrl } from '../helpers.js';

describe('relay client: reading by many sign keys', () => {
  it('asks 250 keys in requests of at most 100 and finds what the last key signed', async () => {
    const relay = await relayUrl('main');
    const secrets = Array.from({ length: 250 }, () => generateSecretKey());
    const keys = secrets.map((k) => getPublicKey(k));
    const last = finalizeEvent({ kind: RECORD_KIND, created_at: Math.floor(Date.now() / 1000), tags: [['d', crypto.randomUUID()]], content: 'x' }, secrets[249]!);
    const client = new RelayClient({ relays: [relay] });
    try {
      const sent = await client.publish(last);
      expect(sent.map((r) => r.status), 'the event was stored').to.deep.equal(['accepted']);
      const { events, reports } = await client.bySignKeys([RECORD_KIND], keys);
      expect(events.map((e) => e.id)).to.deep.equal([last.id]);
      expect(reports.every((r) => r.status === 'complete')).to.equal(true);
      const asked = (await relayRequests('main', keys[249]!)).flat().filter((f) => Array.isArray(f.authors));
      expect(asked.length, 'a request named the last key').to.be.greaterThan(0);
      for (const filter of asked) expect((filter.authors as string[]).length, 'keys in one request').to.be.at.most(100);
    } finally {
      client.close();
    }
  });
});
