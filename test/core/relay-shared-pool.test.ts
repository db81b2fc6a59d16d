/**
 * A host that shares its own nostr-tools pool (RelayClientOptions.pool): the client reads, sends
 * and signs in through it, and closing the client leaves the host's pool working for the host.
 */
import { expect } from '@open-wc/testing';
import { SimplePool } from 'nostr-tools/pool';
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import { RelayClient } from '../../components/core/relay/client.js';
import { giftWrap, makeRumor } from '../../components/core/nip82/gift-wrap.js';
import { nowSeconds, type NostrEvent } from '../../components/core/events.js';
import { person, relayUrl } from '../helpers.js';

const note = (content: string) => finalizeEvent({ kind: 1, created_at: nowSeconds(), tags: [], content }, generateSecretKey()) as NostrEvent;

describe('relay client on a pool the host shares', () => {
  it('publishes and reads through the host\'s pool, and leaves it open for the host when closed', async () => {
    const url = await relayUrl('main');
    const pool = new SimplePool();
    const client = new RelayClient({ relays: [url], pool, publishTimeoutMs: 5000 });
    const event = note('through the host\'s pool');
    try {
      const receipts = await client.publishAll([event]);
      expect(receipts.map((r) => r.status)).to.deep.equal(['accepted']);
      const { events, reports } = await client.query({ ids: [event.id] });
      expect(events.map((e) => e.id)).to.deep.equal([event.id]);
      expect(reports.map((r) => r.status)).to.deep.equal(['complete']);
    } finally {
      client.close();
    }
    try {
      // The host's pool was not destroyed: it still reads for the host.
      const found = await pool.querySync([url], { ids: [event.id] }, { maxWait: 5000 });
      expect(found.map((e) => e.id)).to.deep.equal([event.id]);
    } finally {
      pool.destroy();
    }
  });

  it('signs in through the host\'s pool when a relay asks for it', async () => {
    const url = await relayUrl('restricted');
    const me = await person();
    const sender = await person();
    const wraps = await giftWrap(sender.signer, makeRumor({ kind: 14, tags: [['p', me.pubkey]], content: 'hello' }, sender.pubkey), [me.pubkey]);
    const pool = new SimplePool();
    const client = new RelayClient({ relays: [url], pool, signer: me.signer });
    try {
      await client.publishAll(wraps);
      const { events, reports } = await client.wrapsFor(me.pubkey);
      expect(reports[0]!.status).to.equal('complete');
      expect(events.map((e) => e.id)).to.include(wraps.find((w) => w.tags.some((t) => t[1] === me.pubkey))!.id);
    } finally {
      client.close();
      pool.destroy();
    }
  });
});
