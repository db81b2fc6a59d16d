/**
 * Changing a record an editor opened: adding or removing people, replacing its content, deleting
 * it. Each change is a new version of every part, sealed under the keys the record holds (a new
 * view key each time); removing an editor moves the record to a new sign key, since they keep the
 * old one. Nothing is published here: the caller gets the events.
 */
import { generateSecretKey } from 'nostr-tools/pure';
import { naddrEncode } from 'nostr-tools/nip19';
import { RecordError } from '../errors.js';
import { type NostrEvent, nowSeconds, utf8Length } from '../events.js';
import { READ_MAX_PLAINTEXT, publicKeyHex, wipe } from '../crypto.js';
import type { Signer } from '../signers/signer.js';
import { readBundle } from '../fhir/bundle.js';
import { readWithheld } from '../fhir/withheld.js';
import { verifyAttestations, type AttestationRole } from '../attest/attestation.js';
import { DEFAULT_MAX_EVENT_BYTES, RECORD_KIND } from './constants.js';
import { randomPartId } from './parts-write.js';
import { moveProof } from './moves-write.js';
import { deletionRequest } from './deletion-request.js';
import { expirationOf, readGrant } from './grant.js';
import { movedNotices } from './notices.js';
import { attestAndSignParts, normaliseParticipants, sealParts } from './record-create.js';
import { type EditorSecrets, keepSecrets, secretsOf } from './record-secrets.js';
import { changeableSecrets, editorSecrets } from './editor-secrets.js';
import { signerCall } from './signer-call.js';
import { endedForReader } from '../store/share-copies.js';
import type { AccessChange, OpenedRecord, Participant } from './record-types.js';

/**
 * The keys to change who holds `record`, refused (as the elements do) to an editor whose share has
 * ended: its end is the patient's word that they no longer hold it, let alone pass it on.
 */
function peopleChangeable(record: OpenedRecord): EditorSecrets {
  if (endedForReader(record)) throw new RecordError('not-an-editor', 'Your share of this record has ended: you can no longer change who holds it.');
  return changeableSecrets(record);
}

/** A new version's time: now, but always after the version it replaces, so relays keep the new one. */
function nextVersionTime(record: OpenedRecord, at?: number): number {
  return Math.max(at ?? nowSeconds(), record.createdAt + 1);
}

/** The earliest end date (NIP-40 `expiration`) any part of the version in hand carries. */
function endOf(record: OpenedRecord): number | undefined {
  const ends = record.events.map(expirationOf).filter((e): e is number => e !== undefined);
  return ends.length ? Math.min(...ends) : undefined;
}

/**
 * Seals the record anew for `participants` under a new view key (and a new sign key, when given),
 * and keeps the new version's secrets: the changer's view of the record after the change.
 */
