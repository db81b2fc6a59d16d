/**
 * The signed-in user's own name, from their profile (kind 0) on the session's relays, so that the
 * bar greets a person by name rather than by a key. A courtesy, never a condition: only a profile
 * signed by this very key counts, the newest one wins (shared/profiles.ts), the wait is bounded,
 * and no answer in time, a failure or a profile without a name leaves the short key.
 */
import { RelayClient } from '../core/relay/client.js';
import { profileNames } from '../shared/profiles.js';

/** Longest wait for the relays' answer, in ms; the short key is shown meanwhile. */
export const OWN_NAME_WAIT_MS = 4000;

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
    const names = await profileNames(client, [pubkey], OWN_NAME_WAIT_MS);
    return signal.aborted ? '' : (names.get(pubkey)?.name ?? '');
  } catch {
    return '';
  } finally {
    signal.removeEventListener('abort', close);
    client.close();
  }
}
