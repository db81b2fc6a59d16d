/**
 * Which fetched events make up a record: events grouped by record, and of one record's events the
 * parts to open, each signature-checked, in NIP-82's shape, not ended by a deletion, and the newest
 * version seen. Nothing here decrypts.
 */
import { DELETED_BY_OWNER_MESSAGE, RecordError } from '../errors.js';
import { type NostrEvent, cleanEvent, hasValidSignature, isHex64, nowSeconds } from '../events.js';
import { NIP44_MIN_PAYLOAD_CHARS } from '../crypto.js';
import { timeSlicer } from '../slices.js';
import { type VersionTracker, addressOf, newestPerAddress } from './versions.js';
import { MAX_FUTURE_SECONDS, RECORD_KIND } from './constants.js';
import { checkKeyTagCount } from './parts.js';
import { DELETION_KIND, deadAddresses, deadVersions } from './deletions.js';
import type { OpenRecordOptions } from './record-types.js';

/**
 * Groups kind-32225 events by record (sign public key), e.g. after a `#p` query. Deletions (kind 5)
 * by a record's sign key join its group, so {@link openRecord} refuses what they ended.
 */
export function groupRecords(events: readonly NostrEvent[]): Map<string, NostrEvent[]> {
  const groups = new Map<string, NostrEvent[]>();
  for (const e of events) {
    if (e.kind !== RECORD_KIND || !isHex64(e.pubkey)) continue;
    const list = groups.get(e.pubkey) ?? [];
    list.push(e);
    groups.set(e.pubkey, list);
  }
  for (const e of events) {
    if (e.kind !== DELETION_KIND || !isHex64(e.pubkey)) continue;
    // A deletion alone (the relays removed what it covered) still tells that the record was ended.
    if (!groups.has(e.pubkey) && deadAddresses([e], e.pubkey).size === 0) continue;
    const list = groups.get(e.pubkey) ?? [];
    list.push(e);
    groups.set(e.pubkey, list);
  }
  return groups;
}

/** Verifies, filters and orders the parts; throws when none is usable. */
export async function usableParts(events: readonly unknown[], options: OpenRecordOptions): Promise<NostrEvent[]> {
  if (!Array.isArray(events) || events.length === 0) throw new RecordError('invalid-input', 'No events were given for this record.');
  const { good, deletions, failures } = await sortEvents(events, options.now ?? nowSeconds());
  if (good.length === 0) {
    // Only the owner's deletion is left (relays removed the versions it covered): say so.
    if (deletions.some((d) => deadAddresses([d], d.pubkey).size > 0) && failures.length === 0) {
      throw new RecordError('deleted', DELETED_BY_OWNER_MESSAGE);
    }
    throw failures[0] ?? new RecordError('malformed', 'No usable record event.');
  }
  const authors = new Set(good.map((e) => e.pubkey));
  if (authors.size > 1) throw new RecordError('invalid-input', 'These events belong to more than one record; group them by author first.');
  return currentParts(good, deletions, options.versions);
}

/** Each event checked on its own: a record version, a validly signed deletion, or why it is neither. */
async function sortEvents(events: readonly unknown[], now: number): Promise<{ good: NostrEvent[]; deletions: NostrEvent[]; failures: RecordError[] }> {
  const failures: RecordError[] = [];
  const good: NostrEvent[] = [];
  const deletions: NostrEvent[] = [];
  const pause = timeSlicer();
  for (const raw of events) {
    await pause();
    try {
      const event = cleanEvent(raw);
      if (event.kind === DELETION_KIND) {
        if (hasValidSignature(event)) deletions.push(event);
        continue;
      }
      if (event.kind !== RECORD_KIND) throw new RecordError('unsupported', `Kind ${event.kind} is not a NIP-82 record.`);
      if (!hasValidSignature(event)) throw new RecordError('bad-signature', 'A record event has an invalid signature.');
      if (event.created_at > now + MAX_FUTURE_SECONDS) throw new RecordError('future-dated', 'A record version is dated in the future and was ignored.');
      checkRecordShape(event);
      good.push(event);
    } catch (error) {
      failures.push(error instanceof RecordError ? error : new RecordError('malformed', 'An event could not be read.'));
    }
  }
  return { good, deletions, failures };
}