function reissue(
  record: OpenedRecord,
  s: EditorSecrets,
  participants: Participant[],
  options: { createdAt?: number; newSignKey?: Uint8Array; inner?: string[]; ds?: string[]; moves?: string[]; dropNote?: boolean },
): { events: NostrEvent[]; record: OpenedRecord } {
  const inner = options.inner ?? s.inner;
  const signKey = options.newSignKey ?? s.signKey;
  const hasViewers = participants.some((p) => p.role === 'viewer');
  const viewKey = hasViewers ? generateSecretKey() : undefined;
  const createdAt = options.newSignKey ? options.createdAt ?? nowSeconds() : nextVersionTime(record, options.createdAt);
  const ds = options.ds ?? inner.map((_, i) => (options.newSignKey ? undefined : record.identifiers[i]) ?? randomPartId());
  const moves = options.moves ?? s.moves;
  try {
    // The editor note goes with every version, encrypted again under the sign key in use. So does
    // the end date (NIP-40 `expiration`) a version had: a change of access must not make a 30-day
    // share last for ever. Another app's ["-"] (NIP-70: only its author may publish it) is not
    // carried over: a storage server honouring it takes the event only from a connection signed in
    // as the record's own key, and the kit signs in as the user, so the change could not be sent.
    // Not carried: an end already past (servers refuse such an event, and a revocation of a share
    // past its end date must go out), nor an end on a version only its changer may still read (a
    // share whose recipient was revoked: the patient keeps it as the record of what was shared,
    // which a server deleting it at its end would take away). Parts another app made larger than
    // the kit writes stay as large (they opened; a change of access must not fail on them).
    const end = endOf(record);
    const othersRead = participants.some((p) => p.pubkey !== record.reader);
    const expiresAt = end !== undefined && end > createdAt && othersRead ? end : undefined;
    const note = options.dropNote ? undefined : record.editorNote;
    const events = sealParts({ inner, ds, signKey, viewKey, participants, createdAt, moves, expiresAt, note, author: record.author, maxPlaintextBytes: READ_MAX_PLAINTEXT });
    const signPubkey = events[0]!.pubkey;
    const { editorNote: _dropped, ...kept } = record;
    const next: OpenedRecord = {
      ...(note === undefined ? kept : record),
      signPubkey,
      movedFrom: options.newSignKey ? [record.signPubkey, ...record.movedFrom] : record.movedFrom,
      identifiers: [...ds],
      naddrs: ds.map((d) => naddrEncode({ kind: RECORD_KIND, pubkey: signPubkey, identifier: d })),
      participants: participants.map((p) => ({ ...p })),
      listed: participants.map((p) => p.pubkey),
      createdAt,
      events,
    };
    keepSecrets(next, {
      signKey: Uint8Array.from(signKey),
      viewKey: viewKey ? Uint8Array.from(viewKey) : undefined,
      inner: [...inner],
      participants: participants.map((p) => ({ ...p })),
      unreadable: 0,
      moves: [...moves],
    });
    return { events, record: next };
  } finally {
    wipe(viewKey);
  }
}

/**
 * Adds a participant (or changes their role). Returns the new version of every part. A view key
 * is rotated in the process, so the change also serves as a routine key rotation.
 */
export async function grantAccess(
  record: OpenedRecord,
  participant: Participant,
  options: { createdAt?: number; notify?: Signer; relays?: string[] } = {},
): Promise<AccessChange> {
  const s = peopleChangeable(record);
  const [added] = normaliseParticipants([participant]);
  const rest = s.participants.filter((p) => p.pubkey !== added!.pubkey);
  const next = [...rest, added!];
  if (!next.some((p) => p.role === 'editor')) {
    throw new RecordError('invalid-input', 'A record must keep at least one editor.');
  }
  // An editor made a viewer still holds the sign key: only moving the record takes it away.
  const demoted = s.participants.some((p) => p.pubkey === added!.pubkey && p.role === 'editor') && added!.role === 'viewer';
  if (demoted) return moveRecord(record, s, next, options);
  // A share's note of what it hid is for its patient alone, and every editor reads it: someone made
  // an editor of a share does not get it (the patient's screens then say which items is not kept).
  const newEditor = added!.role === 'editor' && !s.participants.some((p) => p.pubkey === added!.pubkey && p.role === 'editor');
  const dropNote = newEditor && added!.pubkey !== record.author && sharedBy(record) !== undefined;
  const { events, record: changed } = reissue(record, s, next, { ...options, dropNote });
  return { events, deletions: [], notices: [], record: changed };
}

/**
 * Removes a participant. A viewer: every part is re-encrypted under a new view key and the
 * remaining key tags are re-issued. An editor, who keeps the old sign key: the record moves to a
 * new sign key (a new address), the old address gets NIP-09 deletion requests, and, given a
 * `notify` signer, the remaining participants get a gift-wrapped notice of the new address.
 * Neither undoes what the removed person already opened or copied.
 */
export async function revokeAccess(
  record: OpenedRecord,
  pubkey: string,
  options: { createdAt?: number; notify?: Signer; relays?: string[] } = {},
): Promise<AccessChange> {
  const s = peopleChangeable(record);
  const target = s.participants.find((p) => p.pubkey === pubkey);
  if (!target) throw new RecordError('not-a-participant', 'That person is not listed on this record.');
  if (sharedBy(record) === pubkey && pubkey !== record.reader) {
    // An editor recipient may remove whom they added, not the patient who shared it with them:
    // moved away, the patient would lose their own share and what it says went to whom.
    throw new RecordError('invalid-input', 'The patient who shared this record cannot be removed from it.');
  }
  const rest = s.participants.filter((p) => p.pubkey !== pubkey);
  if (!rest.some((p) => p.role === 'editor')) {
    throw new RecordError('invalid-input', 'A record must keep at least one editor; delete the record instead.');
  }
  if (target.role === 'viewer') {
    const { events, record: next } = reissue(record, s, rest, options);
    return { events, deletions: [], notices: [], record: next };
  }
  return moveRecord(record, s, rest, options);
}

