/**
 * The session's record store: for one reader and one set of relays, the reader's records are
 * fetched and opened once (one signer call per record, none for a record already open), kept by
 * record identity, refreshed without asking the signer again for records it already opened, and
 * shared by every element of the page. It tells the records the reader holds from the share
 * copies the reader made, and keeps the consent history.
 *
 * One wipe: {@link RecordStore.clear} forgets every record (its keys wiped), the key cache, the
 * version memory, the consent mail, the history and the core's process-wide memos of the events
 * opened (see ../memory.ts), ends the relay connections signed in as the last user, and tells
 * every listener. A different public
 * key from the same signer (a user who switched keys in an extension) clears it too, at the next
 * user action, through {@link RecordStore.currentReader}.
 *
 * No DOM and no Lit: it runs in Node as in browsers.
 */
import { RecordError, RelayError, SignerError, loadPart, type RecordErrorCode } from '../errors.js';
import { nowSeconds, type NostrEvent } from '../events.js';
import type { Signer } from '../signers/signer.js';
import { AUTHORS_PER_REQUEST, answeredIn, type DeclineScope, type QueryReport, type RelayClient, type WalkResult } from '../relay/client.js';
import { RecordKeyCache } from '../nip82/keys.js';
// Direct modules, not the records' public face: a page that only reads records (the autoloaded
// session and viewer) should not download the code that makes and changes them.
import type { AccessChange, OpenedRecord } from '../nip82/record-types.js';
import { MAX_KEY_TAGS_TRIED, openRecord } from '../nip82/record-open.js';
import { groupRecords, namesReader } from '../nip82/record-events.js';
import { forgetRecord } from '../nip82/record-secrets.js';
import type { ConsentMessage } from '../nip82/requests.js';
import { RECORD_KIND } from '../nip82/constants.js';
import { addressOf, isNewer } from '../nip82/versions.js';
import { DELETION_KIND } from '../nip82/deletions.js';
import { forgetSessionMemory } from '../memory.js';
import { consentHistory, type ConsentEvent } from './history.js';
import { shareCopyOf, type ShareCopy } from './share-copies.js';
import { WalkBack, mergedReports, readOf, type WalkRead } from './walk-back.js';
import type { MailSource } from './mail-read.js';

/** Records open whose parts one load reads by their sign keys when the reads by the reader's key did not bring them. */
const MAX_RECORDS_REREAD = 1000;

/** What changed in a store, as its listeners hear it. */
export type StoreChange = 'records' | 'progress' | 'mail' | 'history' | 'reader' | 'cleared';

/** A record that could not be opened, by its sign key (public), with the reason. */
export interface OpenFailure {
  signPubkey: string;
  code: RecordErrorCode | 'unknown';
  message: string;
}

/** A record the reader had open this session whose newer version no longer lists them: access taken back. */
export interface TakenBack {
  signPubkey: string;
  /** Who made the record (the inner author), and whether their signature holds, as the record showed it. */
  author: string;
  authorVerified: boolean;
}

/** Options for {@link RecordStore}. */
export interface RecordStoreOptions {
  /** The relays, through a client that answers AUTH with the same signer. */
  client: RelayClient;
  /** The reader's signer. */
  signer: Signer;
  /** The reader's public key when already known (asked at sign-in). */
  reader?: string;
  /**
   * Lower bounds for one mail read than {@link MAX_WRAPS_PER_READ},
   * {@link MAX_WRAPS_DOWNLOADED_PER_READ} and 16 MB (e.g. a slow remote signer); never higher.
   */
  mailReadBounds?: { maxOpened?: number; maxDownloaded?: number; maxChars?: number };
  /**
   * Lower bounds for one load of records than {@link MAX_RECORD_EVENTS_PER_LOAD} and the client's
   * characters per read; never higher.
   */
  recordReadBounds?: { maxDownloaded?: number; maxChars?: number };
}

/**
 * Most gift wraps one mail read opens, newest first. Each costs two signer decrypts (a prompt in
 * some extensions, a round trip with a remote signer), and anyone may wrap a message to anyone: a
 * stranger's thousands of wraps, or the private messages a social key already receives, must not
 * turn one click into thousands of prompts. Fifty (at most 100 decrypts) is far more consent
 * messages than a patient receives between two reads; the next read opens the next fifty.
 */
export const MAX_WRAPS_PER_READ = 50;

/**
 * Most gift wraps one mail read downloads (the newest the relays send), and the characters they
 * may hold together. Opening is bounded above; this bounds what a flood of wraps can make the page
 * download and hold. Two thousand is forty reads' worth of opening; consent messages are small (a
 * one-off bundle is the largest), so 16 MB leaves room for many of them.
 */
export const MAX_WRAPS_DOWNLOADED_PER_READ = 2000;
const MAX_MAIL_CHARS_PER_READ = 16 * 1024 * 1024;

/** How much earlier than its sending NIP-59 may date a gift wrap (randomised, to hide when it was sent). */
const WRAP_BACKDATING = 2 * 24 * 60 * 60;

/** How far behind the reader's clock a sender's may be: its wraps are dated that much earlier still. */
const CLOCK_SKEW = 60 * 60;

