/**
 * Text as a find field compares it: what a person types on whatever keyboard they have finds what
 * a record or a clinic wrote. Both sides are folded, then one is looked for in the other.
 *
 * Folded away: case; accents, points and tone marks ("hipertension" finds "Hipertensión", "Jose"
 * finds "José" written either way); compatibility forms ("fi" finds the ligature "ﬁ", "12" finds
 * full-width "１２", half-width kana find full-width); letters with no key on most keyboards, as
 * they are spelt without one ("strasse" finds "Straße", "sorensen" finds "Sørensen", "aeble"
 * finds "Æble", "isik" finds "Işık" and "İstanbul" whatever the page's language); a phone's curly
 * apostrophes and dashes (typed "O’Brien" finds "O'Brien"); soft hyphens and invisible marks.
 *
 * A medical search leans to finding: a name or an item shown that was not meant costs a glance,
 * one left out reads as "not in the record". So "O" finds "Ø" (it is the Danish ö, which already
 * loses its dots). Spellings that write a letter as two ("oe" for "ø", "ue" for "ü", "sz" for "ß")
 * are not matched: folding them away would make "Michael" equal "Michal" and "Szabo" equal "Ssabo".
 * A vowel sign that makes another word (Hindi, Thai) is kept; only what Unicode calls a diacritic
 * goes. Turkish dotted and dotless i are one letter here, so the page's language is not asked.
 *
 * Some marks make another letter, one with a key of its own that its readers never leave out, and
 * are kept: "カン" does not find "ガン" (cancer), nor "андреи" "Андрей". Kept: kana's voicing marks
 * (゛ ゜); a breve, diaeresis, macron or double acute on a Cyrillic letter (й, ї, ў, and ӑ, ӧ, ӯ of
 * other languages) and an acute on г and к (ѓ, ќ), though "е" finds "ё" (Russian writes ё as е) and
 * a stress mark goes; every mark of the Indic and Southeast Asian scripts (a virama joins two
 * letters into one, a nukta or a Thai tone mark makes another word), but Devanagari's nukta, which
 * Hindi is mostly typed without ("जैनब" finds "ज़ैनब"). Such a letter folds to its
 * one-character form, so a search that ends in "и" does not find "й" either.
 *
 * Arabic typed on any keyboard: a bare alef finds hamza and madda forms, "ه" finds "ة" and "ي"
 * finds "ى" (each typed for the other in names and words), and the Persian keyboard's "ی" and "ک"
 * find the Arabic ones.
 */

/** A character past ASCII: text without one (most of a record) is folded by lowercasing alone, several times quicker. */
const NOT_ASCII = /[^\0-\x7f]/;

/**
 * The combining accents most text carries (a Spanish or French record's): taken off in one quick
 * pass, but for those that make a Cyrillic letter another one (see above; е is left out of the
 * letters, so ё folds to е). The look back is made only at an accent, so text without one pays nothing.
 */
const ACCENTS = /[\u0300-\u036f](?<![\u0430-\u0434\u0436-\u04ff][\u0304\u0306\u0308\u030b]|[гк]\u0301)/g;

/** Lowercase letters and signs no decomposition takes apart, as they are typed without them. */
const SPELT = new Map(Object.entries({
  ß: 'ss', ı: 'i', ς: 'σ', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', ħ: 'h', ŧ: 't', þ: 'th',
  ة: 'ه', ى: 'ي', ی: 'ي', ک: 'ك',
  '\u2018': "'", '\u2019': "'", '\u201b': "'", '\u02bc': "'", '\u2032': "'",
  '\u2010': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
}));

/**
 * What may need folding past those accents: a letter of SPELT below U+0300 (those above it are
 * looked at anyway), a soft hyphen, any character of a script that has marks or invisible
 * characters among its letters. Latin, Greek, Cyrillic, Hebrew
 * letters, kana, Hangul and CJK ideographs have none: they are passed over without a look, so a
 * record in Japanese or Russian folds about as quickly as one in Spanish. The accents left after
 * ACCENTS, and kana's voicing marks, are kept: passed over too. Not a Unicode-aware
 * pattern (that reads several times slower): a character past the first 65,536 comes as a pair.
 */
const SPECIAL = /[\u00adßıøæœđðłħŧþʼ]|[\ud800-\udbff][\udc00-\udfff]|[^\0-\u03c1\u03c3-\u03ff\u0400-\u0482\u048a-\u052f\u05d0-\u05ea\u1100-\u11ff\u3040-\u30ff\u4e00-\u9fff]/g;

/**
 * A combining mark that is a diacritic (an accent, a point, a tone mark; not an Indic vowel sign), or
 * an invisible character. Arabic's madda, hamza and small alef are not diacritics to Unicode, yet
 * most type the alef bare: "احمد" finds "أحمد", "اسهال" finds "إسهال" (those letters come apart into them);
 * Devanagari's nukta goes too (see above).
 * Kept: kana's voicing marks, and every mark of the Indic and Southeast Asian scripts (see above):
 * Devanagari to Myanmar, Tagalog to Khmer, Limbu to Tai Tham, Balinese to Lepcha, Brahmi and those
 * after it (the Latin marks between Tai Tham and Balinese still go).
 */
const LEFT_OUT = /^(?:(?![\u0900-\u109f\u1700-\u17ff\u1900-\u1aaf\u1aff-\u1c4f]|[\u{11000}-\u{11fff}]|[\u3099-\u309a])(?=\p{M})\p{Diacritic}|[\u0653-\u0655\u0670\u093c]|\p{Cf})$/u;

/** A mark kept after those accents went (see ACCENTS and LEFT_OUT): with its letter, it may be one character (й, ガ). */
const KEPT_MARK = /[\u0301\u0304\u0306\u0308\u030b\u3099\u309a]/g;

/** How many characters `special` remembers: a record may hold any number of distinct ones, memory for them stays bounded. */
const REMEMBERED = 2048;

/** One special character (or a letter and its kept mark) folded: each looked at once, then remembered (the letters of SPELT first). */
function special(c: string): string {
  let folded = SPELT.get(c);
  if (folded === undefined) {
    folded = LEFT_OUT.test(c) ? '' : c.normalize('NFC');
    if (SPELT.size < REMEMBERED) SPELT.set(c, folded);
  }
  return folded;
}

/** `text` folded for a find field (see above); ASCII text only lowercased. */
export function fold(text: string): string {
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  return withMarksJoined(text.normalize('NFKD').toLowerCase().replace(ACCENTS, '').replace(SPECIAL, special));
}

/**
 * Each letter with the mark kept after it written as one character where Unicode has one, so a
 * search that ends in "и" or "カ" does not find "й" or "ガ". Only the marks are looked for (few
 * texts have any), not every letter that might carry one.
 */
function withMarksJoined(folded: string): string {
  let joined = '';
  let from = 0;
  KEPT_MARK.lastIndex = 0;
  for (let found = KEPT_MARK.exec(folded); found; found = KEPT_MARK.exec(folded)) {
    const at = found.index;
    // A mark after a mark stays as it is.
    if (at === 0 || at - 1 < from) continue;
    joined += folded.slice(from, at - 1) + special(folded.slice(at - 1, at + 1));
    from = at + 1;
  }
  return from === 0 ? folded : joined + folded.slice(from);
}
