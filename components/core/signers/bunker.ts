/**
 * A {@link Signer} over a NIP-46 remote signer ("bunker"), for browsers without an extension.
 */
import { BunkerSigner, createNostrConnectURI, parseBunkerInput, type BunkerSignerParams } from 'nostr-tools/nip46';
import { SimplePool } from 'nostr-tools/pool';
import { finalizeEvent, generateSecretKey, getPublicKey, type EventTemplate } from 'nostr-tools/pure';
import { SignerError, safeCause } from '../errors.js';
import { hostWebSocket } from '../relay/node-socket.js';
import { sortRelays } from '../relay/client.js';
import { ATTESTATION_KIND } from '../attest/format.js';
import { AUTH_KIND, MEDICAL_DATA_KIND, SEAL_KIND } from '../nip82/constants.js';
import type { NostrEvent } from '../events.js';
import { type Deadline, type DeadlineHook, type Signer, checkedPublicKey, toSignerError, withDeadline } from './signer.js';

/**
 * How long a call waits once the remote signer asks the user to open a page of its own (NIP-46
 * `auth_url`): 5 minutes from then. Logging in and approving on another page takes longer than a
 * call's usual deadline, and the remote signer answers only after that.
 */
export const AUTH_WAIT_MS = 5 * 60_000;

/** A remote signer that can be disconnected. */
export interface RemoteSigner extends Signer {
  /** Closes the connection to the remote signer and forgets the client key. */
  close(): Promise<void>;
}

/** Options shared by {@link bunkerSigner} and {@link nostrConnect}. */
export interface RemoteSignerOptions {
  /** Deadline for connecting and for each call, in ms. Default 120000 (a call may wait for the user). */
  timeoutMs?: number;
  /**
   * Called with a URL the remote signer asks the user to open (NIP-46 `auth_url`) before it answers
   * a call that waits, and with `undefined` once no call waits any more (the URL is then stale).
   * Only reported, never opened: what to show, and whether the URL is safe to offer, is the caller's.
   * `waitMs`: how long from now the calls waiting wait at most once the page is offered (see
   * `authWaitMs`); absent when they have no deadline. Returning `false` (exactly) says the page is
   * not offered to the user (e.g. not a safe address): the calls then keep their own deadlines. Any
   * other result is ignored, so a callback written for its side effect (`(url) => urls.push(url)`)
   * still fits.
   */
  onAuthUrl?: (url: string | undefined, waitMs?: number) => unknown;
  /**
   * How long a call waits, in ms, from the moment the remote signer asks the user to open its
   * page. The deadline of every call then waiting moves to that (never earlier), once per call: a
   * remote signer that asks again and again gains no more time. Only with `onAuthUrl`, and only
   * when it does not decline the page (`false`): a page nobody shows gives the user nothing to
   * finish. Default {@link AUTH_WAIT_MS} (5 minutes).
   */
  authWaitMs?: number;
  /**
   * Told as each call's deadline comes (see {@link DeadlineHook}): whether it waits on, given more
   * time by `authWaitMs`, or gives up. Only observes; the calls go on the same without it.
   */
  onDue?: DeadlineHook;
  /** Aborting gives the connect up (as {@link NostrConnectSession.cancel} does): what it was opening is closed. */
  signal?: AbortSignal;
  /** An existing nostr-tools pool to share. */
  pool?: BunkerSignerParams['pool'];
  /** The app name the remote signer shows the user beside each request. Default "NIP-82 medical records". */
  name?: string;
  /** Permissions to ask for, e.g. `['nip44_decrypt', 'sign_event:82']`. Default {@link KIT_PERMISSIONS}. */
  perms?: string[];
}

const APP_NAME = 'NIP-82 medical records';

/**
 * What a remote signer's call threw, as a {@link SignerError}. A request no relay took (every
 * publish failed) never reached the signer: its relays are out of reach, which is not the user
 * saying no, whatever the library's words ("All promises were rejected").
 */
function remoteError(error: unknown, what: string): SignerError {
  if (error instanceof AggregateError) return new SignerError('connection', `The remote signer's relays could not be reached to ${what}.`);
  return toSignerError(error, what);
}

/** Forgets the keys of a remote signer's conversation: the client's, and the one the library derived from it. */
function wipeKeys(clientKey: Uint8Array, bunker?: BunkerSigner): void {
  clientKey.fill(0);
  (bunker as unknown as { conversationKey?: Uint8Array } | undefined)?.conversationKey?.fill(0);
}

type Pool = NonNullable<BunkerSignerParams['pool']>;
/** Told when the subscription the remote signer answers on ends (a connection dropped: the computer slept, the network went). */
type Drops = { dropped?: () => void };

