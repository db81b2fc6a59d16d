/**
 * Proof that a record moved. When an editor is removed the record moves to a new sign key, but the
 * author's inner events still name the old address, and only the author can sign new ones. So the
 * old sign key signs a statement naming the new sign key; the new record carries it, encrypted
 * like its content (relays never see which records are linked), and a reader follows these proofs
 * from the inner event's address to the record in hand. Whoever held the old sign key (a removed
 * editor) could vouch the same way for a record of their own: the binding stops former viewers and
 * strangers, not former editors, who could change the record anyway while they were editors.
 */
import { cleanEvent, hasValidSignature, type NostrEvent } from '../events.js';
import { nip44Decrypt } from '../crypto.js';
import { DELETION_KIND } from './deletions.js';

/** Tag carrying one encrypted move proof. */
export const MOVED_FROM_TAG = 'moved-from';
/** Most moves a record remembers; older inner events then read as signed for another record. */
export const MAX_MOVES = 8;

/** Room one move tag takes in an event (the encrypted proof, with its tag around it). */
export const MOVE_TAG_BYTES = 800;

/** The proofs a record event carries (decrypted, unchecked JSON), at most {@link MAX_MOVES}. */
export function readMoveTags(event: NostrEvent, contentKey: Uint8Array): string[] {
  const out: string[] = [];
  for (const t of event.tags) {
    if (t[0] !== MOVED_FROM_TAG || typeof t[1] !== 'string') continue;
    if (out.length >= MAX_MOVES) break;
    try {
      out.push(nip44Decrypt(t[1], contentKey));
    } catch {
      // An unreadable proof proves nothing; the inner events it would bind read as unbound.
    }
  }
  return out;
}

/**
 * The sign keys whose inner events belong to the record signed by `signPubkey`: its own, and each
 * earlier sign key a chain of valid proofs leads back to.
 */
export function boundKeys(signPubkey: string, proofs: readonly string[]): Set<string> {
  const keys = new Set([signPubkey]);
  const valid: NostrEvent[] = [];
  for (const json of proofs) {
    try {
      const e = cleanEvent(JSON.parse(json));
      if (e.kind === DELETION_KIND && hasValidSignature(e)) valid.push(e);
    } catch {
      // Not a proof.
    }
  }
  // Walk back: a proof counts when it moved to a key already in the chain.
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of valid) {
      const to = e.tags.find((t) => t[0] === 'moved-to')?.[1];
      if (!to || !keys.has(to) || keys.has(e.pubkey)) continue;
      keys.add(e.pubkey);
      grew = true;
    }
  }
  return keys;
}
