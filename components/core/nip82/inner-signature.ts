/**
 * Whether the inner kind-82 event of a record part is signed by whom it names.
 *
 * An inner event by the record's own sign key (every attested record's parts) needs no signature
 * check of its own: the outer event, verified before its content was decrypted, is signed by that
 * same key and covers the ciphertext the inner event came out of, so the key's holder vouched for
 * the inner event as it is. Checking it again was a second Schnorr check (and hash of the whole
 * part) per part for nothing. An inner event by anyone else is checked as ever.
 */
import { type NostrEvent, cleanEvent, hasValidSignature } from '../events.js';

/** `outer` must be the part's verified outer event; `inner` is the parsed content, untrusted. */
export function innerSignatureHolds(inner: unknown, outer: NostrEvent): boolean {
  let event: NostrEvent;
  try {
    event = cleanEvent(inner);
  } catch {
    return false;
  }
  if (event.pubkey === outer.pubkey) return true;
  try {
    return hasValidSignature(event);
  } catch {
    return false;
  }
}
