/**
 * The keys of each opened record, kept out of reach of the host page: a WeakMap keyed by the
 * record object, so no property, enumeration or serialisation of the record reveals them, and they
 * go when the record does. Only the kit's own create, open and change code reaches them.
 */
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

/** Wipes the keys held for an opened record; it can no longer be changed. */
export function forgetRecord(record: OpenedRecord): void {
  const s = secrets.get(record);
  if (s) wipe(s.signKey, s.viewKey);
  secrets.delete(record);
}
