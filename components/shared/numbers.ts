/**
 * Counts as a reader reads them: in the page language's own way of writing numbers
 * (`Intl.NumberFormat`: "12,345" in English, "12.345" in Spanish), and only counts that can be
 * exact. A count often comes from untrusted data (a record's withheld marker, a host's attribute):
 * a number past the safe integers would be shown as "1e+21", so it is no count to show at all.
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
