/**
 * What ties the parts of one record together, and the author's inner event to its record.
 *
 * Anyone holding a record's sign key can add an event under it, and anyone who once read a record
 * holds its author-signed inner events. So a reader merges parts only when they say they belong
 * together (one Bundle, one subject, one part count, each place once), and tells an inner event
 * signed for this record from one signed for another record and wrapped in here.
 */
import { RecordError } from '../errors.js';
import type { FhirBundle } from '../fhir/types.js';
import { RECORD_KIND } from './constants.js';

/**
 * Most key tags one record event may carry. An event of 65,536 bytes holds under 200; an editor
 * decrypts every key tag, so a record with thousands of junk tags would freeze the page.
 */
export const MAX_KEY_TAGS = 256;

/**
 * Most parts a record may say it has: about 650 MB at the default event budget, more than any
 * record needs, and a bound on the part numbers a hostile record can make a reader handle.
 */
export const MAX_PARTS = 10_000;

/** Random bytes in a part's `d` identifier: 128 bits, so no two parts ever share an address. */
export const PART_ID_BYTES = 16;

/** What a decrypted part says about the record it belongs to. */
export interface PartClaims {
  index: number;
  total: number;
  subject?: string;
  bundle: FhirBundle;
}

/** The Bundle identifier as one comparable string, or undefined when the Bundle has none. */
export function bundleIdentity(bundle: FhirBundle): string | undefined {
  const id = bundle.identifier;
  if (!id || typeof id !== 'object' || typeof id.value !== 'string') return undefined;
  return `${typeof id.system === 'string' ? id.system : ''}|${id.value}`;
}

/** Refuses (`malformed`) parts that do not all claim the same record, or two parts in one place. */
export function checkPartsBelong(parts: readonly PartClaims[]): void {
  const first = parts[0];
  if (!first) return;
  const identity = bundleIdentity(first.bundle);
  if (parts.length > 1 && identity === undefined) {
    throw new RecordError('malformed', 'This record has several parts but no Bundle identifier to tie them together; it was not merged.');
  }
  const places = new Set<number>();
  for (const part of parts) {
    if (part.total !== first.total) throw new RecordError('malformed', 'The parts of this record disagree on how many parts it has; they were not merged.');
    if (part.subject !== first.subject) throw new RecordError('malformed', 'The parts of this record name different subjects; they were not merged.');
    if (bundleIdentity(part.bundle) !== identity) throw new RecordError('malformed', 'The parts of this record belong to different Bundles; they were not merged.');
    if (places.has(part.index)) throw new RecordError('malformed', `Two parts of this record both say they are part ${part.index} of ${part.total}; they were not merged.`);
    places.add(part.index);
  }
  if (parts.length > first.total) throw new RecordError('malformed', `This record has more parts than the ${first.total} it says it has.`);
}

/** Refuses (`malformed`) an event with more key tags than any record needs, naming how many. */
export function checkKeyTagCount(tags: readonly string[][]): void {
  let count = 0;
  for (const t of tags) if (t[0] === 'key') count++;
  if (count > MAX_KEY_TAGS) {
    throw new RecordError('malformed', `This record carries ${count} key tags, more than the ${MAX_KEY_TAGS} a record may have; it was not opened.`);
  }
}

/** The address (`kind:pubkey:d`) of one part of a record. */
export function partAddress(signPubkey: string, d: string): string {
  return `${RECORD_KIND}:${signPubkey}:${d}`;
}

/** The record address an inner event names (its first `a` tag of a record), if any. */
export function boundAddress(tags: readonly string[][]): string | undefined {
  return tags.find((t) => t[0] === 'a' && typeof t[1] === 'string' && t[1].startsWith(`${RECORD_KIND}:`))?.[1];
}
