/**
 * The quick paths of a large record's opening (names, dates, search words, nulls) give what the
 * plain ways gave, over many generated inputs: the plain ways are kept here as the reference, so a
 * later shortcut that names, dates or finds an item differently fails here first.
 */
import { expect } from '@open-wc/testing';
import { conceptName, withoutTag } from '../components/core/fhir/semantic-tag.js';
import { timeOf } from '../components/shared/dates.js';
import { readerTime, folded } from '../components/record-viewer/fhir-summary.js';
import { readBundle, withoutNulls } from '../components/core/fhir/bundle.js';

/** A small seeded generator (its upper bits: the low ones of such a generator repeat). */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return Math.floor(((s >>> 8) / 0x1000000) * n);
  };
}

/** The name as read before the shortcut: the text, then every display, the first with words. */
function conceptNamePlain(concept: unknown): string {
  if (typeof concept === 'string') return concept.trim().slice(0, 2000);
  const c = concept as { text?: unknown; coding?: unknown } | null;
  if (!c || typeof c !== 'object' || Array.isArray(c)) return '';
  const words = (value: unknown) => (typeof value === 'string' ? withoutTag(value.trim().slice(0, 2000)) : '');
  const coding = Array.isArray(c.coding) ? c.coding : c.coding === undefined || c.coding === null ? [] : [c.coding];
  return [c.text, ...coding.map((x: unknown) => (x && typeof x === 'object' ? (x as { display?: unknown }).display : undefined))].map(words).find(Boolean) || '';
}

/** A date's moment as read before the arithmetic: Date itself says whether the day exists. */
function timeOfPlain(value: string): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  const at = (monthIndex: number, d: number) => {
    const date = new Date(0);
    date.setUTCFullYear(year, monthIndex, d);
    return date;
  };
  if (month < 1 || month > 12 || day < 1 || day > at(month, 0).getUTCDate()) return undefined;
  if (m[4]) {
    const t = Date.parse(value.trim());
    return Number.isFinite(t) ? t : undefined;
  }
  return at(month - 1, day).getTime();
}

/** Letters and signs spelt as typed without them: what the find fields' folding promises (see core/fold.ts), written out. */
const SPELT_AS: Record<string, string> = {
  ß: 'ss', ı: 'i', ς: 'σ', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', ħ: 'h', ŧ: 't', þ: 'th',
  '\u2018': "'", '\u2019': "'", '\u201b': "'", '\u02bc': "'", '\u2032': "'",
  '\u2010': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  ة: 'ه', ى: 'ي', ی: 'ي', ک: 'ك',
};
/** Marks left out: diacritics (but kana's voicing marks and those of Indic and Southeast Asian scripts), Arabic's madda, hamza and small alef, Devanagari's nukta, invisible characters. */
const LEFT_OUT = /^(?:(?![\u0900-\u109f\u1700-\u17ff\u1900-\u1aaf\u1aff-\u1c4f]|[\u{11000}-\u{11fff}]|[\u3099-\u309a])(?=\p{M})\p{Diacritic}|[\u0653-\u0655\u0670\u093c]|\p{Cf})$/u;
/** A lowercase Cyrillic letter but е, and the marks that make it another letter (й, ї, ў, ӧ, ѓ, ќ). */
const makesCyrillicLetter = (letter: string | undefined, mark: string) =>
  letter !== undefined && letter >= '\u0430' && letter <= '\u04ff' && letter !== 'е' && ('\u0304\u0306\u0308\u030b'.includes(mark) || ('гк'.includes(letter) && mark === '\u0301'));
const KEPT_MARKS = '\u0301\u0304\u0306\u0308\u030b\u3099\u309a';
/** The folding by its definition, one character at a time, with no quick path; then each letter and its kept mark as one character. */
function foldedPlain(text: string): string {
  const chars = [...text.normalize('NFKD').toLowerCase()];
  const kept = chars
    .map((c, i) => (c >= '\u0300' && c <= '\u036f' ? (makesCyrillicLetter(chars[i - 1], c) ? c : '') : SPELT_AS[c] ?? (LEFT_OUT.test(c) ? '' : c)))
    .join('');
  let out = '';
  for (let i = 0; i < kept.length; i++) {
    const joins = i + 1 < kept.length && KEPT_MARKS.includes(kept[i + 1]!) && !KEPT_MARKS.includes(kept[i]!);
    out += joins ? (kept[i]! + kept[++i]!).normalize('NFC') : kept[i]!;
  }
  return out;
}

/** What reading gives, or the error it refuses with. */
const outcome = (read: () => unknown) => {
  try {
    return JSON.stringify(read());
  } catch (e) {
    return `refused: ${(e as Error).message}`;
  }
};

