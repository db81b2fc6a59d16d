import { expect } from '@open-wc/testing';
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import { RelayClient, checkRelays, type PublishReceipt } from '../../components/core/relay/client.js';
import { RelayError } from '../../components/core/errors.js';
import { nowSeconds, type NostrEvent } from '../../components/core/events.js';
import { createRecord, openRecord, updateRecord } from '../../components/core/nip82/record.js';
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

  it('a relay that never answers times out per relay while another answers', async function () {
    // The deadline is far beyond what a loopback relay needs even on a loaded machine (3 s was missed
    // there), and the silent relay never answers, so the outcome does not depend on how busy it is.
    this.timeout(40_000);
    const client = new RelayClient({ relays: [await relayUrl('main'), await relayUrl('silent')], publishTimeoutMs: 12_000, queryTimeoutMs: 12_000 });
    try {
      const receipts = await client.publish(note());
      expect(receipts.map((r) => r.status)).to.deep.equal(['accepted', 'timeout']);
      const { reports } = await client.query({ kinds: [1], limit: 1 });
      expect(reports.map((r) => r.status)).to.deep.equal(['complete', 'timeout']);
    } finally {
      client.close();
    }
  });

  it('waits for a slow relay as long as the client was told to, not the pool library\'s shorter deadline', async () => {
    // The relay answers after 5 s; nostr-tools alone gives up on a publish after 4.4 s.
    const client = new RelayClient({ relays: [await relayUrl('sluggish')], publishTimeoutMs: 20_000 });
    try {
      const [receipt] = await client.publishAll([note('worth the wait')]);
      expect(receipt!.status).to.equal('accepted');
      expect(receipt!.ms).to.be.at.least(5000);
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

  it('drops future-dated events', async () => {
    const client = new RelayClient({ relays: [await relayUrl('main')] });
    try {
      const sk = generateSecretKey();
      const future = note('from the future', nowSeconds() + 3600, sk);
      await client.publishAll([future]);
      expect((await client.query({ ids: [future.id] })).events).to.have.length(0);

    } finally {
      client.close();
    }
  });

  it('never goes back: after one relay served version 2, a relay serving only version 1 is not believed', async () => {
    const patient = await person();
    const v1Events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [], createdAt: nowSeconds() - 60 });
    const v2Events = (await updateRecord(await openRecord(v1Events, patient.signer), { bundle: sampleBundle(), author: patient.signer })).events;
    const [v1, v2] = [v1Events[0]!, v2Events[0]!];
    expect(v2.pubkey).to.equal(v1.pubkey);
    expect(v2.created_at).to.be.greaterThan(v1.created_at);
    const filter = { kinds: [32225], authors: [v1.pubkey] };

    // Version 1 lives only on the second relay, version 2 only on the main one.
    const second = new RelayClient({ relays: [await relayUrl('second')] });
    const main = new RelayClient({ relays: [await relayUrl('main')], versions: second.versions });
    try {
      await second.publishAll([v1]);
      await main.publishAll([v2]);
      // A fresh session believes version 1 from the second relay: nothing newer has been seen.
      const fresh = new RelayClient({ relays: [await relayUrl('second')] });
      try {
        expect((await fresh.query(filter)).events.map((e) => e.id)).to.deep.equal([v1.id]);
      } finally {
        fresh.close();
      }
      // This session reads version 2 from the main relay, then the second relay offers only version 1.
      expect((await main.query(filter)).events.map((e) => e.id)).to.deep.equal([v2.id]);
      const { events, reports } = await second.query(filter);
      expect(reports.map((r) => r.status)).to.deep.equal(['complete']);
      expect(events).to.deep.equal([]);
    } finally {
      second.close();
      main.close();
    }
  });

  it('a closed client is closed for good: it publishes and reads nothing more, and connects nowhere again', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    const checker = new RelayClient({ relays: [url] });
    try {
      const before = note('before close');
      await client.publishAll([before]);
      client.close();
      expect(client.isClosed).to.equal(true);
      const after = note('after close');
      await rejects(client.publishAll([after]), RelayError, 'closed');
      await rejects(client.publish(after), RelayError, 'closed');
      await rejects(client.query({ ids: [before.id] }), RelayError, 'closed');
      await rejects(client.queryAll({ ids: [before.id] }), RelayError, 'closed');
      // Nothing went out through it: the relay holds the event from before, not the one after.
      const { events } = await checker.query({ ids: [before.id, after.id] });
      expect(events.map((e) => e.id)).to.deep.equal([before.id]);
    } finally {
      checker.close();
    }
  });

  it('a close during a send lets that send finish (the page went away), then refuses everything', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    const checker = new RelayClient({ relays: [url] });
    try {
      const [first, second] = [note('first of a send'), note('second of a send')];
      await client.sending(async () => {
        await client.publishAll([first]);
        client.close();
        // Reads stop at once; the send goes on.
        await rejects(client.query({ ids: [first.id] }), RelayError, 'closed');
        await client.publishAll([second]);
      });
      await rejects(client.publish(note('after the send')), RelayError, 'closed');
      const { events } = await checker.query({ ids: [first.id, second.id] });
      expect(events.map((e) => e.id).sort()).to.deep.equal([first.id, second.id].sort());
    } finally {
      checker.close();
    }
  });

  it('stops publishing at an aborted signal: no event after it is sent', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const abort = new AbortController();
      abort.abort();
      const event = note('never sent');
      let threw: unknown;
      await client.publishAll([event], { signal: abort.signal }).catch((error: unknown) => { threw = error; });
      expect(threw).to.equal(abort.signal.reason);
      const { events } = await client.query({ ids: [event.id] });
      expect(events).to.have.length(0);
    } finally {
      client.close();
    }
  });

  it('checks relay URLs', async () => {
    await rejects(() => checkRelays([]), RelayError, 'no-relays');
    await rejects(() => checkRelays(['https://example.org']), RelayError, 'invalid-url');
    expect(checkRelays([' ws://127.0.0.1:1 ', 'ws://127.0.0.1:1'])).to.deep.equal(['ws://127.0.0.1:1']);
    // One relay however it is written (a slash, capitals, its default port), as first written.
    expect(checkRelays(['wss://r.example', 'wss://r.example/', 'WSS://R.Example:443', 'ws://r.example'])).to.deep.equal(['wss://r.example', 'ws://r.example']);
  });

  it('one relay written several ways is one relay: sent to once, one receipt, counted once toward the quorum', async () => {
    const url = await relayUrl('main');
    const spellings = [url, `${url}/`, url.replace(/^ws:\/\/([^:/]+)/, (_, host: string) => `WS://${host.toUpperCase()}`)];
    const client = new RelayClient({ relays: spellings });
    const quorumTwo = new RelayClient({ relays: spellings, quorum: 2 });
    try {
      const event = note('once');
      const receipts = await client.publishAll([event]);
      // Not a second receipt saying the same relay did not answer.
      expect(receipts.map((r) => `${r.relay} ${r.status}`)).to.deep.equal([`${url} accepted`]);
      const { events, reports } = await client.query({ ids: [event.id] });
      expect(events.map((e) => e.id)).to.deep.equal([event.id]);
      expect(reports.map((r) => `${r.relay} ${r.status}`)).to.deep.equal([`${url} complete`]);
      // One relay cannot make a quorum of two, however often it is listed.
      const error = await rejects(quorumTwo.publishAll([note('twice?')]), RelayError, 'not-accepted');
      expect(((error as RelayError).receipts as PublishReceipt[]).map((r) => r.status)).to.deep.equal(['accepted']);
    } finally {
      client.close();
      quorumTwo.close();
    }
  });
});
