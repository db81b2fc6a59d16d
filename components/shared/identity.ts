/**
 * Showing people safely: names are not unique and may carry bidi or zero-width tricks, so a name
 * is always cleaned, isolated, and shown beside a short npub fingerprint.
 */
import { npubEncode } from 'nostr-tools/nip19';

/**
 * What a name may carry that shows as nothing or moves text about: format characters (bidi
 * controls, zero-width ones, the soft hyphen, tag characters), line and paragraph separators, the
 * Hangul fillers (blank letters), the combining grapheme joiner, Mongolian and other variation
 * selectors. A name built of them reads as another name, or as a name with nothing after it.
 */
// Each is matched alone (none is meant to combine with what is beside it here).
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\p{Cf}\u2028\u2029\u115F\u1160\u3164\uFFA0\u034F\u180B-\u180D\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

/** A display name with bidi controls and zero-width characters removed, trimmed and bounded. */
export function cleanName(name: unknown): string {
  if (typeof name !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  return name.replace(INVISIBLE, '').replace(/[\u0000-\u001F\u007F]/g, ' ').trim().slice(0, 64);
}

/** Names a host vouches for (its directory of clinics and clinicians): hex public key → name. */
export type KnownNames = Readonly<Record<string, string>>;

/**
 * The host's name for `pubkey`, cleaned like any name shown; '' when none. The tables are read in
 * order (an element's own, then its session's): an entry of the first wins, a key it does not name
 * falls through to the next.
 */
export function knownName(pubkey: string, ...tables: (KnownNames | undefined)[]): string {
  // Own entries only: an inherited `constructor` names nobody.
  return tables.map((names) => (names && Object.hasOwn(names, pubkey) ? cleanName(names[pubkey]) : '')).find(Boolean) ?? '';
}

/**
 * A person in a line built as a string, by the kit's rule: the host's name alone (it vouches for
 * it), a self-chosen name isolated beside the short npub (not unique: alone, anyone could pass for
 * a hospital), else the short npub.
 */
export function personName(known: string | undefined, self: string | undefined, short: string): string {
  return known ? isolate(known) : self ? `${isolate(self)} (${short})` : short;
}

/** Embeddings, overrides and isolates: what can change the direction of text around them. */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Someone else's words (a self-chosen name, a record's title) set apart inside a sentence built
 * as a string, between FSI and PDI: a right-to-left name ending in a digit or a stop ("مريم 2")
 * would otherwise take the words and numbers beside it into its own direction and read as
 * another name. Templates isolate with `<bdi>`; this is for strings the elements' string
 * functions build. Direction controls inside (embeddings, overrides, isolates: U+202A–U+202E,
 * U+2066–U+2069) are dropped first, since not all text shown this way was cleaned (a grant's
 * purpose, a host's names): an unmatched one would reach past the PDI into the sentence, and
 * exactly one FSI…PDI pair remains.
 */
export function isolate(text: string): string {
  const plain = text.replace(DIRECTION_CONTROLS, '');
  return plain ? `\u2068${plain}\u2069` : plain;
}

/**
 * A sentence for a control's `aria-label`, without {@link isolate}'s marks: a name is heard, not
 * laid out, and the marks would otherwise stay in the name a host's own page tests look for. (A
 * name taken from the text shown is rendered with `withBdi` (bdi.ts) instead.)
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
  return typeof name === 'string' && name.replace(INVISIBLE, '') !== name;
}
