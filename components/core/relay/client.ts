/**
 * A relay client over a pool of relay connections (the kit's own, see pool.ts, or a host's
 * nostr-tools pool): publish to every relay with a receipt per relay, read
 * from several and merge, keep the newest version of each address and never go back to an older
 * one, drop events dated in the future, and answer NIP-42 AUTH through the user's signer.
 */
import type { AbstractSimplePool } from 'nostr-tools/abstract-pool';
import type { Filter } from 'nostr-tools/filter';
import type { VerifiedEvent } from 'nostr-tools/core';
import { decode } from 'nostr-tools/nip19';
import { normalizeURL } from 'nostr-tools/utils';
import { RelayError, RecordError, SignerError, loadPart } from '../errors.js';
import { type EventTemplate, type NostrEvent, cleanEvent, hasValidSignature, isHex64, nowSeconds } from '../events.js';
import { type Signer, signChecked } from '../signers/signer.js';
import { GIFT_WRAP_KIND, MAX_FUTURE_SECONDS, RECORD_KIND } from '../nip82/constants.js';
import { VersionTracker, addressOf, isNewer } from '../nip82/versions.js';
import { DELETION_KIND } from '../nip82/deletions.js';
import { namesReader } from '../nip82/record-events.js';
import { isAuthRequired } from './limits.js';
import type { Sender } from './publish.js';
import type { Connection, SignInAttempt, signInAt as SignInAt } from './sign-in.js';
import { type RelayPool, TIMED_OUT, ownPool } from './pool.js';
import { type Admission, DEFAULT_MAX_CHARS_PER_READ, ReadBudget } from './read-budget.js';

/**
 * How one relay answered one publish. `timeout`: sent, no answer in time; the relay may still have
 * stored it. `unreachable`: never connected, so nothing reached it.
 */
export type ReceiptStatus = 'accepted' | 'rejected' | 'auth-required' | 'timeout' | 'unreachable';

/** One relay's answer to one publish. */
export interface PublishReceipt {
  relay: string;
  eventId: string;
  status: ReceiptStatus;
  /** The relay's reason (its OK message), when it gave one. */
  reason?: string;
  /** With `auth-required`: how the sign-in the relay asked for ended (see {@link SignInFailure}). */
  signIn?: SignInFailure;
  ms: number;
}

/** How one relay answered one query. */
export interface QueryReport {
  relay: string;
  /** `incomplete`: the relay holds, or may hold, more than it sent (a cap was reached, or it cannot page further). */
  status: 'complete' | 'incomplete' | 'closed' | 'auth-required' | 'timeout' | 'unreachable';
  reason?: string;
  /** With `auth-required`: how the sign-in the relay asked for ended (see {@link SignInFailure}). */
  signIn?: SignInFailure;
  events: number;
}

/**
 * Why a relay that asked for a NIP-42 sign-in was not signed in to. `declined`: the user said no
 * at their signer, or did not answer it in time. `failed`: the user was never asked, or said yes,
 * and the relay's side did not complete it (no challenge in time, no answer to the signed AUTH,
 * no connection), or there is no signer to ask.
 */
export type SignInFailure = 'declined' | 'failed';

/**
 * What one user action learned of signing in, by relay URL: a relay the user declined (or whose
 * sign-in failed) is not asked again for the rest of the action, neither by its later events nor
 * by its later reads, and reads or sends of it that meet the same relay at once share one prompt.
 * They are still sent to it once each without signing in (a relay may take some kinds from
 * anyone), and report `auth-required` with the reason.
 *
 * Whoever begins a user action opens one ({@link RelayClient.declineScope}) and hands it to every
 * read and send of that action; a read or send given none opens its own. Nothing is kept beyond
 * the scope: the next action opens another, so the user is asked again there (they may have
 * changed their mind), and two actions under way at once (two elements, one client) never answer
 * for each other.
 *
 * A scope also belongs to one user: the one the client served when it was first used. Once another
 * comes ({@link RelayClient.forgetSignIns}), its reads and sends stop where they are.
 */
export class DeclineScope {
  private readonly ended = new Map<string, SignInFailure>();
  private readonly asking = new Map<string, Promise<SignInOutcome>>();
  /** Relays whose sign-in for this action waits for the user at their signer now. */
  private readonly atSigner = new Set<string>();
  private stopped = false;
  private stop!: () => void;
  private readonly stopping = new Promise<SignInOutcome>((resolve) => {
    this.stop = () => resolve('declined');
  });
  private listener?: () => void;

  /** How the sign-in at `relay` ended in this action, if it did not succeed. */
  failure(relay: string): SignInFailure | undefined {
    return this.ended.get(relayKey(relay));
  }

  /**
   * Whether a sign-in of this action waits for the user at their signer now: the only way the
   * relay client asks the signer anything, so a page can say so, and offer to stop waiting.
   */
  get waitingForSigner(): boolean {
    return this.atSigner.size > 0;
  }

  /** Calls `listener` whenever {@link waitingForSigner} may have changed (one listener: the action's owner). */
  watch(listener: () => void): void {
    this.listener = listener;
  }

