/**
 * NIP-82 records (kind 32225): create, open, grant, revoke, update and delete.
 *
 * A record is one FHIR Bundle under one per-record *sign* key pair (the events' author) and, when
 * there are view-only participants, one *view* key pair. A record too large for one event is split
 * into *parts*: several kind-32225 events under the same keys, each a complete record of a subset
 * of the entries, each with its own random `d`. Key material stays in memory as bytes.
 */
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import { naddrEncode } from 'nostr-tools/nip19';
import { timeSlicer } from '../slices.js';
import { RecordError, SignerError, safeCause } from '../errors.js';
import { type NostrEvent, cleanEvent, eventBytes, hasValidSignature, isHex64, nowSeconds, tagValue, utf8Length } from '../events.js';
import { innerSignatureHolds } from './inner-signature.js';
import {
  INTEROP_MAX_PLAINTEXT,
  conversationKey,
  nip44Decrypt,
  nip44Encrypt,
  nip44PayloadLength,
  parseSecretKeyHex,
  publicKeyHex,
  secretKeyHex,
  wipe,
} from '../crypto.js';
import { type Signer, signChecked } from '../signers/signer.js';
import { readBundle, uuidUrn } from '../fhir/bundle.js';
import { nostrPubkeyOf, patientOf } from '../fhir/patient.js';
import { readWithheld, type Withheld } from '../fhir/withheld.js';
import type { BundleEntry, FhirBundle } from '../fhir/types.js';
import { RecordKeyCache } from './keys.js';
import { VersionTracker, addressOf, newestPerAddress } from './versions.js';
import { DEFAULT_MAX_EVENT_BYTES, MAX_FUTURE_SECONDS, MEDICAL_DATA_KIND, RECORD_KIND } from './constants.js';
import { movedNotices } from './notices.js';
import { MAX_KEY_TAGS, boundAddress, boundTag, checkKeyTagCount, checkPartsBelong } from './parts.js';
import { MOVE_TAG_BYTES, boundKeys, moveProof, moveTags, readMoveTags } from './moves.js';
import { DELETION_KIND, deadAddresses } from './deletions.js';
import { attestBundle, provenanceBudget, verifyAttestations, type AttestationRole, type ProvenanceReport } from '../attest/attestation.js';
import { secretKeySigner } from '../signers/secret-key.js';

/** At most this many key tags for the reader are tried (each may be a signer prompt). */
const MAX_KEY_TAGS_TRIED = 4;

/** What a participant may do: editors hold the sign key (may add and remove people), viewers the view key. */
export type Role = 'editor' | 'viewer';

/** A person listed on a record. */
export interface Participant {
  /** Public key, 64 lowercase hex. */
  pubkey: string;
  role: Role;
  /** A relay where this participant reads, written into the `p` tag. */
  relay?: string;
}

/** A record as its reader sees it after {@link openRecord}. Holds no keys. */
export interface OpenedRecord {
  /** The sign public key: the author of every part, and the record's identity. */
  signPubkey: string;
  /** `d` of each part found, in part order. */
  identifiers: string[];
  /** NIP-19 `naddr` of each part found. */
  naddrs: string[];
  /** The Bundle: every part's entries, merged. */
  bundle: FhirBundle;
  /** Who signed the inner kind 82 (a clinic, a practitioner, the patient). */
  author: string;
  /**
   * True when every part's inner kind 82 carries a valid signature by `author` and was signed for
   * this record ({@link authorBound}), or, for a record whose parts are signed by its own key, when
   * `author`'s attestation signature holds and no entry changed since (with parts missing, only what
   * is at hand can be checked; `parts` says so): only then is it the author's word on this record.
   */
  authorVerified: boolean;
  /**
   * True when every inner kind 82 names this record (or an address it provably moved from). False
   * means an author's event signed for another record (perhaps since corrected) was wrapped in here.
   */
  authorBound: boolean;
  /** When the author signed the inner kind 82 (seconds; the oldest part's), which may be long before `createdAt`. */
  authorSignedAt: number;
  /** Earlier sign keys of this record, each proven by a signature of the one before (see moves.ts). */
  movedFrom: string[];
  /** The subject named by the inner `p` tag (the patient, or an animal's owner), when present. */
  subject?: string;
  /** Who opened it (public key): the reader this view and its role belong to. */
  reader: string;
  /** The reader's role. */
  role: Role;
  /** Every participant and role (editors only: viewers cannot tell roles apart). */
  participants?: Participant[];
  /** Public keys listed on the record (`p` tags); listed does not prove anyone consented or can open it. */
  listed: string[];
  /** Parts found, out of the parts the record has. */
  parts: { have: number; total: number };
  /** The hidden-item marker, when the record withholds items. */
  withheld?: Withheld;
  /** Who attested each entry, and whether it is unchanged since (see `verifyAttestations`). */
  provenance: ProvenanceReport;
  /** Newest `created_at` among the parts. */
  createdAt: number;
  /** The events this view was built from (newest version of each part). */
  events: NostrEvent[];
  /**
   * The record's editor note, read by editors only (see {@link CreateRecordOptions.editorNote}):
   * a share keeps there which items it hid, so the patient's later sessions know without asking.
   */
  editorNote?: string;
}