describe('record viewer: the quick paths of opening a large record', () => {
  it('name every concept as before (tag-only and blank texts, a coding as an object, a ")" that is no tag)', () => {
    const rnd = random(82);
    const pick = <T>(xs: T[]): T => xs[rnd(xs.length)]!;
    const texts = [undefined, null, '', ' ', ' \t\n ', '(disorder)', '  (finding)  ', 'Asthma', 'Asthma (disorder)', 'Asthma (disorder) ', 'Asthma(disorder)',
      'Hip fracture (left)', 'A (Disorder)', 'Diabetes (trastorno)', 'Straße (hallazgo)', 'x)', '(finding', 5, {}, []];
    const coding = () => pick<unknown>([undefined, null, 3, 'text', [], { code: '1' }, { display: pick(texts) }, { display: pick(texts), code: '2' }]);
    for (let i = 0; i < 5000; i++) {
      const codings = pick<unknown>([undefined, null, 'x', [], coding(), [coding()], [coding(), coding()], [coding(), coding(), coding()]]);
      const concept = pick<unknown>([pick(texts), null, [], { text: pick(texts) }, { coding: codings }, { text: pick(texts), coding: codings }]);
      expect(conceptName(concept), JSON.stringify(concept)).to.equal(conceptNamePlain(concept));
    }
    for (const name of texts) if (typeof name === 'string' && !name.endsWith(')')) expect(withoutTag(name)).to.equal(name);
  });

  it('date every day as before (leap years, years 0–99 and 100–999, days that do not exist, times with offsets)', () => {
    const years = [];
    for (let y = 0; y <= 120; y++) years.push(y);
    for (const from of [196, 396, 496, 896, 996, 1580, 1896, 1996, 2096, 2396, 9990]) for (let y = from; y < from + 10; y++) years.push(y);
    const times = ['', 'T00:00', 'T23:59:59Z', 'T12:00:00+14:00', 'T00:30:00-12:00', 'T10:00:00.123456789-05:00', 'T24:00:00Z'];
    let checked = 0;
    for (const y of years) {
      const yyyy = String(y).padStart(4, '0');
      const dates = [yyyy, ` ${yyyy} `];
      for (let m = 0; m <= 13; m++) {
        const mm = String(m).padStart(2, '0');
        dates.push(`${yyyy}-${mm}`);
        for (const d of [0, 1, 28, 29, 30, 31, 32]) dates.push(...times.map((t) => `${yyyy}-${mm}-${String(d).padStart(2, '0')}${t}`));
      }
      for (const date of dates) {
        expect(String(timeOf(date)), date).to.equal(String(timeOfPlain(date)));
        expect(String(readerTime(date, timeOf(date))), date).to.equal(String(readerTime(date)));
        checked++;
      }
    }
    for (const odd of ['', '-0001-01-01', '12024-01-01', '2024-2-1', 'abcd', '2024-02-29T25:00']) expect(String(timeOf(odd)), odd).to.equal(String(timeOfPlain(odd)));
    expect(checked).to.be.greaterThan(100_000);
  });

  it('fold search words as their definition does (ß, İ, ligatures, Greek, kana, Cyrillic and Indic letters with marks, Arabic, mixed and plain text)', () => {
    const rnd = random(44);
    const samples = ['Straße', 'STRASSE', 'İstanbul', 'ı', 'ﬁle', 'ﬀ', 'Ǆ', 'Hipertensión', 'ÅNGSTRÖM', 'ΣΊΣΥΦΟΣ', 'mixed Text ẞ', 'a\u0301', '\u212a', 'ABC def', '', '日本',
      'ガン', 'ｶﾞﾝ', 'カ\u3099\u3099', 'Андрей', 'Ёлка', 'ру́сский', 'Ѓорѓи', 'й\u0301', 'क्षय', 'ज़रूर', 'ใกล้', 'فاطمة', 'مستشفى'];
    for (const s of samples) expect(folded(s), s).to.equal(foldedPlain(s));
    const chars = [0x130, 0xdf, 0x1e9e, 0xfb01, 0x3a3, 0x212a, 0x1c4, 0xc5, 0x419, 0x439, 0x451, 0x457, 0x438, 0x435, 0x433, 0x306, 0x308, 0x301, 0x30ac, 0x30ab, 0x3099, 0x915, 0x93c, 0x94d, 0x629, 0x649];
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      for (let j = rnd(10); j > 0; j--) s += String.fromCharCode([rnd(128), rnd(0x400), chars[rnd(chars.length)]!, rnd(0x10000)][rnd(4)]!);
      expect(folded(s), JSON.stringify(s)).to.equal(foldedPlain(s));
    }
  });

  it('drop nulls as a copy would (arrays of nulls, nulls and values at the depth limit, a __proto__ key)', () => {
    const nest = (levels: number, leaf: unknown) => {
      let v = leaf;
      for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
      return v;
    };
    const values: unknown[] = [[null], [null, null], [null, 1, null], { a: null, b: [null, { c: null }], d: 1 }, { 1: null, a: 2, 0: 'x' }];
    for (let levels = 58; levels <= 66; levels++) for (const leaf of [1, 'x', '', 0, false, null, [], {}, [null], { a: null }]) values.push(nest(levels, leaf), [null, nest(levels, leaf)]);
    for (const value of values) {
      const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:1', resource: { resourceType: 'Basic', value } }] };
      const text = JSON.stringify(bundle);
      // Text is read by the quick path, the object handed in by the copy.
      expect(outcome(() => readBundle(text)), text.slice(0, 120)).to.equal(outcome(() => readBundle(withoutNulls(JSON.parse(text)))));
    }
    const proto = '{"resourceType":"Bundle","entry":[{"fullUrl":"urn:uuid:2","resource":{"resourceType":"Basic","code":{"__proto__":{"text":"x"},"coding":null}}}]}';
    expect(outcome(() => readBundle(proto))).to.equal(outcome(() => readBundle(withoutNulls(JSON.parse(proto)))));
  });
});