  /**
   * The user stopped waiting for their signer: every sign-in of this action under way ends now as
   * `declined` (what waited on it goes on without it: a send to that relay reports `auth-required`
   * and sends nothing there), and none is asked for in the rest of it. A signature the signer
   * gives later may still sign that connection in; nothing of this action is sent over it.
   */
  stopAsking(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const key of this.asking.keys()) this.ended.set(key, 'declined');
    this.stop();
    this.atSigner.clear();
    this.listener?.();
  }

  /** The relay client's word that the sign-in at `relay` waits at the user's signer (`asked`), or no longer does. */
  signerAsked(relay: string, asked: boolean): void {
    const key = relayKey(relay);
    if (asked === this.atSigner.has(key) || (asked && this.stopped)) return;
    if (asked) this.atSigner.add(key);
    else this.atSigner.delete(key);
    this.listener?.();
  }

  /**
   * The sign-in at `relay` for this action: the one under way, if any, else `attempt()`; a failure
   * is kept for the rest of the action. A success is not: a later connection signs in afresh.
   */
  signIn(relay: string, attempt: () => Promise<SignInOutcome>): Promise<SignInOutcome> {
    const key = relayKey(relay);
    const known = this.ended.get(key);
    if (known) return Promise.resolve(known);
    if (this.stopped) {
      this.ended.set(key, 'declined');
      return Promise.resolve('declined');
    }
    let running = this.asking.get(key);
    if (!running) {
      const outcome = attempt().catch((): SignInOutcome => 'failed');
      running = Promise.race([outcome, this.stopping]).then((outcome) => {
        if (outcome !== 'signed-in') this.ended.set(key, outcome);
        this.asking.delete(key);
        return outcome;
      });
      this.asking.set(key, running);
    }
    return running;
  }
}

/** How one sign-in ended. */
export type SignInOutcome = 'signed-in' | SignInFailure;

/** The user (see {@link RelayClient.forgetSignIns}) each scope was first used for. */
const scopeUsers = new WeakMap<DeclineScope, number>();

/**
 * One relay, however its URL was written (a trailing slash, capitals, its default port): the key
 * the pools (ours and nostr-tools') give its one connection. What is no URL is its own key.
 */
function relayKey(relay: string): string {
  try {
    return normalizeURL(relay);
  } catch {
    return relay;
  }
}

/** Options for {@link RelayClient}. */
export interface RelayClientOptions {
  /** Relay URLs (ws:// or wss://). */
  relays: string[];
  /** The user's signer, for NIP-42 AUTH. Without it, AUTH-only relays report `auth-required`. */
  signer?: Signer;
  /** How many relays must accept a publish for it to count. Default 1. */
  quorum?: number;
  /** Deadline for a relay's OK, in ms. Default 8000. */
  publishTimeoutMs?: number;
  /** Deadline for a relay's end of stored events, in ms. Default 5000. */
  queryTimeoutMs?: number;
  /** A pool to share; by default the client makes its own. */
  pool?: AbstractSimplePool;
  /** Version memory shared with {@link openRecord}; by default the client makes its own. */
  versions?: VersionTracker;
  /**
   * Most characters (content and tags, valid events or not) one read takes from all its relays
   * together, every page included; a read stops there and reports `incomplete`. Default 64 MB.
   */
  maxCharsPerRead?: number;
  /** Most events one query takes from one relay (valid or not) before closing it. Default 5000. */
  maxEventsPerQuery?: number;
  /**
   * A connection of the client's own pool left unused this long closes, in ms; one the user
   * signed in on stays 15 times as long. Default 20000.
   */
  idleTimeoutMs?: number;
}

/** Why a read or send of the last user's action stopped (see {@link RelayClient.forgetSignIns}). */
export const USER_CHANGED = 'Another user is signed in now.';

/** Fewest events a relay is taken to send per page when it holds more (caps seen are 100 to 5,000). */
const MIN_RELAY_CAP = 100;

/** Default cap of events one relay may send for one query (every event counts, valid or not). */
const DEFAULT_MAX_EVENTS_PER_QUERY = 5000;
/** Record sign keys whose deletions one load asks for: far more records than a person holds. */
const MAX_DELETION_KEYS = 1000;

/**
 * Refuses a reader's key that is not 64 lowercase hex (an npub, upper case, a stray space): relays
 * match tags exactly, so such a read would find nothing and look like a reader with no records.
 */
function whoseKey(pubkey: unknown): void {
  if (!isHex64(pubkey)) throw new RecordError('invalid-input', 'A public key to read for is not 64 lowercase hex characters.');
}

const RELAY_URL = /^wss?:\/\/[^\s/?#]+(?:\/[^\s]*)?$/i;

/**
 * Sorts a relay URL list: the relay addresses in it (trimmed, in order) and the entries that are
 * none (an https:// address, a bare host name), which a caller drops rather than failing on them
 * all. Each relay once, as first written: the pool has one connection for every way of writing it
 * (see {@link relayKey}), so a second entry would send each event to it twice, the second send's
 * answer lost to the first, and count it twice toward a quorum.
 */
export function sortRelays(relays: readonly string[]): { relays: string[]; rejected: string[] } {
  const sorted = { relays: [] as string[], rejected: [] as string[] };
  const seen = new Set<string>();
  for (const r of relays.map((r) => String(r).trim())) {
    const relay = RELAY_URL.test(r);
    // An https:// entry is not its wss:// relay (the pools' key would make it so).
    const key = relay ? relayKey(r) : r;
    if (!r || seen.has(key)) continue;
    seen.add(key);
    (relay ? sorted.relays : sorted.rejected).push(r);
  }
  return sorted;
}

/** Checks and normalises a relay URL list. */
export function checkRelays(relays: readonly string[]): string[] {
  if (!Array.isArray(relays) || relays.some((r) => typeof r !== 'string')) throw new RelayError('invalid-url', 'Relays must be a list of ws:// or wss:// addresses.');
  const { relays: out, rejected } = sortRelays(relays);
  if (rejected.length) throw new RelayError('invalid-url', `Not a relay address: ${rejected[0]!.slice(0, 80)}`);
  if (!out.length) throw new RelayError('no-relays', 'No relays are configured.');
  return out;
}

/** Most keys one request names in `authors`: relays commonly refuse a filter naming more. */
export const AUTHORS_PER_REQUEST = 100;

/** `keys` in batches of {@link AUTHORS_PER_REQUEST}, a request each. */
export function keyBatches(keys: readonly string[]): string[][] {
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += AUTHORS_PER_REQUEST) batches.push(keys.slice(i, i + AUTHORS_PER_REQUEST));
  return batches;
}

/**
 * The one record address in `text`, a link as people pass it on (in a web address or a sentence,
 * or cut across lines by a mail); '' when none, or several: which one was meant is not guessed.
 */
