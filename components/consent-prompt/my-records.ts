/**
 * Loading the signed-in user's records: every record part that lists them, grouped by record and
 * opened (one signer call per record, none for a record whose key the session holds). A record
 * that does not open (revoked, malformed) is counted and skipped; a signer problem stops the load.
 */
import type { Signer } from '../core/signers/signer.js';
import type { RelayClient } from '../core/relay/client.js';
import { RecordError, SignerError } from '../core/errors.js';
import { groupRecords, openRecord, type OpenedRecord } from '../core/nip82/record.js';
import type { RecordKeyCache } from '../core/nip82/keys.js';
import type { VersionTracker } from '../core/nip82/versions.js';
import { RECORD_KIND } from '../core/nip82/constants.js';
import { readConsentMessages, type ConsentMessage } from '../core/nip82/requests.js';
import { naddrEncode } from 'nostr-tools/nip19';
import type { NostrEvent } from '../core/events.js';

export interface LoadedRecords {
  me: string;
  records: OpenedRecord[];
  /** Records listing the user that could not be opened. */
  skipped: number;
}

export async function loadMyRecords(
  client: RelayClient,
  signer: Signer,
  options: { keyCache: RecordKeyCache; versions: VersionTracker },
): Promise<LoadedRecords> {
  const me = await signer.getPublicKey();
  const { events } = await client.recordsFor(me);
  const records: OpenedRecord[] = [];
  let skipped = 0;
  for (const group of groupRecords(events).values()) {
    try {
      records.push(await openRecord(group, signer, options));
    } catch (error) {
      if (error instanceof SignerError || (error instanceof RecordError && error.code === 'signer')) throw error;
      skipped++;
    }
  }
  records.sort((a, b) => b.createdAt - a.createdAt);
  return { me, records, skipped };
}

/** naddrs of the record parts among `events`. */
export function naddrsOf(events: readonly NostrEvent[]): string[] {
  return events
    .filter((e) => e.kind === RECORD_KIND)
    .map((e) => naddrEncode({ kind: RECORD_KIND, pubkey: e.pubkey, identifier: e.tags.find((t) => t[0] === 'd')?.[1] ?? '' }));
}

export interface ConsentMail {
  me: string;
  /** Every consent message wrapped to the user: requests to them, and their own copies of answers. */
  messages: ConsentMessage[];
  /** The user's own answers (approved or denied): their consent history. */
  history: ConsentMessage[];
}

/** Reads the consent messages wrapped to the signed-in user (one signer call per message). */
export async function readMyConsentMail(client: RelayClient, signer: Signer): Promise<ConsentMail> {
  const me = await signer.getPublicKey();
  const { events } = await client.wrapsFor(me);
  const messages = await readConsentMessages(events, signer);
  const history = messages.filter((m) => m.from === me && (m.status === 'active' || m.status === 'rejected'));
  return { me, messages, history };
}