/**
 * The pool as the remote signer uses it, signing in (NIP-42) to the relays that ask with the
 * conversation's own client key. The relays clinics run serve events only to a signed-in reader,
 * and the signer's answers are addressed to this key: signing in with it lets them through and asks
 * the user nothing. A caller's own pool is wrapped, not changed. A sign-in after the key is wiped
 * (the signer closed) fails, as it should.
 */
function signingIn(pool: Pool, clientKey: Uint8Array, drops: Drops): Pool {
  const onauth = async (template: EventTemplate) => finalizeEvent(template, clientKey);
  return Object.assign(Object.create(pool) as Pool, {
    subscribe: ((relays, filter, params) => pool.subscribe(relays, filter, {
      ...params,
      onauth,
      onclose: (reasons) => { params.onclose?.(reasons); drops.dropped?.(); },
    })) satisfies Pool['subscribe'],
    publish: ((relays, event, params) => pool.publish(relays, event, { ...params, onauth })) satisfies Pool['publish'],
  });
}

/**
 * The pool a remote signer talks through: the caller's, or one of its own that closing it ends
 * (closing the signer only closes its subscription; the sockets would stay open).
 */
function poolFor(options: RemoteSignerOptions, clientKey: Uint8Array): { pool: Pool; end: () => void; drops: Drops } {
  const drops: Drops = {};
  if (options.pool) return { pool: signingIn(options.pool, clientKey, drops), end: () => undefined, drops };
  // On Node, the host's WebSocket made safe to give up on (see node-socket.ts): a storage server
  // that never answers the connection must fail the sign-in, not end the host's process.
  const Socket = globalThis.WebSocket ? undefined : hostWebSocket();
  // SimplePool hands its options on to the base pool, which takes the class; its types omit it.
  const own = new SimplePool((Socket ? { websocketImplementation: Socket } : {}) as ConstructorParameters<typeof SimplePool>[0]);
  return { pool: signingIn(own, clientKey, drops), end: () => own.destroy(), drops };
}

/**
 * The `auth_url`s of one remote signer: each is passed on, and once no call waits any more the
 * caller hears that the last one is stale (the remote signer names no call, so the link stays
 * while any call waits). The remote signer naming no call, each call waiting when one comes gets
 * its one extension of the deadline (see {@link RemoteSignerOptions.authWaitMs}), unless the
 * caller declines the page.
 */
function authUrls(onAuthUrl: RemoteSignerOptions['onAuthUrl'], authWaitMs: number) {
  const waiting = new Set<Deadline<unknown>>();
  let told = false;
  /** The caller's answer: `false` declines the page. */
  const tell = (url: string | undefined, waitMs?: number): unknown => {
    try {
      return onAuthUrl?.(url, waitMs);
    } catch {
      // The caller's trouble must not break the remote signer's subscription.
    }
  };
  return {
    onauth(url: string) {
      // None waiting: the page is for a call given up, and would stay on screen with nothing to finish.
      if (typeof url !== 'string' || !onAuthUrl || waiting.size === 0) return;
      // The caller hears the wait it would give the user before deciding to offer the page at all.
      let longest = 0;
      for (const deadline of waiting) longest = Math.max(longest, deadline.remainingIfExtended(authWaitMs));
      told = true;
      if (tell(url, Number.isFinite(longest) ? longest : undefined) === false) return;
      for (const deadline of waiting) deadline.extend(authWaitMs);
    },
    /** `deadline`'s outcome, raced with `also` (a give-up); while neither settled, an `auth_url` may extend it. */
    async waitFor<T>(deadline: Deadline<T>, also?: Promise<never>): Promise<T> {
      waiting.add(deadline);
      try {
        return await (also ? Promise.race([deadline.done, also]) : deadline.done);
      } finally {
        waiting.delete(deadline);
        if (waiting.size === 0 && told) {
          told = false;
          tell(undefined);
        }
      }
    },
  };
}

