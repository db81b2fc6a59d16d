import { expect } from '@open-wc/testing';
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import { RelayClient, checkRelays } from '../../components/core/relay/client.js';
import { RelayError } from '../../components/core/errors.js';
import { nowSeconds, type NostrEvent } from '../../components/core/events.js';
import { createRecord } from '../../components/core/nip82/record.js';
import { downRelayUrl, person, rejects, relayUrl, sampleBundle } from '../helpers.js';

const note = (content = 'hello', createdAt = nowSeconds(), sk = generateSecretKey()) =>
  finalizeEvent({ kind: 1, created_at: createdAt, tags: [], content }, sk) as NostrEvent;

describe('relay client on real relays', () => {
  it('publishes to every relay with a receipt each; one relay down does not fail the publish', async () => {
    const relays = [await relayUrl('main'), await relayUrl('second'), await downRelayUrl()];
    const client = new RelayClient({ relays, publishTimeoutMs: 3000 });
    try {
      const event = note();
      const receipts = await client.publishAll([event]);
      expect(receipts.map((r) => r.status)).to.deep.equal(['accepted', 'accepted', 'unreachable']);
      expect(receipts.every((r) => r.eventId === event.id && r.ms >= 0)).to.equal(true);
      const { events, reports } = await client.query({ ids: [event.id] });
      expect(events.map((e) => e.id)).to.deep.equal([event.id]);
      expect(reports.map((r) => r.status)).to.deep.equal(['complete', 'complete', 'unreachable']);
    } finally {
      client.close();
    }
  });

  it('fails as a whole, with every receipt, when no relay accepts', async () => {
    const client = new RelayClient({ relays: [await downRelayUrl()], publishTimeoutMs: 2000 });
    try {
      const error = await rejects(client.publishAll([note()]), RelayError, 'not-accepted');
      expect((error as RelayError).receipts).to.have.length(1);
    } finally {
      client.close();
    }
  });

  it('honours a quorum above one', async () => {
    const client = new RelayClient({ relays: [await relayUrl('main'), await downRelayUrl()], quorum: 2, publishTimeoutMs: 2000 });
    try {
      await rejects(client.publishAll([note()]), RelayError, 'not-accepted');
    } finally {
      client.close();
    }
  });

  it('reports an oversized event as rejected with the relay\'s reason', async () => {
    const client = new RelayClient({ relays: [await relayUrl('small')] });
    try {
      const [receipt] = await client.publish(note('x'.repeat(20000)));
      expect(receipt!.status).to.equal('rejected');
      expect(receipt!.reason).to.match(/invalid/);
    } finally {
      client.close();
    }
  });

  it('a slow relay times out per relay while a fast one answers', async () => {
    const client = new RelayClient({ relays: [await relayUrl('main'), await relayUrl('slow')], publishTimeoutMs: 600, queryTimeoutMs: 600 });
    try {
      const receipts = await client.publish(note());
      expect(receipts.map((r) => r.status)).to.deep.equal(['accepted', 'timeout']);
      const { reports } = await client.query({ kinds: [1], limit: 1 });
      expect(reports.map((r) => r.status)).to.deep.equal(['complete', 'timeout']);
    } finally {
      client.close();
    }
  });

  it('AUTH-required relay: without a signer it is a state; with one, NIP-42 AUTH goes through the signer', async () => {
    const url = await relayUrl('auth');
    const anonymous = new RelayClient({ relays: [url] });
    const user = await person();
    const authed = new RelayClient({ relays: [url], signer: user.signer });
    try {
      const [refused] = await anonymous.publish(note());
      expect(refused!.status).to.equal('auth-required');
      const event = note();
      const [accepted] = await authed.publish(event);
      expect(accepted!.status).to.equal('accepted');
      const { events, reports } = await authed.query({ ids: [event.id] });
      expect(reports[0]!.status).to.equal('complete');
      expect(events.map((e) => e.id)).to.deep.equal([event.id]);
      const anon = await anonymous.query({ ids: [event.id] });
      expect(anon.reports[0]!.status).to.equal('auth-required');
      expect(anon.events).to.have.length(0);
    } finally {
      anonymous.close();
      authed.close();
    }
  });

  it('drops future-dated events and keeps only the newest version of an address, never going back', async () => {
    const client = new RelayClient({ relays: [await relayUrl('main')] });
    try {
      const sk = generateSecretKey();
      const future = note('from the future', nowSeconds() + 3600, sk);
      await client.publishAll([future]);
      expect((await client.query({ ids: [future.id] })).events).to.have.length(0);

      const patient = await person();
      const [v1] = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] });
      await client.publishAll([v1!]);
      expect((await client.query({ kinds: [32225], authors: [v1!.pubkey] })).events.map((e) => e.id)).to.deep.equal([v1!.id]);
      // The client has now seen v1; a relay that later serves an older version of the same
      // address is not believed. Simulate with a second client sharing the version memory.
      const older = { ...v1!, created_at: v1!.created_at - 10 };
      expect(client.versions.observe(older as NostrEvent)).to.equal(false);
    } finally {
      client.close();
    }
  });

  it('checks relay URLs', async () => {
    await rejects(() => checkRelays([]), RelayError, 'no-relays');
    await rejects(() => checkRelays(['https://example.org']), RelayError, 'invalid-url');
    expect(checkRelays([' ws://127.0.0.1:1 ', 'ws://127.0.0.1:1'])).to.deep.equal(['ws://127.0.0.1:1']);
  });
});