/** Options for {@link createRecord}. */
export interface CreateRecordOptions {
  /** The FHIR Bundle (object or JSON text). */
  bundle: unknown;
  /**
   * Signs the record: ONE call for its attestation, whatever the number of parts (each part's
   * inner kind 82 is then signed locally by the record's sign key). With `attest: false`, signs
   * each part's inner kind 82 instead (one call per part), as before attestations.
   */
  author: Signer;
  /** Attest the entries (default true). */
  attest?: boolean;
  /** What the author's attestation means: `author` (default, "I wrote these") or `sharer` ("I passed these on"). */
  attestAs?: AttestationRole;
  /** Who may open the record; the author is added as an editor if missing. */
  participants: Participant[];
  /** Budget for one event's JSON in bytes (default 65,536, or lower from a relay's NIP-11 limits). */
  maxEventBytes?: number;
  /** Subject of the record (patient, or an animal's owner); default the Patient's `nostr:` identifier. */
  subject?: string;
  /** `created_at` of the events; default now. */
  createdAt?: number;
  /**
   * The author's session key cache: given, it keeps the new record's sign key for the author, so
   * opening the record just made (a share copy, say) asks the signer nothing.
   */
  keyCache?: RecordKeyCache;
  /**
   * NIP-40 expiration, in seconds: every part carries an `expiration` tag, so relays that honour
   * it stop serving the record then (a share's end date). Later versions (a revocation) drop it.
   */
  expiresAt?: number;
  /**
   * Text for the record's editors alone: carried NIP-44 encrypted under the conversation key of
   * the record's sign key and the author's public key (an `editor-note` tag), so an editor reads
   * it with the sign key, asking no signer. At most {@link MAX_EDITOR_NOTE} characters.
   */
  editorNote?: string;
}

/** Longest editor note written or read, in characters. */
export const MAX_EDITOR_NOTE = 16_000;

/** Options for {@link openRecord}. */
export interface OpenRecordOptions {
  /** Session key cache: one signer call per record, none for a record already unlocked. */
  keyCache?: RecordKeyCache;
  /** Session version memory, for rollback protection. */
  versions?: VersionTracker;
  /** Current time in seconds (for the future-date check). */
  now?: number;
  /**
   * The reader's public key when the caller already asked the signer for it (a session does once
   * per user action), so opening many records does not ask again for each.
   */
  readerPubkey?: string;
}

/** The events an access change produces, and the record as it will be after they are published. */
export interface AccessChange {
  /** Every event to publish, new versions first, then deletions and notices. */
  events: NostrEvent[];
  /** NIP-09 deletion requests among `events` (when the record moved to a new sign key). */
  deletions: NostrEvent[];
  /** Gift-wrapped notices among `events` telling remaining participants where the record went. */
  notices: NostrEvent[];
  /** The record as the changer will see it. */
  record: OpenedRecord;
  /** Set when the record moved to a new sign key (an editor was removed). */
  moved?: { from: string; to: string };
}

interface RecordSecrets {
  signKey?: Uint8Array;
  viewKey?: Uint8Array;
  /** The inner kind-82 JSON of each part, in part order, kept so access changes keep the author's signature. */
  inner: string[];
  participants: Participant[];
  /** Key tags the editor could not read: changing access would silently drop those people. */
  unreadable: number;
  /** Move proofs the record carries (see moves.ts), passed on to its next versions. */
  moves: string[];
}

/** Keys of each opened record, out of reach of the host page: no property, no serialisation. */
const secrets = new WeakMap<OpenedRecord, RecordSecrets>();

// ---------------------------------------------------------------------------------------------
// Create

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
    const { inner } = await attestAndSignParts(bundle, options, signKey, participants, maxEventBytes, subject, createdAt, { signPubkey: publicKeyHex(signKey), ds });
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
 * The author attests the entries (one signer call) and the record's sign key signs each part's
 * inner kind 82; without attestation (asked for, or nothing to attest) the author signs each part.
 */
