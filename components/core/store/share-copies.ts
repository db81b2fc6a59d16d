/**
 * Share copies: the records a patient made from their own records for one audience. The patient
 * holds them as editor and wrote them (their verified signature on the inner event), and each
 * carries the grant Consent stating to whom, since and until when, and why. Shown to the patient
 * as shares, never as more health records.
 */
import type { OpenedRecord } from '../nip82/record.js';
import type { FhirBundle } from '../fhir/types.js';
import { expirationOf, isGrantConsent, readGrant, type Grant } from '../nip82/grant.js';
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
  /** True when the share withholds items. */
  withholds: boolean;
  /** How many items were hidden, when the share's marker discloses it. */
  hidden?: number;
  /** `fullUrl`s of the items hidden from the recipient, from the share's editor note (the patient alone reads it). */
  hiddenItems: string[];
}

/** What a share copy is, read once per opened record (a new version is a new object). */
const copies = new WeakMap<OpenedRecord, Omit<ShareCopy, 'status'> | null>();
/** The grant note of a Bundle, read once per Bundle object. */
const grants = new WeakMap<FhirBundle, Grant | null>();

/** Every list and render asks this of every record: the Bundle is scanned once, only the status (by date) each time. */
export function shareCopyOf(record: OpenedRecord, today = isoDay(new Date())): ShareCopy | undefined {
  let copy = copies.get(record);
  if (copy === undefined) {
    copy = readCopy(record);
    copies.set(record, copy);
  }
  return copy ? { ...copy, status: statusOf(record, copy.grant, today) } : undefined;
}

function readCopy(record: OpenedRecord): Omit<ShareCopy, 'status'> | null {
  if (record.role !== 'editor' || record.author !== record.reader || !record.authorVerified) return null;
  const grant = grantOf(record.bundle);
  if (!grant) return null;
  const entries = (record.bundle.entry ?? []).filter((e) => e.resource && !isGrantConsent(e.resource) && !isWithheldList(e.resource) && !isAttestation(e.resource));
  return {
    record,
    grant,
    items: entries.length,
    withholds: !!record.withheld,
    ...(record.withheld?.count !== undefined ? { hidden: record.withheld.count } : {}),
    hiddenItems: readShareNote(record.editorNote),
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

function statusOf(record: OpenedRecord, grant: Grant, today: string): ShareStatus {
  const listed = (record.participants ?? []).some((p) => p.pubkey === grant.recipient);
  const past = !!grant.until && grant.until < today;
  if (listed) return past ? 'overdue' : 'active';
  // Taken off the record: at or after its last day it ended, before that it was revoked.
  return grant.until && isoDay(new Date(record.createdAt * 1000)) > grant.until ? 'ended' : 'revoked';
}

/** The terms of a record someone shared with the reader, as the reader sees them. */
export interface GrantToReader {
  /** Last day of access (YYYY-MM-DD), from the grant note, else from the NIP-40 expiration. */
  until?: string;
  /** True once that day is over (or the expiration passed): the share no longer gives access. */
  ended: boolean;
}

/**
 * For a record shared with the reader (its grant names them, or its events carry an expiration):
 * until when, and whether that has passed. Undefined for a record with neither, or the reader's own share.
 */
export function grantToReader(record: OpenedRecord, now = new Date()): GrantToReader | undefined {
  if (shareCopyOf(record)) return undefined;
  const grant = grantOf(record.bundle);
  const forReader = grant && grant.recipient === record.reader ? grant : undefined;
  const expirations = record.events.map(expirationOf).filter((e): e is number => e !== undefined);
  const expires = expirations.length ? Math.min(...expirations) : undefined;
  if (!forReader && expires === undefined) return undefined;
  // An expiration is the first second after the last day: that day is the one before it.
  const until = forReader?.until ?? (expires !== undefined ? isoDay(new Date((expires - 1) * 1000)) : undefined);
  const seconds = Math.floor(now.getTime() / 1000);
  const ended = (!!until && until < isoDay(now)) || (expires !== undefined && expires <= seconds);
  return { ...(until ? { until } : {}), ended };
}

/** YYYY-MM-DD of a date in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
