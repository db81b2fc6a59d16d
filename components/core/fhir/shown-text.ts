/**
 * What a browser shows of a narrative's character references, read by the HTML rules without a
 * DOM (the core has none): a hidden diagnosis written "Hipertensi&oacuten", "&#0000243;" or
 * "&#138;" shows its letters on screen, so the check for hidden items must read them as letters too.
 *
 * Names without a semicolon are read from the HTML standard's legacy list only, which the standard
 * fixes for good: the Latin-1 names, in code point order from U+00A0, with &amp; &lt; &gt; &quot;
 * and six capitalised spellings. The decoders that know every name weigh tens of kilobytes, for
 * letters that, written with a semicolon, the accented letters' pattern below already reads.
 */

const LATIN1 = ('nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest '
  + 'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig '
  + 'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml').split(' ');

/** The names a browser reads without a semicolon, and the character each stands for. */
const LEGACY = new Map<string, string>([
  ...LATIN1.map((name, i) => [name, String.fromCharCode(0xa0 + i)] as const),
  ...Object.entries({ amp: '&', AMP: '&', lt: '<', LT: '<', gt: '>', GT: '>', quot: '"', QUOT: '"', COPY: '©', REG: '®' }),
]);
const LONGEST_LEGACY = 6;

/** Names read only with a semicolon: the punctuation and ligatures a narrative uses. */
const NAMED = new Map(Object.entries({ apos: "'", OElig: 'Œ', oelig: 'œ', lsquo: "'", rsquo: "'", ldquo: '"', rdquo: '"', ndash: '-', mdash: '-', hellip: '...' }));
/** The combining mark each accent's name stands for: "Ccaron" is C with U+030C, composed "Č". */
const MARKS = new Map(Object.entries({ grave: 0x300, acute: 0x301, circ: 0x302, tilde: 0x303, macr: 0x304, breve: 0x306, dot: 0x307, uml: 0x308, ring: 0x30a, dblac: 0x30b, caron: 0x30c, cedil: 0x327, ogon: 0x328 }));
const ACCENTED = /^([a-zA-Z])(grave|acute|circ|tilde|macr|breve|dot|uml|ring|dblac|caron|cedil|ogon)$/;

/** A name written with a semicolon, as shown: one of the legacy list, else a letter or mark this reader knows. */
function withSemicolon(name: string): string | undefined {
  const accented = ACCENTED.exec(name);
  return LEGACY.get(name) ?? NAMED.get(name) ?? (accented ? (accented[1]! + String.fromCharCode(MARKS.get(accented[2]!)!)).normalize('NFC') : undefined);
}

/** What the standard shows for the code points 0x80 to 0x9F: their windows-1252 characters, where they have one. */
const C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

/** The character a numeric reference shows: U+FFFD for none, a surrogate, or a number past U+10FFFF. */
function numbered(digits: string, radix: 10 | 16): string {
  const significant = digits.replace(/^0+/, '');
  // Longer than any code point (seven decimal digits, six hex): the browser shows U+FFFD, whatever the number.
  if (significant.length > (radix === 10 ? 7 : 6)) return '\uFFFD';
  const code = significant ? parseInt(significant, radix) : 0;
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return code >= 0x80 && code <= 0x9f ? C1[code - 0x80]! : String.fromCodePoint(code);
}

/** A reference: numeric, or a run of letters and digits (the name, and what follows it). */
const REFERENCE = /&(?:#[xX]([\da-fA-F]+);?|#(\d+);?|([A-Za-z\d]+)(;?))/g;

/**
 * `text` (a text node's, or an attribute value's when `inAttribute`) with its character references
 * as a browser shows them. A name without a semicolon is read as the longest legacy name it starts
 * with, the rest left as written ("&oacuten" shows "ón"); in an attribute value, not when a letter,
 * a digit or "=" follows it, as query strings keep "&copy=1". Any other reference stays as written.
 */
export function shownText(text: string, inAttribute = false): string {
  return text.replace(REFERENCE, (whole: string, hex?: string, decimal?: string, run?: string, semicolon?: string, at?: number) => {
    if (hex !== undefined) return numbered(hex, 16);
    if (decimal !== undefined) return numbered(decimal, 10);
    const known = semicolon ? withSemicolon(run!) : undefined;
    if (known !== undefined) return known;
    for (let length = Math.min(run!.length, LONGEST_LEGACY); length > 1; length--) {
      const shown = LEGACY.get(run!.slice(0, length));
      if (shown === undefined) continue;
      const next = length < run!.length ? run![length] : semicolon || text[at! + whole.length];
      if (inAttribute && next !== undefined && /[A-Za-z\d=]/.test(next)) return whole;
      return shown + whole.slice(1 + length);
    }
    return whole;
  });
}