async function attestAndSignParts(
  bundle: FhirBundle,
  options: { author: Signer; attest?: boolean; attestAs?: AttestationRole },
  signKey: Uint8Array,
  participants: Participant[],
  maxEventBytes: number,
  subject: string | undefined,
  createdAt: number,
  bind: { signPubkey: string; ds: string[]; moves?: number },
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
  bind: { signPubkey: string; ds: string[]; moves?: number },
): Promise<string[]> {
  const groups = splitEntries(bundle, participants, maxEventBytes, bind.moves);
  const inner: string[] = [];
  for (let i = 0; i < groups.length; i++) {
    const tags: string[][] = subject ? [['p', subject]] : [];
    if (groups.length > 1) tags.push(['part', String(i + 1), String(groups.length)]);
    // Parts beyond the identifiers given get new ones (written back for the caller).
    bind.ds[i] ??= randomD();
    tags.push(boundTag(bind.signPubkey, bind.ds[i]!));
    // Only the part holding the Composition is a document; the others are collections of its entries.
    const type = i > 0 && bundle.type === 'document' ? 'collection' : bundle.type;
    const content = JSON.stringify({ ...bundle, type, entry: groups[i] });
    const signed = await signerCall(() => signChecked(author, { kind: MEDICAL_DATA_KIND, created_at: createdAt, tags, content }));
    inner.push(JSON.stringify(signed));
  }
  return inner;
}

function normaliseParticipants(list: readonly Participant[]): Participant[] {
  if (!Array.isArray(list)) throw new RecordError('invalid-input', 'Participants must be a list.');
  const byKey = new Map<string, Participant>();
  for (const p of list) {
    if (!p || !isHex64(p.pubkey)) throw new RecordError('invalid-input', 'A participant public key is not 64 lowercase hex characters.');
    if (p.role !== 'editor' && p.role !== 'viewer') throw new RecordError('invalid-input', 'A participant role must be editor or viewer.');
    if (p.relay !== undefined && !/^wss?:\/\/[^\s]{1,200}$/.test(p.relay)) throw new RecordError('invalid-input', 'A participant relay is not a ws:// or wss:// URL.');
    const seen = byKey.get(p.pubkey);
    byKey.set(p.pubkey, { pubkey: p.pubkey, role: seen?.role === 'editor' ? 'editor' : p.role, relay: p.relay ?? seen?.relay });
  }
  return [...byKey.values()];
}

