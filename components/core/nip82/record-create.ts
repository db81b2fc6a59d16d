/**
 * Making a record: the author's entries are split into parts, attested and signed, then each part
 * is sealed in a kind-32225 event under fresh record keys, with a key tag for each participant.
 * Access changes reuse the sealing with the keys they hold (see record-change.ts).
 */
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import { RecordError } from '../errors.js';
import { type NostrEvent, eventBytes, isHex64, nowSeconds, utf8Length } from '../events.js';
import { conversationKey, nip44Encrypt, publicKeyHex, wipe } from '../crypto.js';
import { type Signer, signChecked } from '../signers/signer.js';
import { secretKeySigner } from '../signers/secret-key.js';
import { readBundle, uuidUrn } from '../fhir/bundle.js';
import { nostrPubkeyOf, patientOf } from '../fhir/patient.js';
import type { FhirBundle } from '../fhir/types.js';
import { attestBundle, provenanceBudget, type AttestationRole } from '../attest/attestation.js';
import { DEFAULT_MAX_EVENT_BYTES, MEDICAL_DATA_KIND, RECORD_KIND } from './constants.js';
import { boundTag, randomPartId } from './parts-write.js';
import { moveTags } from './moves-write.js';
import { splitEntries } from './record-split.js';
import { signerCall } from './signer-call.js';
import { MAX_EDITOR_NOTE, type CreateRecordOptions, type Participant } from './record-types.js';

/** Longest relay URL accepted for a participant's `p` tag. */
const MAX_RELAY_URL_CHARS = 200;
/** A ws:// or wss:// URL, without spaces. */
const RELAY_URL = new RegExp(`^wss?://[^\\s]{1,${MAX_RELAY_URL_CHARS}}$`);

/** Creates a record: returns its signed kind-32225 event(s), one per part. */
export async function createRecord(options: CreateRecordOptions): Promise<NostrEvent[]> {
  const participants = normaliseParticipants(options.participants);
  const authorPubkey = await signerCall(() => options.author.getPublicKey());
  if (!participants.some((p) => p.pubkey === authorPubkey)) participants.unshift({ pubkey: authorPubkey, role: 'editor' });
  const bundle = readBundle(options.bundle);
  bundle.identifier ??= { system: 'urn:ietf:rfc:3986', value: uuidUrn() };
  const subject = options.subject ?? nostrPubkeyOf(patientOf(bundle));
  if (subject !== undefined && !isHex64(subject)) throw new RecordError('invalid-input', 'The subject is not a hex public key.');
  const createdAt = options.createdAt ?? nowSeconds();
  const maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  const expiresAt = options.expiresAt;
  if (expiresAt !== undefined && !(Number.isSafeInteger(expiresAt) && expiresAt > createdAt)) {
    throw new RecordError('invalid-input', 'The expiration must be a whole number of seconds after the record is made.');
  }

  const signKey = generateSecretKey();
  const viewKey = participants.some((p) => p.role === 'viewer') ? generateSecretKey() : undefined;
  try {
    if (options.editorNote !== undefined && (typeof options.editorNote !== 'string' || options.editorNote.length > MAX_EDITOR_NOTE)) {
      throw new RecordError('invalid-input', 'The editor note is not text, or is too long.');
    }
    // The inner events name the parts they are signed for, so they cannot pass as another record's.
    const ds: string[] = [];
    const { inner } = await attestAndSignParts(bundle, options, signKey, participants, maxEventBytes, subject, createdAt, { signPubkey: publicKeyHex(signKey), ds, noteBytes: options.editorNote === undefined ? 0 : utf8Length(options.editorNote) });
    const events = sealParts({ inner, ds, signKey, viewKey, participants, createdAt, expiresAt, note: options.editorNote, author: authorPubkey });
    for (const e of events) {
      if (eventBytes(e) > maxEventBytes) throw new RecordError('too-large', 'A part of the record is larger than the event size budget.');
    }
    options.keyCache?.set(`${authorPubkey}:${events[0]!.pubkey}`, signKey);
    return events;
  } finally {
    wipe(signKey, viewKey);
  }
}

/**
 * What binds the parts to their record, and what rides on every part beside the content: move
 * proofs, and the editor note's bytes (before encryption).
 */
export interface PartBinding {
  signPubkey: string;
  ds: string[];
  moves?: number;
  noteBytes?: number;
}

/**
 * The author attests the entries (one signer call) and the record's sign key signs each part's
 * inner kind 82; without attestation (asked for, or nothing to attest) the author signs each part.
 */
export async function attestAndSignParts(
  bundle: FhirBundle,
  options: { author: Signer; attest?: boolean; attestAs?: AttestationRole },
  signKey: Uint8Array,
  participants: Participant[],
  maxEventBytes: number,
  subject: string | undefined,
  createdAt: number,
  bind: PartBinding,
): Promise<{ inner: string[]; bundle: FhirBundle }> {
  if (options.attest === false || !bundle.entry?.length) {
    return { inner: await signParts(bundle, options.author, participants, maxEventBytes, subject, createdAt, bind), bundle };
  }
  const attested = await signerCall(() => attestBundle(bundle, options.author, { createdAt, role: options.attestAs, maxProvenanceBytes: provenanceBudget(maxEventBytes) }));
  const local = secretKeySigner(signKey);
  try {
    return { inner: await signParts(attested, local, participants, maxEventBytes, subject, createdAt, bind), bundle: attested };
  } finally {
    local.forget();
  }
}