export function addressIn(text: string): string {
  const found = addressesIn(text);
  return found.length === 1 ? found[0]! : '';
}

/** The different record addresses in `text` (see {@link addressIn}): more than one, the text names several records. */
export function addressesIn(text: string): string[] {
  for (const t of [text, text.replace(/\s/g, '')]) {
    // The first few candidates: a pasted page of text makes no more work.
    const found = new Set((t.match(/naddr1[02-9ac-hj-np-z]+/gi) ?? []).slice(0, 8).map((a) => a.toLowerCase()).filter((a) => {
      try {
        return !!decode(a);
      } catch {
        return false;
      }
    }));
    if (found.size) return [...found];
  }
  return [];
}

/** Talks to a set of relays on behalf of one user. */
export class RelayClient {
  readonly relays: string[];
  readonly versions: VersionTracker;
  private pool: RelayPool;
  private readonly ownsPool: boolean;
  private readonly signer?: Signer;
  private readonly quorum: number;
  private readonly publishTimeoutMs: number;
  private readonly queryTimeoutMs: number;
  private readonly maxEventsPerQuery: number;
  private readonly idleTimeoutMs?: number;
  /** Most characters one read takes from all its relays together (see {@link RelayClientOptions.maxCharsPerRead}). */
  readonly maxCharsPerRead: number;
  /** The event-size budget of {@link maxEventBytes}, once asked for. */
  private budget?: Promise<number>;
  private closed = false;
  /** Sends under way that a close lets finish ({@link sending}), each settled when done. */
  private readonly sends = new Set<Promise<void>>();
  /** The sign-in under way or done on each connection (see {@link authenticate}). */
  private signingIn = new WeakMap<Connection, SignInAttempt>();
  /** The relays whose last signed sign-in (NIP-42) they refused for its time. */
  private readonly clockRefused = new Set<string>();

  /** A relay refused the last signed sign-in it was sent for its time: this device's clock may be wrong. */
  get clockOff(): boolean {
    return this.clockRefused.size > 0;
  }
  /** Counts the users served: one more at each {@link forgetSignIns}. */
  private user = 0;

  constructor(options: RelayClientOptions) {
    this.relays = checkRelays(options.relays);
    this.signer = options.signer;
    this.quorum = Math.max(1, options.quorum ?? 1);
    this.publishTimeoutMs = options.publishTimeoutMs ?? 8000;
    this.queryTimeoutMs = options.queryTimeoutMs ?? 5000;
    this.versions = options.versions ?? new VersionTracker();
    this.maxEventsPerQuery = Math.max(1, options.maxEventsPerQuery ?? DEFAULT_MAX_EVENTS_PER_QUERY);
    this.maxCharsPerRead = Math.max(1, options.maxCharsPerRead ?? DEFAULT_MAX_CHARS_PER_READ);
    this.ownsPool = !options.pool;
    this.idleTimeoutMs = options.idleTimeoutMs;
    this.pool = options.pool ?? ownPool(this.publishTimeoutMs, this.idleTimeoutMs);
    // Events are verified by the kit itself, on a clean copy, before use (see ownPool). A pool the
    // host shares keeps its own checks for the host's other subscriptions.
  }

  private get onauth(): ((t: EventTemplate) => Promise<VerifiedEvent>) | undefined {
    const signer = this.signer;
    // signChecked has verified the signature; nostr-tools' type only marks that.
    return signer ? (template) => signChecked(signer, template) as Promise<VerifiedEvent> : undefined;
  }

  /** A scope for one user action's sign-ins: see {@link DeclineScope}. */
  declineScope(): DeclineScope {
    return new DeclineScope();
  }

  /**
   * Another user from now on (a sign-out, another signer, the same signer answering for another
   * key): every connection is closed, each signed in as the last user or about to be, and every
   * sign-in on them forgotten, so the next read connects afresh and signs in as whoever the signer
   * answers for now (one prompt per relay, as ever). A relay must not take the two people for one,
   * nor serve the new one by the last one's key. What the last user's actions were reading or
   * sending stops where it is: nothing more of it is sent, retried or signed in for, and what was
   * on its way ends as `unreachable`. The client stays open.
   */
  forgetSignIns(): void {
    if (this.closed) return;
    this.user++;
    this.signingIn = new WeakMap();
    if (!this.ownsPool) return this.pool.close(this.relays);
    // A pool of its own is replaced: an old connection's late close would otherwise strike the new
    // connection to its relay off the pool's list, and the next read sign in once more on another.
    const old = this.pool;
    this.pool = ownPool(this.publishTimeoutMs, this.idleTimeoutMs);
    old.destroy();
  }

  /**
   * Whether `scope` belongs to the user served now: a scope belongs to the one it was first used
   * for, so an action that opened it before learning who the user is (a key switch found on its
   * way) reads for the user it found.
   */
  private forThisUser(scope: DeclineScope): boolean {
    const user = scopeUsers.get(scope);
    if (user === undefined) scopeUsers.set(scope, this.user);
    return (user ?? this.user) === this.user;
  }

