/**
 * The viewer's English words that only its parts fetched later say (record-extras.ts, with
 * record-notices.ts): a load's notices, a glasses prescription's lens table, a document's
 * attachments and the download's file name, and that a record the reader had open was deleted by
 * its owner (rare: said among the notices). They travel with those parts, which add them to the
 * built-in tables as they arrive (addLateStrings); a host's override of any of them, set before or
 * after, wins as it always did. The Spanish pack holds them with the rest.
 */
import { plural } from '../shared/plural.js';
import type { LateKey, RecordViewerStrings } from './record-viewer.strings.js';

export const lateStringsEn: Pick<RecordViewerStrings, LateKey> = {
  relayReport: (relay, status) => `${relay}: ${status}`,
  failureLine: (reason, count, countText) => (count > 1 ? `${reason} (${countText} records)` : reason),
  moreFailures: (count, countText) => plural('en', count, { one: 'And 1 more record, for other reasons.', other: `And ${countText} more records, for other reasons.` }),
  recordsLeft: (count, countText) =>
    plural('en', count, {
      one: '1 more record was not opened yet, so that your signer is not asked too many times at once.',
      other: `${countText} more records were not opened yet, so that your signer is not asked too many times at once.`,
    }),
  attachmentRemote: 'Stored elsewhere; not loaded.',
  shortened: '(shortened)',
  eyeRight: 'Right',
  eyeLeft: 'Left',
  lensCaption: 'Lenses',
  lensEye: 'Eye',
  lensProduct: 'Product',
  lensSphere: 'Sphere',
  lensCylinder: 'Cylinder',
  lensAxis: 'Axis',
  lensAdd: 'Add',
  lensPrism: 'Prism',
  attachmentInline: 'A file in this record that cannot be shown here.',
  attachmentText: 'Document text',
  deletedByOwner: (name) => `A record shared by ${name} was deleted or moved by its owner. What you already saw may have been kept.`,
  downloadName: (id, whole) => `health-record${id ? `-${id}` : ''}${whole ? '' : '-incomplete'}.json`,
};
