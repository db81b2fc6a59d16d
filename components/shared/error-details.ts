/**
 * The detail line under a failure, per error code. In English it is the protocol core's own
 * message, which names exactly what was wrong, but where that message names the protocol's parts
 * (`too-large`: a FHIR resource type, a count of bytes) it is plain words; in other languages a
 * sentence per code, since the core speaks English. Every element's strings carry it as `errorDetail`, so a host can reword it.
 * The `nip82-error` event always carries the core's message, for the host's logs. The Spanish
 * sentences are in error-details.es.ts, part of the Spanish language pack.
 *
 * Records that could not be opened are listed to the patient in plain words per code in every
 * language ({@link recordFailureEn}): the core's message names the protocol's parts.
 */
import type { Nip82ErrorCode } from './events.js';

export type ErrorDetail = (code: Nip82ErrorCode, message: string) => string;

/**
 * What a `too-large` message of the core is about, for words without its FHIR type and bytes: one
 * item that fits in no part of a record (record-split.ts), too many people on the record, or else
 * the data as a whole. The item's kind is not named: its words (shared/vocabulary.ts) would weigh
 * on every element that shows a failure, the session too.
 */
export function tooLarge(message: string): 'item' | 'people' | undefined {
  if (/^One \w+ is too large to fit in any record part/.test(message)) return 'item';
  return /^Too many participants/.test(message) ? 'people' : undefined;
}

/** English: the core's own message, but a `too-large` one in plain words. */
export const errorDetailEn: ErrorDetail = (code, message) => {
  if (code !== 'too-large') return message;
  const what = tooLarge(message);
  if (what === 'people') return 'Too many people have access to this record for the storage servers to hold it.';
  return what === 'item' ? 'One item is too large for the storage servers.' : 'It is too large for the storage servers.';
};

/**
 * Why a record could not be opened, in plain words, from the error's code alone: said to the
 * patient, who needs no protocol's words (and no random keys of records) to know what to do. The
 * core's message, which names the protocol's parts, stays in the `nip82-error` event for the host.
 */
export type RecordFailureReason = (code: Nip82ErrorCode) => string;

const RECORD_EN: Partial<Record<Nip82ErrorCode, string>> = {
  malformed: 'Part of the record is damaged or not in the expected form.',
  'bad-signature': 'A signature on the record does not hold: it may have been altered, so it was not used.',
  'not-a-participant': 'The record is not shared with you (never shared, or access was revoked).',
  'bad-key': 'The access key given to you does not open the record.',
  'decrypt-failed': 'Your signer could not unlock the record: you may no longer have access.',
  'too-large': 'The record is too large to read here.',
  unsupported: 'The record holds a kind of data this page cannot read.',
  'future-dated': 'The record is dated in the future, so it was set aside.',
  rollback: 'A newer version of the record was seen before but could not be found now, so the older copy is not shown.',
  deleted: 'Whoever made the record deleted or moved it.',
  signer: 'Your signer could not finish the request.',
};

/** English: a sentence per code, the same for every record with that code. */
export const recordFailureEn: RecordFailureReason = (code) => RECORD_EN[code] ?? 'The record could not be opened.';
