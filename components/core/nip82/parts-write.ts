/**
 * What only writing a record's parts needs (parts.ts holds what reading them checks): a new part's
 * identifier and the tag binding an inner event to its part, apart so that a page that only reads
 * records does not download them.
 */
import { PART_ID_BYTES, partAddress } from './parts.js';

/** A new part identifier (`d`): {@link PART_ID_BYTES} random bytes as lowercase hex. */
export function randomPartId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(PART_ID_BYTES)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The inner event's tag naming the record part it was signed for. */
export function boundTag(signPubkey: string, d: string): string[] {
  return ['a', partAddress(signPubkey, d)];
}