function randomD(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Packs a Bundle's entries into parts whose events fit `maxEventBytes`. Each part's size is
 * predicted from the entry's escaped JSON length, the NIP-44 padding and the tags' size.
 */
function splitEntries(bundle: FhirBundle, participants: Participant[], maxEventBytes: number, moves = 0): BundleEntry[][] {
  const entries = bundle.entry ?? [];
  if (participants.length > MAX_KEY_TAGS) {
    throw new RecordError('too-large', `Too many participants: a record can list at most ${MAX_KEY_TAGS} people, and this one lists ${participants.length}.`);
  }
  // Per-part overhead: the event around the content (participants' p and key tags, id, sig, d,
  // move proofs), and the inner kind 82 around the Bundle JSON (tags, signature, the Bundle's own fields).
  const keyTagLength = nip44PayloadLength(64);
  const tagsBytes = utf8Length(JSON.stringify(participants.flatMap((p) => [['p', p.pubkey, p.relay ?? ''], ['key', p.pubkey, 'x'.repeat(keyTagLength)]])));
  const perParticipant = tagsBytes / Math.max(1, participants.length);
  const emptyInner = JSON.stringify({
    kind: 82, created_at: 0, tags: [['p', 'x'.repeat(64)], ['part', '9999', '9999'], ['a', `${RECORD_KIND}:${'x'.repeat(64)}:${'x'.repeat(32)}`]], content: JSON.stringify({ ...bundle, entry: [] }),
    pubkey: 'x'.repeat(64), id: 'x'.repeat(64), sig: 'x'.repeat(128),
  });
  const innerOverhead = utf8Length(emptyInner) + 16;
  const budgetFor = (people: number): number => {
    const outerOverhead = 420 + Math.ceil(people * perParticipant) + moves * MOVE_TAG_BYTES;
    let maxInner = INTEROP_MAX_PLAINTEXT;
    while (maxInner > 0 && outerOverhead + nip44PayloadLength(maxInner) > maxEventBytes) maxInner -= 256;
    return maxInner - innerOverhead;
  };
  const budget = budgetFor(participants.length);
  const largest = Math.max(1, ...entries.map(entryCost));
  if (largest > budget) {
    // Say what is wrong: often it is not the data but the key tags of too many people.
    let fit = participants.length - 1;
    while (fit >= 1 && budgetFor(fit) < largest) fit--;
    if (fit >= 1) {
      throw new RecordError('too-large', `Too many participants for the relays' event size: with events of at most ${maxEventBytes} bytes, a record holding this data can list at most ${fit} people, and this one lists ${participants.length}.`);
    }
    if (budget <= 0) throw new RecordError('too-large', 'The event size budget is too small for even an empty record with these participants.');
  }

  const groups: BundleEntry[][] = [];
  let current: BundleEntry[] = [];
  let used = 0;
  for (const entry of entries) {
    const cost = entryCost(entry);
    if (cost > budget) {
      throw new RecordError('too-large', `One ${entry.resource.resourceType} is too large to fit in any record part (${cost} bytes).`);
    }
    if (used + cost > budget && current.length > 0) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(entry);
    used += cost;
  }
  groups.push(current);
  return groups;
}

/** Bytes an entry takes in a part: its JSON, escaped once more inside the inner event's content. */
function entryCost(entry: BundleEntry): number {
  return utf8Length(JSON.stringify(JSON.stringify(entry))) + 2;
}

/** Encrypts and signs every part with the record keys. */
function sealParts(input: {
  inner: readonly string[];
  ds: readonly string[];
  signKey: Uint8Array;
  viewKey?: Uint8Array;
  participants: readonly Participant[];
  createdAt: number;
  moves?: readonly string[];
  expiresAt?: number;
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
      const content = nip44Encrypt(innerJson, contentKey);
      return finalizeEvent({ kind: RECORD_KIND, created_at: input.createdAt, tags, content }, input.signKey) as NostrEvent;
    });
  } finally {
    wipe(contentKey, noteKey, ...convs);
  }
}

// ---------------------------------------------------------------------------------------------
// Open

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

/** Verifies, filters and orders the parts; throws when none is usable. */
async function usableParts(events: readonly unknown[], options: OpenRecordOptions): Promise<NostrEvent[]> {
  if (!Array.isArray(events) || events.length === 0) throw new RecordError('invalid-input', 'No events were given for this record.');
  const now = options.now ?? nowSeconds();
  const failures: RecordError[] = [];
  const good: NostrEvent[] = [];
  const deletions: NostrEvent[] = [];
  const pause = timeSlicer();
  for (const raw of events) {
    await pause();
    try {
      const event = cleanEvent(raw);
      if (event.kind === DELETION_KIND) {
        if (hasValidSignature(event)) deletions.push(event);
        continue;
      }
      if (event.kind !== RECORD_KIND) throw new RecordError('unsupported', `Kind ${event.kind} is not a NIP-82 record.`);
      if (!hasValidSignature(event)) throw new RecordError('bad-signature', 'A record event has an invalid signature.');
      if (event.created_at > now + MAX_FUTURE_SECONDS) throw new RecordError('future-dated', 'A record version is dated in the future and was ignored.');
      checkRecordShape(event);
      good.push(event);
    } catch (error) {
      failures.push(error instanceof RecordError ? error : new RecordError('malformed', 'An event could not be read.'));
    }
  }
  if (good.length === 0) {
    // Only the owner's deletion is left (relays removed the versions it covered): say so.
    if (deletions.some((d) => deadAddresses([d], d.pubkey).size > 0) && failures.length === 0) {
      throw new RecordError('deleted', 'This record was deleted or moved by its owner.');
    }
    throw failures[0] ?? new RecordError('malformed', 'No usable record event.');
  }
  const authors = new Set(good.map((e) => e.pubkey));
  if (authors.size > 1) throw new RecordError('invalid-input', 'These events belong to more than one record; group them by author first.');

  // A deletion by the record's own sign key ends its address for every version, even newer ones.
  const dead = deadAddresses(deletions, good[0]!.pubkey);
  const alive = good.filter((e) => !dead.has(addressOf(e)));
  if (alive.length === 0) {
    throw new RecordError('deleted', 'This record was deleted or moved by its owner; any version still served at this address is not shown.');
  }
  const perPart = newestPerAddress(alive);
  // Parts of one version share its time; a part older than that is left over from an earlier
  // version (a relay kept it after a deletion) and is not merged in.
  const current = Math.max(...perPart.map((e) => e.created_at));
  const newest = perPart.filter((e) => e.created_at === current);
  if (options.versions) {
    for (const e of newest) {
      if (!options.versions.observe(e)) {
        throw new RecordError('rollback', 'A newer version of this record was seen earlier but could not be fetched now; the older copy is not shown.');
      }
    }
  }
  return newest;
}

