/**
 * The signed-in user's own name, from their profile (kind 0) on the session's relays, so that the
 * bar greets a person by name rather than by a key. A courtesy, never a condition: only a profile
 * signed by this very key counts, the newest one wins, the wait is bounded, and no answer in time,
 * a failure or a profile without a name leaves the short key.
 */
import { RelayClient } from '../core/relay/client.js';
import { hasValidSignature, type NostrEvent } from '../core/events.js';
import { MAX_PROFILE_CHARS } from '../core/relay/read-budget.js';
import { cleanName } from '../shared/identity.js';

/** Longest wait for the relays' answer, in ms; the short key is shown meanwhile. */
export const OWN_NAME_WAIT_MS = 4000;

/** The name in `pubkey`'s newest validly signed profile among `events`, cleaned; '' when none. */
export function ownProfileName(events: readonly NostrEvent[], pubkey: string): string {
  let newest: NostrEvent | undefined;
  for (const e of events) {
    // A relay's answer is not taken on trust: another key's profile, or one not signed by it, is none.
    if (e.kind !== 0 || e.pubkey !== pubkey || !hasValidSignature(e)) continue;
    if (!newest || e.created_at > newest.created_at || (e.created_at === newest.created_at && e.id < newest.id)) newest = e;
  }
  if (!newest) return '';
  try {
    const fields: unknown = JSON.parse(newest.content);
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return '';
    const { display_name: display, name } = fields as Record<string, unknown>;
    return cleanName(display) || cleanName(name);
  } catch {
    // A profile that is not JSON has no name to show.
    return '';
  }
}

/**
 * Looks up `pubkey`'s own name on `relays`, through a client with no signer (a relay that asks for
 * a sign-in is not read: the user did not ask for this) closed once answered, or at once when
 * `signal` aborts (the user signed out or is someone else now). '' when there is none to show.
 */
export async function lookUpOwnName(relays: readonly string[], pubkey: string, signal: AbortSignal): Promise<string> {
  if (signal.aborted || !relays.length) return '';
  const client = new RelayClient({ relays: [...relays], queryTimeoutMs: OWN_NAME_WAIT_MS });
  const close = () => client.close();
  signal.addEventListener('abort', close, { once: true });
  try {
    const { events } = await client.query({ kinds: [0], authors: [pubkey], limit: 1 }, { timeoutMs: OWN_NAME_WAIT_MS, maxChars: MAX_PROFILE_CHARS * relays.length, maxEventChars: MAX_PROFILE_CHARS });
    return signal.aborted ? '' : ownProfileName(events, pubkey);
  } catch {
    return '';
  } finally {
    signal.removeEventListener('abort', close);
    client.close();
  }
}