  /**
   * Signs in at `relay` (NIP-42) through the user's signer, after it asked for it: `signed-in` once
   * the relay accepted the AUTH, else why not ({@link SignInFailure}). Every auth-required answer,
   * read or send, comes here (through the action's {@link DeclineScope}); the pool is never given
   * the signer, since its own AUTH waits out the read's deadline while the user is still at the
   * signer, and never settles when they refuse. Reads and sends on one connection share one prompt,
   * whatever their action. A refusal (or no answer from the user in time, see sign-in.ts)
   * closes that connection: what is under way ends now, and only a later action connects afresh
   * and asks again, once.
   */
  private async authenticate(relay: string, timeoutMs: number, scope: DeclineScope): Promise<SignInOutcome> {
    const signed = this.onauth;
    // A closed client asks nothing more, except for a send it lets finish; nor does the last user's
    // action once another is served (see forgetSignIns).
    if (!signed || (this.closed && !this.sends.size) || !this.forThisUser(scope)) return 'failed';
    // Nor is the signer asked once the user changed on the way, and a signature it gave meanwhile
    // is never sent.
    const user = this.user;
    const same = () => {
      if (user !== this.user) throw new SignerError('failed', USER_CHANGED);
    };
    const onauth = async (template: EventTemplate) => {
      same();
      const event = await signed(template);
      same();
      return event;
    };
    // The sign-in's own code (sign-in.ts), fetched the first time a relay asks for one: most relays
    // never do. Could it not be fetched, the sign-in failed: the signer was never asked, so the
    // user is not told they refused.
    let signInAt: typeof SignInAt;
    try {
      signInAt = await loadPart(() => import('./sign-in.js').then((m) => m.signInAt));
    } catch {
      return 'failed';
    }
    // A close or another user while the code came ends this sign-in as it would have before: a
    // closed pool connects again on its next use (the signer would be asked for a page that left),
    // and a host's pool's connection to the relay is the next user's by now.
    if ((this.closed && !this.sends.size) || user !== this.user) return 'failed';
    const host = { pool: this.pool, attempts: this.signingIn, onauth, clockOff: (off: boolean) => void (off ? this.clockRefused.add(relay) : this.clockRefused.delete(relay)) };
    return signInAt(host, relay, timeoutMs, scope);
  }

  /**
   * Publishes one event to every relay and waits for each relay's answer (or its deadline).
   * `declined`: the user action's sign-ins ({@link DeclineScope}); by default this publish's own.
   * The sending code (publish.ts) is fetched with the first publish; a failed fetch rejects with a
   * PartUnavailableError, and nothing is sent.
   */
  async publish(event: NostrEvent, options: { declined?: DeclineScope } = {}): Promise<PublishReceipt[]> {
    if (!this.sends.size) this.assertOpen();
    if (!globalThis.WebSocket) await this.assertSocket();
    const declined = options.declined ?? this.declineScope();
    // The action's user is the one served now, not whoever is once the code arrived: a sign-out
    // meanwhile sends nothing.
    this.forThisUser(declined);
    const publishing = await loadPart(() => import('./publish.js').then((m) => m.publishEvent));
    // Nor does a close meanwhile, outside a send it lets finish ({@link sending}).
    if (!this.sends.size) this.assertOpen();
    // Its own code, fetched apart: it gets only the parts of the client a send uses.
    const sender: Sender = {
      relays: this.relays,
      publishTimeoutMs: this.publishTimeoutMs,
      pool: () => this.pool,
      forThisUser: (scope) => this.forThisUser(scope),
      authenticate: (relay, timeoutMs, scope) => this.authenticate(relay, timeoutMs, scope),
    };
    return publishing(sender, event, declined);
  }

  /**
   * Publishes events in order (e.g. every part of a record, then deletions) and throws a
   * {@link RelayError} with every receipt when any event reaches fewer relays than the quorum.
   * Once `signal` is aborted no further event is sent, and its reason is thrown. `declined`: the
   * user action's sign-ins ({@link DeclineScope}); by default one for these events.
   */
  async publishAll(events: readonly NostrEvent[], options: { signal?: AbortSignal; declined?: DeclineScope } = {}): Promise<PublishReceipt[]> {
    const receipts: PublishReceipt[] = [];
    // A relay the user declined to sign in to is not asked again for the action's later events.
    const declined = options.declined ?? this.declineScope();
    for (const [i, event] of events.entries()) {
      options.signal?.throwIfAborted();
      const answers = await this.publish(event, { declined });
      receipts.push(...answers);
      // Stop at the first shortfall: later events (deletions of an old address, notices) must
      // never go out when what they depend on did not land.
      if (answers.filter((r) => r.status === 'accepted').length < this.quorum) {
        // The relays' answers in the message too: a log line says why without the receipts at hand.
        const answered = answers.map((r) => r.status).join(', ');
        throw new RelayError('not-accepted', `Event ${i + 1} of ${events.length} was not accepted by enough relays (${answered}); the rest were not sent. Nothing is final yet, and you can retry.`, receipts);
      }
    }
    return receipts;
  }

  /**
   * Reads events matching `filter` from every relay. Keeps only well-formed, validly signed
   * events not dated in the future, deduplicated by id; for addressable events only the newest
   * version, and never one older than a version seen before this session. Takes at most
   * `maxChars` characters in all (default: the client's `maxCharsPerRead`), or what is left of
   * `budget`, a read's budget shared by its pages; an event over `maxEventChars` is skipped.
   * `declined`: the user action's sign-ins ({@link DeclineScope}); by default this read's own.
   * `relays`: only these of the client's (by default every one).
   */
  async query(filter: Filter, options: { timeoutMs?: number; maxChars?: number; maxEventChars?: number; budget?: ReadBudget; declined?: DeclineScope; relays?: readonly string[] } = {}): Promise<{ events: NostrEvent[]; reports: QueryReport[]; ahead?: boolean }> {
    this.assertOpen();
    if (!globalThis.WebSocket) await this.assertSocket();
    const timeoutMs = options.timeoutMs ?? this.queryTimeoutMs;
    const budget = options.budget ?? new ReadBudget(options.maxChars ?? this.maxCharsPerRead, options.maxEventChars);
    const byId = new Map<string, NostrEvent>();
    const declined = options.declined ?? this.declineScope();
    const reports = await Promise.all(this.among(options.relays).map((relay) => this.queryOne(relay, filter, timeoutMs, byId, budget, declined)));
    const now = nowSeconds();
    const fresh = [...byId.values()].filter((e) => e.created_at <= now + MAX_FUTURE_SECONDS);
    return { events: this.newestOnly(fresh), reports, ahead: fresh.length < byId.size };
  }

