/**
 * The relay client's own pool: one nostr-tools AbstractRelay per relay (the wire protocol stays
 * nostr-tools'), and only what the client asks of a pool, one relay per call. nostr-tools' pool
 * would bring its merging of many relays, counting and reconnection to every page that reads a
 * record; a pool a host shares (RelayClientOptions.pool) fits {@link RelayPool} as it is, so the
 * client uses it unchanged, and nothing of nostr-tools' pool code is bundled for the kit's own.
 */
import { AbstractRelay } from 'nostr-tools/abstract-relay';
import type { SubCloser, SubscribeManyParams } from 'nostr-tools/abstract-pool';
import type { Filter } from 'nostr-tools/filter';
import { normalizeURL } from 'nostr-tools/utils';
import type { NostrEvent } from '../events.js';
import { MAX_MESSAGE_CHARS } from './limits.js';

/** What the client hands a subscription (see AbstractSimplePool.subscribe). */
export type SubscribeParams = Pick<SubscribeManyParams, 'maxWait' | 'receivedEvent' | 'oninvalidevent' | 'onevent' | 'oneose' | 'onclose'>;

/**
 * What the relay client asks of a pool, always for one relay at a time. nostr-tools'
 * AbstractSimplePool is one: a host's pool is used through its own methods, checks and hooks.
 */
export interface RelayPool {
  ensureRelay(url: string, params: { connectionTimeout: number }): Promise<AbstractRelay>;
  publish(relays: [string], event: NostrEvent, params: { maxWait: number }): Promise<string>[];
  /** As nostr-tools' pool: a subscription that closes reports its end of stored events first, then the close. */
  subscribe(relays: [string], filter: Filter, params: SubscribeParams): SubCloser;
  close(relays: string[]): void;
  destroy(): void;
}

/** The reason a client closes a read it stopped waiting for. */
export const TIMED_OUT = 'timed out';

/** Shortest wait for a connection (nostr-tools' pool's). */
const CONNECT_MS = 3000;
/** A connection left unused this long closes (nostr-tools' pool's default). */
const IDLE_MS = 20_000;
/**
 * A connection the user signed in on stays this many times longer: closing it after 20 s would
 * have the next action ask the user's signer for the relay's sign-in again (a prompt on a remote
 * signer), and one idle socket is cheap.
 */
const SIGNED_IN_IDLE_FACTOR = 15;

/**
 * A connection that drops a message longer than {@link MAX_MESSAGE_CHARS} before anything parses
 * it (and one that is not text, which nostr-tools could not read anyway).
 */
class CappedRelay extends AbstractRelay {
  /** The idle time once signed in (see {@link SIGNED_IN_IDLE_FACTOR}). */
  signedInIdleTimeout = 0;

  override async auth(sign: Parameters<AbstractRelay['auth']>[0]): Promise<string> {
    const answer = await super.auth(sign);
    this.idleTimeout = this.signedInIdleTimeout;
    return answer;
  }

  /** Messages the relay sent on this connection, of any kind. */
  heard = 0;

  /** Sends waiting for the relay's answer (nostr-tools counts a send as ongoing only until it is out). */
  sending = 0;

  /**
   * Ends the connection if the relay sent nothing on it since it had sent `heard` messages, once no
   * other read or send waits on it (the last to give up ends it): one gone dark (a machine woken on another
   * network, a relay restarted behind a proxy) would hold every later call, each waiting out its
   * deadline, for as long as they came before it idled out.
   */
  endIfSilent(heard: number): void {
    if (this.heard === heard && !this.ongoingOperations && !this.sending) this.close();
  }

  override _onmessage(message: MessageEvent<unknown>): void {
    this.heard++;
    if (typeof message.data === 'string' && message.data.length <= MAX_MESSAGE_CHARS) super._onmessage(message);
  }
}

/**
 * The kit's pool, of {@link CappedRelay} connections. Each waits for a publish's answer as long as
 * the client does: nostr-tools' relays give up after their own 4.4 s, so a relay slowed by a busy
 * machine was reported as not accepting an event well before the client's `publishTimeoutMs`.
 */