/**
 * Most signer decrypts one load spends on records not open yet, newest first: the hundred a mail
 * read may ask for. A record the reader holds costs one (their key tag), so a hundred of a
 * patient's records open in one load; a record anyone can mint with several key tags for the
 * reader costs up to four, so such spam takes at most 25 per load. The next load opens the next ones.
 */
export const MAX_RECORD_DECRYPTS_PER_LOAD = 100;

/**
 * Most record events one load downloads (the newest the relays send), valid or not, for the reader
 * or a stranger's noise: what a flood of free events listing the reader can make one load download
 * and check. Far more than a patient's records; a load cut short by a flood says so, and the next
 * load walks back past it (see {@link RecordStore.olderRecordsUnchecked}).
 */
export const MAX_RECORD_EVENTS_PER_LOAD = 20000;

/**
 * How much earlier than its arrival a record version may be dated: it is dated as it is signed,
 * and sent at once, by a clock that may be behind. A walk back through a flood vouches for what
 * is dated before its start, less this.
 */
const RECORD_LATENESS = CLOCK_SKEW;

/** Signer failures that mean it will not help with any record: asking again per record would only pester the user. */
const STOPPING = new Set(['absent', 'refused', 'timeout', 'connection', 'no-key', 'locked']);

/** Whether an error means the signer will not help with any record. */
export function stopsEverything(error: unknown): boolean {
  const cause = error instanceof RecordError && error.code === 'signer' ? error.cause : error;
  return cause instanceof SignerError && STOPPING.has(cause.code);
}

/**
 * One signed-in user's records and consent messages, for a session: every record shared with them
 * loaded once and opened with one signer call each (callers share a load under way), their mail
 * read, the shares they made and the consent history, and a wipe of it all at sign-out
 * ({@link RecordStore.close}) or when the signer answers for another key ({@link RecordStore.clear}).
 * The elements share the one `<nip82-session>` makes; a host without the elements makes its own,
 * one per user, with a {@link RelayClient} of their relays and their signer.
 */
export class RecordStore {
  readonly client: RelayClient;
  readonly signer: Signer;
  readonly keyCache = new RecordKeyCache();

  private readerKey?: string;
  private asking?: Promise<string>;
  private readonly opened = new Map<string, OpenedRecord>();
  private failed: OpenFailure[] = [];
  /**
   * Records that could not be opened, by sign key, with the events tried: the same events are
   * never tried again (each try may cost prompts); new events for the record are.
   */
  private readonly tried = new Map<string, { events: string; failure: OpenFailure }>();
  /**
   * Records being opened, by sign key and events: a load and an open by address (two elements of a
   * session) that meet the same record share one opening, so the signer asks once, not twice.
   */
  private readonly opening = new Map<string, Promise<OpenFailure | undefined>>();
  /**
   * Records this reader had open this session that a newer version no longer lists them on. Only
   * these: a stranger's record that never listed the reader is not said (anyone could fill the list).
   */
  private readonly revoked = new Map<string, TakenBack>();
  /** Records the reader had open this session that their owner since deleted or moved away: said as taken back ones are. */
  private readonly ended = new Map<string, TakenBack>();
  /** What the last load's newest read found, and which relay sent what (see {@link lastRead}). */
  private newestRead?: WalkResult;
  private recordsLeft = 0;
  /** Loads of records walk back past a flood of newer record-kind events (see walk-back.ts). */
  private readonly recordWalk = new WalkBack(RECORD_LATENESS);
  private olderRecords = false;
  private readonly recordBounds: { maxDownloaded: number; maxChars: number };
  private mailLeft = 0;
  private lastReports: QueryReport[] = [];
  private lastMailReports: QueryReport[] = [];
  private loadedOnce = false;
  private loading?: Promise<void>;
  private progressNow?: { done: number; total: number };
  private phaseNow?: 'asking' | 'fetching' | 'opening';
  /** Consent messages by rumor id (a message's copies share it). */
  private readonly mail = new Map<string, ConsentMessage>();
  /** Gift wraps already opened (or found not to be consent messages): never opened twice. */
  private readonly seenWraps = new Set<string>();
  private mailRead = false;
  private mailing?: Promise<void>;
  private readonly mailBounds: { maxOpened: number; maxDownloaded: number; maxChars: number };
  /** Mail reads walk back past a flood of newer gift wraps (see walk-back.ts). */
  private readonly mailWalk = new WalkBack(WRAP_BACKDATING + CLOCK_SKEW);
  private olderMail = false;
  /** The last mail read found nothing, and a message dated after this device's clock waits. */
  mailAhead = false;
  private readonly sessionEvents: ConsentEvent[] = [];
  /** Changes with every clear: work that began before one keeps nothing of what it finds. */
  private generation = 0;
  private closed = false;
  private readonly listeners = new Set<(change: StoreChange) => void>();