  /**
   * Whether a signed event matching `filter` waits dated after this device's clock (`now`, by default
   * the present): one event, asked only of the relays that answered `read` (one that hung would make
   * the reader wait as long again). Reads that find nothing use it to say a clock may be wrong.
   */
  async datedAhead(filter: Filter, read: readonly QueryReport[], declined?: DeclineScope, now = nowSeconds()): Promise<boolean> {
    return !!(await this.query({ ...filter, since: now + MAX_FUTURE_SECONDS, limit: 1 }, { declined, relays: answeredIn(read) })).ahead;
  }

  /** The client's relays that are in `relays`, or all of them. */
  private among(relays?: readonly string[]): string[] {
    return relays ? this.relays.filter((r) => relays.includes(r)) : this.relays;
  }

  private async queryOne(relay: string, filter: Filter, timeoutMs: number, byId: Map<string, NostrEvent>, budget: ReadBudget, declined: DeclineScope): Promise<QueryReport> {
    // The last user's action reads nothing more once another is served (see forgetSignIns).
    if (!this.forThisUser(declined)) return { relay, status: 'unreachable', reason: USER_CHANGED, events: 0 };
    const first = await this.subscribeOnce(relay, filter, timeoutMs, byId, budget);
    // A relay that restricts reads closes the query with a machine-readable `auth-required:`
    // (some put it after their own prefix, "ERROR: auth-required: ..."): sign in there, once per
    // action (see DeclineScope), and read again. A client closed meanwhile connects nowhere again.
    if (first.status !== 'auth-required' || this.closed) return first;
    const outcome = await declined.signIn(relay, () => this.authenticate(relay, timeoutMs, declined));
    if (outcome !== 'signed-in') return { ...first, signIn: outcome };
    if (this.closed || !this.forThisUser(declined)) return first;
    return this.subscribeOnce(relay, filter, timeoutMs, byId, budget);
  }

