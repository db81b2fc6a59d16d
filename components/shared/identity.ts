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

/**
 * Someone else's words (a self-chosen name, a record's title) set apart inside a sentence built
 * as a string, between FSI and PDI: a right-to-left name ending in a digit or a stop ("مريم 2")
 * would otherwise take the words and numbers beside it into its own direction and read as
 * another name. Templates isolate with `<bdi>`; this is for strings the elements' string
 * functions build. Cleaned names carry no isolates of their own, so these always pair up.
 */
export function isolate(text: string): string {
  return text ? `\u2068${text}\u2069` : text;
}

/**
 * A sentence for a control's accessible name, without {@link isolate}'s marks: a name is heard,
 * not laid out, and the marks would otherwise stay in the name a host's own page tests look for.
 */
export function spoken(text: string): string {
  return text.replace(/[\u2068\u2069]/g, '');
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
