/**
 * Kind-0 profile names, best effort: a name helps a patient recognise who asks, but it is
 * self-chosen and not unique, so it is cleaned and always shown beside the short npub.
 */
import type { RelayClient } from '../core/relay/client.js';
import { MAX_PROFILE_CHARS } from '../core/relay/read-budget.js';
import { cleanName, hadInvisibleCharacters } from './identity.js';

export interface ProfileName {
  name: string;
  /** The raw name carried bidi or zero-width characters (worth a warning). */
  suspicious: boolean;
}

export async function profileNames(client: RelayClient, pubkeys: readonly string[]): Promise<Map<string, ProfileName>> {
  const out = new Map<string, ProfileName>();
  if (pubkeys.length === 0) return out;
  const authors = [...new Set(pubkeys)];
  const { events } = await client.query({ kinds: [0], authors, limit: authors.length }, { timeoutMs: 3000, maxChars: MAX_PROFILE_CHARS * authors.length, maxEventChars: MAX_PROFILE_CHARS });
  const newest = new Map<string, (typeof events)[number]>();
  for (const e of events) {
    const seen = newest.get(e.pubkey);
    if (!seen || e.created_at > seen.created_at) newest.set(e.pubkey, e);
  }
  for (const [pubkey, event] of newest) {
    try {
      const meta = JSON.parse(event.content) as { display_name?: unknown; name?: unknown };
      const raw = typeof meta.display_name === 'string' && meta.display_name.trim() ? meta.display_name : meta.name;
      const name = cleanName(raw);
      if (name) out.set(pubkey, { name, suspicious: hadInvisibleCharacters(raw) });
    } catch {
      // a profile that is not JSON has no name to show
    }
  }
  return out;
}

/**
 * `known` plus the names of `pubkeys` not in it yet. A name is a courtesy: when relays are absent
 * or fail, `known` comes back unchanged and the short npub is shown.
 */
export async function withProfileNames(client: RelayClient | undefined, known: Map<string, ProfileName>, pubkeys: readonly string[]): Promise<Map<string, ProfileName>> {
  if (!client) return known;
  try {
    const found = await profileNames(client, pubkeys.filter((p) => !known.has(p)));
    return found.size ? new Map([...known, ...found]) : known;
  } catch {
    return known;
  }
}