  /**
   * One subscription to one relay. Every event the relay sends counts toward the limit (the
   * filter's, else the client's cap), valid or not, and the subscription closes there: a relay
   * cannot make the reader verify more than that. Every event also draws on the read's `budget`,
   * and the subscription closes when it is spent.
   */
  private subscribeOnce(relay: string, filter: Filter, timeoutMs: number, byId: Map<string, NostrEvent>, budget: ReadBudget): Promise<QueryReport> {
    const limit = Math.min(filter.limit ?? Infinity, this.maxEventsPerQuery);
    const capped = filter.limit === undefined || filter.limit > this.maxEventsPerQuery;
    return new Promise((resolve) => {
      let sent = 0;
      let count = 0;
      let done = false;
      let sub: { close: (reason?: string) => void } | undefined;
      const finish = (status: QueryReport['status'], reason?: string) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        sub?.close(status === 'timeout' ? TIMED_OUT : undefined);
        resolve({ relay, status, reason, events: count });
      };
      const atLimit = () => {
        if (sent < limit) return;
        if (capped) finish('incomplete', `The relay sent ${sent} events, the most one query takes; the rest were not read.`);
        else finish('complete');
      };
      const timer = setTimeout(() => finish('timeout', 'The relay did not finish in time.'), timeoutMs);
      sub = this.pool.subscribe([relay], filter, {
        maxWait: timeoutMs,
        // Called for every event message of this subscription, before anything else is done with it.
        receivedEvent: () => {
          sent++;
          if (sent > limit) atLimit();
        },
        oninvalidevent: () => atLimit(),
        onevent: (raw) => {
          if (done) return;
          // A copy of an event another relay sent already is not held twice, so it costs nothing.
          const admitted = isCopyOf(byId.get((raw as { id?: unknown }).id as string), raw) ? 'taken' : budget.take(raw);
          if (admitted === 'spent') {
            finish('incomplete', budget.reason);
            return;
          }
          if (admitted === 'too-large') {
            count = sent;
            atLimit();
            return;
          }
          try {
            const event = cleanEvent(raw);
            if (!byId.has(event.id)) {
              if (hasValidSignature(event)) byId.set(event.id, event);
            }
          } catch {
            // Counted as sent; never used.
          }
          count = sent; // what this relay sent, so paging sees a full page even when another relay sent it first
          atLimit();
        },
        // The pool reports a closed subscription as EOSE first, then the close: let the close speak.
        oneose: () => queueMicrotask(() => finish('complete')),
        onclose: (reasons) => {
          const reason = reasons[0]?.reason ?? '';
          if (isAuthRequired(reason)) finish('auth-required', reason);
          else if (/connect|websocket|timed out/i.test(reason)) finish('unreachable', reason);
          else finish(done ? 'complete' : 'closed', reason);
        },
      });
    });
  }

  private newestOnly(events: NostrEvent[]): NostrEvent[] {
    const best = new Map<string, NostrEvent>();
    const out: NostrEvent[] = [];
    for (const e of events) {
      if (e.kind < 30000 || e.kind >= 40000) {
        out.push(e);
        continue;
      }
      const key = addressOf(e);
      const current = best.get(key);
      if (!current || isNewer(e, current)) best.set(key, e);
    }
    for (const e of best.values()) {
      // Rollback: a version older than one seen this session is not served; the caller sees the address missing.
      if (this.versions.observe(e)) out.push(e);
    }
    return out;
  }

  /**
   * Reads every match by pages of `pageSize`, walking back in time, each relay at its own pace: a
   * relay's next page ends at the oldest second its last page reached (inclusive), so events
   * sharing one second are not skipped when a page was cut there, and a relay crowded by a flood
   * is not asked to skip what a quieter relay's page went past. A page that brings nothing new
   * steps one second back, and a relay is done when its page brings nothing, or fewer events than
   * any relay caps a page at. A relay that sent a full page of nothing new holds more events of
   * that second than it will page through: it is reported `incomplete`, never `complete`. The walk
   * starts at most {@link MAX_FUTURE_SECONDS} ahead (a page of events dated further, all dropped,
   * would end it), and every page draws on one budget of `maxChars` (default: the client's
   * `maxCharsPerRead`). A walk stopped at a bound keeps the newest events, and none older than
   * where a relay still holding more stopped: what it returns has no gap above its oldest event.
   * `declined`: the user action's sign-ins ({@link DeclineScope}); by default this walk's own.
   * `relays`: only these of the client's (by default every one).
   */
  async queryAll(filter: Filter, options: { pageSize?: number; maxEvents?: number; maxChars?: number; declined?: DeclineScope; relays?: readonly string[] } = {}): Promise<WalkResult> {
    this.assertOpen();
    if (!globalThis.WebSocket) await this.assertSocket();
    const declined = options.declined ?? this.declineScope();
    const pageSize = Math.max(1, options.pageSize ?? 500);
    const maxEvents = Math.max(1, options.maxEvents ?? 20000);
    const budget = new ReadBudget(options.maxChars ?? this.maxCharsPerRead);
    // Pages that bring one new event each are still progress, but bounded: a relay capping pages
    // below 100 events, or trickling, is read to this many pages and then reported incomplete.
    const maxPages = Math.ceil(maxEvents / Math.min(pageSize, 100)) + 2;
    const all = new Map<string, NostrEvent>();
    const top = Math.min(filter.until ?? Infinity, nowSeconds() + MAX_FUTURE_SECONDS);
    const walks: RelayWalk[] = this.among(options.relays).map((relay) => ({ relay, until: top, state: 'more', sent: new Set(), signers: new Set(), previous: 0, cap: 0 }));
    let stop: string | undefined;
    let pages = 0;
    for (; pages < maxPages; pages++) {
      const active = walks.filter((w) => w.state === 'more');
      if (!active.length) break;
      this.assertOpen();
      const limit = Math.min(pageSize, maxEvents - all.size);
      const pageOf = active.map(() => new Map<string, NostrEvent>());
      // A copy of an event the walk holds, or another relay sent on this page, costs nothing.
      const held = new HeldBudget(budget, (id) => all.get(id) ?? pageOf.find((m) => m.has(id))?.get(id));
      const answers = await Promise.all(active.map((w, i) => this.queryOne(w.relay, { ...filter, limit, until: w.until }, this.queryTimeoutMs, pageOf[i]!, held, declined)));
      const now = nowSeconds();
      const union = new Map<string, NostrEvent>();
      for (const page of pageOf) for (const [id, e] of page) union.set(id, e);
      for (const e of this.newestOnly([...union.values()].filter((e) => e.created_at <= now + MAX_FUTURE_SECONDS))) all.set(e.id, e);
      for (const [i, w] of active.entries()) this.step(w, answers[i]!, [...pageOf[i]!.values()], limit, pageSize);
      if (budget.spent) {
        stop = budget.reason;
        break;
      }
      if (all.size >= maxEvents) {
        stop = `Stopped at ${maxEvents} events.`;
        break;
      }
    }
    if (pages >= maxPages && walks.some((w) => w.state === 'more')) stop = `Stopped after ${maxPages} pages.`;
    // Where the walk stopped: a relay that still holds more may hold events anywhere below its
    // page's end, so nothing older than the highest such end is kept (a caller that goes on from the
    // oldest event returned skips nothing), and at most maxEvents, newest first.
    const line = Math.max(...walks.filter((w) => w.state === 'more').map((w) => w.until));
    const events = [...all.values()].filter((e) => e.created_at >= line).sort((a, b) => b.created_at - a.created_at).slice(0, maxEvents);
    const kept = new Set(events.map((e) => e.id));
    const dropped = events.length < all.size;
    const reports = walks.map((w) => {
      const report = w.report!;
      const left = w.state === 'more' || (dropped && [...w.sent].some((id) => all.has(id) && !kept.has(id)));
      return left && report.status === 'complete' ? { ...report, status: 'incomplete' as const, reason: stop ?? `Stopped at ${maxEvents} events.` } : report;
    });
    return { events, reports, sentBy: new Map(walks.map((w) => [w.relay, w.sent])), signersBy: new Map(walks.map((w) => [w.relay, w.signers])) };
  }

  /** Takes in one relay's answer to one page of {@link queryAll}, and says where its next page ends, if any. */
  private step(w: RelayWalk, answer: QueryReport, page: readonly NostrEvent[], limit: number, pageSize: number): void {
    w.report = w.report ? mergeReport(w.report, answer) : answer;
    if (!answered(answer)) {
      // No answer (or a refusal): what it holds is unknown, and asking again now would wait again.
      w.state = 'failed';
      return;
    }
    // What the relay sent beyond the page asked for (it ignored `until`) does not move its walk.
    const inPage = page.filter((e) => e.created_at <= w.until);
    const fresh = inPage.filter((e) => !w.sent.has(e.id));
    for (const e of page) {
      w.sent.add(e.id);
      w.signers.add(e.pubkey);
    }
    const oldest = Math.min(w.until, ...inPage.map((e) => e.created_at));
    // `incomplete`: cut by the read's budget or the per-query cap; it goes on from where it stopped,
    // and is never taken to have sent all it holds.
    const complete = answer.status === 'complete';
    if (fresh.length) {
      // A short page followed by more: the relay caps its pages there.
      if (w.previous > 1 && w.previous < pageSize) w.cap = Math.max(w.cap, w.previous);
      w.previous = answer.events;
      w.until = oldest;
      // No relay caps a page below MIN_RELAY_CAP: a page that short was its last.
      if (complete && answer.events < Math.min(limit, MIN_RELAY_CAP)) w.state = 'done';
      return;
    }
    if (complete && !inPage.length) {
      w.state = 'done';
      return;
    }
    // Nothing new: a relay that still filled its page is stuck at this second. Every event of that
    // page is of this second (all it sent before is of this second or later), so it holds at least
    // a full page of it, and may hold more that no filter can ask for apart: it sends none beyond
    // its cap, and none can be left out by id. Exactly a full page and more are alike to a reader,
    // so it is never called complete, though it may have sent all.
    if (answer.events > 1 && answer.events >= Math.min(limit, w.cap || limit) && w.report.status === 'complete') {
      w.report = { ...w.report, status: 'incomplete', reason: `At least ${answer.events} events share one second; the relay may hold more.` };
    }
    w.previous = answer.events;
    w.until -= 1;
  }

  /**
   * Every record part that lists `pubkey` (NIP-82 records shared with or created by the user), all
   * pages (those dated from `since` to `until`, inclusive), and the deletions by their sign keys
   * and by the sign keys in `held` (records the caller holds, which the pages may not bring): one
   * read, so one sign-in prompt per relay at most. `pubkey` is 64 lowercase hex (an npub rejects
   * with `RecordError` `invalid-input`).
   */
  async recordsFor(pubkey: string, options: { since?: number; until?: number; maxEvents?: number; maxChars?: number; declined?: DeclineScope; held?: readonly string[] } = {}): Promise<WalkResult> {
    whoseKey(pubkey);
    const declined = options.declined ?? this.declineScope();
    const found = await this.queryAll({ kinds: [RECORD_KIND], '#p': [pubkey], since: options.since, until: options.until }, { ...options, declined });
    // Deletions only of records the user holds a key for: a `p` tag costs nothing, and a stranger's
    // free events must not each cost a read. Newest first (as the read returns them), then the
    // caller's, and only so many.
    const holding = found.events.filter((e) => namesReader(e, pubkey));
    // Only of the relays that answered: one that did not answer in time (or refused) would only
    // make the reader wait as long again, and is reported as it is.
    const deletions = await this.readDeletions([...new Set([...holding.map((e) => e.pubkey), ...options.held ?? []])].slice(0, MAX_DELETION_KEYS), declined, answeredIn(found.reports));
    // A relay that sent the parts but not whether they were deleted is not reported complete: a
    // record its owner deleted may still be shown, and the caller must be able to say so.
    const reports = found.reports.map((r) => {
      const missed = r.status === 'complete' ? deletions.missed.find((d) => d.relay === r.relay) : undefined;
      return missed ? { ...missed, events: r.events } : r;
    });
    return { events: [...found.events, ...deletions.events], reports, sentBy: found.sentBy, signersBy: found.signersBy };
  }

  /**
   * Deletions (kind 5) signed by these record sign keys: fetched with the parts, because a
   * deletion ends its address for every version, even one a removed editor publishes later.
   */
  async deletionsBy(signPubkeys: readonly string[], options: { declined?: DeclineScope } = {}): Promise<NostrEvent[]> {
    return (await this.readDeletions(signPubkeys, options.declined ?? this.declineScope())).events;
  }

  /** The deletions by these sign keys, and the relays that did not answer the read of them. */
  private async readDeletions(signPubkeys: readonly string[], declined: DeclineScope, relays?: readonly string[]): Promise<{ events: NostrEvent[]; missed: QueryReport[] }> {
    if (relays && !relays.length) return { events: [], missed: [] };
    const found = await this.bySignKeys([DELETION_KIND], signPubkeys, { maxEvents: 5000, declined, relays });
    return { events: found.events, missed: found.reports.filter((r) => !answered(r)) };
  }

  /**
   * Events of `kinds` signed by any of `signPubkeys`, asked {@link AUTHORS_PER_REQUEST} keys to a
   * request: relays commonly refuse a filter naming more. `options` bound each request; the
   * reports are each request's, per relay.
   */
  async bySignKeys(kinds: number[], signPubkeys: readonly string[], options: Parameters<RelayClient['queryAll']>[1] = {}): Promise<{ events: NostrEvent[]; reports: QueryReport[] }> {
    const found = await Promise.all(keyBatches(signPubkeys).map((authors) => this.queryAll({ kinds, authors }, options)));
    return { events: found.flatMap((f) => f.events), reports: found.flatMap((f) => f.reports) };
  }

  /** Every part of the record an `naddr` points to (all parts share its sign key); at most `maxEvents` (default 20,000). */
  async recordByNaddr(naddr: string, options: { maxEvents?: number; declined?: DeclineScope } = {}): Promise<WalkResult & { signPubkey: string; ahead?: boolean }> {
    let pointer: { kind: number; pubkey: string; identifier: string };
    try {
      const d = decode(addressIn(String(naddr)));
      if (d.type !== 'naddr') throw new Error('not an naddr');
      pointer = d.data;
    } catch (cause) {
      throw new RecordError('invalid-input', 'That is not a record address (naddr).', { cause });
    }
    if (pointer.kind !== RECORD_KIND) throw new RecordError('unsupported', 'That address is not a NIP-82 record.');
    // By pages (a large record has more parts than a relay sends for a query without a limit), with
    // the deletions that may have ended its addresses.
    const found = await this.queryAll({ kinds: [RECORD_KIND, DELETION_KIND], authors: [pointer.pubkey] }, { maxEvents: options.maxEvents ?? 5000, declined: options.declined });
    // Nothing up to now by this device's clock: a signed part dated later says the clock (this one or its maker's) may be wrong.
    const ahead = !found.events.length && (await this.datedAhead({ kinds: [RECORD_KIND], authors: [pointer.pubkey] }, found.reports, options.declined));
    return { ...found, signPubkey: pointer.pubkey, ahead };
  }

  /** Gift wraps addressed to `pubkey`, 64 lowercase hex (requests, answers, one-off bundles, notices). */
  async wrapsFor(pubkey: string, options: { since?: number; until?: number; maxEvents?: number; maxChars?: number; declined?: DeclineScope } = {}): Promise<{ events: NostrEvent[]; reports: QueryReport[] }> {
    whoseKey(pubkey);
    return this.queryAll({ kinds: [GIFT_WRAP_KIND], '#p': [pubkey], since: options.since, until: options.until }, options);
  }

  /** The event-size budget every configured relay accepts, from their NIP-11 limits (fetched once). */
  async maxEventBytes(): Promise<number> {
    // Only what is written is sized: the NIP-11 reader loads with the first write, never for a read.
    const budgetOf = await loadPart(() => import('./info.js').then((m) => m.relaysEventBudget));
    this.budget ??= budgetOf(this.relays);
    return this.budget;
  }

  /**
   * Closes connections (and the pool, if the client made it), for good: a publish or a read after
   * this throws rather than opening new connections nobody would close (a destroyed pool connects
   * again on its next use), and sends nothing for a user who has left. A send under way
   * ({@link sending}) finishes first.
   */
  close(): void {
    this.closed = true;
    if (!this.sends.size) this.endConnections();
  }

  /**
   * Runs `work`, a send of events already signed, keeping the connections for it: a close meanwhile
   * (the page's element or session went away) refuses reads at once but lets the send finish, and
   * ends the connections after it. What must stop a send (a sign-out) stops it through its abort
   * signal, between events.
   */
  async sending<T>(work: () => Promise<T>): Promise<T> {
    this.assertOpen();
    const running = work();
    const settled = running.then(() => undefined, () => undefined);
    this.sends.add(settled);
    try {
      return await running;
    } finally {
      this.sends.delete(settled);
      if (this.closed && !this.sends.size) this.endConnections();
    }
  }

  /** Done once every send under way ({@link sending}) is; undefined when none is. */
  get sendsDone(): Promise<void> | undefined {
    return this.sends.size ? Promise.all([...this.sends]).then(() => undefined) : undefined;
  }

  private endConnections(): void {
    if (this.ownsPool) this.pool.destroy();
    else this.pool.close(this.relays);
  }

  /** Whether {@link close} was called. */
  get isClosed(): boolean {
    return this.closed;
  }

  private assertOpen(): void {
    if (this.closed) throw new RelayError('closed', 'This connection to the storage servers was closed; nothing more is sent or read through it.');
  }

  /**
   * Refuses a read or send that could reach no relay: Node 20 has no WebSocket until the host gives
   * nostr-tools one, and every relay would otherwise be reported unreachable, reads as finding
   * nothing. Asked at each call, so a WebSocket given after the client was made is used. A pool the
   * host shares brings its own sockets.
   */
  private async assertSocket(): Promise<void> {
    if (this.ownsPool) (await import('./node-socket.js')).assertHostSocket();
  }
}