  /** Throws `RelayError` `no-relays` without a {@link RelayClient}, `SignerError` `absent` without a signer. */
  constructor(options: RecordStoreOptions) {
    // Said when it is made: a store missing either failed only at its first load, untyped.
    if (typeof options?.client?.recordsFor !== 'function') throw new RelayError('no-relays', 'A record store needs a RelayClient (option `client`).');
    if (typeof options.signer?.getPublicKey !== 'function') throw new SignerError('absent', 'A record store needs a signer (option `signer`).');
    this.client = options.client;
    this.signer = options.signer;
    this.readerKey = options.reader;
    const bounds = options.mailReadBounds ?? {};
    const lower = (value: number | undefined, max: number) => Math.max(1, Math.min(max, Math.floor(value ?? max)));
    this.mailBounds = {
      maxOpened: lower(bounds.maxOpened, MAX_WRAPS_PER_READ),
      maxDownloaded: lower(bounds.maxDownloaded, MAX_WRAPS_DOWNLOADED_PER_READ),
      maxChars: lower(bounds.maxChars, MAX_MAIL_CHARS_PER_READ),
    };
    const records = options.recordReadBounds ?? {};
    this.recordBounds = {
      maxDownloaded: lower(records.maxDownloaded, MAX_RECORD_EVENTS_PER_LOAD),
      maxChars: lower(records.maxChars, this.client.maxCharsPerRead),
    };
  }

  /** The public key whose records these are, once known. */
  get reader(): string | undefined {
    return this.readerKey;
  }

  /** Whether the reader's records were loaded at least once since the last clear. */
  get loaded(): boolean {
    return this.loadedOnce;
  }

  /** Whether a load is under way. */
  get busy(): boolean {
    return !!this.loading;
  }

  /** Records opened so far, during a load. */
  get progress(): { done: number; total: number } | undefined {
    return this.progressNow;
  }

  /** What a load is doing: asking the signer who the user is, reading relays, or opening records. */
  get phase(): 'asking' | 'fetching' | 'opening' | undefined {
    return this.phaseNow;
  }

  /** Every record opened for the reader (held ones and the share copies they made), newest first. */
  get records(): OpenedRecord[] {
    return [...this.opened.values()].sort((a, b) => b.createdAt - a.createdAt);
  }

  /** The records the reader holds: their health records, without the copies they made to share. */
  get held(): OpenedRecord[] {
    return this.records.filter((r) => !shareCopyOf(r));
  }

  /** The copies the reader made to share, each with its terms and whether it is still in force. */
  get shares(): ShareCopy[] {
    return this.records.flatMap((r) => {
      const copy = shareCopyOf(r);
      return copy ? [copy] : [];
    });
  }

  /** Records with a key for the reader that could not be opened at the last load (strangers' noise left out). */
  get failures(): readonly OpenFailure[] {
    return this.failed;
  }

  /**
   * The last load's read of the newest records: what each relay answered and the ids of the events
   * each sent, so that a change one relay missed can be told (see ../relay/behind.ts).
   */
  get lastRead(): Pick<WalkResult, 'reports' | 'sentBy' | 'signersBy'> | undefined {
    return this.newestRead;
  }

  /** Records the reader had open this session whose access was since taken back (shown no longer, keys wiped). */
  get takenBack(): readonly TakenBack[] {
    return [...this.revoked.values()];
  }

  /** Records the reader had open this session that their owner since deleted or moved where the reader has none (shown no longer, keys wiped). */
  get deletedByOwner(): readonly TakenBack[] {
    // Not one that moved to a new address the reader holds: it is shown there.
    const moved = new Set([...this.opened.values()].flatMap((r) => r.movedFrom));
    return [...this.ended.values()].filter((t) => !moved.has(t.signPubkey));
  }

  /**
   * Records listing the reader that the last load left unopened, to stay within
   * {@link MAX_RECORD_DECRYPTS_PER_LOAD}: the next load (a refresh) opens them, newest first.
   */
  get unopenedRecords(): number {
    return this.recordsLeft;
  }

  /**
   * Whether the last load stopped before the oldest records listing the reader: it downloads at
   * most {@link MAX_RECORD_EVENTS_PER_LOAD} events and the client's characters per read, newest
   * first, and anyone may publish newer events listing the reader. The next loads (refreshes) walk
   * back past them, new arrivals first, until this is false. Relays that did not answer are not
   * counted here: {@link reports} says which.
   */
  get olderRecordsUnchecked(): boolean {
    return this.olderRecords;
  }

  /** What each relay answered at the last load. */
  get reports(): readonly QueryReport[] {
    return this.lastReports;
  }

  /** Every consent message read (requests to the reader, answers, the reader's own copies), newest first. */
  get messages(): ConsentMessage[] {
    return [...this.mail.values()].sort((a, b) => b.createdAt - a.createdAt);
  }

  /**
   * Gift wraps to the reader that the last mail read left unopened, to stay within
   * {@link MAX_WRAPS_PER_READ}: the next read (a refresh) opens them, newest first.
   */
  get unreadMail(): number {
    return this.mailLeft;
  }

  /**
   * Whether the last mail read left messages unchecked: it stopped before the oldest gift wraps (it
   * downloads at most {@link MAX_WRAPS_DOWNLOADED_PER_READ} and 16 MB), and the next reads
   * (refreshes) page back to them, new arrivals first; or some relay did not answer (unreachable,
   * too slow, or refused without AUTH), and the next reads ask it again.
   */
  get olderMailUnchecked(): boolean {
    return this.olderMail;
  }

  /**
   * What each relay answered at the last mail read (the first trouble of its reads, if any): one
   * `auth-required` asked the user to sign in, and they did not (`signIn: 'declined'`), or the
   * sign-in did not complete on the relay's side (`'failed'`).
   */
  get mailReports(): readonly QueryReport[] {
    return this.lastMailReports;
  }

  /** Whether the reader's consent messages were read since the last clear. */
  get mailLoaded(): boolean {
    return this.mailRead;
  }

