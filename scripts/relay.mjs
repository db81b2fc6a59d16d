// A real NIP-01 relay on loopback, for the tests, the benchmark and the demo.
// It stores events in SQLite (in memory, or in a file so the demo keeps its records),
// serves a NIP-11 document, and can be made strict (small size cap, NIP-42 AUTH required)
// or slow, so the kit's handling of those relays is tested against real behaviour.
import http from 'node:http';
import { NostrRelay } from '@nostr-relay/core';
import { createOutgoingOkMessage, createOutgoingClosedMessage, createOutgoingAuthMessage } from '@nostr-relay/common';
import { Validator } from '@nostr-relay/validator';
import { EventRepositorySqlite } from '@nostr-relay/event-repository-sqlite';
import { WebSocketServer } from 'ws';

/**
 * @param {object} [options]
 * @param {string} [options.host] loopback address to bind (default 127.0.0.1)
 * @param {number} [options.port] port, 0 for a free one
 * @param {string} [options.dbPath] SQLite file, or ':memory:'
 * @param {number} [options.maxContentLength] longest `content` accepted, in characters
 * @param {boolean} [options.authRequired] answer EVENT and REQ with auth-required until the client AUTHs
 * @param {number} [options.delayMs] wait this long before handling each message
 * @param {string} [options.name] shown in the NIP-11 document
 * @param {number} [options.acceptLimit] accept only this many more EVENTs, then refuse each with
 *   `blocked:` (a relay that accepts only some of one action's events); change it with `acceptOnly()`
 */
export async function startRelay(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const maxContentLength = options.maxContentLength ?? 102400;
  const repository = new EventRepositorySqlite(options.dbPath ?? ':memory:');
  await repository.init();
  const server = http.createServer();
  try {
    // A busy port rejects (EADDRINUSE) instead of crashing the process, so a caller can pick another.
    await new Promise((resolve, reject) => server.once('error', reject).listen(options.port ?? 0, host, resolve));
  } catch (error) {
    await repository.destroy();
    throw error;
  }
  const { port } = server.address();
  const hostname = `${host}:${port}`;
  const relay = new NostrRelay(repository, {
    hostname: options.authRequired ? host : undefined,
    logLevel: 3,
    eventHandlingResultCacheTtl: 0,
    filterResultCacheTtl: 0,
  });
  if (options.authRequired) relay.register(authGuard());
  const validator = new Validator({ maxContentLength });

  server.on('request', (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    if ((req.headers.accept ?? '').includes('application/nostr+json')) {
      res.setHeader('Content-Type', 'application/nostr+json');
      res.end(JSON.stringify({
        name: options.name ?? 'nip82-elements local relay',
        description: 'Local relay for the nip82-elements tests and demo.',
        supported_nips: [1, 9, 11, 40, 42],
        software: 'nip82-elements/scripts/relay.mjs',
        limitation: { max_content_length: maxContentLength, auth_required: !!options.authRequired },
      }));
      return;
    }
    res.statusCode = req.method === 'OPTIONS' ? 204 : 404;
    res.end();
  });

  let acceptLeft = options.acceptLimit;
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    relay.handleConnection(ws, '127.0.0.1');
    ws.on('message', async (data) => {
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (acceptLeft !== undefined && eventIdOf(data)) {
        if (acceptLeft <= 0) {
          ws.send(JSON.stringify(createOutgoingOkMessage(eventIdOf(data), false, 'blocked: this relay accepts no more events for now')));
          return;
        }
        acceptLeft--;
      }
      try {
        const message = await validator.validateIncomingMessage(data);
        await relay.handleMessage(ws, message);
      } catch (error) {
        // A refused EVENT gets an OK false with its reason (as production relays do), not a bare NOTICE.
        const reason = `invalid: ${error?.message ?? 'bad message'}`;
        const id = eventIdOf(data);
        ws.send(JSON.stringify(id ? createOutgoingOkMessage(id, false, reason) : ['NOTICE', reason]));
      }
    });
    ws.on('close', () => relay.handleDisconnect(ws));
    ws.on('error', () => relay.handleDisconnect(ws));
  });

  return {
    url: `ws://${hostname}`,
    port,
    /** Accept only `n` more EVENTs (undefined: every one again). */
    acceptOnly(n) {
      acceptLeft = n ?? undefined;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => wss.close(() => resolve()));
      await new Promise((resolve) => server.close(() => resolve()));
      await relay.destroy();
      await repository.destroy();
    },
  };
}

function eventIdOf(data) {
  try {
    const message = JSON.parse(String(data));
    return message[0] === 'EVENT' && typeof message[1]?.id === 'string' ? message[1].id : undefined;
  } catch {
    return undefined;
  }
}

/** Refuses EVENT and REQ from a client that has not completed NIP-42 AUTH. */
function authGuard() {
  return {
    async handleMessage(ctx, message, next) {
      const [type] = message;
      if ((type === 'EVENT' || type === 'REQ') && !ctx.pubkey) {
        if (type === 'EVENT') ctx.sendMessage(createOutgoingOkMessage(message[1].id, false, 'auth-required: this relay only serves authenticated users'));
        else ctx.sendMessage(createOutgoingClosedMessage(message[1], 'auth-required: this relay only serves authenticated users'));
        ctx.sendMessage(createOutgoingAuthMessage(ctx.id));
        return { messageType: type, success: false };
      }
      return next();
    },
  };
}