function adapt(bunker: BunkerSigner, clientKey: Uint8Array, timeoutMs: number, endPool: () => void, auth: ReturnType<typeof authUrls>, drops: Drops, onDue?: DeadlineHook): RemoteSigner {
  // Closing ends every call still waiting: nothing answers a closed signer, and a sign-in given up
  // (a sign-out, another sign-in) must not wait out its deadline.
  let closedNow!: () => void;
  const closed = new Promise<never>((_, reject) => { closedNow = () => reject(new SignerError('connection', 'The remote signer was closed.')); });
  closed.catch(() => undefined);
  let waiting = 0;
  let gap = 1000;
  // The connection dropped under a call (the computer slept): the library listens again only at
  // the next call, so the answer the user gives once the page is back would be lost and the call
  // would wait out its deadline. It listens again while a call waits, ever less often while the
  // storage server stays out of reach.
  const library = bunker as unknown as { subCloser?: unknown; setupSubscription(): void };
  drops.dropped = () => {
    if (!waiting || closing || library.subCloser) return;
    setTimeout(() => { if (waiting && !closing && !library.subCloser) library.setupSubscription(); }, gap);
    gap = Math.min(gap * 2, 30_000);
  };
  const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    waiting += 1;
    try {
      return await auth.waitFor(withDeadline(Promise.race([run(), closed]), timeoutMs, what, onDue));
    } catch (error) {
      throw remoteError(error, what);
    } finally {
      if (!--waiting) gap = 1000;
    }
  };
  let closing: Promise<void> | undefined;
  let pubkey: Promise<string> | undefined;
  /** The key `pubkey` resolved to, once it has. */
  let known: string | undefined;
  const forget = () => {
    pubkey = undefined;
    known = undefined;
    // The library remembers the key too: asked again, it must ask the remote signer, not answer from memory.
    (bunker as unknown as { cachedPubKey?: string }).cachedPubKey = undefined;
  };
  return {
    getPublicKey() {
      if (!pubkey) {
        const asked = call('share your public key', () => bunker.getPublicKey()).then(checkedPublicKey);
        pubkey = asked;
        asked.then(
          (key) => { if (pubkey === asked) known = key; },
          () => { if (pubkey === asked) pubkey = undefined; },
        );
      }
      return pubkey;
    },
    forgetPublicKey: forget,
    async signEvent(template) {
      const signed = (await call('sign', () => bunker.signEvent(template))) as NostrEvent;
      // Signed with another key than the one remembered: the user switched accounts in the signer
      // app. The next question asks again (whoever asked for this event still refuses it).
      if (known !== undefined && (signed as { pubkey?: unknown } | null)?.pubkey !== known) forget();
      return signed;
    },
    nip44Encrypt: (peer, text) => call('encrypt', () => bunker.nip44Encrypt(peer, text)),
    nip44Decrypt: (peer, text) => call('decrypt', () => bunker.nip44Decrypt(peer, text)),
    close() {
      closing ??= (async () => {
        closedNow();
        wipeKeys(clientKey, bunker);
        try {
          await bunker.close();
        } finally {
          endPool();
        }
      })();
      return closing;
    },
  };
}

/**
 * Connects to a remote signer from a `bunker://` URI (or a NIP-05 name that publishes one).
 * Errors: `connection` for an unreadable URI or a signer that does not answer.
 */
export async function bunkerSigner(input: string, options: RemoteSignerOptions = {}): Promise<RemoteSigner> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const { signal } = options;
  const givenUp = () => new SignerError('connection', 'The connection to the remote signer was given up.');
  // Spaces anywhere (an address broken across lines by a mail or a chat) are not part of it.
  const parsed = typeof input === 'string' ? await parseBunkerInput(input.replace(/\s+/g, '')).catch(() => null) : null;
  if (signal?.aborted) throw givenUp();
  const pointer = parsed && { ...parsed, relays: signerRelays(parsed.relays) };
  if (!pointer || pointer.relays.length === 0) {
    throw new SignerError('connection', 'That is not a usable bunker:// address (it needs a signer key and at least one relay).');
  }
  const clientKey = generateSecretKey();
  const { pool, end, drops } = poolFor(options, clientKey);
  const auth = authUrls(options.onAuthUrl, options.authWaitMs ?? AUTH_WAIT_MS);
  const bunker = BunkerSigner.fromBunker(clientKey, pointer, { pool, onauth: auth.onauth });
  let stop: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    stop = () => reject(givenUp());
    signal?.addEventListener('abort', stop, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    // The app's name and what it will ask for go with the connect: a bunker:// address carries
    // neither, and without them the signer app cannot say who asks, nor grant the kit's calls at once.
    const perms = (options.perms ?? KIT_PERMISSIONS).join(',');
    const connect = bunker.sendRequest('connect', [pointer.pubkey, pointer.secret ?? '', perms, JSON.stringify({ name: options.name ?? APP_NAME })]);
    await auth.waitFor(withDeadline(connect, timeoutMs, 'connect', options.onDue), aborted);
  } catch (error) {
    await bunker.close().catch(() => undefined);
    wipeKeys(clientKey, bunker);
    end();
    if (signal?.aborted) throw givenUp();
    const mapped = remoteError(error, 'connect');
    throw mapped.code === 'timeout' ? new SignerError('connection', 'The remote signer did not answer.', { cause: safeCause(error) }) : mapped;
  } finally {
    signal?.removeEventListener('abort', stop!);
  }
  return adapt(bunker, clientKey, timeoutMs, end, auth, drops, options.onDue);
}

