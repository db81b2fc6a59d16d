/**
 * Opening many records in one go: one signer call per record (the core asks once and caches the
 * key), progress after each, and a record that cannot be opened set aside while the others open.
 * A signer that refuses, times out or goes away stops the whole run: asking again for every
 * remaining record would only pester the user.
 */
import { RecordError, SignerError } from '../core/errors.js';
import type { NostrEvent } from '../core/events.js';
import { openRecord, type OpenRecordOptions, type OpenedRecord } from '../core/nip82/record.js';
import type { Signer } from '../core/signers/signer.js';

/** A record that could not be opened, by its sign key (public), with the reason. */
export interface UnlockFailure {
  signPubkey: string;
  code: string;
  message: string;
}

const STOPPING = new Set(['absent', 'refused', 'timeout', 'connection']);

/** Whether an error means the signer will not help with any record. */
export function stopsEverything(error: unknown): boolean {
  const cause = error instanceof RecordError && error.code === 'signer' ? error.cause : error;
  return cause instanceof SignerError && STOPPING.has(cause.code);
}

/**
 * Opens each group of events (one record each). `onProgress(done, total)` is called before each
 * record and once at the end. Records come back newest first.
 */
export async function unlockAll(
  groups: readonly NostrEvent[][],
  signer: Signer,
  options: OpenRecordOptions,
  onProgress: (done: number, total: number) => void,
  isCurrent: () => boolean = () => true,
): Promise<{ records: OpenedRecord[]; failures: UnlockFailure[] }> {
  const records: OpenedRecord[] = [];
  const failures: UnlockFailure[] = [];
  for (let i = 0; i < groups.length; i++) {
    if (!isCurrent()) break;
    onProgress(i, groups.length);
    const events = groups[i]!;
    try {
      records.push(await openRecord(events, signer, options));
    } catch (error) {
      if (stopsEverything(error)) throw error;
      failures.push({
        signPubkey: events[0]?.pubkey ?? '',
        code: error instanceof RecordError ? error.code : 'unknown',
        message: error instanceof Error ? error.message : 'The record could not be opened.',
      });
    }
  }
  onProgress(groups.length, groups.length);
  records.sort((a, b) => b.createdAt - a.createdAt);
  return { records, failures };
}