/** One relay's progress through a {@link RelayClient.queryAll} walk. */
/**
 * What a read by pages found: the events, each relay's report, and the ids of the validly signed
 * events each relay sent (by relay URL). Relays that disagree show there: one read to the end that
 * did not send an event another sent holds another version of it, an ending, or nothing of it.
 */
export interface WalkResult {
  events: NostrEvent[];
  reports: QueryReport[];
  sentBy: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per relay, the keys that signed what it sent (an older version the walk left out too). */
  signersBy: ReadonlyMap<string, ReadonlySet<string>>;
}

interface RelayWalk {
  relay: string;
  /** Where its next page ends (inclusive). */
  until: number;
  /** `more`: it may hold more below `until`; `done`: it sent all it holds; `failed`: it did not answer. */
  state: 'more' | 'done' | 'failed';
  /** Ids it sent, on any page: a page of only these brings nothing new. */
  sent: Set<string>;
  /** Keys that signed what it sent. */
  signers: Set<string>;
  /** Events it sent on its last page. */
  previous: number;
  /** Its own page cap, learned when a short page was followed by more (0: none seen). */
  cap: number;
  report?: QueryReport;
}

/** A read's budget for one page of a walk: an event the walk already holds costs nothing again. */
class HeldBudget extends ReadBudget {
  constructor(private readonly shared: ReadBudget, private readonly held: (id: string) => NostrEvent | undefined) {
    super(shared.maxChars);
  }

