/**
 * Built-in strings: every element has English and Spanish defaults, picked by the nearest `lang`,
 * and a `.strings` property whose entries override them one by one. English is always at hand;
 * Spanish comes as a language pack, loaded the first time a page speaks it (language-packs.ts).
 */
import type { LanguageTables } from './language-packs.js';

/** A table of strings; a value may be a function of parameters. */
export type StringTable = Record<string, string | ((...args: never[]) => string)>;

/** The languages shipped. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The shipped language a language tag asks for ("es-MX" is Spanish), English for any other. */
export function languageNamed(tag: string): Language {
  const lang = tag.toLowerCase().split(/[-_]/)[0]!;
  return (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : 'en';
}

/** The language for an element's built-in words: the shipped one its nearest `lang` asks for, else English. */
export function languageOf(element: Element): Language {
  return languageNamed(localeOf(element));
}

/** Tags already read: their locale for formatting (a page sets a handful). */
const locales = new Map<string, string>();

/**
 * The locale an element writes dates, numbers and lists in: its nearest `lang` attribute up the
 * tree (through shadow roots), even a language the kit has no words for. A French portal that
 * translates the strings shows "2 déc. 2026" and "12 345", not English dates inside its French
 * sentences. A tag the platform cannot read stands for the shipped language it names.
 */
export function localeOf(element: Element): string {
  let node: Node | null = element;
  let tag = 'en';
  for (; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node instanceof Element && node.getAttribute('lang')) {
      tag = node.getAttribute('lang')!;
      break;
    }
  }
  let locale = locales.get(tag);
  if (!locale) {
    try {
      locale = Intl.getCanonicalLocales(tag)[0]!;
    } catch {
      locale = languageNamed(tag);
    }
    locales.set(tag, locale);
  }
  return locale;
}

/** The override keys and attribute values already warned about: once each per page, not at every render. */
const warned = new Set<string>();

/**
 * Warns once that attribute `name` of `el` holds none of the values it takes (a typo, a guess):
 * the element goes on as it does without it, and the developer learns which values it takes.
 */
export function checkChoice(el: Element, name: string, value: unknown, allowed: readonly string[]): void {
  const said = `<${el.localName}> ${name}="${String(value).slice(0, 40)}"`;
  if (value == null || allowed.includes(value as string) || warned.has(said)) return;
  warned.add(said);
  console.warn(`nip82-elements: ${said} is none of ${allowed.join(', ')}, so it is ignored.`);
}

/**
 * The element's strings: built-ins for its language, overridden by the host's. A language whose
 * pack has not arrived (or failed to) reads English; elements wait for the pack before they render.
 * An override of the wrong kind (a plain page, often without TypeScript) never blanks the element:
 * `undefined` keeps the built-in; a string where the built-in is a function is that fixed text
 * (without the count or name it would have said); anything else keeps the built-in, with a warning.
 */
export function resolveStrings<T extends object>(builtins: LanguageTables<T>, element: Element, overrides?: Partial<T>): T {
  const table = { ...(builtins[languageOf(element)] ?? builtins.en) } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides ?? {})) {
    const kind = typeof table[key];
    if (value === undefined) continue;
    if (kind === 'undefined' || typeof value === kind) table[key] = value;
    else {
      const fixed = typeof value === 'string' && kind === 'function';
      if (fixed) table[key] = () => value;
      if (!warned.has(key)) {
        warned.add(key);
        console.warn(`nip82-elements: strings.${key} should be a ${kind}; ${fixed ? 'its text is used as is' : 'the built-in is used'}`);
      }
    }
  }
  return table as T;
}
