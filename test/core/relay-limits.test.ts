import { expect } from '@open-wc/testing';
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import { RelayClient } from '../../components/core/relay/client.js';
import { giftWrap, makeRumor } from '../../components/core/nip82/gift-wrap.js';
import { isAuthRequired } from '../../components/core/relay/limits.js';
import { nowSeconds, type NostrEvent } from '../../components/core/events.js';
import { profileNames } from '../../components/shared/profiles.js';
import { person, relayUrl } from '../helpers.js';

/** Sends every event over one connection and resolves once the relay has answered each. */
async function publishFast(url: string, events: readonly NostrEvent[]): Promise<void> {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  const pending = new Set(events.map((e) => e.id));
  const done = new Promise<void>((resolve) => {
    ws.onmessage = (m) => {
      const msg = JSON.parse(String(m.data)) as unknown[];
      if (msg[0] === 'OK') pending.delete(String(msg[1]));
      if (pending.size === 0) resolve();
    };
  });
  for (const e of events) ws.send(JSON.stringify(['EVENT', e]));
  await done;
  ws.close();
}

/** `count` kind-32225-shaped events listing `reader`, at the given seconds, each with `content`. */
function listing(reader: string, seconds: readonly number[], content = 'x'): NostrEvent[] {
  return seconds.map((at, i) => finalizeEvent({
    kind: 32225, created_at: at, content, tags: [['d', `part-${i}`], ['p', reader]],
  }, generateSecretKey()) as NostrEvent);
}