/** Another project's kind 32225 has another shape: insist on NIP-82's. */
function checkRecordShape(event: NostrEvent): void {
  checkKeyTagCount(event.tags);
  const d = event.tags.filter((t) => t[0] === 'd');
  if (d.length !== 1 || !d[0]![1]) throw new RecordError('unsupported', 'This kind-32225 event has no single d tag: not a NIP-82 record.');
  const keys = event.tags.filter((t) => t[0] === 'key');
  if (keys.length === 0) throw new RecordError('unsupported', 'This kind-32225 event has no key tags: not a NIP-82 record.');
  if (keys.some((t) => t.length < 3 || !isHex64(t[1]) || !t[2])) throw new RecordError('malformed', 'A key tag is not [key, pubkey, ciphertext].');
  if (event.content.length < 132) throw new RecordError('unsupported', 'The content is not a NIP-44 payload: not a NIP-82 record.');
}

interface InnerPart {
  index: number;
  total: number;
  inner: string;
  author: string;
  verified: boolean;
  subject?: string;
  bundle: FhirBundle;
  event: NostrEvent;
  /** The record part address the inner event names, if any. */
  bound?: string;
  /** The inner event's `created_at`: when the author signed it. */
  signedAt: number;
}

async function decryptParts(parts: NostrEvent[], key: Uint8Array, reader: string, cache: RecordKeyCache | undefined, cacheId: string, generation: number | undefined): Promise<OpenedRecord> {
  const signPubkey = parts[0]!.pubkey;
  const isEditor = publicKeyHex(key) === signPubkey;
  let viewKey: Uint8Array | undefined;
  let participants: Participant[] | undefined;
  let unreadable = 0;
  if (isEditor) {
    const found = await readParticipants(parts[0]!, key);
    viewKey = found.viewKey;
    participants = found.participants;
    unreadable = found.unreadable;
  }
  const contentKey = isEditor
    ? conversationKey(key, viewKey ? publicKeyHex(viewKey) : signPubkey)
    : conversationKey(key, signPubkey);
  try {
    const inner: ReturnType<typeof readInner>[] = [];
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
    inner.sort((a, b) => a.index - b.index);
    checkPartsBelong(inner);
    const total = inner[0]!.total;
    const moves = readMoveTags(parts[0]!, contentKey);
    const keys = boundKeys(signPubkey, moves);
    const bound = inner.every((p) => p.bound !== undefined && keys.has(p.bound.split(':')[1]!));
    const merged = mergeBundles(inner.map((p) => p.bundle));
    const provenance = verifyAttestations(merged);
    // Parts signed by the record's own key: the author is whoever attested the record.
    const innerAuthor = inner[0]!.author;
    const sealed = innerAuthor === signPubkey ? provenance.sealedBy : undefined;
    const author = sealed?.pubkey ?? innerAuthor;
    const relays = new Map<string, string>();
    for (const t of parts[0]!.tags) if (t[0] === 'p' && t[2]) relays.set(t[1]!, t[2]);
    if (participants) for (const p of participants) if (relays.has(p.pubkey)) p.relay = relays.get(p.pubkey);
    const record: OpenedRecord = {
      signPubkey,
      identifiers: inner.map((p) => tagValue(p.event, 'd')!),
      naddrs: inner.map((p) => naddrEncode({ kind: RECORD_KIND, pubkey: signPubkey, identifier: tagValue(p.event, 'd')! })),
      bundle: merged,
      author,
      authorVerified:
        bound &&
        inner.every((p) => p.verified && p.author === innerAuthor) &&
        // A share's own signature vouches for it as passed on, even where it differs from what an
        // earlier author signed (a reference to a hidden item removed): those items say so themselves.
        (innerAuthor !== signPubkey || (!!sealed && (sealed.complete ? sealed.holds : provenance.changed === 0))),
      authorBound: bound,
      authorSignedAt: Math.min(...inner.map((p) => p.signedAt)),
      movedFrom: [...keys].filter((k) => k !== signPubkey),
      subject: inner[0]!.subject,
      reader,
      role: isEditor ? 'editor' : 'viewer',
      participants: participants?.map((p) => ({ ...p })),
      listed: [...new Set(parts[0]!.tags.filter((t) => t[0] === 'p' && isHex64(t[1])).map((t) => t[1]!))],
      parts: { have: new Set(inner.map((p) => p.index)).size, total },
      withheld: readWithheld(merged),
      provenance,
      createdAt: Math.max(...parts.map((e) => e.created_at)),
      events: inner.map((p) => p.event),
    };
    if (isEditor) {
      const note = readEditorNote(parts[0]!, key, author);
      if (note !== undefined) record.editorNote = note;
    }
    secrets.set(record, {
      signKey: isEditor ? Uint8Array.from(key) : undefined,
      viewKey: isEditor ? (viewKey ? Uint8Array.from(viewKey) : undefined) : Uint8Array.from(key),
      inner: inner.map((p) => p.inner),
      participants: participants ?? [],
      unreadable,
      moves,
    });
    cache?.set(cacheId, key, generation);
    return record;
  } finally {
    wipe(contentKey, viewKey);
  }
}

