/**
 * The signed-in user's own name, from their profile (kind 0) on the session's relays, so that the
 * bar greets a person by name rather than by a key. A courtesy, never a condition: only a profile
 * signed by this very key counts, the newest one wins (shared/profiles.ts), the wait is bounded,
 * and no answer in time, a failure or a profile without a name leaves the short key.
 */
import { RelayClient } from '../core/relay/client.js';
import { MAX_PROFILE_CHARS } from '../core/relay/read-budget.js';
import { namesFromProfiles } from '../shared/profiles.js';

/** Longest wait for the relays' answer, in ms; the short key is shown meanwhile. */
export const OWN_NAME_WAIT_MS = 4000;
/** Most lookups of one user's name on one relay set that may find no server: it is never asked for in a loop. */
export const MAX_NAME_LOOKUPS = 3;

/**
 * Looks up `pubkey`'s own name on `relays`, through a client with no signer (a relay that asks for
 * a sign-in is not read: the user did not ask for this) closed once answered, or at once when
 * `signal` aborts (the user signed out or is someone else now). '' when there is none to show;
 * undefined when none was found because no relay could be read (offline, or too slow): worth
 * asking again later.
 */
export async function lookUpOwnName(relays: readonly string[], pubkey: string, signal: AbortSignal): Promise<string | undefined> {
  if (signal.aborted || !relays.length) return '';
  const client = new RelayClient({ relays: [...relays], queryTimeoutMs: OWN_NAME_WAIT_MS });
  const close = () => client.close();
  signal.addEventListener('abort', close, { once: true });
  try {
    const { events, reports } = await client.query({ kinds: [0], authors: [pubkey], limit: 1 }, { maxChars: MAX_PROFILE_CHARS, maxEventChars: MAX_PROFILE_CHARS });
    if (signal.aborted) return '';
    const name = namesFromProfiles(events).get(pubkey)?.name;
    return name || (reports.some((r) => r.status === 'complete') ? '' : undefined);
  } catch {
    return signal.aborted ? '' : undefined;
  } finally {
    signal.removeEventListener('abort', close);
    client.close();
  }
}
