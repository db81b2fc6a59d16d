/**
 * Share copies: the records a patient made from their own records for one audience. The patient
 * holds them as editor and wrote them (their verified signature on the inner event), and each
 * carries the grant Consent stating to whom, since and until when, and why. Shown to the patient
 * as shares, never as more health records.
 */
import type { OpenedRecord } from '../nip82/record.js';
import type { FhirBundle, FhirResource } from '../fhir/types.js';
import { expirationOf, grantEnd, isGrantConsent, localDay, readGrant, type Grant } from '../nip82/grant.js';
import { isWithheldList } from '../fhir/withheld.js';
import { isAttestation } from '../attest/format.js';
import { readShareNote } from '../nip82/share-note.js';

/** Where a share stands: in force, past its end date but still open to the recipient, ended, or revoked. */
export type ShareStatus = 'active' | 'overdue' | 'ended' | 'revoked';

/** One share the reader made. */
export interface ShareCopy {
  record: OpenedRecord;
  grant: Grant;
  status: ShareStatus;
  /** Health items shared (the grant note, the hidden-item marker and signatures not counted). */
  items: number;
  /** Their kinds (FHIR resource types), each once, in the order they first come. */
  types: string[];
  /** True when the share withholds items. */
  withholds: boolean;
  /** How many items were hidden, when the share's marker discloses it. */
  hidden?: number;
  /**
   * `fullUrl`s of the items hidden from the recipient, from the share's editor note, which only
   * its editors read: the patient alone when the recipient only views it.
   */
  hiddenItems: string[];
  /**
   * Whether `hiddenItems` is all the share hid. False for a share that withholds items and keeps no
   * list of them: one whose recipient may edit it (they would read the list), or one made without.
   */
  hiddenKept: boolean;
}

/** Whether a share's recipient can still open it: in force, or past its end date and not revoked yet. */
export function shareOpen(share: ShareCopy): boolean {
  return share.status === 'active' || share.status === 'overdue';
}

/** When a share was made, in seconds: its grant's start, else its version's. */
export function shareSince(share: ShareCopy): number {
  const ms = Date.parse(share.grant.since);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : share.record.createdAt;
}

/**
 * Whether an entry is one of the items a share counts ("56 items"): the patient's details and health
 * items, not the grant note, the hidden-item marker or signatures. Every count of a share's items
 * follows this one rule, so that two counts on one screen never disagree.
 */
export function countsAsItem(resource: FhirResource | undefined): resource is FhirResource {
  return !!resource && !isGrantConsent(resource) && !isWithheldList(resource) && !isAttestation(resource);
}

/** What a share copy is, read once per opened record (a new version is a new object). */
const copies = new WeakMap<OpenedRecord, Omit<ShareCopy, 'status'> | null>();
/** The grant note of a Bundle, read once per Bundle object. */
const grants = new WeakMap<FhirBundle, Grant | null>();

/** Every list and render asks this of every record: the Bundle is scanned once, only the status (by date) each time. */
export function shareCopyOf(record: OpenedRecord, now = new Date()): ShareCopy | undefined {
  let copy = copies.get(record);
  if (copy === undefined) {
    copy = readCopy(record);
    copies.set(record, copy);
  }
  return copy ? { ...copy, status: statusOf(record, copy.grant, Math.floor(now.getTime() / 1000)) } : undefined;
}

function readCopy(record: OpenedRecord): Omit<ShareCopy, 'status'> | null {
  if (record.role !== 'editor' || record.author !== record.reader || !record.authorVerified) return null;
  const grant = grantOf(record.bundle);
  if (!grant) return null;
  const entries = (record.bundle.entry ?? []).filter((e) => countsAsItem(e.resource));
  return {
    record,
    grant,
    items: entries.length,
    types: [...new Set(entries.map((e) => e.resource.resourceType))],
    withholds: !!record.withheld,
    ...(record.withheld?.count !== undefined ? { hidden: record.withheld.count } : {}),
    hiddenItems: readShareNote(record.editorNote),
    hiddenKept: !record.withheld || record.editorNote !== undefined,
  };
}

function grantOf(bundle: FhirBundle): Grant | undefined {
  let grant = grants.get(bundle);
  if (grant === undefined) {
    grant = readGrant(bundle) ?? null;
    grants.set(bundle, grant);
  }
  return grant ?? undefined;
}

function statusOf(record: OpenedRecord, grant: Grant, seconds: number): ShareStatus {
  const listed = (record.participants ?? []).some((p) => p.pubkey === grant.recipient);
  // Moments, not calendar days: the last day ends at the patient's midnight, not at UTC's.
  const end = grantEnd(grant);
  if (listed) return end !== undefined && seconds >= end ? 'overdue' : 'active';
  // Taken off the record: once its last day was over it ended, before that it was revoked.
  return end !== undefined && record.createdAt >= end ? 'ended' : 'revoked';
}

/** The terms of a record someone shared with the reader, as the reader sees them. */
export interface GrantToReader {
  /** Last day of access (YYYY-MM-DD), from the grant note, else from the NIP-40 expiration. */
  until?: string;
  /** True once that day is over (or the expiration passed): the share no longer gives access. */
  ended: boolean;
  /** Given when access ends at an hour of the last day (see `Grant.atHour`): the first second without it. */
  ends?: number;
  atHour?: true;
}

/**
 * For a record shared with the reader (its grant names them, or its events carry an expiration):
 * until when, and whether that has passed. Undefined for a record with neither, or the reader's own share.
 */
export function grantToReader(record: OpenedRecord, now = new Date()): GrantToReader | undefined {
  const terms = readerTerms(record);
  if (!terms) return undefined;
  const { until, ends, atHour } = terms;
  return { ...(until ? { until } : {}), ended: ends !== undefined && ends <= Math.floor(now.getTime() / 1000), ...(atHour ? { ends, atHour } : {}) };
}

/**
 * Whether a share to the reader has ended, so that they may no longer pass the record on or change
 * who holds it; never for the reader's own record (about them, or theirs), whose end is theirs to change.
 */
export function endedForReader(record: OpenedRecord): boolean {
  return (record.subject ?? record.author) !== record.reader && !!grantToReader(record)?.ended;
}

/**
 * The same terms without a moment to judge them at: the last day, and the first second without
 * access. A page kept open reads them once and tells at each render whether that second has come.
 */
export function readerTerms(record: OpenedRecord): Omit<GrantToReader, 'ended'> | undefined {
  if (shareCopyOf(record)) return undefined;
  const grant = grantOf(record.bundle);
  const forReader = grant && grant.recipient === record.reader ? grant : undefined;
  const expirations = record.events.map(expirationOf).filter((e): e is number => e !== undefined);
  const expires = expirations.length ? Math.min(...expirations) : undefined;
  if (!forReader && expires === undefined) return undefined;
  // The day shown is the one the patient chose, in their calendar, even for a reader in another
  // time zone: both then name the same day, as the patient would on the phone. The share ends at
  // the patient's midnight (the Consent's end and the expiration agree), which for a reader far
  // east or west falls some hours into the next day or before their own midnight. Without a grant,
  // the expiration's last second is read in the reader's calendar: nothing says the patient's.
  const until = forReader?.until ?? (expires !== undefined ? localDay(new Date((expires - 1) * 1000)) : undefined);
  const ends = [forReader ? grantEnd(forReader) : undefined, expires].filter((e): e is number => e !== undefined);
  const end = ends.length ? Math.min(...ends) : undefined;
  return { ...(until ? { until } : {}), ...(end !== undefined ? { ends: end, ...(forReader?.atHour && end === ends[0] ? { atHour: true as const } : {}) } : {}) };
}

