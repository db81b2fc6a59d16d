/**
 * Reading kind-0 profile metadata defensively: names cleaned, pictures only from https:, NIP-05
 * claims only when well formed.
 */
import { NIP05_REGEX } from 'nostr-tools/nip05';
import type { NostrEvent } from '../core/events.js';
import { cleanName, hadInvisibleCharacters } from '../shared/identity.js';

export interface ProfileInfo {
  /** Cleaned display name ('' when none). */
  name: string;
  /** The name carried bidi controls or zero-width characters (worth a warning). */
  suspicious: boolean;
  /** An https: picture URL, never http:, data: or javascript:. */
  picture?: string;
  /** A well-formed NIP-05 claim, lowercased. */
  nip05?: string;
}

/** An https: URL without credentials, normalised; otherwise undefined. */
export function safePicture(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.length > 2048) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' && !parsed.username && !parsed.password ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `picture` when its host (with its port, if any) is one of `hosts`, else undefined: a picture is
 * a request to a server the person chose, which learns who looks at them, from where and when.
 */
export function allowedPicture(picture: string | undefined, hosts: unknown): string | undefined {
  if (!picture) return undefined;
  const list = typeof hosts === 'string' ? hosts.split(/[\s,]+/) : Array.isArray(hosts) ? hosts : [];
  const host = new URL(picture).host;
  return list.some((h) => typeof h === 'string' && h.trim().toLowerCase() === host) ? picture : undefined;
}

/** The profile in a kind-0 event; undefined when its content is not a JSON object. */
export function readProfile(event: NostrEvent): ProfileInfo | undefined {
  let data: unknown;
  try {
    data = JSON.parse(event.content);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const fields = data as Record<string, unknown>;
  const displayName = cleanName(fields.display_name);
  const name = displayName || cleanName(fields.name);
  const nip05 = typeof fields.nip05 === 'string' ? fields.nip05.trim().toLowerCase() : '';
  return {
    name,
    suspicious: hadInvisibleCharacters(fields.display_name) || (!displayName && hadInvisibleCharacters(fields.name)),
    picture: safePicture(fields.picture),
    nip05: nip05.length <= 254 && nip05.includes('@') && NIP05_REGEX.test(nip05) ? nip05 : undefined,
  };
}

/** The newest kind-0 per author among `events`, read. */
export function newestProfiles(events: readonly NostrEvent[]): Map<string, ProfileInfo> {
  const newest = new Map<string, NostrEvent>();
  for (const e of events) {
    if (e.kind !== 0) continue;
    const seen = newest.get(e.pubkey);
    if (!seen || e.created_at > seen.created_at || (e.created_at === seen.created_at && e.id < seen.id)) newest.set(e.pubkey, e);
  }
  const out = new Map<string, ProfileInfo>();
  for (const [pubkey, e] of newest) {
    const profile = readProfile(e);
    if (profile) out.set(pubkey, profile);
  }
  return out;
}