/** Of one record's valid versions, the parts of its newest version; refuses an ended address or a rollback. */
function currentParts(good: NostrEvent[], deletions: NostrEvent[], versions: VersionTracker | undefined): NostrEvent[] {
  // A deletion by the record's own sign key ends its address for every version, even newer ones.
  const dead = deadAddresses(deletions, good[0]!.pubkey);
  const alive = withoutDeletedVersions(good.filter((e) => !dead.has(addressOf(e))), deadVersions(deletions, good[0]!.pubkey));
  if (alive.length === 0) {
    throw new RecordError('deleted', 'This record was deleted or moved by its owner; any version still served at this address is not shown.');
  }
  const perPart = newestPerAddress(alive);
  // Parts of one version share its time; a part older than that is left over from an earlier
  // version (a relay kept it after a deletion) and is not merged in.
  const current = Math.max(...perPart.map((e) => e.created_at));
  const newest = perPart.filter((e) => e.created_at === current);
  if (versions) {
    for (const e of newest) {
      if (!versions.observe(e)) {
        throw new RecordError('rollback', 'A newer version of this record was seen earlier but could not be fetched now; the older copy is not shown.');
      }
    }
  }
  return newest;
}

/**
 * Leaves out the versions a deletion names by id, and with each every older version of its part:
 * a server slow to replace it may still serve one, and the owner ended what came before too. A
 * later version is kept, as NIP-09 deletes only the event named.
 */
function withoutDeletedVersions(events: NostrEvent[], ids: Set<string>): NostrEvent[] {
  if (ids.size === 0) return events;
  const endedUpTo = new Map<string, number>();
  for (const e of events) {
    if (ids.has(e.id)) endedUpTo.set(addressOf(e), Math.max(endedUpTo.get(addressOf(e)) ?? 0, e.created_at));
  }
  return events.filter((e) => !ids.has(e.id) && !(e.created_at < (endedUpTo.get(addressOf(e)) ?? -1)));
}

/**
 * Whether `event` may be a record for `reader`: in NIP-82's shape, every key tag well formed and
 * within the limit, one of them for `reader`. Anyone can publish, at no cost, an event that lists
 * a reader without a key for them, or with broken key tags: a reader's list leaves those out, as
 * strangers' noise, rather than report them as the reader's records that could not be opened.
 */
export function namesReader(event: NostrEvent, reader: string): boolean {
  if (event.kind !== RECORD_KIND) return false;
  try {
    checkRecordShape(event);
  } catch {
    return false;
  }
  return event.tags.some((t) => t[0] === 'key' && t[1] === reader);
}

/** Another project's kind 32225 has another shape: insist on NIP-82's. */
function checkRecordShape(event: NostrEvent): void {
  checkKeyTagCount(event.tags);
  const d = event.tags.filter((t) => t[0] === 'd');
  if (d.length !== 1 || !d[0]![1]) throw new RecordError('unsupported', 'This kind-32225 event has no single d tag: not a NIP-82 record.');
  const keys = event.tags.filter((t) => t[0] === 'key');
  if (keys.length === 0) throw new RecordError('unsupported', 'This kind-32225 event has no key tags: not a NIP-82 record.');
  if (keys.some((t) => t.length < 3 || !isHex64(t[1]) || !t[2])) throw new RecordError('malformed', 'A key tag is not [key, pubkey, ciphertext].');
  if (event.content.length < NIP44_MIN_PAYLOAD_CHARS) throw new RecordError('unsupported', 'The content is not a NIP-44 payload: not a NIP-82 record.');
}