/** The patient who shared the record, when its grant note names one. */
function sharedBy(record: OpenedRecord): string | undefined {
  return readGrant(record.bundle)?.patient;
}

/**
 * Moves a record to a new sign key (a new address) for `participants`: new versions first, then
 * NIP-09 deletions of the old address, then (given `notify`) owner-signed notices of the move.
 */
async function moveRecord(
  record: OpenedRecord,
  s: EditorSecrets,
  participants: Participant[],
  options: { createdAt?: number; notify?: Signer; relays?: string[] },
): Promise<AccessChange> {
  const newSignKey = generateSecretKey();
  try {
    // The old sign key vouches for the new one, so the author's inner events stay bound to the record.
    const proof = moveProof(s.signKey, publicKeyHex(newSignKey), Math.max(options.createdAt ?? nowSeconds(), record.createdAt));
    const { events, record: next } = reissue(record, s, participants, { ...options, newSignKey, moves: [...s.moves, proof] });
    const deletions = deletionRequests(record, s.signKey, options.createdAt);
    const notices: NostrEvent[] = [];
    if (options.notify) {
      notices.push(...(await movedNotices(options.notify, record, next, participants, options.relays)));
    }
    return { events: [...events, ...deletions, ...notices], deletions, notices, record: next, moved: { from: record.signPubkey, to: next.signPubkey } };
  } finally {
    wipe(newSignKey);
  }
}

/** The deletion requests ending every part of the record at its current address. */
function deletionRequests(record: OpenedRecord, signKey: Uint8Array, at?: number): NostrEvent[] {
  return [deletionRequest(record.signPubkey, record.identifiers, signKey, Math.max(at ?? nowSeconds(), record.createdAt))];
}

/**
 * Replaces the record's content with `bundle`, signed anew by `author`, keeping its address,
 * keys' holders and part identifiers where it can. Returns the events to publish (deletions for
 * parts no longer needed included).
 */
export async function updateRecord(
  record: OpenedRecord,
  options: { bundle: unknown; author: Signer; maxEventBytes?: number; createdAt?: number; attest?: boolean; attestAs?: AttestationRole },
): Promise<AccessChange> {
  const s = changeableSecrets(record);
  const bundle = readBundle(options.bundle);
  const author = await signerCall(() => options.author.getPublicKey());
  bundle.identifier ??= record.bundle.identifier;
  const createdAt = nextVersionTime(record, options.createdAt);
  const maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  const ds = [...record.identifiers];
  const signed = await attestAndSignParts(bundle, options, s.signKey, s.participants, maxEventBytes, record.subject, createdAt, { signPubkey: record.signPubkey, ds, moves: s.moves.length, noteBytes: record.editorNote ? utf8Length(record.editorNote) : 0 });
  const inner = signed.inner;
  const { events, record: next } = reissue(record, s, s.participants, { createdAt, inner, ds: ds.slice(0, inner.length) });
  const dropped = record.identifiers.slice(inner.length);
  const deletions = dropped.length ? [deletionRequest(record.signPubkey, dropped, s.signKey, createdAt)] : [];
  const updated: OpenedRecord = {
    ...next, bundle: signed.bundle, author, authorVerified: true, authorBound: true, authorUnnamed: false, authorSignedAt: createdAt, withheld: readWithheld(signed.bundle),
    provenance: verifyAttestations(signed.bundle), parts: { have: inner.length, total: inner.length },
  };
  keepSecrets(updated, secretsOf(next)!);
  return { events: [...events, ...deletions], deletions, notices: [], record: updated };
}

/** NIP-09 deletion requests for every part of a record, signed by its sign key (editors only). */
export function deleteRecord(record: OpenedRecord, options: { createdAt?: number } = {}): NostrEvent[] {
  return deletionRequests(record, editorSecrets(record).signKey, options.createdAt);
}
