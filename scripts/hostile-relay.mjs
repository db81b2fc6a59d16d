// A relay that misbehaves on purpose, for the tests of what a reader lets a relay make it do.
// Kind 1: answers with `flood` events whose signatures are wrong, whatever limit was asked (it stops
// at the reader's CLOSE, as a relay would; the reader must close at its own limit).
// Kind 2: answers with one validly signed event far larger than any real event, then a small one.
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';

/** @param {{ flood?: number, hugeChars?: number }} [options] */
export async function startHostileRelay(options = {}) {
  const flood = options.flood ?? 5000;
  const key = generateSecretKey();
  const now = Math.floor(Date.now() / 1000);
  const huge = finalizeEvent({ kind: 2, created_at: now, tags: [], content: 'x'.repeat(options.hugeChars ?? 700000) }, key);
  const small = finalizeEvent({ kind: 2, created_at: now, tags: [], content: 'small' }, key);
  const junk = { ...finalizeEvent({ kind: 1, created_at: now, tags: [], content: 'junk' }, key) };
  junk.sig = junk.sig.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    const closed = new Set();
    ws.on('message', async (data) => {
      let message;
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      if (message[0] === 'CLOSE') closed.add(message[1]);
      if (message[0] !== 'REQ') return;
      const [, sub, filter] = message;
      const kinds = Array.isArray(filter?.kinds) ? filter.kinds : [];
      if (kinds.includes(1)) {
        // In batches, yielding between them: the test relays share this process, and a reader's
        // CLOSE is heard (and honoured) on the way.
        for (let i = 0; i < flood && ws.readyState === ws.OPEN && !closed.has(sub); i++) {
          const id = i.toString(16).padStart(64, '0');
          ws.send(JSON.stringify(['EVENT', sub, { ...junk, id }]));
          if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
        }
      }
      if (kinds.includes(2)) {
        ws.send(JSON.stringify(['EVENT', sub, huge]));
        ws.send(JSON.stringify(['EVENT', sub, small]));
      }
      ws.send(JSON.stringify(['EOSE', sub]));
    });
  });
  return {
    url: `ws://127.0.0.1:${server.address().port}`,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => wss.close(() => resolve()));
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