/** Splits a Bundle into parts and has `author` sign each part's inner kind 82. */
async function signParts(
  bundle: FhirBundle,
  author: Signer,
  participants: Participant[],
  maxEventBytes: number,
  subject: string | undefined,
  createdAt: number,
  bind: PartBinding,
): Promise<string[]> {
  const groups = splitEntries(bundle, participants, maxEventBytes, bind.moves, bind.noteBytes);
  const inner: string[] = [];
  for (let i = 0; i < groups.length; i++) {
    const tags: string[][] = subject ? [['p', subject]] : [];
    if (groups.length > 1) tags.push(['part', String(i + 1), String(groups.length)]);
    // Parts beyond the identifiers given get new ones (written back for the caller).
    bind.ds[i] ??= randomPartId();
    tags.push(boundTag(bind.signPubkey, bind.ds[i]!));
    // Only the part holding the Composition is a document; the others are collections of its entries.
    const type = i > 0 && bundle.type === 'document' ? 'collection' : bundle.type;
    const content = JSON.stringify({ ...bundle, type, entry: groups[i] });
    const signed = await signerCall(() => signChecked(author, { kind: MEDICAL_DATA_KIND, created_at: createdAt, tags, content }));
    inner.push(JSON.stringify(signed));
  }
  return inner;
}

/** The participants checked and merged (one per key; an editor listed twice stays an editor), or an `invalid-input` error. */
export function normaliseParticipants(list: readonly Participant[]): Participant[] {
  if (!Array.isArray(list)) throw new RecordError('invalid-input', 'Participants must be a list.');
  const byKey = new Map<string, Participant>();
  for (const p of list) {
    if (!p || !isHex64(p.pubkey)) throw new RecordError('invalid-input', 'A participant public key is not 64 lowercase hex characters.');
    if (p.role !== 'editor' && p.role !== 'viewer') throw new RecordError('invalid-input', 'A participant role must be editor or viewer.');
    if (p.relay !== undefined && !RELAY_URL.test(p.relay)) throw new RecordError('invalid-input', 'A participant relay is not a ws:// or wss:// URL.');
    const seen = byKey.get(p.pubkey);
    byKey.set(p.pubkey, { pubkey: p.pubkey, role: seen?.role === 'editor' ? 'editor' : p.role, relay: p.relay ?? seen?.relay });
  }
  return [...byKey.values()];
}

/** Encrypts and signs every part with the record keys. */
export function sealParts(input: {
  inner: readonly string[];
  ds: readonly string[];
  signKey: Uint8Array;
  viewKey?: Uint8Array;
  participants: readonly Participant[];
  createdAt: number;
  moves?: readonly string[];
  expiresAt?: number;
  /** Largest content a part may encrypt (default: what every reader takes, 65,535 bytes). */
  maxPlaintextBytes?: number;
  /** An editor note, and the author whose key it is encrypted with. */
  note?: string;
  author?: string;
}): NostrEvent[] {
  const signPub = publicKeyHex(input.signKey);
  const contentKey = conversationKey(input.signKey, input.viewKey ? publicKeyHex(input.viewKey) : signPub);
  const signHex = secretKeyHex(input.signKey);
  const viewHex = input.viewKey ? secretKeyHex(input.viewKey) : undefined;
  const convs: Uint8Array[] = [];
  const noteKey = input.note !== undefined && input.author ? conversationKey(input.signKey, input.author) : undefined;
  try {
    const note = noteKey ? nip44Encrypt(input.note!, noteKey) : undefined;
    for (const p of input.participants) convs.push(conversationKey(input.signKey, p.pubkey));
    const moved = moveTags(input.moves ?? [], contentKey);
    return input.inner.map((innerJson, i) => {
      const tags: string[][] = [['d', input.ds[i]!]];
      input.participants.forEach((p) => tags.push(p.relay ? ['p', p.pubkey, p.relay] : ['p', p.pubkey]));
      input.participants.forEach((p, j) => {
        const secret = p.role === 'editor' ? signHex : viewHex;
        if (!secret) throw new RecordError('invalid-input', 'A viewer needs a view key.');
        tags.push(['key', p.pubkey, nip44Encrypt(secret, convs[j]!)]);
      });
      tags.push(...moved);
      if (input.expiresAt !== undefined) tags.push(['expiration', String(input.expiresAt)]);
      if (note) tags.push(['editor-note', note]);
      const content = nip44Encrypt(innerJson, contentKey, { maxPlaintextBytes: input.maxPlaintextBytes });
      return finalizeEvent({ kind: RECORD_KIND, created_at: input.createdAt, tags, content }, input.signKey) as NostrEvent;
    });
  } finally {
    wipe(contentKey, noteKey, ...convs);
  }
}

/** Lowercase hex of a secret key, for encrypting it into a key tag; the string lives only briefly. */
function secretKeyHex(secretKey: Uint8Array): string {
  let out = '';
  for (const b of secretKey) out += b.toString(16).padStart(2, '0');
  return out;
}
