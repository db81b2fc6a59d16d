// A read's character budget against a relay that reuses the ids of events the reader already
// holds (scripts/hostile-relay.mjs, kind 9): only a true copy of an event is free of the budget;
// an id (or a signature) alone is a claim, and bulk sent under held ids, in the content or the
// tags, is charged like any other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { useWebSocketImplementation } from 'nostr-tools/pool';
import { startHostileRelay } from '../../scripts/hostile-relay.mjs';
import { RelayClient } from '../../dist/core/index.js';

useWebSocketImplementation(WebSocket);

/** Reads kind 9 from the hostile relay and its echo, with a budget of `maxChars`. */
async function readBoth(options, maxChars) {
  const relay = await startHostileRelay(options);
  const client = new RelayClient({ relays: [relay.url, relay.echoUrl], maxCharsPerRead: maxChars });
  try {
    const read = await client.query({ kinds: [9] });
    const report = (url) => read.reports.find((r) => r.relay.replace(/\/$/, '') === url);
    return { read, relay, plain: report(relay.url), echo: report(relay.echoUrl) };
  } finally {
    client.close();
    await relay.close();
  }
}

test('events sent again under the ids of events held, with other content, are charged: the read stops at its budget', async () => {
  // 20 events of 1,000 characters, then 20 of 20,000 under the same ids and signatures: 420,000 in all.
  const { read, relay, plain, echo } = await readBoth({ echoes: 20, echoSwell: 20000 }, 100_000);
  assert.equal(plain?.status, 'complete');
  assert.equal(echo?.status, 'incomplete', `the echo was taken whole: ${JSON.stringify(echo)}`);
  assert.match(echo.reason ?? '', /stopped at/i);
  // What is held is the events as signed, none of the bulk.
  const byId = new Map(read.events.map((e) => [e.id, e.content]));
  assert.deepEqual([...byId.keys()].sort(), relay.originals.map((e) => e.id).sort());
  for (const e of relay.originals) assert.equal(byId.get(e.id), e.content);
});

test('events sent again under the ids and signatures of events held, with the same content but tags added, are charged: the read stops at its budget', async () => {
  // 20 events of 1,000 characters, then the same 20 with 20,000 characters of tags each: 420,000 in all.
  const { read, relay, plain, echo } = await readBoth({ echoes: 20, echoSwell: 0, echoTagSwell: 20000 }, 100_000);
  assert.equal(plain?.status, 'complete');
  assert.equal(echo?.status, 'incomplete', `the echo was taken whole: ${JSON.stringify(echo)}`);
  assert.match(echo.reason ?? '', /stopped at/i);
  // What is held is the events as signed, none of the tags added.
  const byId = new Map(read.events.map((e) => [e.id, e.tags]));
  assert.deepEqual([...byId.keys()].sort(), relay.originals.map((e) => e.id).sort());
  for (const e of relay.originals) assert.deepEqual(byId.get(e.id), e.tags);
});

test('a true copy of an event held costs nothing: two relays sending the same events read whole within one copy\'s budget', async () => {
  // 20,000 characters from each relay, read with a budget of 30,000.
  const { read, relay, plain, echo } = await readBoth({ echoes: 20, echoSwell: 0 }, 30_000);
  assert.equal(plain?.status, 'complete');
  assert.equal(echo?.status, 'complete', `a copy was charged: ${JSON.stringify(echo)}`);
  assert.equal(echo.events, 20);
  assert.deepEqual(read.events.map((e) => e.id).sort(), relay.originals.map((e) => e.id).sort());
});
