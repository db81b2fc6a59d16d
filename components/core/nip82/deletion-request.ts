/**
 * Writing a deletion (deletions.ts): only an owner ending parts of a record signs one, so a page
 * that only reads records, which reads deletions, does not download the signing it needs.
 */
import { finalizeEvent } from 'nostr-tools/pure';
import type { NostrEvent } from '../events.js';
import { RECORD_KIND } from './constants.js';
import { DELETION_KIND } from './deletions.js';

/** A NIP-09 kind 5 asking relays to delete every version of the given parts, signed by the sign key. */
export function deletionRequest(signPubkey: string, ds: readonly string[], signKey: Uint8Array, createdAt: number): NostrEvent {
  const tags = ds.map((d) => ['a', `${RECORD_KIND}:${signPubkey}:${d}`]);
  tags.push(['k', String(RECORD_KIND)]);
  return finalizeEvent({ kind: DELETION_KIND, created_at: createdAt, tags, content: 'Record moved or deleted by its owner.' }, signKey) as NostrEvent;
}