/** What {@link nostrConnect} returns: a URI to show (as text and QR) and the signer once it connects. */
export interface NostrConnectSession {
  /** The `nostrconnect://` URI the user scans or pastes into their remote signer. */
  uri: string;
  /** Resolves when the remote signer connects; rejects on timeout or {@link NostrConnectSession.cancel}. */
  signer: Promise<RemoteSigner>;
  /** Stops waiting. */
  cancel(): void;
}

/** Options for {@link nostrConnect}. */
export interface NostrConnectOptions extends RemoteSignerOptions {
  /** Relays the remote signer should answer on (at least one). */
  relays: string[];
  /**
   * How long the user has to scan or paste the URI, in ms; `timeoutMs` then bounds each call once
   * connected, so finding a phone takes its own time and a call does not inherit it. Default `timeoutMs`.
   */
  connectTimeoutMs?: number;
}

/**
 * What the kit asks the user's signer to do, from the kinds it signs with their key: records'
 * medical data (82) and attestations (1082) when they create or share, seals (13) for every gift
 * wrap, and sign-ins to storage servers (22242); NIP-44 both ways. A signer that honours the list
 * asks nothing more of the user for these; one asked for a kind it was never granted prompts again
 * or refuses.
 */
export const KIT_PERMISSIONS: readonly string[] = [
  'get_public_key',
  ...[MEDICAL_DATA_KIND, ATTESTATION_KIND, SEAL_KIND, AUTH_KIND].map((kind) => `sign_event:${kind}`),
  'nip44_encrypt',
  'nip44_decrypt',
];

/**
 * Most storage servers one remote signer is reached through. Signer apps name one to three; an
 * address naming hundreds would have the page open a connection to each.
 */
export const MAX_SIGNER_RELAYS = 4;

/** A remote signer's storage servers: ws:// or wss:// addresses only, each once, at most {@link MAX_SIGNER_RELAYS}. */
function signerRelays(relays: readonly string[]): string[] {
  return sortRelays(relays).relays.slice(0, MAX_SIGNER_RELAYS);
}

/** Starts a client-initiated NIP-46 connection (`nostrconnect://`). */
export function nostrConnect(options: NostrConnectOptions): NostrConnectSession {
  if (!options.relays?.length) throw new SignerError('connection', 'A nostrconnect:// session needs at least one relay.');
  const timeoutMs = options.timeoutMs ?? 120_000;
  const clientKey = generateSecretKey();
  const secret = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const uri = createNostrConnectURI({
    clientPubkey: getPublicKey(clientKey),
    relays: options.relays,
    secret,
    perms: options.perms ?? [...KIT_PERMISSIONS],
    name: options.name ?? APP_NAME,
  });
  const abort = new AbortController();
  options.signal?.addEventListener('abort', () => abort.abort(), { once: true });
  if (options.signal?.aborted) abort.abort();
  const timer = setTimeout(() => abort.abort(), options.connectTimeoutMs ?? timeoutMs);
  const { pool, end, drops } = poolFor(options, clientKey);
  const auth = authUrls(options.onAuthUrl, options.authWaitMs ?? AUTH_WAIT_MS);
  // The library hears an abort on one relay only (each relay's handler replaces the last): with two
  // relays it would wait forever. Giving up here ends the wait itself and closes every relay.
  const givenUp = new Promise<never>((_, reject) => {
    abort.signal.addEventListener('abort', () => reject(new Error('given up')), { once: true });
  });
  const connecting = BunkerSigner.fromURI(clientKey, uri, { pool, onauth: auth.onauth }, abort.signal);
  connecting.catch(() => undefined);
  const signer = Promise.race([connecting, givenUp])
    .then(async (bunker) => {
      // Connected just as the wait was given up (cancelled or out of time): nobody takes this signer.
      if (abort.signal.aborted) {
        await bunker.close().catch(() => undefined);
        wipeKeys(clientKey, bunker);
        throw new Error('given up');
      }
      return adapt(bunker, clientKey, timeoutMs, end, auth, drops, options.onDue);
    })
    .catch((cause) => {
      clientKey.fill(0);
      end();
      throw new SignerError('connection', abort.signal.aborted ? 'No remote signer connected in time.' : 'The remote signer could not connect.', { cause: safeCause(cause) });
    })
    .finally(() => clearTimeout(timer));
  return { uri, signer, cancel: () => abort.abort() };
}
