/**
 * What a browser shows of a narrative's character references, read by the HTML rules without a
 * DOM (the core has none): a hidden diagnosis written "Hipertensi&oacuten", "&#0000243;" or
 * "&#138;" shows its letters on screen, so the check for hidden items must read them as letters too.
 *
 * Names without a semicolon are read from the HTML standard's legacy list only, which the standard
 * fixes for good: the Latin-1 names, in code point order from U+00A0, with &amp; &lt; &gt; &quot;
 * and six capitalised spellings. The decoders that know every name weigh tens of kilobytes; written
 * with a semicolon, this reader knows the names that make letters and words (accented, stroked,
 * Greek and Cyrillic letters, spaces, invisible marks, common punctuation) and leaves symbols as
 * written, where a word ends anyway.
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

/**
 * Names read only with a semicolon: the punctuation, spaces, invisible marks and ligatures a
 * narrative uses. A space or a mark left as written would keep "HIV&ensp;infection" or
 * "Hiper&zwnj;tensión" from reading as the words a browser shows; an encoder that names every
 * character it can also writes "&comma;", "&NewLine;" and the letters below.
 */
const NAMED = new Map(Object.entries({
  apos: "'", OElig: 'Œ', oelig: 'œ', lsquo: "'", rsquo: "'", ldquo: '"', rdquo: '"', ndash: '-', mdash: '-', hellip: '...',
  Tab: '\t', NewLine: '\n', ensp: '\u2002', emsp: '\u2003', emsp13: '\u2004', emsp14: '\u2005', numsp: '\u2007', puncsp: '\u2008',
  thinsp: '\u2009', ThinSpace: '\u2009', hairsp: '\u200a', VeryThinSpace: '\u200a', MediumSpace: '\u205f', NonBreakingSpace: '\u00a0',
  ZeroWidthSpace: '\u200b', NegativeVeryThinSpace: '\u200b', NegativeThinSpace: '\u200b', NegativeMediumSpace: '\u200b', NegativeThickSpace: '\u200b',
  zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', NoBreak: '\u2060', hyphen: '\u2010', dash: '\u2010',
  comma: ',', period: '.', colon: ':', semi: ';', lpar: '(', rpar: ')', excl: '!', quest: '?', sol: '/', lowbar: '_', num: '#', percnt: '%', plus: '+', equals: '=', ast: '*', commat: '@',
  Dstrok: 'Đ', dstrok: 'đ', Hstrok: 'Ħ', hstrok: 'ħ', Lstrok: 'Ł', lstrok: 'ł', Tstrok: 'Ŧ', tstrok: 'ŧ', Lmidot: 'Ŀ', lmidot: 'ŀ',
  imath: 'ı', inodot: 'ı', jmath: 'ȷ', ENG: 'Ŋ', eng: 'ŋ', IJlig: 'Ĳ', ijlig: 'ĳ', kgreen: 'ĸ', napos: 'ŉ', fnof: 'ƒ',
  fflig: 'ﬀ', filig: 'ﬁ', fllig: 'ﬂ', ffilig: 'ﬃ', ffllig: 'ﬄ', fjlig: 'fj', sigmaf: 'ς', sigmav: 'ς', varsigma: 'ς',
}));
/** The Greek letters by name, in code point order from U+0391 (capitalised) and U+03B1: "&beta;-talasemia" shows "β-talasemia". */
const GREEK = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho  sigma tau upsilon phi chi psi omega'.split(' ');
/** The Cyrillic letters by name, capitals in code point order from U+0410 then from U+0401 (none for U+040D); their small letters' names are in small letters. */
const CYRILLIC = 'Acy Bcy Vcy Gcy Dcy IEcy ZHcy Zcy Icy Jcy Kcy Lcy Mcy Ncy Ocy Pcy Rcy Scy Tcy Ucy Fcy KHcy TScy CHcy SHcy SHCHcy HARDcy Ycy SOFTcy Ecy YUcy YAcy'.split(' ');
const CYRILLIC_MORE = 'IOcy DJcy GJcy Jukcy DScy Iukcy YIcy Jsercy LJcy NJcy TSHcy KJcy  Ubrcy DZcy'.split(' ');
for (const [i, name] of GREEK.entries()) {
  if (!name) continue;
  NAMED.set(name[0]!.toUpperCase() + name.slice(1), String.fromCharCode(0x391 + i));
  NAMED.set(name, String.fromCharCode(0x3b1 + i));
}
for (const [names, capital, small] of [[CYRILLIC, 0x410, 0x430], [CYRILLIC_MORE, 0x401, 0x451]] as const) {
  for (const [i, name] of names.entries()) {
    if (!name) continue;
    NAMED.set(name, String.fromCharCode(capital + i));
    NAMED.set(name.toLowerCase(), String.fromCharCode(small + i));
  }
}
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

/**
 * The words a reader of a narrative sees: its text, its tags read as `between` (a tag may end a word,
 * "de<br/>hipertensión", or not, "Hiper<b>tensión</b>"), and apart its attribute values (a title or an
 * image's alternative text shows too) and its comments (not shown, but carried to whoever receives
 * the narrative), with character references read as a browser reads them. Both the check that keeps
 * a narrative naming a hidden item from going out and the share preview's list of items that still
 * mention one read narratives this way, so the two agree.
 */
export function narrativeWords(xhtml: string, between: string): string {
  const parts = tagsApart(xhtml);
  const text = parts.filter((_, i) => i % 2 === 0).map((part) => shownText(part)).join(between);
  return [text, ...parts.filter((_, i) => i % 2 === 1).flatMap(tagWords)].join(' ');
}

/**
 * `xhtml` as text and tags in turn, as a browser takes them: a tag is "<" before a letter, "/", "!"
 * or "?" ("Glucosa < 100, hipertensión" shows its words) up to the next ">", a comment up to its
 * "-->" ("Hiper<!-- a > b -->tensión" shows one word). One that never closes takes the rest of the
 * text, as it does in a browser; each "<" is looked at once, so hostile markup costs one pass.
 */
function tagsApart(xhtml: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let at = xhtml.indexOf('<'); at >= 0; at = xhtml.indexOf('<', at)) {
    if (!TAG_START.test(xhtml[at + 1] ?? '')) {
      at++;
      continue;
    }
    const comment = xhtml.startsWith('<!--', at);
    // "<!-->" and "<!--->" are comments already closed, as the standard reads them.
    const close = comment ? xhtml.indexOf('-->', at + 2) : xhtml.indexOf('>', at + 1);
    const end = close < 0 ? xhtml.length : close + (comment ? 3 : 1);
    parts.push(xhtml.slice(from, at), xhtml.slice(at, end));
    from = at = end;
  }
  parts.push(xhtml.slice(from));
  return parts;
}

const TAG_START = /[A-Za-z/!?]/;
const ATTRIBUTE_VALUE = /=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;
const tagWords = (tag: string) => (tag.startsWith('<!') ? [shownText(tag.slice(2, -1))]
  : [...tag.matchAll(ATTRIBUTE_VALUE)].map((m) => shownText(m[1] ?? m[2] ?? m[3]!, true)));
