/**
 * What a record is, for naming it to a person: its document title when it is a document, its main
 * kinds of items, who wrote it and when. Never the patient's own name: every record of one patient
 * carries it, so it tells none of them apart.
 */
import type { OpenedRecord } from '../nip82/record.js';
import { isGrantConsent } from '../nip82/grant.js';
import { isWithheldList } from '../fhir/withheld.js';

/** Item types that say nothing about what a record is about. */
const FRAME_TYPES = new Set(['Patient', 'Provenance', 'Composition', 'Organization', 'Practitioner', 'PractitionerRole', 'Bundle']);

/** What a list says of a record before it is opened on screen: its title, its kinds of items, who wrote it and when. */
export interface RecordDescription {
  /** The document's title (a Composition's), when the record is a document. */
  title?: string;
  /** Kinds of items (FHIR resource types) with their counts, most first. */
  kinds: { type: string; count: number }[];
  /** Who wrote it (inner author), and whether that is verified. */
  author: string;
  authorVerified: boolean;
  /** When this version was made, in seconds. */
  createdAt: number;
}

/** Descriptions by opened record: lists name every record at every render, the Bundle is read once. */
const described = new WeakMap<OpenedRecord, RecordDescription>();

/** Describes an opened record for a list (read once per record version, then kept). */
export function describeRecord(record: OpenedRecord): RecordDescription {
  let description = described.get(record);
  if (!description) {
    description = Object.freeze(readDescription(record));
    described.set(record, description);
  }
  return description;
}

function readDescription(record: OpenedRecord): RecordDescription {
  const counts = new Map<string, number>();
  let title: string | undefined;
  for (const entry of record.bundle.entry ?? []) {
    const resource = entry?.resource;
    if (!resource || isGrantConsent(resource) || isWithheldList(resource)) continue;
    if (resource.resourceType === 'Composition' && title === undefined) {
      const t = (resource as { title?: unknown }).title;
      if (typeof t === 'string' && t.trim()) title = t.trim().slice(0, 120);
    }
    if (FRAME_TYPES.has(resource.resourceType)) continue;
    counts.set(resource.resourceType, (counts.get(resource.resourceType) ?? 0) + 1);
  }
  const kinds = [...counts.entries()].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  return { ...(title ? { title } : {}), kinds: Object.freeze(kinds) as RecordDescription['kinds'], author: record.author, authorVerified: record.authorVerified, createdAt: record.createdAt };
}
