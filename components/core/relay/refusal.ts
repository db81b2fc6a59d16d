/**
 * Why a relay refused, as NIP-01's machine-readable prefix of its OK or CLOSED message says it.
 * Only the prefix is read: the rest is the relay's own free text, which nothing proves, so it is
 * never shown to the patient (a hostile relay could write anything there). Hosts keep the raw
 * reason in the receipts; elements say the kit's own words for the kind this returns.
 */

/** NIP-01's prefixes, and `other` for a reason without one of them (or without any). */
export type RefusalKind = 'duplicate' | 'pow' | 'blocked' | 'rate-limited' | 'invalid' | 'restricted' | 'mute' | 'error' | 'auth-required' | 'other';

const KINDS: readonly string[] = ['duplicate', 'pow', 'blocked', 'rate-limited', 'invalid', 'restricted', 'mute', 'error', 'auth-required'];

/**
 * Enough of a reason to hold two prefixes ("error: rate-limited:"): however long the relay's text,
 * only this much of it is looked at.
 */
const HEAD_CHARS = 64;

/** A prefix, and a second one right after it. */
const PREFIXES = /^\s*([a-z-]+)\s*:(?:\s*([a-z-]+)\s*:)?/i;

/**
 * The kind of a relay's refusal, from the prefix its reason starts with (any case, spaces around
 * it allowed). A generic `error:` followed by a more telling prefix ("ERROR: auth-required: ...",
 * as some relays write) is that one. `other` when there is no known prefix.
 */
export function refusalKind(reason: string | undefined): RefusalKind {
  const found = typeof reason === 'string' ? PREFIXES.exec(reason.slice(0, HEAD_CHARS)) : null;
  if (!found) return 'other';
  const [first, second] = [found[1]!.toLowerCase(), found[2]?.toLowerCase()];
  if (first === 'error' && second && KINDS.includes(second)) return second as RefusalKind;
  return KINDS.includes(first) ? (first as RefusalKind) : 'other';
}
