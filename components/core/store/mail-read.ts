/**
 * One read of the reader's consent mail (RecordStore.readMail), fetched with the first read: a
 * page that only shows records never reads mail.
 */
import { nowSeconds, type NostrEvent } from '../events.js';
import type { Signer } from '../signers/signer.js';
import type { DeclineScope, QueryReport, RelayClient } from '../relay/client.js';
import { readConsentMessages, type ConsentMessage } from '../nip82/requests.js';
import { GIFT_WRAP_KIND } from '../nip82/constants.js';
import { type WalkBack, type WalkRead, mergedReports, readOf } from './walk-back.js';

/** What a mail read needs of RecordStore, handed over by the store (its fields are private to it). */
export interface MailSource {
  readonly client: RelayClient;
  readonly signer: Signer;
  /** The store's own walk back, which this read moves on. */
  readonly mailWalk: WalkBack;
  /** Wraps already opened: never opened twice. */
  readonly seenWraps: ReadonlySet<string>;
  /** False once a sign-out (or another reader) came while the read was on its way. */
  stillCurrent(): boolean;
}

/** One mail read's findings, for the store to take in. */
export interface MailRead {
  /** The wraps opened by this read (consent messages or not). */
  readonly opened: readonly string[];
  readonly messages: readonly ConsentMessage[];
  /** Downloaded and left unopened for the next read. */
  readonly left: number;
  /** Nothing read, and a message waits dated after this device's clock: it or the sender's may be wrong. */
  readonly ahead?: boolean;
  /** Not downloaded yet, or on a relay that did not answer. */
  readonly older: boolean;
  readonly reports: QueryReport[];
}

/** How long after its signing a message may go out (its sender offline) and still be found by a check of the same session. */
export const LATE_SEND_SECONDS = 7 * 24 * 3600;

/** Reads `me`'s gift wraps and opens the newest unseen ones; undefined once the store moved on to someone else. */
export async function readWraps(
  store: MailSource,
  me: string,
  declined: DeclineScope,
  bounds: { maxOpened: number; maxDownloaded: number; maxChars: number },
): Promise<MailRead | undefined> {
  const startedAt = nowSeconds();
  const { maxOpened, maxDownloaded, maxChars } = bounds;
  const walking = store.mailWalk;
  const since = walking.floor;
  // The newest wraps first, so new arrivals are never behind older ones; during a walk back they
  // take half the read's bounds and the page before the cursor the rest.
  const newestEvents = walking.newestShare(maxDownloaded);
  const newestChars = walking.newestShare(maxChars);
  // The newest page looks a week below the floor: a message signed while its sender was offline
  // goes out hours or days later, dated (NIP-59) up to two days before its signing, so below the
  // floor a past read set. A week, not the whole history: each check downloads what it looks at
  // again (the wraps opened already are not opened again).
  const newest = await store.client.wrapsFor(me, { ...(since === undefined ? {} : { since: since - LATE_SEND_SECONDS }), maxEvents: newestEvents, maxChars: newestChars, declined });
  const newestRead: WalkRead = { times: newest.events.map((e) => e.created_at), read: readOf(newest, newestEvents) };
  const walkMax = Math.max(1, maxDownloaded - newest.events.length);
  const walk = walking.walksOn(newestRead)
    ? await store.client.wrapsFor(me, { since, until: walking.until, maxEvents: walkMax, maxChars: Math.max(1, maxChars - newestChars), declined })
    : undefined;
  const walkRead: WalkRead | undefined = walk && { times: walk.events.map((e) => e.created_at), read: readOf(walk, walkMax) };
  const downloaded = new Map<string, NostrEvent>();
  for (const e of [...newest.events, ...(walk?.events ?? [])]) downloaded.set(e.id, e);
  // Newest first by the wrap's time, the only one readable unopened (NIP-59 dates it up to two
  // days early, so "newest" is approximate by that much).
  const unseen = [...downloaded.values()].filter((e) => !store.seenWraps.has(e.id)).sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? -1 : 1));
  const batch = unseen.slice(0, maxOpened);
  // Asked before each signer call, as a load of records asks between records: a sign-out while
  // the batch opens leaves the rest of it unasked.
  const messages = await readConsentMessages(batch, store.signer, { stillCurrent: () => store.stillCurrent() });
  // Nothing read up to now by this device's clock: one look (a single event) past it says whether a message waits dated later.
  const ahead = !messages.length && (await store.client.datedAhead({ kinds: [GIFT_WRAP_KIND], '#p': [me] }, newest.reports, declined, startedAt));
  if (!store.stillCurrent()) return undefined;
  // Once everything downloaded is open, the floor moves up or the walk back moves on.
  const { reached } = walking.step(startedAt, newestRead, walkRead, unseen.length === batch.length);
  return {
    opened: batch.map((wrap) => wrap.id),
    messages,
    left: unseen.length - batch.length,
    ahead,
    // Not downloaded yet (or on a relay that did not answer), as opposed to downloaded and left
    // unopened (counted in unreadMail).
    older: !reached || newestRead.read.unchecked,
    reports: mergedReports(newest.reports, walk?.reports),
  };
}
