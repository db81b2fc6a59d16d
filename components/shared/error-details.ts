/**
 * The detail line under a failure, per error code: a plain sentence per code in every language
 * (the Spanish ones in error-details.es.ts, part of the Spanish language pack), since the core's
 * messages name the protocol's parts ("naddr", "payload", event kinds). Only where the core's
 * message holds what the user needs is it read: the storage servers an `unchecked` one names (an
 * address, in no language, and why, in plain words), what a `too-large` one is about. Every
 * element's strings carry it as `errorDetail`, so a host can reword it. The `nip82-error` event
 * always carries the core's message, for the host's logs.
 *
 * Records that could not be opened are listed to the patient in plain words per code in every
 * language ({@link recordFailureEn}).
 */
import type { Nip82ErrorCode } from './events.js';
import { PART_UNAVAILABLE_MESSAGE } from '../core/errors.js';

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

/** Whether an `unsupported` message is the signer's (it cannot encrypt as records need), not the data's. */
export const signerCannot = (message: string): boolean => /^This signer/.test(message);

/**
 * English, where a code's detail is not the sentence a record failure gives ({@link RECORD_EN}).
 * Codes with a state of their own (refused, timed out, cancelled, no signer or no key, the page's
 * storage settings, another account) are worded by each element; those only a change meets, in action-state-strings.ts.
 */
const EN: Partial<Record<Nip82ErrorCode, string>> = {
  'too-large': 'It is too large for the storage servers.',
  'invalid-input': 'Some of the information given is not valid.',
  unsupported: 'This page cannot read this type of data.',
  'wrong-reader': 'These records were opened for someone who is no longer signed in: open your records again.',
  'bad-response': 'Your signer answered something that could not be used.',
  failed: 'Your signer could not finish the request.',
  locked: 'Your browser extension is locked. Unlock it, then try again.',
  connection: 'Your remote signer could not be reached.',
  'no-relays': 'No storage servers are set up.',
  'auth-required': 'A storage server asked you to sign in, and you were not signed in, so nothing there was read.',
  closed: 'The connection to the storage servers was closed.',
  'part-unavailable': PART_UNAVAILABLE_MESSAGE,
  unknown: 'Something went wrong.',
};

/** English: a sentence per code; a `too-large` one says what is too large. */
export const errorDetailEn: ErrorDetail = (code, message) => {
  const what = code === 'too-large' ? tooLarge(message) : undefined;
  if (what === 'people') return 'Too many people have access to this record for the storage servers to hold it.';
  if (what === 'item') return 'One item is too large for the storage servers.';
  if (code === 'unsupported' && signerCannot(message)) return 'Your signer cannot lock and unlock records: please update it or use another signer.';
  return EN[code] ?? RECORD_EN[code] ?? EN.unknown!;
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
  'not-a-participant': 'The record is not shared with the account you are signed in with (never shared with it, or access was taken back).',
  'bad-key': 'The access key given to you does not open the record.',
  'decrypt-failed': 'Your signer could not unlock the record: you may no longer have access.',
  'too-large': 'The record is too large to read here.',
  unsupported: 'The record holds a type of data this page cannot read.',
  'future-dated': 'It is dated later than the date and time on this device: this device\'s clock, or that of whoever saved it, may be wrong.',
  rollback: 'A newer version of the record was seen before but could not be found now, so the older copy is not shown.',
  deleted: 'Whoever made the record deleted or moved it.',
  signer: 'Your signer could not finish the request.',
};

/** English: a sentence per code, the same for every record with that code. */
export const recordFailureEn: RecordFailureReason = (code) => RECORD_EN[code] ?? 'The record could not be opened.';
