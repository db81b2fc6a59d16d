/**
 * The keys of each opened record, kept out of reach of the host page: a WeakMap keyed by the
 * record object, so no property, enumeration or serialisation of the record reveals them, and they
 * go when the record does. Only the kit's own create, open and change code reaches them.
 */
import { RecordError } from '../errors.js';
import { wipe } from '../crypto.js';
import type { OpenedRecord, Participant } from './record-types.js';

/** What changing a record needs beyond what its reader sees. */
export interface RecordSecrets {
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

/** The secrets of a record opened by an editor: the sign key is there. */
export type EditorSecrets = RecordSecrets & { signKey: Uint8Array };

/** Keys of each opened record, out of reach of the host page: no property, no serialisation. */
const secrets = new WeakMap<OpenedRecord, RecordSecrets>();

/** Keeps `kept` as the secrets of `record`; the keys in it are the record's own copies from now on. */
export function keepSecrets(record: OpenedRecord, kept: RecordSecrets): void {
  secrets.set(record, kept);
}

/** The secrets kept for `record`, if it was opened or made by this kit and not forgotten. */
export function secretsOf(record: OpenedRecord): RecordSecrets | undefined {
  return secrets.get(record);
}

/** The secrets of a record this reader can change: refuses (`not-an-editor`) a viewer's. */
export function editorSecrets(record: OpenedRecord): EditorSecrets {
  const s = secrets.get(record);
  if (!s) throw new RecordError('invalid-input', 'This record was not opened by this kit, or has been forgotten.');
  if (!s.signKey) throw new RecordError('not-an-editor', 'Only an editor of this record can change who has access.');
  return s as EditorSecrets;
}

/** Secrets of a record that can be changed safely: every part at hand and every key tag read. */
export function changeableSecrets(record: OpenedRecord): EditorSecrets {
  const s = editorSecrets(record);
  if (record.parts.have < record.parts.total) {
    throw new RecordError('invalid-input', `Only ${record.parts.have} of ${record.parts.total} parts of this record were found; fetch every part before changing it, or the missing ones would stay readable as they are.`);
  }
  if (s.unreadable > 0) {
    throw new RecordError('malformed', 'A key tag on this record could not be read; changing access now would silently remove that person.');
  }
  return s;
}

/** Wipes the keys held for an opened record; it can no longer be changed. */
export function forgetRecord(record: OpenedRecord): void {
  const s = secrets.get(record);
  if (s) wipe(s.signKey, s.viewKey);
  secrets.delete(record);
}
