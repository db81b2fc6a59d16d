/** Event kinds and limits of NIP-82 as the kit uses them. */

/** Kind of the encrypted, addressable record event. */
export const RECORD_KIND = 32225;
/** Kind of the plaintext medical-data event inside a record or a gift wrap. */
export const MEDICAL_DATA_KIND = 82;
/** Default budget for one event's JSON: a common relay cap. */
export const DEFAULT_MAX_EVENT_BYTES = 65536;
/** Events dated further ahead than this many seconds are ignored. */
export const MAX_FUTURE_SECONDS = 600;
/** Kind of a seal (NIP-59). */
export const SEAL_KIND = 13;
/** Kind of a gift wrap (NIP-59). */
export const GIFT_WRAP_KIND = 1059;
/** Kind of a sign-in to a storage server (NIP-42 AUTH), which the user's signer signs. */
export const AUTH_KIND = 22242;
