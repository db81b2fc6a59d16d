/**
 * Opening a record: its usable parts (see record-events.ts) are unlocked with the reader's key,
 * taken from the session's cache or asked of the signer once, then decrypted and read into an
 * {@link OpenedRecord}; its keys go to the key store (record-secrets.ts), never onto the record.
 */
import { naddrEncode } from 'nostr-tools/nip19';
import { RecordError, SignerError } from '../errors.js';
import { type NostrEvent, isHex64, tagValue } from '../events.js';
import { conversationKey, parseSecretKeyHex, publicKeyHex, wipe } from '../crypto.js';
import type { Signer } from '../signers/signer.js';
import { timeSlicer } from '../slices.js';
import { readWithheld } from '../fhir/withheld.js';
import { verifyAttestationsInSlices, type ProvenanceReport } from '../attest/verify.js';
import type { RecordKeyCache } from './keys.js';
import { RECORD_KIND } from './constants.js';
import { checkPartsBelong } from './parts.js';
import { boundKeys, readMoveTags } from './moves.js';
import { usableParts } from './record-events.js';
import { type InnerPart, mergeBundles, readEditorNote, readInner, readParticipants } from './record-read.js';
import { keepSecrets } from './record-secrets.js';
import { signerCall, toRecordError } from './signer-call.js';
import type { OpenRecordOptions, OpenedRecord, Participant } from './record-types.js';

/** At most this many key tags for the reader are tried (each may be a signer prompt). */
export const MAX_KEY_TAGS_TRIED = 4;

/**
 * Opens a record from every event fetched for it (its parts, possibly several versions of each)
 * as `reader`. Verifies every signature before decrypting; asks the signer at most once per record
 * (none when `keyCache` already holds the key). Throws a {@link RecordError} for anything wrong.
 */
export async function openRecord(events: readonly unknown[], reader: Signer, options: OpenRecordOptions = {}): Promise<OpenedRecord> {
  // Taken before anything is awaited: a sign-out (wipe) while this runs must not be undone by it.
  const generation = options.keyCache?.generation;
  const parts = await usableParts(events, options);
  const me = options.readerPubkey ?? (await signerCall(() => reader.getPublicKey()));

  const mine = parts.flatMap((e) => e.tags.filter((t) => t[0] === 'key' && t[1] === me && typeof t[2] === 'string'));
  if (mine.length === 0) throw new RecordError('not-a-participant', 'You are not listed on this record (never granted, or access was revoked).');

  return unlock(parts, mine.slice(0, MAX_KEY_TAGS_TRIED).map((t) => t[2]!), reader, me, options.keyCache, generation);
}

/**
 * Unlocks the parts with the session's cached key, else with one signer decrypt per key tag tried.
 * The key is proven by opening the content itself, so nothing is decrypted twice.
 */
async function unlock(parts: NostrEvent[], ciphertexts: string[], reader: Signer, me: string, cache: RecordKeyCache | undefined, generation: number | undefined): Promise<OpenedRecord> {
  const signPubkey = parts[0]!.pubkey;
  // Cached per reader and record: a key one user unlocked never serves another.
  const cacheId = `${me}:${signPubkey}`;
  const cached = cache?.get(cacheId);
  if (cached) {
    const key = Uint8Array.from(cached);
    try {
      // Awaited here, so the key is wiped (finally) only once every part is read.
      return await decryptParts(parts, key, me, cache, cacheId, generation);
    } catch (error) {
      // A key from before a rotation: forget it and ask the signer.
      if (!(error instanceof RecordError) || error.code !== 'bad-key') throw error;
      cache!.delete(cacheId);
    } finally {
      wipe(key);
    }
  }
  let lastError: RecordError | undefined;
  for (const ct of ciphertexts) {
    let text: string;
    try {
      text = await reader.nip44Decrypt(signPubkey, ct);
    } catch (error) {
      if (error instanceof SignerError && error.code === 'failed') {
        lastError = new RecordError('decrypt-failed', 'Your key tag on this record could not be decrypted.', { cause: error });
        continue;
      }
      throw toRecordError(error);
    }
    let key: Uint8Array | undefined;
    try {
      key = parseSecretKeyHex(typeof text === 'string' ? text.trim() : '');
      // Awaited here, so the key is wiped (finally) only once every part is read.
      return await decryptParts(parts, key, me, cache, cacheId, generation);
    } catch (error) {
      if (!(error instanceof RecordError) || error.code !== 'bad-key') throw error;
      lastError = error;
    } finally {
      wipe(key);
    }
  }
  throw lastError ?? new RecordError('bad-key', 'No usable access key.');
}

/**
 * Opens the parts with `key` (the sign key for an editor, else the view key): an editor first
 * reads every key tag, for the roles and the view key. Keeps the record's keys in the key store
 * and `key` in the session cache once everything is read.
 */