  /**
   * The consent history: every share, approval, denial, revocation and end date, newest first,
   * each saying whether it is in force now.
   */
  history(now = new Date()): ConsentEvent[] {
    return consentHistory({ reader: this.readerKey, shares: this.shares, messages: this.messages, session: this.sessionEvents, now });
  }

  /** Listens to changes; returns the function that stops listening. */
  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Asks the signer who the user is now. A different key than the store's reader (switched in the
   * extension) clears the store first: nothing of the last user is shown to or changed by the next.
   */
  async currentReader(): Promise<string> {
    this.assertOpen();
    // One question at a time: a load and a mail read started by one click ask the signer once.
    this.asking ??= this.askReader().finally(() => {
      this.asking = undefined;
    });
    return this.asking;
  }

  private async askReader(): Promise<string> {
    let pubkey: string;
    try {
      pubkey = await this.signer.getPublicKey();
    } catch (error) {
      throw error instanceof SignerError ? new RecordError('signer', error.message, { cause: error }) : error;
    }
    if (this.readerKey !== pubkey) {
      const had = this.readerKey !== undefined;
      if (had) this.clear();
      this.readerKey = pubkey;
      if (had) this.notify('reader');
    }
    return pubkey;
  }

  /**
   * Loads and opens the reader's records: once, then only on `refresh`. Callers that ask while a
   * load runs share it. A record already open is not opened again unless a newer version arrived,
   * and then from the session's key cache: the signer is asked only for records not yet opened,
   * newest first, within {@link MAX_RECORD_DECRYPTS_PER_LOAD}; {@link unopenedRecords} says how
   * many were left for the next load. A record that failed to open is not tried again until its
   * events change. `declined`: the user action's sign-ins, when it reads more than this
   * ({@link DeclineScope}); by default the load's own, so its reads ask each relay at most once.
   */
  async load(options: { refresh?: boolean; declined?: DeclineScope } = {}): Promise<void> {
    this.assertOpen();
    if (this.loading) return this.loading;
    const run = (async () => {
      this.setPhase('asking');
      // Asked first: another key now clears the store, and its records are loaded afresh.
      const me = await this.currentReader();
      if (this.loadedOnce && !options.refresh) return;
      await this.loadRecords(me, options.declined);
    })().catch(this.quietOnceClosed).finally(() => {
      if (this.loading === run) this.loading = undefined;
      this.progressNow = undefined;
      this.phaseNow = undefined;
    });
    this.loading = run;
    return run;
  }

  private async loadRecords(me: string, given?: DeclineScope): Promise<void> {
    const generation = this.generation;
    // One scope for both reads of a pass: a relay the user declined is not asked again by the second.
    const declined = given ?? this.client.declineScope();
    this.setPhase('fetching');
    const startedAt = nowSeconds();
    const { maxDownloaded, maxChars } = this.recordBounds;
    const walking = this.recordWalk;
    // The newest events first, so a new record is never behind older ones. Not only from the floor:
    // what a load has room for is read again (new deletions, versions), as before any flood. During
    // a walk back the newest take half the load's bounds, and the page before the cursor the rest.
    const newestEvents = walking.newestShare(maxDownloaded);
    const newestChars = walking.newestShare(maxChars);
    // Deletions are not addressed to the reader: a read finds them only by the sign keys it is
    // given. Those of the records open are asked too, or one the reads no longer bring (found deep
    // in a walk back under a flood, or its versions dropped by relays that carried out its owner's
    // deletion) would stay shown after its owner deleted it.
    const newest = await this.client.recordsFor(me, { maxEvents: newestEvents, maxChars: newestChars, declined, held: [...this.opened.keys()] });
    if (generation !== this.generation) return;
    const newestRead = recordRead(newest, newestEvents);
    const walkMax = Math.max(1, maxDownloaded - newestRead.times.length);
    const walk = walking.walksOn(newestRead)
      ? await this.client.recordsFor(me, { since: walking.floor, until: walking.until, maxEvents: walkMax, maxChars: Math.max(1, maxChars - newestChars), declined })
      : undefined;
    if (generation !== this.generation) return;
    const walkRead = walk && recordRead(walk, walkMax);
    const read = walk ? [...newest.events, ...walk.events] : newest.events;
    // A record open whose newest version no longer lists the reader (their access taken back) is in
    // no read by the reader's key: its parts are read by its sign key, so that it is shown no longer
    // and said. Only records open that the reads did not bring: most loads ask nothing more.
    // So is a record one relay sent and another, read to the end, sent nothing of: that one may
    // hold a newer version that no longer lists the reader (taken back there, and not yet on the
    // other), which the reads by the reader's key cannot bring.
    const missing = [...this.opened.keys()].filter((k) => !read.some((e) => e.pubkey === k && e.kind === RECORD_KIND));
    for (const found of [newest, walk]) if (found) missing.push(...unsentBy(found, me));
    missing.splice(0, missing.length, ...[...new Set(missing)].slice(0, MAX_RECORDS_REREAD));
    // Of the relays that answered: one that did not would make the load wait as long again.
    // In requests of so many keys, sharing the read's bounds.
    const requests = Math.ceil(missing.length / AUTHORS_PER_REQUEST);
    const current = missing.length
      ? await this.client.bySignKeys([RECORD_KIND], missing, { maxEvents: Math.ceil(newestEvents / requests), maxChars: Math.ceil(newestChars / requests), declined, relays: answeredIn(newest.reports) })
      : undefined;
    if (generation !== this.generation) return;
    const events = current || walk ? unique([...read, ...current?.events ?? []]) : read;
    this.lastReports = mergedReports(newest.reports, walk?.reports);
    const failures: OpenFailure[] = [];
    const toOpen: NostrEvent[][] = [];
    for (const group of groupRecords(events).values()) {
      // Another project's events of the record kind, and events with no well-formed key tag for
      // the reader (anyone may list anyone, for free), are not the reader's records; a record open
      // is, even when only its deletion came (relays drop what a deletion ends).
      const known = this.opened.get(group[0]!.pubkey);
      if (known ? !hasNewer(group, known) : !group.some((e) => namesReader(e, me))) continue;
      const tried = this.triedBefore(group);
      if (!tried) toOpen.push(group);
      else if (isReported(tried.failure)) failures.push(tried.failure);
    }
    toOpen.sort((a, b) => newestIn(b) - newestIn(a));
    this.setPhase('opening');
    // Counted per load: a record that already cost its prompts is not tried again, so each load
    // reaches further back until every record listing the reader was tried once.
    const meter = metered(this.signer);
    let done = 0;
    for (; done < toOpen.length; done++) {
      // Stopped before a record that might take the load past its budget, not in the middle of one.
      if (meter.decrypts() + MAX_KEY_TAGS_TRIED > MAX_RECORD_DECRYPTS_PER_LOAD) break;
      this.progressNow = { done, total: toOpen.length };
      this.notify('progress');
      const result = await this.openGroup(toOpen[done]!, me, generation, meter.signer);
      if (generation !== this.generation) return;
      if (result && isReported(result)) failures.push(result);
    }
    // Nothing for the reader up to now by this device's clock: one signed record dated later says the clock may be wrong.
    if (!this.opened.size && !failures.length && (await this.client.datedAhead({ kinds: [RECORD_KIND], '#p': [me] }, newest.reports, declined))) {
      failures.push({ signPubkey: '', code: 'future-dated', message: 'A record is dated after this device\'s clock.' });
    }
    if (generation !== this.generation) return;
    this.failed = failures;
    this.newestRead = newest;
    this.recordsLeft = toOpen.length - done;
    // Once every record downloaded was tried, the walk back moves on (else the next load downloads
    // the same page and opens the next ones).
    const { cutShort } = walking.step(startedAt, newestRead, walkRead, this.recordsLeft === 0);
    // Said apart from relays that did not answer: the reports say those.
    this.olderRecords = cutShort;
    this.loadedOnce = true;
    this.notify('records');
  }

  /** What came of trying exactly these events before, if they were tried and failed. */
  private triedBefore(group: readonly NostrEvent[]): { failure: OpenFailure } | undefined {
    const tried = this.tried.get(group[0]!.pubkey);
    return tried?.events === fingerprint(group) ? tried : undefined;
  }

  /** Opens one record's events unless the same version is already open (or being opened); returns a failure to report, if any. */
  private async openGroup(group: NostrEvent[], me: string, generation: number, signer: Signer = this.signer): Promise<OpenFailure | undefined> {
    const known = this.opened.get(group[0]!.pubkey);
    if (known && !hasNewer(group, known)) return undefined;
    const tried = this.triedBefore(group);
    if (tried) return tried.failure;
    const key = `${group[0]!.pubkey} ${fingerprint(group)}`;
    let run = this.opening.get(key);
    if (!run) {
      run = this.openOnce(group, me, generation, signer, known).finally(() => {
        if (this.opening.get(key) === run) this.opening.delete(key);
      });
      this.opening.set(key, run);
    }
    return run;
  }

  private async openOnce(group: NostrEvent[], me: string, generation: number, signer: Signer, known: OpenedRecord | undefined): Promise<OpenFailure | undefined> {
    const signPubkey = group[0]!.pubkey;
    try {
      this.keepIfCurrent(await openRecord(group, signer, this.openOptions(me)), generation, false);
      return undefined;
    } catch (error) {
      if (stopsEverything(error)) throw error;
      const failure: OpenFailure = {
        signPubkey,
        code: error instanceof RecordError ? error.code : 'unknown',
        message: error instanceof Error ? error.message : 'The record could not be opened.',
      };
      // Its owner ended it (a deletion of what it shows), or took the reader's access back (a newer
      // version no longer lists them): it is shown no longer, its keys wiped. A taken back one is
      // said, as the reader had it open (failures of records not open are not).
      if (known && (failure.code === 'deleted' || failure.code === 'not-a-participant') && this.opened.get(signPubkey) === known) {
        this.opened.delete(signPubkey);
        forgetRecord(known);
        this.keyCache.delete(`${me}:${signPubkey}`);
        if (generation === this.generation) {
          (failure.code === 'not-a-participant' ? this.revoked : this.ended).set(signPubkey, { signPubkey, author: known.author, authorVerified: known.authorVerified });
        }
      }
      // The signer's own trouble may pass; a record's (not for the reader, malformed, ended) will not.
      if (generation === this.generation && failure.code !== 'signer') {
        this.tried.set(signPubkey, { events: fingerprint(group), failure });
      }
      return failure;
    }
  }

  /**
   * Opens one record by its address (`naddr`), or returns it from the store when open. Parts of
   * several records under one address are not expected; each record found is kept. `declined`:
   * the user action's sign-ins ({@link DeclineScope}); by default the read's own.
   */
  async openAddress(naddr: string, options: { declined?: DeclineScope } = {}): Promise<{ records: OpenedRecord[]; failures: OpenFailure[]; reports: QueryReport[] }> {
    this.assertOpen();
    const generation = this.generation;
    const me = await this.currentReader();
    const { events, reports, signPubkey, ahead } = await this.client.recordByNaddr(naddr, { declined: options.declined });
    if (generation !== this.generation) return { records: [], failures: [], reports };
    const failures: OpenFailure[] = [];
    const records: OpenedRecord[] = [];
    for (const group of groupRecords(events).values()) {
      const failure = await this.openGroup(group, me, generation);
      if (generation !== this.generation) return { records: [], failures: [], reports };
      if (failure) failures.push(failure);
      const record = this.opened.get(group[0]!.pubkey);
      if (record && !failure) records.push(record);
    }
    // Nothing of it came, though it is open: the relay that served its newer version did not
    // answer, and the others serve only older ones, which the client drops (a rollback). The
    // newest version seen this session is shown, not "not found".
    const open = this.opened.get(signPubkey);
    if (open && !records.length && !failures.length && !events.some((e) => e.pubkey === signPubkey)) records.push(open);
    if (ahead && !records.length) failures.push({ signPubkey, code: 'future-dated', message: 'The record is dated after this device\'s clock.' });
    this.notify('records');
    return { records, failures, reports };
  }

  /**
   * Opens the record that the one signed by `from` moved to, by its owner's moved notice, and keeps
   * it; undefined when no notice leads to a record that proves the move.
   */
  async followMove(from: string): Promise<OpenedRecord | undefined> {
    this.assertOpen();
    const generation = this.generation;
    const me = await this.currentReader();
    // Moves and consent mail load their code when first used (see the imports above), each as
    // import().then((m) => m.name), which the single file turns into the function itself, not a module object
    // (so named apart from it: the single file's import takes its name). A failed fetch is a part
    // that could not be loaded, which the same action fetches again, not an error of the record.
    const openMoved = await loadPart(() => import('../relay/moved.js').then((m) => m.openMovedRecord));
    const record = await openMoved(this.client, this.signer, from, this.openOptions(me), () => generation === this.generation);
    return record && this.keepIfCurrent(record, generation);
  }

  /**
   * Adds a record the reader just made (a share copy) from its events: its key is in the session
   * cache (see `createRecord`'s `keyCache`), so this asks the signer nothing.
   */
  async adopt(events: readonly NostrEvent[]): Promise<OpenedRecord | undefined> {
    this.assertOpen();
    const generation = this.generation;
    const me = this.readerKey ?? (await this.currentReader());
    const parts = events.filter((e) => e.kind === RECORD_KIND);
    if (!parts.length) return undefined;
    return this.keepIfCurrent(await openRecord(parts, this.signer, this.openOptions(me)), generation);
  }

  /**
   * Adds a record the reader has just changed, opened already with its keys (a half-sent share
   * taken back, whose earlier version the store may or may not hold, found by a load since):
   * nothing is asked of the signer. The version it `replaces` (its address before; a move leaves
   * it at the old one) is let go, keys wiped. Kept only for the store's own reader; anyone
   * else's is forgotten, keys wiped.
   */
  keepChanged(record: OpenedRecord, replaces = record.signPubkey): OpenedRecord | undefined {
    this.assertOpen();
    if (record.reader !== this.readerKey) {
      forgetRecord(record);
      return undefined;
    }
    for (const e of record.events) if (e.kind === RECORD_KIND) this.client.versions.observe(e);
    const before = this.opened.get(replaces);
    if (before && replaces !== record.signPubkey) {
      this.opened.delete(replaces);
      forgetRecord(before);
    }
    return this.keepIfCurrent(record, this.generation);
  }

  /**
   * Before an access change: the signer must still be the reader who opened `record`, and the
   * record must be the store's current view of it. Throws `wrong-reader` otherwise.
   */
  async assertCanChange(record: OpenedRecord): Promise<void> {
    const me = await this.currentReader();
    assertOpenedFor([record], me);
    if (this.opened.get(record.signPubkey) !== record) throw wrongReader();
  }

  /** Takes in a published access change: the new version replaces the old, whose keys are wiped. */
  applyChange(before: OpenedRecord, change: AccessChange, revoked?: string): void {
    if (this.opened.get(before.signPubkey) !== before) return;
    for (const e of change.record.events) if (e.kind === RECORD_KIND) this.client.versions.observe(e);
    this.opened.delete(before.signPubkey);
    forgetRecord(before);
    this.keep(change.record);
    if (revoked) this.sessionEvents.push({ kind: 'revoked', who: revoked, at: Math.floor(Date.now() / 1000), record: change.record.signPubkey, inForce: true });
    this.notify('records');
  }

  /**
   * Reads the consent messages wrapped to the reader: once, then only on `refresh`, and then
   * opens only wraps not seen before (each costs signer calls), newest first, at most
   * {@link MAX_WRAPS_PER_READ}; {@link unreadMail} says how many were left for the next read.
   * Once the newest wraps downloaded are all open, later reads also page back from the oldest one
   * reached, so older wraps are read too; {@link olderMailUnchecked} says whether some were not yet.
   * `declined`: the user action's sign-ins, when it reads more than this ({@link DeclineScope});
   * by default the read's own, so its reads ask each relay at most once. `reader`: who the signer
   * said the user is, just now, for the same action: the store's reader, it is not asked again.
   */
  async readMail(options: { refresh?: boolean; declined?: DeclineScope; reader?: string } = {}): Promise<void> {
    this.assertOpen();
    if (this.mailing) return this.mailing;
    const run = (async () => {
      const me = options.reader !== undefined && options.reader === this.readerKey ? options.reader : await this.currentReader();
      if (this.mailRead && !options.refresh) return;
      await this.readWraps(me, options.declined ?? this.client.declineScope());
    })().catch(this.quietOnceClosed).finally(() => {
      if (this.mailing === run) this.mailing = undefined;
    });
    this.mailing = run;
    return run;
  }

  private async readWraps(me: string, declined: DeclineScope): Promise<void> {
    const generation = this.generation;
    const stillCurrent = () => generation === this.generation;
    const reading = await loadPart(() => import('./mail-read.js').then((m) => m.readWraps));
    // A sign-out (or another reader) while it was on its way: nothing is read for the last one.
    if (!stillCurrent()) return;
    const source: MailSource = { client: this.client, signer: this.signer, mailWalk: this.mailWalk, seenWraps: this.seenWraps, stillCurrent };
    const read = await reading(source, me, declined, this.mailBounds);
    if (!read || !stillCurrent()) return;
    for (const id of read.opened) this.seenWraps.add(id);
    for (const m of read.messages) if (!this.mail.has(m.id)) this.mail.set(m.id, m);
    this.mailLeft = read.left;
    this.olderMail = read.older;
    this.mailAhead = !!read.ahead;
    this.lastMailReports = read.reports;
    this.mailRead = true;
    this.notify('mail');
  }

  /**
   * Takes in a consent message the reader just sent (an answer), so the history shows it at once.
   * `wraps`: the ids of its gift wraps, the reader's own copy among them, which the next mail read
   * then does not open again (two signer calls each, for what the reader already holds).
   */
  addMessage(message: ConsentMessage, wraps: Iterable<string> = []): void {
    for (const id of wraps) this.seenWraps.add(id);
    if (!this.mail.has(message.id)) this.mail.set(message.id, message);
    this.notify('mail');
  }

  /**
   * Forgets everything of the reader: records (keys wiped), key cache, version memory, mail,
   * history, the core's memos of their events, and their sign-ins at the relays: the client's
   * connections are ended, so the next user's reads sign in as them, never ride on the last one's
   * ({@link RelayClient.forgetSignIns}).
   */
  clear(): void {
    this.client.forgetSignIns();
    this.wipe();
  }

  private wipe(): void {
    this.generation++;
    for (const record of this.opened.values()) forgetRecord(record);
    this.opened.clear();
    this.keyCache.wipe();
    this.client.versions.clear();
    this.mail.clear();
    this.seenWraps.clear();
    this.tried.clear();
    this.opening.clear();
    this.revoked.clear();
    this.ended.clear();
    this.newestRead = undefined;
    this.recordsLeft = 0;
    this.mailLeft = 0;
    this.recordWalk.reset();
    this.mailWalk.reset();
    this.olderRecords = false;
    this.olderMail = false;
    this.mailAhead = false;
    this.sessionEvents.length = 0;
    this.failed = [];
    this.lastReports = [];
    this.lastMailReports = [];
    this.loadedOnce = false;
    this.mailRead = false;
    this.loading = undefined;
    this.mailing = undefined;
    this.progressNow = undefined;
    this.phaseNow = undefined;
    this.readerKey = undefined;
    // Signatures checked and attestations read, process-wide: they name the events this reader opened.
    forgetSessionMemory();
    this.notify('cleared');
  }

  /**
   * Clears the store and closes its relay connections; it cannot be used again. A send under way
   * through its client finishes first ({@link RelayClient.sending}); the client serves nobody after.
   */
  close(): void {
    if (this.closed) return;
    this.wipe();
    this.closed = true;
    this.listeners.clear();
    this.client.close();
  }

  /** Whether {@link close} was called. */
  get isClosed(): boolean {
    return this.closed;
  }

  private setPhase(phase: 'asking' | 'fetching' | 'opening'): void {
    this.phaseNow = phase;
    this.notify('progress');
  }

  private openOptions(readerPubkey: string) {
    return { keyCache: this.keyCache, versions: this.client.versions, readerPubkey };
  }

  /** Keeps a record opened by work begun at `generation`, unless a clear came in between (then its keys are wiped). */
  private keepIfCurrent(record: OpenedRecord, generation: number, announce = true): OpenedRecord | undefined {
    if (generation !== this.generation) {
      forgetRecord(record);
      return undefined;
    }
    this.keep(record);
    if (announce) this.notify('records');
    return record;
  }

  private keep(record: OpenedRecord): void {
    // Shared again: no longer taken back.
    this.revoked.delete(record.signPubkey);
    this.ended.delete(record.signPubkey);
    const old = this.opened.get(record.signPubkey);
    if (old && old !== record) forgetRecord(old);
    this.opened.set(record.signPubkey, record);
  }

  /**
   * A read the store's own close cut short (its client refuses from then on) ends as one a clear
   * overtook: quietly, keeping nothing, rather than as a failure shown after the user left.
   */
  private readonly quietOnceClosed = (error: unknown): void => {
    if (!this.closed) throw error;
  };

  private assertOpen(): void {
    if (this.closed) throw new RecordError('wrong-reader', 'This session has ended; sign in again.');
  }

  private notify(change: StoreChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}