describe('relays decide nothing about how much a reader does', () => {
  it('recognises auth-required wherever the relay puts it in the reason', () => {
    expect(isAuthRequired('auth-required: please sign in')).to.equal(true);
    expect(isAuthRequired('ERROR: auth-required: requested filter requires authentication')).to.equal(true);
    expect(isAuthRequired('restricted: not-auth-required:x')).to.equal(false);
    expect(isAuthRequired('blocked: no')).to.equal(false);
  });

  it('reads gift wraps from a relay that requires AUTH for them, through the user\'s signer', async () => {
    const url = await relayUrl('restricted');
    const me = await person();
    const sender = await person();
    const wraps = await giftWrap(sender.signer, makeRumor({ kind: 14, tags: [['p', me.pubkey]], content: 'hello' }, sender.pubkey), [me.pubkey]);
    await publishFast(url, wraps);

    const anonymous = new RelayClient({ relays: [url] });
    try {
      const { events, reports } = await anonymous.wrapsFor(me.pubkey);
      expect(events).to.have.length(0);
      expect(reports[0]!.status).to.equal('auth-required');
    } finally {
      anonymous.close();
    }
    const signedIn = new RelayClient({ relays: [url], signer: me.signer });
    try {
      const { events, reports } = await signedIn.wrapsFor(me.pubkey);
      expect(reports[0]!.status).to.equal('complete');
      expect(events.map((e) => e.id)).to.include(wraps.find((w) => w.tags.some((t) => t[1] === me.pubkey))!.id);
    } finally {
      signedIn.close();
    }
  });

  it('pages past a relay\'s 500-event cap without losing events that share a second', async () => {
    const url = await relayUrl('restricted');
    const me = await person();
    const t = nowSeconds() - 100;
    await publishFast(url, listing(me.pubkey, [...Array(300).fill(t + 1), ...Array(300).fill(t)]));
    const client = new RelayClient({ relays: [url] });
    try {
      const { events, reports } = await client.recordsFor(me.pubkey);
      expect(events.filter((e) => e.kind === 32225)).to.have.length(600);
      expect(reports[0]!.status).to.equal('complete');
    } finally {
      client.close();
    }
  });

  it('never says complete when more events share one second than the relay will send', async () => {
    const url = await relayUrl('restricted');
    const me = await person();
    await publishFast(url, listing(me.pubkey, Array(600).fill(nowSeconds() - 50)));
    const client = new RelayClient({ relays: [url] });
    try {
      const { events, reports } = await client.recordsFor(me.pubkey);
      expect(events.length).to.be.at.least(500);
      if (events.length < 600) expect(reports[0]!.status).to.equal('incomplete');
    } finally {
      client.close();
    }
  });

  it('reads a full page of one second and everything older, and says only that it may hold more of that second', async () => {
    // As many events at one second as the relay sends at once (500), and 50 older: a reader cannot
    // tell this from 501 at that second, so the relay is not called complete, but nothing older is
    // missed and the reason claims no more than is known.
    const url = await relayUrl('restricted');
    const me = await person();
    const t = nowSeconds() - 400;
    await publishFast(url, listing(me.pubkey, [...Array(500).fill(t), ...Array.from({ length: 50 }, (_, i) => t - 10 - i)]));
    const client = new RelayClient({ relays: [url] });
    try {
      const { events, reports } = await client.queryAll({ kinds: [32225], '#p': [me.pubkey] });
      expect(events).to.have.length(550);
      expect(reports[0]!.status).to.equal('incomplete');
      expect(reports[0]!.reason).to.equal('At least 500 events share one second; the relay may hold more.');
    } finally {
      client.close();
    }
  });

  it('takes no more events than asked for, and says the rest was left', async () => {
    const url = await relayUrl('restricted');
    const me = await person();
    const t = nowSeconds() - 200;
    await publishFast(url, listing(me.pubkey, Array.from({ length: 250 }, (_, i) => t - i)));
    const client = new RelayClient({ relays: [url] });
    try {
      const { events, reports } = await client.recordsFor(me.pubkey, { maxEvents: 100 });
      expect(events.filter((e) => e.kind === 32225)).to.have.length(100);
      expect(reports[0]!.status).to.equal('incomplete');
    } finally {
      client.close();
    }
  });

  it('stops a read at its size budget, over every page and relay, and says the rest was left', async () => {
    const [url, second] = [await relayUrl('restricted'), await relayUrl('main')];
    const me = await person();
    const t = nowSeconds() - 300;
    // 60 events of 20,000 characters (1.2 million in all) on two relays, read with a budget of 300,000:
    // a copy from the second relay costs nothing, so about 14 events are held, not 7.
    const events = listing(me.pubkey, Array.from({ length: 60 }, (_, i) => t - i), 'y'.repeat(20000));
    await Promise.all([publishFast(url, events), publishFast(second, events)]);
    const client = new RelayClient({ relays: [url, second], maxCharsPerRead: 300_000 });
    try {
      const read = await client.recordsFor(me.pubkey, { maxEvents: 1000 });
      const held = read.events.filter((e) => e.kind === 32225);
      expect(held.length).to.be.within(10, 15);
      expect(read.reports.some((r) => r.status === 'incomplete' && /stopped at/i.test(r.reason ?? ''))).to.equal(true);
      // Paging cannot reset it: pages of ten still stop there.
      const paged = await client.queryAll({ kinds: [32225], '#p': [me.pubkey] }, { pageSize: 10 });
      expect(paged.events.length).to.be.within(10, 15);
      // A read with room takes them all.
      const whole = await client.recordsFor(me.pubkey, { maxChars: 2_000_000 });
      expect(whole.events.filter((e) => e.kind === 32225)).to.have.length(60);
      expect(whole.reports.every((r) => r.status === 'complete')).to.equal(true);
    } finally {
      client.close();
    }
  });

  it('skips one oversized profile and still reads everyone else\'s name', async () => {
    const url = await relayUrl('main');
    const [big, small] = [generateSecretKey(), generateSecretKey()];
    const t = nowSeconds() - 30;
    // 220,000 characters (content and tags), sent first (the newer): more than the whole read may take for two people.
    const huge = finalizeEvent({ kind: 0, created_at: t + 1, content: JSON.stringify({ name: 'Huge', about: 'z'.repeat(100000) }), tags: Array.from({ length: 120 }, () => ['t', 'w'.repeat(1000)]) }, big) as NostrEvent;
    const named = finalizeEvent({ kind: 0, created_at: t, content: JSON.stringify({ name: 'Dr Rivera' }), tags: [] }, small) as NostrEvent;
    await publishFast(url, [huge, named]);
    const client = new RelayClient({ relays: [url] });
    try {
      // The relay holds both.
      expect((await client.query({ kinds: [0], authors: [huge.pubkey, named.pubkey] })).events).to.have.length(2);
      const names = await profileNames(client, [huge.pubkey, named.pubkey]);
      expect(names.get(named.pubkey)?.name).to.equal('Dr Rivera');
      expect(names.has(huge.pubkey)).to.equal(false);
    } finally {
      client.close();
    }
  });

  it('gives the user the signer\'s time to approve a relay\'s AUTH, not the read\'s deadline', async () => {
    const url = await relayUrl('restricted');
    const me = await person();
    const sender = await person();
    const wraps = await giftWrap(sender.signer, makeRumor({ kind: 14, tags: [['p', me.pubkey]], content: 'hello' }, sender.pubkey), [me.pubkey]);
    await publishFast(url, wraps);
    // A user who takes three read deadlines to approve the AUTH prompt (test input: a slow person, not a wait).
    // The deadline leaves the read after the sign-in room on a busy machine (300 ms timed out there once).
    const slow = { ...me.signer, signEvent: async (t: Parameters<typeof me.signer.signEvent>[0]) => {
      if (t.kind === 22242) await new Promise((resolve) => setTimeout(resolve, 3000));
      return me.signer.signEvent(t);
    } };
    const client = new RelayClient({ relays: [url], signer: slow, queryTimeoutMs: 1000 });
    try {
      const { events, reports } = await client.wrapsFor(me.pubkey);
      expect(reports[0]!.status).to.equal('complete');
      expect(events).to.have.length.greaterThan(0);
    } finally {
      client.close();
    }
  });

  it('counts every event a relay sends, valid or not, and closes the query at the limit', async () => {
    const client = new RelayClient({ relays: [await relayUrl('hostile')], maxEventsPerQuery: 1000 });
    try {
      const { events, reports } = await client.query({ kinds: [1] });
      expect(events).to.have.length(0);
      expect(reports[0]!.status).to.equal('incomplete');
      expect(reports[0]!.events).to.be.at.most(1001);
    } finally {
      client.close();
    }
  });

  it('drops a message larger than any event unread', async () => {
    const client = new RelayClient({ relays: [await relayUrl('hostile')] });
    try {
      const { events, reports } = await client.query({ kinds: [2] });
      expect(reports[0]!.status).to.equal('complete');
      expect(events.map((e) => e.content)).to.deep.equal(['small']);
    } finally {
      client.close();
    }
  });
});