/** The editor note of a record (editors only), when it carries one that decrypts; never throws. */
function readEditorNote(event: NostrEvent, signKey: Uint8Array, author: string): string | undefined {
  const tag = event.tags.find((t) => t[0] === 'editor-note');
  // NIP-44 base64 grows text by about 4/3; anything longer than a maximal note is not read.
  if (!tag || typeof tag[1] !== 'string' || tag[1].length > MAX_EDITOR_NOTE * 2) return undefined;
  let conv: Uint8Array | undefined;
  try {
    conv = conversationKey(signKey, author);
    const text = nip44Decrypt(tag[1], conv);
    return text.length <= MAX_EDITOR_NOTE ? text : undefined;
  } catch {
    return undefined;
  } finally {
    wipe(conv);
  }
}

/** An editor decrypts every key tag: the roles, and the view key (at most one distinct). */
async function readParticipants(event: NostrEvent, signKey: Uint8Array): Promise<{ participants: Participant[]; viewKey?: Uint8Array; unreadable: number }> {
  const signPubkey = event.pubkey;
  const participants: Participant[] = [];
  let viewKey: Uint8Array | undefined;
  let viewPub: string | undefined;
  let unreadable = 0;
  // One key exchange per tag (their number is capped): in slices, so the page stays responsive.
  const pause = timeSlicer();
  for (const t of event.tags) {
    if (t[0] !== 'key') continue;
    await pause();
    let conv: Uint8Array | undefined;
    let secret: Uint8Array;
    try {
      conv = conversationKey(signKey, t[1]!);
      secret = parseSecretKeyHex(nip44Decrypt(t[2]!, conv).trim());
    } catch {
      unreadable++; // gives that person no access; counted so no change silently drops them
      continue;
    } finally {
      wipe(conv);
    }
    const pub = publicKeyHex(secret);
    if (pub === signPubkey) {
      participants.push({ pubkey: t[1]!, role: 'editor' });
      wipe(secret);
    } else {
      if (viewPub && viewPub !== pub) {
        wipe(secret, viewKey);
        throw new RecordError('malformed', 'This record hands out more than one view key.');
      }
      if (!viewKey) {
        viewKey = secret;
        viewPub = pub;
      } else wipe(secret);
      participants.push({ pubkey: t[1]!, role: 'viewer' });
    }
  }
  return { participants: dedupeParticipants(participants), viewKey, unreadable };
}

function dedupeParticipants(list: Participant[]): Participant[] {
  const map = new Map<string, Participant>();
  for (const p of list) if (!map.has(p.pubkey) || p.role === 'editor') map.set(p.pubkey, p);
  return [...map.values()];
}

