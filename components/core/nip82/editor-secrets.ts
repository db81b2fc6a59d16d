/**
 * The secrets (record-secrets.ts) of a record about to be changed, refused when this reader cannot
 * change it. Apart from record-secrets.ts, which every page that opens records loads, since only
 * changing a record (record-change.ts) asks for them.
 */
import { RecordError } from '../errors.js';
import type { OpenedRecord } from './record-types.js';
import { secretsOf, type EditorSecrets } from './record-secrets.js';

/** The secrets of a record this reader can change: refuses (`not-an-editor`) a viewer's. */
export function editorSecrets(record: OpenedRecord): EditorSecrets {
  const s = secretsOf(record);
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
