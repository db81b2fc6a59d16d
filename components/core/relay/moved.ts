/**
 * Following a record that moved. A record whose old address was ended by its sign key may have
 * moved on (an editor was removed): its owner wrapped a notice to each remaining participant. The
 * notice only says where to look; the record found there is accepted only when its own proofs show
 * the old sign key vouched for the new one, so a notice from anyone else leads nowhere.
 */
import type { Signer } from '../signers/signer.js';
import { RecordError } from '../errors.js';
import { unwrapMany } from '../nip82/gift-wrap.js';
import { readMovedNotice } from '../nip82/notices.js';
import { RECORD_KIND } from '../nip82/constants.js';
import { DELETION_KIND } from '../nip82/deletions.js';
import type { OpenRecordOptions, OpenedRecord } from '../nip82/record-types.js';
import { openRecord } from '../nip82/record-open.js';
import type { RelayClient } from './client.js';

/** Most recent gift wraps read while looking for a moved notice (each costs signer calls). */
const MAX_WRAPS_READ = 20;
/** Most notices of one record followed. */
const MAX_TARGETS = 3;
/** Most moves followed in a row (notices could point in a circle). */
const MAX_HOPS = 3;

/**
 * Opens the record the one signed by `from` moved to, as `signer`'s user, by their moved notices.
 * Undefined when no notice leads to a record that proves the move.
 */
export async function openMovedRecord(
  client: RelayClient,
  signer: Signer,
  from: string,
  options: OpenRecordOptions = {},
  stillCurrent?: () => boolean,
): Promise<OpenedRecord | undefined> {
  const me = await signer.getPublicKey();
  // The newest, at most so many: the read returns them newest first.
  const { events: newest } = await client.wrapsFor(me, { maxEvents: MAX_WRAPS_READ });
  // Opened once for every hop: a chain of notices costs the signer one read of the mail, not one per
  // move. A sign-out meanwhile (`stillCurrent` false) stops it: the next person is asked nothing.
  const { opened, stopped } = await unwrapMany(newest, signer, { stillCurrent });
  if (stopped) return undefined;
  const notices = opened.map((u) => readMovedNotice(u.rumor)).filter((n) => n !== undefined);
  return follow(client, signer, notices, from, options, 0);
}

async function follow(
  client: RelayClient,
  signer: Signer,
  notices: readonly { from: string; to: string }[],
  from: string,
  options: OpenRecordOptions,
  depth: number,
): Promise<OpenedRecord | undefined> {
  if (depth >= MAX_HOPS) return undefined;
  const targets = [...new Set(notices.filter((n) => n.from === from).map((n) => n.to))];
  for (const to of targets.slice(0, MAX_TARGETS)) {
    const { events } = await client.queryAll({ kinds: [RECORD_KIND, DELETION_KIND], authors: [to] }, { maxEvents: 5000 });
    // Only a deletion left (relays drop what a deletion covers) still says the record moved on.
    if (events.length === 0) continue;
    try {
      const record = await openRecord(events, signer, options);
      if (record.movedFrom.includes(from)) return record;
    } catch (error) {
      if (error instanceof RecordError && error.code === 'deleted') {
        // Moved again: follow on from there (each step needs its own notice).
        const further = await follow(client, signer, notices, to, options, depth + 1);
        if (further?.movedFrom.includes(from)) return further;
        continue;
      }
      if (error instanceof RecordError && error.code === 'signer') throw error;
    }
  }
  return undefined;
}