/**
 * Whether a record that failed to open is the reader's failure to report. An address its owner
 * ended is none (a moved record lists the reader at its new address), nor a record whose current
 * version has no key for the reader (never granted, revoked, or a stranger's event that only
 * lists them): reporting those would let anyone fill the reader's list of failures for free.
 */
function isReported(failure: OpenFailure): boolean {
  return failure.code !== 'deleted' && failure.code !== 'not-a-participant';
}

/** The events of one record, by id: what was tried when it failed to open. */
function fingerprint(group: readonly NostrEvent[]): string {
  return group.map((e) => e.id).sort().join(',');
}

/** A record's latest time, to open the newest records first. */
function newestIn(group: readonly NostrEvent[]): number {
  return Math.max(...group.map((e) => e.created_at));
}

/** What a read of records walked through (its record events, not the deletions fetched with them) and checked. */
function recordRead(found: { events: readonly NostrEvent[]; reports: readonly QueryReport[] }, maxEvents: number): WalkRead {
  const walked = found.events.filter((e) => e.kind === RECORD_KIND);
  return { times: walked.map((e) => e.created_at), read: readOf({ events: walked, reports: found.reports }, maxEvents) };
}

/**
 * Sign keys of the records for `reader` in a read that some relay, read to the end, sent no
 * version of that the read kept: it holds another (a newer one that no longer lists the reader,
 * or an older one), an ending, or none; read by sign key, the newest is found.
 */
