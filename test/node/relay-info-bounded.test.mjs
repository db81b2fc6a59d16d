// A storage server's information document (NIP-11) is read only up to its size limit: one that
// streams without end costs the reader no more than that, and a real one still reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { fetchRelayInfo } from '../../dist/core/index.js';

/** A server answering every request with `answer(res)`; its address as a relay's. */
async function serve(answer) {
  const server = http.createServer((req, res) => answer(res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `ws://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

test('a document that never ends is given up at the limit: the server stops being read long before the deadline', { timeout: 60_000 }, async () => {
  const piece = Buffer.alloc(64 * 1024, 0x20);
  let written = 0;
  let stopped;
  const readerGone = new Promise((resolve) => { stopped = resolve; });
  const relay = await serve((res) => {
    res.writeHead(200, { 'content-type': 'application/nostr+json' });
    res.on('close', () => stopped(written));
    const push = () => {
      while (!res.destroyed) {
        written += piece.length;
        if (!res.write(piece)) return res.once('drain', push);
      }
    };
    push();
  });
  try {
    // A deadline far away: only the size limit can end this read.
    assert.equal(await fetchRelayInfo(relay.url, 600_000), undefined);
    const sent = await readerGone;
    assert.ok(sent < 16 * 1024 * 1024, `the reader stopped the stream early (the server wrote ${sent} bytes)`);
  } finally {
    await relay.close();
  }
});

test('a document announced as too large is not read; one of a usual size is', async () => {
  const big = await serve((res) => {
    res.writeHead(200, { 'content-type': 'application/nostr+json', 'content-length': String(10 * 1024 * 1024) });
    res.end();
  });
  const usual = await serve((res) => {
    res.writeHead(200, { 'content-type': 'application/nostr+json' });
    res.end(JSON.stringify({ name: 'clinic relay', limitation: { max_message_length: 131072 } }));
  });
  try {
    assert.equal(await fetchRelayInfo(big.url), undefined);
    assert.deepEqual(await fetchRelayInfo(usual.url), { name: 'clinic relay', limitation: { max_message_length: 131072 } });
  } finally {
    await Promise.all([big.close(), usual.close()]);
  }
});