async function decryptParts(parts: NostrEvent[], key: Uint8Array, reader: string, cache: RecordKeyCache | undefined, cacheId: string, generation: number | undefined): Promise<OpenedRecord> {
  const signPubkey = parts[0]!.pubkey;
  const isEditor = publicKeyHex(key) === signPubkey;
  const access = isEditor ? await readParticipants(parts[0]!, key) : undefined;
  const viewKey = access?.viewKey;
  const participants = access?.participants;
  const contentKey = conversationKey(key, viewKey ? publicKeyHex(viewKey) : signPubkey);
  try {
    const inner = await readParts(parts, contentKey);
    checkPartsBelong(inner);
    const moves = readMoveTags(parts[0]!, contentKey);
    if (participants) addRelays(participants, parts[0]!);
    const record = await openedRecord(parts, inner, moves, reader, isEditor ? 'editor' : 'viewer', participants);
    if (isEditor) {
      const note = readEditorNote(parts[0]!, key, record.author);
      if (note !== undefined) record.editorNote = note;
    }
    keepSecrets(record, {
      signKey: isEditor ? Uint8Array.from(key) : undefined,
      viewKey: isEditor ? (viewKey ? Uint8Array.from(viewKey) : undefined) : Uint8Array.from(key),
      inner: inner.map((p) => p.inner),
      participants: participants ?? [],
      unreadable: access?.unreadable ?? 0,
      moves,
    });
    cache?.set(cacheId, key, generation);
    return record;
  } finally {
    wipe(contentKey, viewKey);
  }
}

/** Decrypts and reads every part, in part order; content the first part's key cannot open is a `bad-key`. */
async function readParts(parts: NostrEvent[], contentKey: Uint8Array): Promise<InnerPart[]> {
  const inner: InnerPart[] = [];
  const pause = timeSlicer();
  for (const [i, event] of parts.entries()) {
    if (i > 0) await pause();
    try {
      inner.push(readInner(event, contentKey));
    } catch (error) {
      // The outer signature held, so content that will not decrypt means this key is not the record's.
      if (i === 0 && error instanceof RecordError && error.code === 'decrypt-failed') {
        throw new RecordError('bad-key', 'The access key on this record does not open it.', { cause: error });
      }
      throw error;
    }
  }
  return inner.sort((a, b) => a.index - b.index);
}

/** Gives each participant the relay their `p` tag names, if any. */
function addRelays(participants: Participant[], event: NostrEvent): void {
  const relays = new Map<string, string>();
  for (const t of event.tags) if (t[0] === 'p' && t[2]) relays.set(t[1]!, t[2]);
  for (const p of participants) if (relays.has(p.pubkey)) p.relay = relays.get(p.pubkey);
}

/** The record its reader sees, from its decrypted parts (in part order, shown to belong together). */
async function openedRecord(parts: NostrEvent[], inner: InnerPart[], moves: string[], reader: string, role: OpenedRecord['role'], participants: Participant[] | undefined): Promise<OpenedRecord> {
  const signPubkey = parts[0]!.pubkey;
  const keys = boundKeys(signPubkey, moves);
  // The kit names the record in every inner kind 82 it writes, so one copied from another record
  // (perhaps an earlier version, since corrected) is told apart. NIP-82 itself defines no such tag:
  // another app's kind 82 names no record, and its signature still proves who wrote the entries,
  // only not for which record or version (`authorUnnamed` says so). Only one naming another
  // record is refused, and its tag cannot be taken off without breaking the signature.
  const named = inner.filter((p) => p.bound !== undefined);
  const bound = named.every((p) => keys.has(p.bound!.split(':')[1]!));
  const unnamed = named.length < inner.length;
  const merged = mergeBundles(inner.map((p) => p.bundle));
  // In slices: a record of thousands of attested entries is hundreds of milliseconds of hashing.
  const provenance = await verifyAttestationsInSlices(merged);
  // Parts signed by the record's own key: the author is whoever attested the record. Its own key
  // includes the keys it moved from (an editor revoked): parts sealed before the move keep them.
  const innerAuthor = inner[0]!.author;
  const ownKey = keys.has(innerAuthor);
  const sealed = ownKey ? provenance.sealedBy : undefined;
  return {
    signPubkey,
    identifiers: inner.map((p) => tagValue(p.event, 'd')!),
    naddrs: inner.map((p) => naddrEncode({ kind: RECORD_KIND, pubkey: signPubkey, identifier: tagValue(p.event, 'd')! })),
    bundle: merged,
    author: sealed?.pubkey ?? innerAuthor,
    authorVerified: bound && authorHolds(inner, ownKey, sealed),
    authorBound: bound && !unnamed,
    authorUnnamed: bound && unnamed,
    authorSignedAt: Math.min(...inner.map((p) => p.signedAt)),
    movedFrom: [...keys].filter((k) => k !== signPubkey),
    subject: inner[0]!.subject,
    reader,
    role,
    participants: participants?.map((p) => ({ ...p })),
    listed: [...new Set(parts[0]!.tags.filter((t) => t[0] === 'p' && isHex64(t[1])).map((t) => t[1]!))],
    parts: { have: new Set(inner.map((p) => p.index)).size, total: inner[0]!.total },
    withheld: readWithheld(merged),
    provenance,
    createdAt: Math.max(...parts.map((e) => e.created_at)),
    events: inner.map((p) => p.event),
  };
}

/**
 * Whether the author's word holds for every part: each inner kind 82 validly signed by one author,
 * and, for parts signed by the record's own key, the author's attestation.
 */
function authorHolds(inner: InnerPart[], ownKey: boolean, sealed: ProvenanceReport['sealedBy']): boolean {
  const innerAuthor = inner[0]!.author;
  return (
    inner.every((p) => p.verified && p.author === innerAuthor) &&
    // A share's own signature vouches for it as passed on, even where it differs from what an
    // earlier author signed (a reference to a hidden item removed): those items say so themselves.
    // Otherwise only a whole attestation vouches: its list of entries is not under its signature,
    // so one cut short (or copied from another record and emptied) proves nothing of what is shown,
    // and a record with parts missing cannot have its author confirmed until they arrive.
    (!ownKey || (!!sealed && sealed.complete && sealed.holds))
  );
}