  override take(event: unknown): Admission {
    const id = typeof event === 'object' && event !== null ? (event as { id?: unknown }).id : undefined;
    return typeof id === 'string' && isCopyOf(this.held(id), event) ? 'taken' : this.shared.take(event);
  }

  override get spent(): boolean {
    return this.shared.spent;
  }

  override get reason(): string {
    return this.shared.reason;
  }
}

/**
 * Whether `raw` is another copy of the event held: its id and signature alone are only a claim
 * until checked, so a relay could otherwise send any bulk under an event already held (in its
 * content or its tags), free of the budget. Checked without verifying the signature, which costs
 * far more than the budget saves: the content by its length, the tags value by value, each
 * comparison stopping at the first difference, so a copy never costs more than the event held.
 */
function isCopyOf(held: NostrEvent | undefined, raw: unknown): boolean {
  if (!held || typeof raw !== 'object' || raw === null) return false;
  const { sig, content, tags } = raw as { sig?: unknown; content?: unknown; tags?: unknown };
  return sig === held.sig && typeof content === 'string' && content.length === held.content.length && sameTags(held.tags, tags);
}

function sameTags(held: readonly string[][], tags: unknown): boolean {
  if (!Array.isArray(tags) || tags.length !== held.length) return false;
  return held.every((tag, i) => {
    const other: unknown = tags[i];
    return Array.isArray(other) && other.length === tag.length && tag.every((value, j) => other[j] === value);
  });
}

/** `promise`, or a rejection after `ms`. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The merged report of one relay over several pages: the first trouble wins. */
/** Whether a relay answered a read (all it holds, or part), rather than not in time or with a refusal. */
export function answered(report: Pick<QueryReport, 'status'>): boolean {
  return report.status === 'complete' || report.status === 'incomplete';
}

/** The relays that answered a read: the others would make a next read wait again. */
export function answeredIn(reports: readonly QueryReport[]): string[] {
  return reports.filter(answered).map((r) => r.relay);
}

function mergeReport(a: QueryReport, b: QueryReport): QueryReport {
  return { ...(a.status === 'complete' ? b : a), relay: a.relay, events: a.events + b.events };
}
