/**
 * Counts as a reader reads them: in the page language's own way of writing numbers
 * (`Intl.NumberFormat`: "12,345" in English, "12.345" in Spanish), and only counts that can be
 * exact. A count often comes from untrusted data (a record's withheld marker, a host's attribute):
 * a number past the safe integers would be shown as "1e+21", so it is no count to show at all.
 * And a record's decimals: every digit as the record gives it, with the language's decimal mark.
 */

/** A count that can be shown exactly: a whole number from 0 to `Number.MAX_SAFE_INTEGER`. */
export const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

const formats = new Map<string, Intl.NumberFormat>();

/** `n` written as the language `lang` writes numbers, with its group separators. */
export function formatCount(n: number, lang: string): string {
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang || undefined, { maximumFractionDigits: 0 });
    formats.set(lang, f);
  }
  // `|| 0`: a negative zero reads as "0", not "-0".
  return f.format(n || 0);
}

/**
 * A number with every digit JavaScript keeps, never in exponent notation: a lab value of 0.0000001
 * reads "0.0000001", not "1e-7". The digits are moved, not recomputed, so none is lost or invented.
 */
export function plainDecimal(n: number): string {
  const text = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([-+]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, lead, rest = '', exp] = m;
  const digits = lead! + rest;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits.padEnd(point, '0')}${point < digits.length ? `.${digits.slice(point)}` : ''}`;
}

/**
 * Per language: its decimal mark, and, when it writes other than 0-9 (Arabic's ٠-٩), its digits and
 * its minus sign (with the mark that keeps it before the digits in right-to-left text).
 */
interface Marks {
  readonly mark: string;
  readonly digits?: readonly string[];
  readonly minus?: string;
}
const marks = new Map<string, Marks>();

function markOf(lang: string): Marks {
  let known = marks.get(lang);
  if (!known) {
    const f = new Intl.NumberFormat(lang || undefined, { useGrouping: false });
    const mark = f.formatToParts(0.5).find((p) => p.type === 'decimal')?.value ?? '.';
    const digits = [...'0123456789'].map((d) => f.format(Number(d)));
    // All that comes before the digits: Arabic puts a letter mark before its minus sign.
    const parts = f.formatToParts(-1);
    const minus = parts.slice(0, parts.findIndex((p) => p.type === 'integer')).map((p) => p.value).join('') || '-';
    known = digits.join('') === '0123456789' ? { mark } : { mark, digits, minus };
    marks.set(lang, known);
  }
  return known;
}

/**
 * A number from a record, written as {@link plainDecimal} writes it ("0.125", "-2.25", "72"), with
 * the decimal mark of `lang` ("0,125" in Spanish) and in its digits (Egyptian Arabic's "٣٧٫٢",
 * as its counts and dates are written). Only the mark and the digits' shapes change: every digit
 * the record gives is kept (a clinician may need them all), and no group mark is added, which a
 * reader of the other convention could take for a decimal mark. Anything else is returned as written.
 */
export function formatDecimal(digits: string, lang: string): string {
  if (!/^[-+]?\d+(?:\.\d+)?$/.test(digits)) return digits;
  const { mark, digits: shapes, minus } = markOf(lang);
  const marked = digits.replace('.', mark);
  return shapes ? marked.replace(/\d/g, (d) => shapes[Number(d)]!).replace(/^-/, minus!) : marked;
}
