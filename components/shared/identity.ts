/**
 * Showing people safely: names are not unique and may carry bidi or zero-width tricks, so a name
 * is always cleaned, isolated, and shown beside a short npub fingerprint.
 */
import { npubEncode } from 'nostr-tools/nip19';

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;

/** A display name with bidi controls and zero-width characters removed, trimmed and bounded. */
export function cleanName(name: unknown): string {
  if (typeof name !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  return name.replace(INVISIBLE, '').replace(/[\u0000-\u001F\u007F]/g, ' ').trim().slice(0, 64);
}

/** `npub1abcd…wxyz`: enough to tell two keys apart at a glance. */
export function shortNpub(pubkey: string): string {
  const npub = npubEncode(pubkey);
  return `${npub.slice(0, 10)}…${npub.slice(-6)}`;
}

/** Whether a name contained characters that were removed (worth a warning). */
export function hadInvisibleCharacters(name: unknown): boolean {
  return typeof name === 'string' && new RegExp(INVISIBLE.source).test(name);
}
