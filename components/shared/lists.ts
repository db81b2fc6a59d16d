/**
 * Names in running text as the page's language lists them ("a, b and c", "a, b y c"), not joined
 * by one word each ("a and b and c").
 */
const formats = new Map<string, Intl.ListFormat>();

/** `items` as one phrase in `lang`: all of them (`and`) or any one (`or`). */
export function listText(lang: string, items: readonly string[], joiner: 'and' | 'or' = 'and'): string {
  const key = `${lang} ${joiner}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.ListFormat(lang, { type: joiner === 'and' ? 'conjunction' : 'disjunction' })));
  return f.format(items);
}
