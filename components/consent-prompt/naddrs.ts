/** NIP-19 addresses of the record parts among published events: what a share or an answer names. */
import { naddrEncode } from 'nostr-tools/nip19';
import type { NostrEvent } from '../core/events.js';
import { RECORD_KIND } from '../core/nip82/constants.js';

/** naddrs of the record parts among `events`. */
export function naddrsOf(events: readonly NostrEvent[]): string[] {
  return events
    .filter((e) => e.kind === RECORD_KIND)
    .map((e) => naddrEncode({ kind: RECORD_KIND, pubkey: e.pubkey, identifier: e.tags.find((t) => t[0] === 'd')?.[1] ?? '' }));
}
