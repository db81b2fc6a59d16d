/**
 * Before access changes: is the version in hand the newest any relay holds? One relay still
 * serving an older version (from before someone was removed) would otherwise have the next change
 * re-issue keys to them.
 */
import { RecordError } from '../errors.js';
import { RECORD_KIND } from '../nip82/constants.js';
import { DELETION_KIND, deadAddresses, deadVersions } from '../nip82/deletions.js';
import { addressOf, isNewer } from '../nip82/versions.js';
import type { OpenedRecord } from '../nip82/record.js';
import type { NostrEvent } from '../events.js';
import type { DeclineScope, RelayClient } from './client.js';
import { SIGN_IN_FAILED, UNREAD } from './unread.js';

/**
 * Asks every relay for every version of `record` and throws a {@link RecordError} `stale` unless
 * the version in hand is the newest any of them holds and none holds a deletion of it, or
 * `unchecked`, naming them, when some relay could not be read to the end for a reason the user
 * can change (it asked them to sign in and they did not, or sent only part): nothing is changed,
 * and the user can try again. A relay that does not answer, or refuses reads for good (a
 * write-only or members-only one: `blocked:`, `restricted:`), is passed over: trying again would
 * never help, and a relay that cannot be read must not stop every revocation. One that cannot be
 * reached cannot take the change either (the send reports it per relay). `declined`: the sign-ins
 * of the user action it is part of ({@link DeclineScope}).
 */
export async function assertNewest(client: RelayClient, record: OpenedRecord, options: { declined?: DeclineScope } = {}): Promise<void> {
  const { events, reports } = await client.queryAll({ kinds: [RECORD_KIND, DELETION_KIND], authors: [record.signPubkey] }, { maxEvents: 5000, declined: options.declined });
  // A relay not read may still take the change: one that restricts reads but not writes holds a
  // newer version unseen, and the change would re-issue keys to whoever that version removed.
  const unread = reports.filter((r) => UNREAD[r.status]);
  if (unread.length) {
    const which = unread.map((r) => `${r.relay} (${r.signIn === 'failed' ? SIGN_IN_FAILED : UNREAD[r.status]})`).join(', or ');
    throw new RecordError('unchecked', `Could not check ${which} for a newer version of this record, so nothing was changed. You can try again.`);
  }
  const deletions = events.filter((e) => e.kind === DELETION_KIND);
  const dead = deadAddresses(deletions, record.signPubkey);
  const deadIds = deadVersions(deletions, record.signPubkey);
  const newest = new Map<string, NostrEvent>();
  for (const e of events) {
    if (e.kind !== RECORD_KIND) continue;
    const current = newest.get(addressOf(e));
    if (!current || isNewer(e, current)) newest.set(addressOf(e), e);
  }
  for (const mine of record.events) {
    const address = addressOf(mine);
    if (dead.has(address) || deadIds.has(mine.id)) throw new RecordError('stale', 'This record was deleted or moved since it was loaded; nothing was changed. Reload it first.');
    const seen = newest.get(address);
    if (seen && seen.id !== mine.id && isNewer(seen, mine)) {
      throw new RecordError('stale', 'A relay holds a newer version of this record than the one loaded here; nothing was changed. Reload it first.');
    }
  }
}
