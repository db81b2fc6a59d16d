// The local relay the demo and the tests start (scripts/relay.mjs): a busy port is an error the
// caller can handle (the demo then takes any free port), not a crash of the whole process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startRelay } from '../../scripts/relay.mjs';

test('a second relay on a busy port rejects with EADDRINUSE and the first keeps serving', async () => {
  const first = await startRelay({});
  try {
    const port = Number(new URL(first.url).port);
    await assert.rejects(startRelay({ port }), (error) => error.code === 'EADDRINUSE');
    const info = await fetch(first.url.replace('ws://', 'http://'), { headers: { Accept: 'application/nostr+json' } });
    assert.equal(info.status, 200);
    assert.ok((await info.json()).supported_nips.includes(1));
  } finally {
    await first.close();
  }
});