function unsentBy(found: WalkResult, reader: string): string[] {
  if (found.reports.length < 2) return [];
  const complete = found.reports.filter((r) => r.status === 'complete').map((r) => found.sentBy.get(r.relay));
  const ids = new Map<string, string[]>();
  for (const e of found.events) {
    if (e.kind !== RECORD_KIND || !namesReader(e, reader)) continue;
    const list = ids.get(e.pubkey) ?? [];
    list.push(e.id);
    ids.set(e.pubkey, list);
  }
  return [...ids].filter(([, mine]) => complete.some((sent) => !mine.some((id) => sent?.has(id)))).map(([key]) => key);
}

/** Events by id, each once (the newest read and the page before the cursor may share some). */
function unique(events: readonly NostrEvent[]): NostrEvent[] {
  return [...new Map(events.map((e) => [e.id, e])).values()];
}

/** The signer, counting its decrypts: a load stops opening records before it exceeds its budget. */
function metered(signer: Signer): { signer: Signer; decrypts: () => number } {
  let decrypts = 0;
  return {
    signer: {
      getPublicKey: () => signer.getPublicKey(),
      signEvent: (template) => signer.signEvent(template),
      nip44Encrypt: (pubkey, plaintext) => signer.nip44Encrypt(pubkey, plaintext),
      nip44Decrypt: (pubkey, ciphertext) => {
        decrypts++;
        return signer.nip44Decrypt(pubkey, ciphertext);
      },
    },
    decrypts: () => decrypts,
  };
}

