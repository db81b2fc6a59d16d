/**
 * Writing the move proofs of moves.ts: only changing a record's sign key makes one, so a page
 * that only reads records (which reads and checks them) does not download the signing they need.
 */
import { finalizeEvent } from 'nostr-tools/pure';
import { nip44Encrypt } from '../crypto.js';
import { RECORD_KIND } from './constants.js';
import { DELETION_KIND } from './deletions.js';
import { MAX_MOVES, MOVED_FROM_TAG } from './moves.js';

/**
 * A statement signed by the old sign key naming the sign key the record moved to. It is shaped as
 * a deletion request (kind 5) that names no event, so it means nothing to a relay if republished.
 */
export function moveProof(oldSignKey: Uint8Array, newSignPubkey: string, createdAt: number): string {
  const tags = [['k', String(RECORD_KIND)], ['moved-to', newSignPubkey]];
  return JSON.stringify(finalizeEvent({ kind: DELETION_KIND, created_at: createdAt, tags, content: 'Record moved by its owner.' }, oldSignKey));
}

/** The outer tags carrying `proofs`, encrypted with the record's content key. */
export function moveTags(proofs: readonly string[], contentKey: Uint8Array): string[][] {
  return proofs.slice(-MAX_MOVES).map((p) => [MOVED_FROM_TAG, nip44Encrypt(p, contentKey)]);
}
