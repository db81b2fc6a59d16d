/**
 * Whether typed or pasted text holds a private key. Apart from recipient-input.ts, which decodes
 * public keys (bech32, the curve) for the picker and the share prompt: the session refuses a
 * private key in its remote-signer field with this alone, so a page that only signs in and shows
 * records carries none of that decoding.
 */

// Bech32 data never contains "1", so these can only be a private key's prefix.
export const SECRET = /n(?:crypt)?sec1/i;
export const WHOLE_SECRET = /nsec1[02-9ac-hj-np-z]{58}|ncryptsec1[02-9ac-hj-np-z]{50}/i;
// Pasted keys often carry line breaks, spaces, zero-width, soft-hyphen or direction marks.
const NOISE = /[\s\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]+/g;

/** The text as read: full-width letters as plain ones, the characters above taken out. */
export const plain = (input: string) => input.normalize('NFKC').replace(NOISE, '');

/** True when `input` holds a private key in any form the picker refuses (nsec, ncryptsec, `nostr:nsec1…`, split by spaces). */
export function holdsSecretKey(input: string): boolean {
  return SECRET.test(plain(input));
}
