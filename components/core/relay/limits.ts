/**
 * What a relay may make the reader do: how long one message may be, and how its refusals read.
 */

/**
 * Longest relay message read, in characters. The largest event the kit makes or reads (a gift
 * wrap around a record-sized rumor) is under 200 KB; anything longer is dropped unparsed.
 */
export const MAX_MESSAGE_CHARS = 512 * 1024;

/**
 * True when a relay's refusal carries NIP-42's machine-readable `auth-required:` prefix, wherever
 * the relay put it (some write "ERROR: auth-required: ...").
 */
export function isAuthRequired(reason: string): boolean {
  return /(?:^|[\s:])auth-required:/i.test(reason);
}