/**
 * Whether `events` hold a newer version of some part than the opened record was built from, or a
 * deletion of a part it shows: whatever its date (it may share the version's second), a deletion
 * ends that address for every version.
 */
function hasNewer(events: readonly NostrEvent[], record: OpenedRecord): boolean {
  const have = new Map(record.events.map((e) => [addressOf(e), e]));
  const ids = new Set(record.events.map((e) => e.id));
  return events.some((e) => {
    const current = have.get(addressOf(e));
    // A deletion (its address is no part's) names the addresses it ends in its `a` tags, or the
    // versions in its `e` tags.
    return current ? isNewer(e, current) : e.created_at > record.createdAt || (e.kind === DELETION_KIND && e.tags.some((t) => (t[0] === 'a' && have.has(t[1]!)) || (t[0] === 'e' && ids.has(t[1]!))));
  });
}

const wrongReader = () => new RecordError('wrong-reader', 'These records were opened for someone who is no longer signed in; open your records again.');

/**
 * Throws `wrong-reader` unless every record was opened for `me`, the key the signer answers with
 * now: records opened for the last user must not be shared or changed under the next one's key.
 * `signedIn`, the key a session holds this signer signed in as: when the signer no longer answers
 * with it, the account was switched there, and saying only `wrong-reader` would leave the session
 * naming, and showing the records of, the last user: `account-changed` makes it close them.
 */
export function assertOpenedFor(records: readonly Pick<OpenedRecord, 'reader'>[], me: string | undefined, signedIn?: string): void {
  if (!records.some((r) => r.reader !== me)) return;
  if (signedIn !== undefined && me !== undefined && me !== signedIn) {
    throw new SignerError('account-changed', 'The signer answers with another key than the signed-in user\'s: the account in use was switched.');
  }
  throw wrongReader();
}
