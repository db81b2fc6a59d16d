/**
 * Text taken from records, for people: cleaned and bounded (record contents come from other people
 * and may carry bidi or control-character tricks; it is bound as text, never as HTML), and a
 * record's name for someone choosing what to share or whose access to revoke.
 */
import type { OpenedRecord } from '../core/nip82/record.js';
import { describeRecord } from '../core/store/record-description.js';
import { animalOf, patientOf } from '../core/fhir/patient.js';
import { dayText } from './dates.js';
import { isolate } from './identity.js';
import type { RecordsStrings } from './records.strings.js';

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;

/** Text from a record, safe to show: invisible and control characters removed, bounded. */
export function clean(text: string, max = 120): string {
  // eslint-disable-next-line no-control-regex
  return text.slice(0, 1024).replace(INVISIBLE, '').replace(/[\u0000-\u001F\u007F\s]+/g, ' ').trim().slice(0, max);
}

/** A person's (or an animal's) name from a FHIR HumanName list, cleaned. */
export function humanName(value: unknown): string {
  const names = Array.isArray(value) ? (value as { text?: unknown; given?: unknown; family?: unknown }[]) : [];
  const n = names[0];
  if (!n) return '';
  if (typeof n.text === 'string') return clean(n.text);
  const given = Array.isArray(n.given) ? n.given.filter((g) => typeof g === 'string').join(' ') : '';
  return clean([given, typeof n.family === 'string' ? n.family : ''].filter(Boolean).join(' '));
}

/**
 * Who each of `records` is about, by name, where a list of them needs it to tell them apart: when
 * they are about more than one patient (two pets of one owner, a parent and oneself), and always
 * for an animal. Else undefined: a person's records all share their name.
 */
export function subjectNamer(records: readonly OpenedRecord[]): (record: OpenedRecord) => string | undefined {
  // Holds no record: kept by an element, it keeps nothing of a user who left.
  const several = new Set(records.map(subjectName).filter(Boolean)).size > 1;
  return (r) => ((several || animalOf(patientOf(r.bundle))) && subjectName(r)) || undefined;
}

const subjectName = (r: OpenedRecord) => humanName(patientOf(r.bundle)?.name);

/**
 * A record's name for a person choosing or revoking: its title or main kinds, whom it is about
 * (`patient`, when the list needs it: see {@link subjectNamer}), who wrote it, when.
 */
export function recordName(record: OpenedRecord, s: Pick<RecordsStrings, 'recordName' | 'typeList'>, author: string, lang: string, patient?: string): string {
  const d = describeRecord(record);
  const named = d.kinds.slice(0, 3).map((k) => k.type);
  // Isolated: a right-to-left title would carry the kinds and date beside it into its direction (`author` comes isolated).
  return s.recordName({
    ...(d.title ? { title: isolate(clean(d.title)) } : {}), kinds: s.typeList(named), moreKinds: d.kinds.length - named.length, author, date: dayText(d.createdAt, lang),
    ...(patient ? { patient: isolate(patient) } : {}),
  });
}
