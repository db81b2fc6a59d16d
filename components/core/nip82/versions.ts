/**
 * Rollback defence: remembers the newest version seen of every address this session, so a relay
 * cannot undo a revocation by serving (or keeping back to) an older, still validly signed version.
 */
import type { NostrEvent } from '../events.js';
import { tagValue } from '../events.js';

/** `kind:pubkey:d`, the NIP-01 address of an addressable event. */
export function addressOf(event: Pick<NostrEvent, 'kind' | 'pubkey' | 'tags'>): string {
  return `${event.kind}:${event.pubkey}:${tagValue(event, 'd') ?? ''}`;
}

/** NIP-01 order for versions of one address: newer `created_at` wins, then the lower id. */
export function isNewer(a: Pick<NostrEvent, 'created_at' | 'id'>, b: Pick<NostrEvent, 'created_at' | 'id'>): boolean {
  return a.created_at > b.created_at || (a.created_at === b.created_at && a.id < b.id);
}

/** Newest version per address among `events`. */
export function newestPerAddress<T extends NostrEvent>(events: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const e of events) {
    const key = addressOf(e);
    const current = best.get(key);
    if (!current || isNewer(e, current)) best.set(key, e);
  }
  return [...best.values()];
}

/** The newest version seen of each address. */
export class VersionTracker {
  private readonly seen = new Map<string, { created_at: number; id: string }>();

  /** Records `event` as seen; returns false when a newer version of its address was seen before. */
  observe(event: NostrEvent): boolean {
    const key = addressOf(event);
    const current = this.seen.get(key);
    if (current && isNewer(current, event)) return false;
    this.seen.set(key, { created_at: event.created_at, id: event.id });
    return true;
  }

  /** Forgets every address (a sign-out: which records the last user saw is theirs too). */
  clear(): void {
    this.seen.clear();
  }

  /** The newest version seen of an address. */
  newest(address: string): { created_at: number; id: string } | undefined {
    return this.seen.get(address);
  }
}