export function ownPool(publishTimeoutMs: number, idleMs = IDLE_MS): RelayPool {
  const relays = new Map<string, CappedRelay>();

  async function ensureRelay(url: string, params: { connectionTimeout: number }): Promise<CappedRelay> {
    // The platform's WebSocket, else (Node 20) the one a host gave nostr-tools (see node-socket.ts).
    const Socket = globalThis.WebSocket ?? (await import('./node-socket.js').then((m) => m.hostWebSocket))();
    const key = normalizeURL(url);
    let relay = relays.get(key);
    if (!relay) {
      // Events are verified by the kit itself, on a clean copy, before use.
      const made = new CappedRelay(key, { verifyEvent: () => true, websocketImplementation: Socket, idleTimeout: idleMs });
      made.publishTimeout = publishTimeoutMs;
      made.signedInIdleTimeout = idleMs * SIGNED_IN_IDLE_FACTOR;
      // Only its own entry: an old connection's late close must not strike a newer one off the list.
      made.onclose = () => {
        if (relays.get(key) === made) relays.delete(key);
      };
      relays.set(key, (relay = made));
    }
    try {
      await relay.connect({ timeout: params.connectionTimeout });
    } catch (error) {
      relay.onclose?.();
      throw error;
    }
    return relay;
  }

  /** The connection for a call given `maxWait`: it waits most of that, as nostr-tools' pool reckons it. */
  const connected = (url: string, maxWait = 0) => ensureRelay(url, { connectionTimeout: maxWait > CONNECT_MS ? Math.max(maxWait * 0.8, maxWait - 1000) : CONNECT_MS });

  return {
    ensureRelay,

    // A connection that failed rejects with nostr-tools' words for it ("connection failed", "connection timed out").
    publish: (urls, event, params) => urls.map(async (url) => {
      const relay = await connected(url, params.maxWait);
      const heard = relay.heard;
      relay.sending++;
      return relay.publish(event).finally(() => relay.sending--).catch((error: unknown) => {
        if (/timed out/.test(String(error))) relay.endIfSilent(heard);
        throw error;
      });
    }),

    subscribe([url], filter, params) {
      let eosed = false;
      let closed = false;
      const eose = () => {
        if (eosed) return;
        eosed = true;
        params.oneose?.();
      };
      const close = (reason: string) => {
        if (closed) return;
        closed = true;
        eose();
        params.onclose?.([{ url, reason }]);
      };
      // Each event once per subscription: a relay repeating one is not parsed again.
      const seen = new Set<string>();
      let relay: CappedRelay | undefined;
      let heard = 0;
      const opened = connected(url, params.maxWait).then(
        (made) => {
          relay = made;
          heard = made.heard;
          return made.subscribe([filter], { ...params, oneose: eose, onclose: close, alreadyHaveEvent: (id) => seen.has(id) || !seen.add(id), eoseTimeout: params.maxWait });
        },
        (error: unknown) => close((error as Error | undefined)?.message || String(error)),
      );
      // Never a subscription the relay closed already (CLOSED, a dropped socket): nostr-tools'
      // close counts the connection's open operations down again, past 0, and its idle timer
      // (which closes only at exactly 0) then never closes the connection, nor lets a socket gone
      // dark be replaced: every later read of that relay would wait out its deadline.
      // A read the client gave up waiting for ({@link TIMED_OUT}) that heard nothing: see endIfSilent.
      return {
        close: (reason) => void opened.then((sub) => {
          if (closed) return;
          const silent = reason === TIMED_OUT && !eosed;
          sub?.close(reason);
          if (silent) relay?.endIfSilent(heard);
        }),
      };
    },

    // A connection that closes leaves the list by itself (its onclose).
    close(urls) {
      for (const url of urls) relays.get(normalizeURL(url))?.close();
    },

    destroy() {
      for (const relay of relays.values()) relay.close();
    },
  };
}
