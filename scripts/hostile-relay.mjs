// A relay that misbehaves on purpose, for the tests of what a reader lets a relay make it do.
// Kind 1: answers with `flood` events whose signatures are wrong, whatever limit was asked (it stops
// at the reader's CLOSE, as a relay would; the reader must close at its own limit).
// Kind 2: answers with one validly signed event far larger than any real event, then a small one.
// Kind 9: answers with `echoes` small, validly signed events of 1,000 characters each. At the path
// /echo (a second relay URL, same server), answers with those events again, each under its own id
// and signature but with `echoSwell` characters of content (0: true copies), and `echoTagSwell`
// characters of tags added (0: none); only once a reader of the plain path closed its kind-9
// query, so that the reader holds the originals by then. Read once per relay started.
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';

/** @param {{ flood?: number, hugeChars?: number, echoes?: number, echoSwell?: number, echoTagSwell?: number }} [options] */
export async function startHostileRelay(options = {}) {
  const flood = options.flood ?? 5000;
  const key = generateSecretKey();
  const now = Math.floor(Date.now() / 1000);
  const huge = finalizeEvent({ kind: 2, created_at: now, tags: [], content: 'x'.repeat(options.hugeChars ?? 700000) }, key);
  const small = finalizeEvent({ kind: 2, created_at: now, tags: [], content: 'small' }, key);
  const junk = { ...finalizeEvent({ kind: 1, created_at: now, tags: [], content: 'junk' }, key) };
  junk.sig = junk.sig.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
  const originals = Array.from({ length: options.echoes ?? 20 }, (_, i) =>
    finalizeEvent({ kind: 9, created_at: now - i, tags: [], content: String(i).padEnd(1000, 'r') }, key));
  const swell = options.echoSwell ?? 20000;
  const tagSwell = options.echoTagSwell ?? 0;
  const echoes = originals.map((e) => ({
    ...e,
    ...(swell ? { content: 'x'.repeat(swell) } : {}),
    ...(tagSwell ? { tags: [...e.tags, ['x', 'y'.repeat(tagSwell)]] } : {}),
  }));
  let originalsRead;
  const held = new Promise((resolve) => { originalsRead = resolve; });
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, request) => {
    const echo = request.url === '/echo';
    const closed = new Set();
    const originalSubs = new Set();
    ws.on('message', async (data) => {
      let message;
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      if (message[0] === 'CLOSE') {
        closed.add(message[1]);
        if (originalSubs.has(message[1])) originalsRead();
      }
      if (message[0] !== 'REQ') return;
      const [, sub, filter] = message;
      const kinds = Array.isArray(filter?.kinds) ? filter.kinds : [];
      if (kinds.includes(9)) {
        if (!echo) originalSubs.add(sub);
        else await held;
        for (const e of echo ? echoes : originals) if (ws.readyState === ws.OPEN && !closed.has(sub)) ws.send(JSON.stringify(['EVENT', sub, e]));
      }
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
    /** The same server as a second relay: kind 9 there is the echo of kind 9 at `url`. */
    echoUrl: `ws://127.0.0.1:${server.address().port}/echo`,
    /** The kind-9 events at `url`, as signed. */
    originals,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => wss.close(() => resolve()));
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
