/**
 * The detail line under a failure, per error code. In English it is the protocol core's own
 * message, which names exactly what was wrong; in other languages a sentence per code, since the
 * core speaks English. Every element's strings carry it as `errorDetail`, so a host can reword it.
 * The `nip82-error` event always carries the core's message, for the host's logs. The Spanish
 * sentences are in error-details.es.ts, part of the Spanish language pack.
 */
import type { Nip82ErrorCode } from './events.js';

export type ErrorDetail = (code: Nip82ErrorCode, message: string) => string;

/** English: the core's own message. */
export const errorDetailEn: ErrorDetail = (_code, message) => message;
