/**
 * Built-in strings: every element has English and Spanish defaults, picked by the nearest `lang`,
 * and a `.strings` property whose entries override them one by one.
 */

/** A table of strings; a value may be a function of parameters. */
export type StringTable = Record<string, string | ((...args: never[]) => string)>;

/** The languages shipped. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language for an element: the nearest `lang` attribute up the tree (through shadow roots). */
export function languageOf(element: Element): Language {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) {
      const lang = node.getAttribute('lang')!.toLowerCase().split('-')[0];
      return (LANGUAGES as readonly string[]).includes(lang!) ? (lang as Language) : 'en';
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return 'en';
}

/** The element's strings: built-ins for its language, overridden by the host's. */
export function resolveStrings<T extends object>(builtins: Record<Language, T>, element: Element, overrides?: Partial<T>): T {
  return { ...builtins[languageOf(element)], ...(overrides ?? {}) } as T;
}