function readInner(event: NostrEvent, contentKey: Uint8Array): InnerPart {
  const text = nip44Decrypt(event.content, contentKey);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // No cause: the parser's message quotes the start of the decrypted text.
    throw new RecordError('malformed', 'The record content is not a JSON event.');
  }
  const inner = parsed as Record<string, unknown>;
  if (!inner || typeof inner !== 'object' || inner.kind !== MEDICAL_DATA_KIND) {
    throw new RecordError('malformed', 'The record does not contain a kind-82 medical data event.');
  }
  if (!isHex64(inner.pubkey) || typeof inner.content !== 'string' || !Array.isArray(inner.tags)) {
    throw new RecordError('malformed', 'The inner medical data event is incomplete.');
  }
  const verified = innerSignatureHolds(inner, event);
  const tags = (inner.tags as unknown[]).filter((t): t is string[] => Array.isArray(t) && t.every((x) => typeof x === 'string'));
  const part = tags.find((t) => t[0] === 'part');
  const index = part ? Number(part[1]) : 1;
  const total = part ? Number(part[2]) : 1;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(total) || index < 1 || total < index || total > 10000) {
    throw new RecordError('malformed', 'The part numbering of this record is invalid.');
  }
  const subject = tags.find((t) => t[0] === 'p' && isHex64(t[1]))?.[1];
  const signedAt = Number.isSafeInteger(inner.created_at) ? (inner.created_at as number) : 0;
  return { index, total, inner: text, author: inner.pubkey, verified, subject, bundle: readBundle(inner.content), event, bound: boundAddress(tags), signedAt };
}

function mergeBundles(bundles: FhirBundle[]): FhirBundle {
  const seen = new Set<string>();
  const entry: BundleEntry[] = [];
  for (const b of bundles) {
    for (const e of b.entry ?? []) {
      const key = e.fullUrl ?? '';
      if (key && seen.has(key)) continue;
      seen.add(key);
      entry.push(e);
    }
  }
  return { ...bundles[0]!, entry };
}

// ---------------------------------------------------------------------------------------------
// Change

function editorSecrets(record: OpenedRecord): RecordSecrets & { signKey: Uint8Array } {
  const s = secrets.get(record);
  if (!s) throw new RecordError('invalid-input', 'This record was not opened by this kit, or has been forgotten.');
  if (!s.signKey) throw new RecordError('not-an-editor', 'Only an editor of this record can change who has access.');
  return s as RecordSecrets & { signKey: Uint8Array };
}

/** Secrets of a record that can be changed safely: every part at hand and every key tag read. */
function changeableSecrets(record: OpenedRecord): RecordSecrets & { signKey: Uint8Array } {
  const s = editorSecrets(record);
  if (record.parts.have < record.parts.total) {
    throw new RecordError('invalid-input', `Only ${record.parts.have} of ${record.parts.total} parts of this record were found; fetch every part before changing it, or the missing ones would stay readable as they are.`);
  }
  if (s.unreadable > 0) {
    throw new RecordError('malformed', 'A key tag on this record could not be read; changing access now would silently remove that person.');
  }
  return s;
}

function nextVersionTime(record: OpenedRecord, at?: number): number {
  return Math.max(at ?? nowSeconds(), record.createdAt + 1);
}

