/**
 * What a NIP-82 record looks like to the kit's users: who is on it and in what role, the record
 * as its reader sees it after opening (no keys), and the options and results of each operation.
 */
import type { NostrEvent } from '../events.js';
import type { Signer } from '../signers/signer.js';
import type { Withheld } from '../fhir/withheld.js';
import type { FhirBundle } from '../fhir/types.js';
import type { AttestationRole, ProvenanceReport } from '../attest/attestation.js';
import type { RecordKeyCache } from './keys.js';
import type { VersionTracker } from './versions.js';

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
   * this record ({@link authorBound}) or for none named ({@link authorUnnamed}), or, for a record whose parts are signed by its own key, when
   * `author`'s attestation signature holds and no entry changed since (with parts missing, only what
   * is at hand can be checked; `parts` says so): only then is it the author's word on this record.
   */
  authorVerified: boolean;
  /**
   * True when every inner kind 82 names this record (or an address it provably moved from). False
   * means an author's event signed for another record (perhaps since corrected) was wrapped in here,
   * or, with {@link authorUnnamed}, that some names no record at all.
   */
  authorBound: boolean;
  /**
   * True when some inner kind 82 names no record (another app's: NIP-82 defines no such tag) and
   * none names another. `authorVerified` can then hold: the signature proves who wrote the entries,
   * but not for which record, nor that it is their latest version.
   */
  authorUnnamed?: boolean;
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
   * a share no other editor receives keeps there which items it hid, so the patient's later
   * sessions know without asking.
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
