/**
 * Plural forms through the page language's own rules (`Intl.PluralRules`), never `n === 1`: the
 * string tables give one form per category their language uses.
 */
const rules = new Map<string, Intl.PluralRules>();

/** Forms by plural category; `other` is required, the rest as the language needs them. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The form of `forms` for `n` in `lang`. */
export function plural(lang: string, n: number, forms: PluralForms): string {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return forms[r.select(n)] ?? forms.other;
}
