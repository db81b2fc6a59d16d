/**
 * Language packs: every language but English loads the first time the page speaks it, so an
 * English page never downloads the Spanish strings. A module with built-in words makes its tables
 * with {@link languageTables}: English at hand, and per other language a loader, a dynamic import
 * of its `.es` module that bundlers split off (the single-file embed inlines it). The loaders
 * register here; an element waits until every pack registered for its language has settled before
 * it renders (localized-element.ts), and a host may start one early with {@link loadLanguage}. A
 * pack that fails to load leaves English in its place, with a console warning.
 */
import { languageNamed, type Language } from './strings.js';

/** A language that comes as a pack: every one but English. */
export type PackLanguage = Exclude<Language, 'en'>;

/** Built-in tables: English always; another language once its pack has arrived. */
export type LanguageTables<T> = { readonly en: T } & { readonly [L in PackLanguage]?: T };

interface Pack {
  readonly load: () => Promise<void>;
  loading?: Promise<void>;
  settled: boolean;
}

/** Per language, the packs registered so far: one per module with built-in words that has loaded. */
const packs = new Map<PackLanguage, Pack[]>();
/** Languages asked for: a pack registered later (an element defined later) starts loading at once. */
const wanted = new Set<PackLanguage>();
/** Each tables object's packs, so that one pack can wait for words another brings. */
const packsOf = new WeakMap<object, Record<PackLanguage, Pack>>();

function start(pack: Pack): Promise<void> {
  pack.loading ??= pack.load().then(
    () => {
      pack.settled = true;
    },
    (error: unknown) => {
      // Tried once: English stays rather than a page that re-fetches on every render.
      pack.settled = true;
      // The error names the file that did not arrive.
      console.warn('nip82-elements: a language pack did not load; English is shown.', error);
    },
  );
  return pack.loading;
}

/**
 * Built-in tables in every shipped language: `en` now, each other language when its loader has
 * resolved (after {@link loadLanguage}, or an element's first render in that language).
 */
export function languageTables<T>(en: T, loaders: { readonly [L in PackLanguage]: () => Promise<T> }): LanguageTables<T> {
  const tables: { en: T } & { [L in PackLanguage]?: T } = { en };
  const own = {} as Record<PackLanguage, Pack>;
  for (const lang of Object.keys(loaders) as PackLanguage[]) {
    const pack: Pack = {
      load: async () => {
        tables[lang] = await loaders[lang]();
      },
      settled: false,
    };
    own[lang] = pack;
    const list = packs.get(lang) ?? [];
    list.push(pack);
    packs.set(lang, list);
    if (wanted.has(lang)) void start(pack);
  }
  packsOf.set(tables, own);
  return tables;
}

/** Loads the pack of `lang` of tables made by {@link languageTables} (never rejects). */
export function loadTables(tables: LanguageTables<unknown>, lang: PackLanguage): Promise<void> {
  return start(packsOf.get(tables)![lang]!);
}

/**
 * Loads the built-in strings of a language (`'es'`, or a tag such as `'es-MX'`) for every element
 * defined so far, and for each one defined later as it arrives. Elements load their page's
 * language themselves before they first render; a host that knows the language early can start
 * sooner. Never rejects: a pack that fails to load leaves English in its place.
 */
export function loadLanguage(lang: string): Promise<void> {
  const language = languageNamed(lang);
  if (language === 'en') return Promise.resolve();
  wanted.add(language);
  return Promise.all((packs.get(language) ?? []).map(start)).then(() => undefined);
}

/** Undefined when every pack of `lang` registered so far has arrived (or failed); else a promise of that. */
export function languageReady(lang: Language): Promise<void> | undefined {
  if (lang === 'en') return undefined;
  if (wanted.has(lang) && (packs.get(lang) ?? []).every((pack) => pack.settled)) return undefined;
  return loadLanguage(lang);
}
