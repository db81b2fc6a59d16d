/**
 * NIP-09 deletions of records. A relay removes only the versions up to a deletion's date, so
 * whoever still holds an old sign key (a removed editor) could publish a newer version of a
 * deleted address. The kit therefore treats a deletion signed by a record's sign key as the end of
 * that address: every version of it is refused, whatever its date.
 */
import type { NostrEvent } from '../events.js';
import { RECORD_KIND } from './constants.js';

/** Kind of a NIP-09 deletion request. */
export const DELETION_KIND = 5;

/** Record addresses ended by `deletions` (already signature-checked) signed by `signPubkey`. */
export function deadAddresses(deletions: readonly NostrEvent[], signPubkey: string): Set<string> {
  const dead = new Set<string>();
  const prefix = `${RECORD_KIND}:${signPubkey}:`;
  for (const e of deletions) {
    if (e.kind !== DELETION_KIND || e.pubkey !== signPubkey) continue;
    for (const t of e.tags) if (t[0] === 'a' && typeof t[1] === 'string' && t[1].startsWith(prefix)) dead.add(t[1]);
  }
  return dead;
}

/**
 * Ids of versions that `deletions` (already signature-checked) signed by `signPubkey` name in `e`
 * tags: another app may delete a version by its id rather than by its address.
 */
export function deadVersions(deletions: readonly NostrEvent[], signPubkey: string): Set<string> {
  const dead = new Set<string>();
  for (const e of deletions) {
    if (e.kind !== DELETION_KIND || e.pubkey !== signPubkey) continue;
    for (const t of e.tags) if (t[0] === 'e' && typeof t[1] === 'string') dead.add(t[1]);
  }
  return dead;
}
