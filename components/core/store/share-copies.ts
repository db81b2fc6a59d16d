/**
 * Share copies: the records a patient made from their own records for one audience. The patient
 * holds them as editor and wrote them (their verified signature on the inner event), and each
 * carries the grant Consent stating to whom, since and until when, and why. Shown to the patient
 * as shares, never as more health records.
 */
import type { OpenedRecord } from '../nip82/record.js';
import { isGrantConsent, readGrant, type Grant } from '../nip82/grant.js';
import { isWithheldList } from '../fhir/withheld.js';
import { readShareNote } from '../nip82/share.js';

/** Where a share stands: in force, past its end date but still open to the recipient, ended, or revoked. */
export type ShareStatus = 'active' | 'overdue' | 'ended' | 'revoked';

/** One share the reader made. */
export interface ShareCopy {
  record: OpenedRecord;
  grant: Grant;
  status: ShareStatus;
  /** Health items shared (the grant note and the hidden-item marker not counted). */
  items: number;
  /** True when the share withholds items. */
  withholds: boolean;
  /** How many items were hidden, when the share's marker discloses it. */
  hidden?: number;
  /** `fullUrl`s of the items hidden from the recipient, from the share's editor note (the patient alone reads it). */
  hiddenItems: string[];
}

/** The share copy `record` is, or undefined when it is a record the reader holds. */
export function shareCopyOf(record: OpenedRecord, today = isoDay(new Date())): ShareCopy | undefined {
  if (record.role !== 'editor' || record.author !== record.reader || !record.authorVerified) return undefined;
  const grant = readGrant(record.bundle);
  if (!grant) return undefined;
  const entries = (record.bundle.entry ?? []).filter((e) => e.resource && !isGrantConsent(e.resource) && !isWithheldList(e.resource));
  return {
    record,
    grant,
    status: statusOf(record, grant, today),
    items: entries.length,
    withholds: !!record.withheld,
    ...(record.withheld?.count !== undefined ? { hidden: record.withheld.count } : {}),
    hiddenItems: readShareNote(record.editorNote),
  };
}

function statusOf(record: OpenedRecord, grant: Grant, today: string): ShareStatus {
  const listed = (record.participants ?? []).some((p) => p.pubkey === grant.recipient);
  const past = !!grant.until && grant.until < today;
  if (listed) return past ? 'overdue' : 'active';
  // Taken off the record: at or after its last day it ended, before that it was revoked.
  return grant.until && isoDay(new Date(record.createdAt * 1000)) > grant.until ? 'ended' : 'revoked';
}

/** YYYY-MM-DD of a date in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
