/**
 * Before access changes: is the version in hand the newest any relay holds? One relay still
 * serving an older version (from before someone was removed) would otherwise have the next change
 * re-issue keys to them.
 */
import { RecordError } from '../errors.js';
import { RECORD_KIND } from '../nip82/constants.js';
import { DELETION_KIND, deadAddresses } from '../nip82/deletions.js';
import { addressOf, isNewer } from '../nip82/versions.js';
import type { OpenedRecord } from '../nip82/record.js';
import type { NostrEvent } from '../events.js';
import type { RelayClient } from './client.js';

/**
 * Asks every relay for every version of `record` and throws a {@link RecordError} `stale` unless
 * the version in hand is the newest any of them holds and none holds a deletion of it.
 */
export async function assertNewest(client: RelayClient, record: OpenedRecord): Promise<void> {
  // A relay that does not answer cannot take the change either (the publish reports it per relay).
  const { events } = await client.queryAll({ kinds: [RECORD_KIND, DELETION_KIND], authors: [record.signPubkey] }, { maxEvents: 5000 });
  const dead = deadAddresses(events.filter((e) => e.kind === DELETION_KIND), record.signPubkey);
  const newest = new Map<string, NostrEvent>();
  for (const e of events) {
    if (e.kind !== RECORD_KIND) continue;
    const current = newest.get(addressOf(e));
    if (!current || isNewer(e, current)) newest.set(addressOf(e), e);
  }
  for (const mine of record.events) {
    const address = addressOf(mine);
    if (dead.has(address)) throw new RecordError('stale', 'This record was deleted or moved since it was loaded; nothing was changed. Reload it first.');
    const seen = newest.get(address);
    if (seen && seen.id !== mine.id && isNewer(seen, mine)) {
      throw new RecordError('stale', 'A relay holds a newer version of this record than the one loaded here; nothing was changed. Reload it first.');
    }
  }
}
