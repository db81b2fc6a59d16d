/**
 * One read of the reader's consent mail (RecordStore.readMail), fetched with the first read: a
 * page that only shows records never reads mail.
 */
import { nowSeconds, type NostrEvent } from '../events.js';
import type { Signer } from '../signers/signer.js';
import type { DeclineScope, QueryReport, RelayClient } from '../relay/client.js';
import { readConsentMessages, type ConsentMessage } from '../nip82/requests.js';
import { type WalkBack, type WalkRead, mergedReports, readOf } from './walk-back.js';

/** The parts of RecordStore a mail read uses, private to everyone but the store's own code. */
export interface MailStore {
  readonly client: RelayClient;
  readonly signer: Signer;
  readonly generation: number;
  readonly mailWalk: WalkBack;
  readonly seenWraps: Set<string>;
  readonly mail: Map<string, ConsentMessage>;
  mailLeft: number;
  olderMail: boolean;
  lastMailReports: QueryReport[];
  mailRead: boolean;
  notify(change: 'mail'): void;
}

/** Reads `me`'s gift wraps and opens the newest unseen ones into `store`; nothing once the store's generation changed. */
export async function readWraps(
  store: MailStore,
  me: string,
  declined: DeclineScope,
  generation: number,
  bounds: { maxOpened: number; maxDownloaded: number; maxChars: number },
): Promise<void> {
  const startedAt = nowSeconds();
  const { maxOpened, maxDownloaded, maxChars } = bounds;
  const walking = store.mailWalk;
  const since = walking.floor;
  // The newest wraps first, so new arrivals are never behind older ones; during a walk back they
  // take half the read's bounds and the page before the cursor the rest.
  const newestEvents = walking.newestShare(maxDownloaded);
  const newestChars = walking.newestShare(maxChars);
  const newest = await store.client.wrapsFor(me, { since, maxEvents: newestEvents, maxChars: newestChars, declined });
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
  const messages = await readConsentMessages(batch, store.signer);
  if (generation !== store.generation) return;
  for (const wrap of batch) store.seenWraps.add(wrap.id);
  for (const m of messages) if (!store.mail.has(m.id)) store.mail.set(m.id, m);
  // Once everything downloaded is open, the floor moves up or the walk back moves on.
  const { reached } = walking.step(startedAt, newestRead, walkRead, unseen.length === batch.length);
  store.mailLeft = unseen.length - batch.length;
  // Not downloaded yet (or on a relay that did not answer), as opposed to downloaded and left
  // unopened (counted in unreadMail).
  store.olderMail = !reached || newestRead.read.unchecked;
  store.lastMailReports = mergedReports(newest.reports, walk?.reports);
  store.mailRead = true;
  store.notify('mail');
}
