/**
 * An item's facts in the reader's words: what the viewer shows, and what its search looks for
 * (record-search.ts words an item the way it is shown). A module of its own so that both use one
 * wording without the search's code travelling with the first view.
 */
import { formatDate, type Piece } from './fhir-format.js';
import { formatDecimal } from '../shared/numbers.js';
import { plural } from '../shared/plural.js';
import { languageNamed } from '../shared/strings.js';
import type { Fact, SectionKey } from './fhir-summary.js';
import type { RecordViewerStrings } from './record-viewer.strings.js';

export function sectionLabel(key: SectionKey, s: RecordViewerStrings): string {
  return s[`section_${key}`] as string;
}

export function factLabel(f: Fact, s: RecordViewerStrings): string {
  return f.key ? (s[`fact_${f.key}`] as string) ?? f.key : f.label ?? '';
}

export function factValue(f: Fact, s: RecordViewerStrings, lang: string): string {
  const value = factWords(f, s, lang);
  return f.aside ? `${value} (${piecesWords(f.aside, s, lang)})` : value;
}

/** A value's pieces in the reader's words: the record's text as written, its numbers and codes as `lang` writes them. */
export function piecesWords(pieces: readonly Piece[], s: RecordViewerStrings, lang: string): string {
  return pieces
    .map((p) => {
      if (typeof p === 'string') return p;
      if ('n' in p) return formatDecimal(p.n, lang);
      if ('code' in p) {
        const word = s.codeWord(p.set, p.code);
        return word === p.code && p.text ? p.text : word;
      }
      if ('of' in p) {
        // The form for one where the language has one ("1 year"), else the other ("30 years", "1 per minute").
        // The number goes along: a language with more forms (Polish, Arabic) words the unit by it.
        const count = Number(p.of);
        // By the rules of the table's language, whose words these are: a French page without its own
        // words reads "1,5 years", not the English "1,5 year" French rules would pick.
        const one = plural(languageNamed(lang), count, { one: s.codeWord('unitOne', p.unit, count), other: p.unit });
        return one !== p.unit ? one : s.codeWord('unit', p.unit, count);
      }
      if ('language' in p) return languageName(p.language, lang) || p.text || p.language;
      // A span of periods ("every 4 to 6 hours") is worded by its longest, as written "4–6".
      const period = p.periodMax ? `${formatDecimal(p.period, lang)}–${formatDecimal(p.periodMax, lang)}` : formatDecimal(p.period, lang);
      return s.dosageTiming(Number(p.frequency), Number(p.periodMax ?? p.period), p.unit, formatDecimal(p.frequency, lang), period);
    })
    .join('');
}

/** A language's tag named in `lang` ("en-US" on a Spanish page: "inglés (Estados Unidos)"); '' when the browser cannot. */
function languageName(tag: string, lang: string): string {
  try {
    return new Intl.DisplayNames(lang ? [lang, 'en'] : undefined, { type: 'language', languageDisplay: 'standard', fallback: 'none' }).of(tag) ?? '';
  } catch {
    return ''; // Not a well-formed tag or language: the record's words.
  }
}

function factWords(f: Fact, s: RecordViewerStrings, lang: string): string {
  if (f.key === 'resourceType') return s.kind(f.value);
  if (f.codes) {
    const { set, values } = f.codes;
    const words = values.map((code) => s.codeWord(set, code));
    // A code nobody has words for: the record's own text for it, if it has one.
    return words.some((word, i) => word !== values[i]) || f.value === values.join(', ') ? words.join(', ') : f.value;
  }
  if (f.severity) return f.value ? `${f.value} (${s.codeWord('severity', f.severity)})` : s.codeWord('severity', f.severity);
  if (f.pieces) return piecesWords(f.pieces, s, lang);
  if (!f.date) return f.value;
  const start = f.value ? formatDate(f.value, lang) : '';
  const end = f.end ? formatDate(f.end, lang) : '';
  if (!end) return f.from ? s.onlyFrom(start) : start;
  return start ? `${start} – ${end}` : s.onlyUntil(end);
}
