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
 * @param {boolean | 'writes'} [options.authRequired] answer EVENT and REQ (with 'writes', EVENT only) with
 *   auth-required until the client AUTHs
 * @param {number} [options.delayMs] wait this long before handling each message
 * @param {boolean} [options.silent] accept connections but never answer (a relay that hangs)
 * @param {string} [options.name] shown in the NIP-11 document
 * @param {number[]} [options.authReadKinds] kinds only authenticated clients may read, as relays that
 *   restrict gift wraps do: such a REQ gets an AUTH challenge, then CLOSED with a reason that carries
 *   `auth-required:` after the relay's own prefix ("ERROR: auth-required: ...")
 * @param {number} [options.maxLimit] most events one REQ filter returns, whatever limit it asks
 * @param {number} [options.maxEventBytes] largest event accepted (its JSON, in bytes)
 * @param {object} [options.limitation] the NIP-11 `limitation` advertised instead of the default
 * @param {number} [options.keepRequests] keep the filters of the last this many REQs, for tests that
 *   check what reached the relay (see `requests()`); default 0
 * @param {number[]} [options.rejectFirstKinds] refuse the first copy of each event of these kinds
 *   (a relay briefly overloaded), and accept the same event when it is sent again
 * @param {boolean} [options.writeOnly] take events but close every REQ with `blocked:` (a relay
 *   that only receives, or serves reads to its members only)
 * @param {number} [options.lateOkMs] store each EVENT at once but send its OK this much later (a relay
 *   whose answer comes after the client's deadline); change it with `lateOk()`
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
    hostname: options.authRequired || options.authReadKinds ? host : undefined,
    logLevel: 3,
    eventHandlingResultCacheTtl: 0,
    filterResultCacheTtl: 0,
  });
  relay.register(keepDeletions(repository));
  const late = { ms: options.lateOkMs ?? 0 };
  relay.register(lateAnswers(late));
  if (options.authRequired) relay.register(authGuard(options.authRequired === 'writes'));
  if (options.authReadKinds || options.maxLimit || options.maxEventBytes || options.writeOnly) relay.register(readLimits(options));
  /** @type {{ signIns: string[], served: { as: string | null, filters: object[] }[] }} */
  const seen = { signIns: [], served: [] };
  // Last: it hears only what the guards above let through.
  if (options.keepRequests) relay.register(noteSignIns(seen, options.keepRequests));
  const validator = new Validator({ maxContentLength });
  const keepRequests = options.keepRequests ?? 0;
  /** @type {object[][]} */
  const requests = [];
  /** Subscriptions not closed yet (when keepRequests): by connection, subscription id → filters. */
  const live = new Map();
  const refuseOnce = new Set(options.rejectFirstKinds ?? []);
  const refused = new Set();

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
        limitation: options.limitation ?? { max_content_length: maxContentLength, auth_required: options.authRequired === true },
      }));
      return;
    }
    res.statusCode = req.method === 'OPTIONS' ? 204 : 404;
    res.end();
  });

  let acceptLeft = options.acceptLimit;
  const BLOCKED = 'blocked: this relay accepts no more events for now';
  let refusal = BLOCKED;
  /** Connections the relay no longer answers (see `drop()`). */
  const dark = new WeakSet();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    relay.handleConnection(ws, '127.0.0.1');
    ws.on('message', async (data) => {
      if (keepRequests) {
        noteRequest(requests, data, keepRequests);
        noteLive(live, ws, data);
      }
      if (options.silent || dark.has(ws)) return;
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      const first = refuseOnce.size ? firstOfKinds(data, refuseOnce, refused) : undefined;
      if (first) {
        ws.send(JSON.stringify(createOutgoingOkMessage(first, false, 'error: the relay is busy; send it again')));
        return;
      }
      if (acceptLeft !== undefined && eventIdOf(data)) {
        if (acceptLeft <= 0) {
          ws.send(JSON.stringify(createOutgoingOkMessage(eventIdOf(data), false, refusal)));
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
    ws.on('close', () => { live.delete(ws); relay.handleDisconnect(ws); });
    ws.on('error', () => { live.delete(ws); relay.handleDisconnect(ws); });
  });

  return {
    url: `ws://${hostname}`,
    port,
    /** The filters of each REQ received (the last `keepRequests` of them), oldest first. */
    requests() {
      return requests.map((filters) => structuredClone(filters));
    },
    /** The filters of each subscription still open (not closed by CLOSE or by its connection ending). */
    liveRequests() {
      return [...live.values()].flatMap((subs) => [...subs.values()].map((filters) => structuredClone(filters)));
    },
    /**
     * Who signed in (NIP-42), in order, and the REQs served (past any AUTH guard), each with the key
     * its connection was signed in as then (null: none), oldest first.
     */
    signIns() {
      return structuredClone(seen);
    },
    /** Store each EVENT at once and send its OK `ms` later (0: at once again). */
    lateOk(ms) {
      late.ms = ms ?? 0;
    },
    /** Accept only `n` more EVENTs (undefined: every one again), refusing the rest with `reason` (by default a `blocked:` one). */
    acceptOnly(n, reason) {
      acceptLeft = n ?? undefined;
      refusal = reason ?? BLOCKED;
    },
    /**
     * Ends every connection open now, as a relay restarting does; with `silently`, keeps them open
     * but never answers on them again (a connection gone dark: a machine woken from sleep on
     * another network). New connections are served as ever.
     */
    drop(silently) {
      for (const client of wss.clients) {
        if (silently) dark.add(client);
        else client.terminate();
      }
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

function noteRequest(requests, data, keep) {
  try {
    const message = JSON.parse(String(data));
    if (message[0] !== 'REQ') return;
    requests.push(message.slice(2));
    if (requests.length > keep) requests.splice(0, requests.length - keep);
  } catch {
    // not JSON: the validator answers it
  }
}

function noteLive(live, ws, data) {
  try {
    const [type, id, ...filters] = JSON.parse(String(data));
    if (typeof id !== 'string' || (type !== 'REQ' && type !== 'CLOSE')) return;
    if (!live.has(ws)) live.set(ws, new Map());
    if (type === 'REQ') live.get(ws).set(id, filters);
    else live.get(ws).delete(id);
  } catch {
    // not JSON: the validator answers it
  }
}

/** The id of an EVENT of one of `kinds` this relay has not seen before (noted in `seen`), else undefined. */
function firstOfKinds(data, kinds, seen) {
  try {
    const message = JSON.parse(String(data));
    const event = message[0] === 'EVENT' ? message[1] : undefined;
    if (!event || !kinds.has(event.kind) || typeof event.id !== 'string' || seen.has(event.id)) return undefined;
    seen.add(event.id);
    return event.id;
  } catch {
    return undefined;
  }
}

function eventIdOf(data) {
  try {
    const message = JSON.parse(String(data));
    return message[0] === 'EVENT' && typeof message[1]?.id === 'string' ? message[1].id : undefined;
  } catch {
    return undefined;
  }
}

/** Sends the OK of an EVENT `late.ms` after handling it (the event is stored at once). */
function lateAnswers(late) {
  return {
    async handleMessage(ctx, message, next) {
      const ms = late.ms;
      if (message[0] !== 'EVENT' || !ms) return next();
      const send = Object.getPrototypeOf(ctx).sendMessage;
      ctx.sendMessage = (m) => (m[0] === 'OK' ? setTimeout(() => send.call(ctx, m), ms) : send.call(ctx, m));
      try {
        return await next();
      } finally {
        delete ctx.sendMessage;
      }
    },
  };
}

/** Notes each accepted AUTH's key, and each REQ served with the key its connection is signed in as. */
function noteSignIns(seen, keep) {
  const push = (list, item) => {
    list.push(item);
    if (list.length > keep) list.splice(0, list.length - keep);
  };
  return {
    async handleMessage(ctx, message, next) {
      if (message[0] === 'REQ') push(seen.served, { as: ctx.pubkey ?? null, filters: message.slice(2) });
      const result = await next();
      if (message[0] === 'AUTH' && result?.success && ctx.pubkey) push(seen.signIns, ctx.pubkey);
      return result;
    },
  };
}

/** Refuses EVENT and REQ from a client that has not completed NIP-42 AUTH. */
function authGuard(writesOnly = false) {
  return {
    async handleMessage(ctx, message, next) {
      const [type] = message;
      if ((type === 'EVENT' || (type === 'REQ' && !writesOnly)) && !ctx.pubkey) {
        if (type === 'EVENT') ctx.sendMessage(createOutgoingOkMessage(message[1].id, false, 'auth-required: this relay only serves authenticated users'));
        else ctx.sendMessage(createOutgoingClosedMessage(message[1], 'auth-required: this relay only serves authenticated users'));
        ctx.sendMessage(createOutgoingAuthMessage(ctx.id));
        return { messageType: type, success: false };
      }
      return next();
    },
  };
}

/**
 * Limits of a relay that restricts some reads to authenticated users: REQs for `authReadKinds`
 * from an unauthenticated client get an AUTH challenge and then a CLOSED whose reason carries
 * `auth-required:` after a prefix; every filter's limit is capped at `maxLimit`; events larger than
 * `maxEventBytes` are refused; with `writeOnly`, every REQ is closed.
 */
function readLimits({ authReadKinds = [], maxLimit, maxEventBytes, writeOnly }) {
  return {
    async handleMessage(ctx, message, next) {
      const [type] = message;
      if (type === 'REQ' && writeOnly) {
        ctx.sendMessage(createOutgoingClosedMessage(message[1], 'blocked: this relay only receives events'));
        return { messageType: type, success: false };
      }
      if (type === 'REQ') {
        const filters = message.slice(2);
        const restricted = filters.some((f) => Array.isArray(f?.kinds) && f.kinds.some((k) => authReadKinds.includes(k)));
        if (authReadKinds.length && restricted && !ctx.pubkey) {
          ctx.sendMessage(createOutgoingAuthMessage(ctx.id));
          ctx.sendMessage(createOutgoingClosedMessage(message[1], 'ERROR: auth-required: requested filter requires authentication'));
          return { messageType: type, success: false };
        }
        if (maxLimit) for (const f of filters) if (f && typeof f === 'object') f.limit = Math.min(f.limit ?? maxLimit, maxLimit);
      }
      if (type === 'EVENT' && maxEventBytes && Buffer.byteLength(JSON.stringify(message[1])) > maxEventBytes) {
        ctx.sendMessage(createOutgoingOkMessage(message[1].id, false, 'invalid: event too large'));
        return { messageType: type, success: false };
      }
      return next();
    },
  };
}

/**
 * NIP-09: relays keep serving deletion requests after carrying them out, so a reader learns that
 * an address was ended even when someone publishes to it again. The relay library applies the
 * deletion but does not store the request: store it once it has been accepted.
 */
function keepDeletions(repository) {
  return {
    async handleMessage(ctx, message, next) {
      const result = await next();
      if (message[0] === 'EVENT' && message[1]?.kind === 5 && result?.success !== false) await repository.upsert(message[1]);
      return result;
    },
  };
}
