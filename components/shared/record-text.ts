/**
 * Text taken from records, for people: cleaned and bounded (record contents come from other people
 * and may carry bidi or control-character tricks; it is bound as text, never as HTML), and a
 * record's name for someone choosing what to share or whose access to revoke.
 */
import type { OpenedRecord } from '../core/nip82/record.js';
import { describeRecord } from '../core/store/record-description.js';
import { dayText } from './dates.js';
import { isolate } from './identity.js';
import type { RecordsStrings } from './records.strings.js';

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;

/** Text from a record, safe to show: invisible and control characters removed, bounded. */
export function clean(text: string, max = 120): string {
  // eslint-disable-next-line no-control-regex
  return text.slice(0, 1024).replace(INVISIBLE, '').replace(/[\u0000-\u001F\u007F\s]+/g, ' ').trim().slice(0, max);
}

/**
 * A record's name for a person choosing or revoking: its title or main kinds, who wrote it, when.
 * Never the patient's own name, which every one of their records shares.
 */
export function recordName(record: OpenedRecord, s: Pick<RecordsStrings, 'recordName' | 'typeList'>, author: string, lang: string): string {
  const d = describeRecord(record);
  const named = d.kinds.slice(0, 3).map((k) => k.type);
  // Isolated: a right-to-left title would carry the kinds and date beside it into its direction (`author` comes isolated).
  return s.recordName({ ...(d.title ? { title: isolate(clean(d.title)) } : {}), kinds: s.typeList(named), moreKinds: d.kinds.length - named.length, author, date: dayText(d.createdAt, lang) });
}