function reissue(
  record: OpenedRecord,
  s: RecordSecrets & { signKey: Uint8Array },
  participants: Participant[],
  options: { createdAt?: number; newSignKey?: Uint8Array; inner?: string[]; ds?: string[]; moves?: string[] },
): { events: NostrEvent[]; record: OpenedRecord } {
  const inner = options.inner ?? s.inner;
  const signKey = options.newSignKey ?? s.signKey;
  const hasViewers = participants.some((p) => p.role === 'viewer');
  const viewKey = hasViewers ? generateSecretKey() : undefined;
  const createdAt = options.newSignKey ? options.createdAt ?? nowSeconds() : nextVersionTime(record, options.createdAt);
  const ds = options.ds ?? inner.map((_, i) => (options.newSignKey ? undefined : record.identifiers[i]) ?? randomD());
  const moves = options.moves ?? s.moves;
  try {
    // The editor note goes with every version, encrypted again under the sign key in use.
    const events = sealParts({ inner, ds, signKey, viewKey, participants, createdAt, moves, note: record.editorNote, author: record.author });
    const signPubkey = events[0]!.pubkey;
    const next: OpenedRecord = {
      ...record,
      signPubkey,
      movedFrom: options.newSignKey ? [record.signPubkey, ...record.movedFrom] : record.movedFrom,
      identifiers: [...ds],
      naddrs: ds.map((d) => naddrEncode({ kind: RECORD_KIND, pubkey: signPubkey, identifier: d })),
      participants: participants.map((p) => ({ ...p })),
      listed: participants.map((p) => p.pubkey),
      createdAt,
      events,
    };
    secrets.set(next, {
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
  const s = changeableSecrets(record);
  const [added] = normaliseParticipants([participant]);
  const rest = s.participants.filter((p) => p.pubkey !== added!.pubkey);
  const next = [...rest, added!];
  if (!next.some((p) => p.role === 'editor')) {
    throw new RecordError('invalid-input', 'A record must keep at least one editor.');
  }
  // An editor made a viewer still holds the sign key: only moving the record takes it away.
  const demoted = s.participants.some((p) => p.pubkey === added!.pubkey && p.role === 'editor') && added!.role === 'viewer';
  if (demoted) return moveRecord(record, s, next, options);
  const { events, record: changed } = reissue(record, s, next, options);
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
  const s = changeableSecrets(record);
  const target = s.participants.find((p) => p.pubkey === pubkey);
  if (!target) throw new RecordError('not-a-participant', 'That person is not listed on this record.');
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

/**
 * Moves a record to a new sign key (a new address) for `participants`: new versions first, then
 * NIP-09 deletions of the old address, then (given `notify`) owner-signed notices of the move.
 */
async function moveRecord(
  record: OpenedRecord,
  s: RecordSecrets & { signKey: Uint8Array },
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

function deletionRequests(record: OpenedRecord, signKey: Uint8Array, at?: number): NostrEvent[] {
  return [deletionRequest(record.signPubkey, record.identifiers, signKey, Math.max(at ?? nowSeconds(), record.createdAt))];
}

/** A NIP-09 kind 5 asking relays to delete every version of the given parts, signed by the sign key. */
function deletionRequest(signPubkey: string, ds: readonly string[], signKey: Uint8Array, createdAt: number): NostrEvent {
  const tags = ds.map((d) => ['a', `${RECORD_KIND}:${signPubkey}:${d}`]);
  tags.push(['k', String(RECORD_KIND)]);
  return finalizeEvent({ kind: 5, created_at: createdAt, tags, content: 'Record moved or deleted by its owner.' }, signKey) as NostrEvent;
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
  const signed = await attestAndSignParts(bundle, options, s.signKey, s.participants, maxEventBytes, record.subject, createdAt, { signPubkey: record.signPubkey, ds, moves: s.moves.length });
  const inner = signed.inner;
  const { events, record: next } = reissue(record, s, s.participants, { createdAt, inner, ds: ds.slice(0, inner.length) });
  const dropped = record.identifiers.slice(inner.length);
  const deletions = dropped.length ? [deletionRequest(record.signPubkey, dropped, s.signKey, createdAt)] : [];
  const updated: OpenedRecord = {
    ...next, bundle: signed.bundle, author, authorVerified: true, authorBound: true, authorSignedAt: createdAt, withheld: readWithheld(signed.bundle),
    provenance: verifyAttestations(signed.bundle), parts: { have: inner.length, total: inner.length },
  };
  secrets.set(updated, secrets.get(next)!);
  return { events: [...events, ...deletions], deletions, notices: [], record: updated };
}

/** NIP-09 deletion requests for every part of a record, signed by its sign key (editors only). */
export function deleteRecord(record: OpenedRecord, options: { createdAt?: number } = {}): NostrEvent[] {
  return deletionRequests(record, editorSecrets(record).signKey, options.createdAt);
}

/** Wipes the keys held for an opened record; it can no longer be changed. */
export function forgetRecord(record: OpenedRecord): void {
  const s = secrets.get(record);
  if (s) wipe(s.signKey, s.viewKey);
  secrets.delete(record);
}

/**
 * Groups kind-32225 events by record (sign public key), e.g. after a `#p` query. Deletions (kind 5)
 * by a record's sign key join its group, so {@link openRecord} refuses what they ended.
 */
export function groupRecords(events: readonly NostrEvent[]): Map<string, NostrEvent[]> {
  const groups = new Map<string, NostrEvent[]>();
  for (const e of events) {
    if (e.kind !== RECORD_KIND || !isHex64(e.pubkey)) continue;
    const list = groups.get(e.pubkey) ?? [];
    list.push(e);
    groups.set(e.pubkey, list);
  }
  for (const e of events) {
    if (e.kind !== DELETION_KIND || !isHex64(e.pubkey)) continue;
    // A deletion alone (the relays removed what it covered) still tells that the record was ended.
    if (!groups.has(e.pubkey) && deadAddresses([e], e.pubkey).size === 0) continue;
    const list = groups.get(e.pubkey) ?? [];
    list.push(e);
    groups.set(e.pubkey, list);
  }
  return groups;
}

async function signerCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toRecordError(error);
  }
}

function toRecordError(error: unknown): RecordError {
  if (error instanceof RecordError) return error;
  if (error instanceof SignerError) return new RecordError('signer', error.message, { cause: error });
  return new RecordError('signer', 'The signer failed.', { cause: safeCause(error) });
}

export { addressOf };
