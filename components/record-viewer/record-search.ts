/**
 * The viewer's search by the reader's words: an item is found by the record's own text, else by
 * its words as shown (its kind, section, date and facts as worded in the reader's language). A
 * record as it opens needs none of this, so it is fetched the first time the reader searches, or
 * while the page is idle once a record shows (its items are then worded, so that the first search
 * answers at once).
 */
import { formatDate } from './fhir-format.js';
import { folded, type Item } from './fhir-summary.js';
import { factLabel, factValue, sectionLabel } from './item-words.js';
import type { RecordViewerStrings } from './record-viewer.strings.js';

/**
 * How long one search may spend wording items not worded yet (their shown words are made while the
 * page is idle once a record shows; a search typed before that, or in another language, makes
 * them): past it, the search shows what it found and words the rest a slice at a time.
 */
const SEARCH_MS = 25;

/**
 * One search over the items: `found` tells whether an item has every word, each in its words or in
 * what `whose` gives (lowercase: the name of whom it is about, where the reader holds several
 * people's or pets' records; asked only for a word the item's own words lack); `unfinished` once it
 * ran out of its time.
 */
export interface Finder {
  found: (item: Item, whose?: () => string) => boolean;
  unfinished: boolean;
}

/** Items' shown words, per item (see shownText): they go with the items, so nothing outlives a sign-out. */
const shownTexts = new WeakMap<Item, { s: RecordViewerStrings; lang: string; text: string }>();

/** A search for lowercase `words`, its time for wording items starting now. */
function finder(words: readonly string[], s: RecordViewerStrings, lang: string): Finder {
  const until = performance.now() + SEARCH_MS;
  const search: Finder = {
    unfinished: false,
    found: (item, whose) => {
      if (!worded(item, s, lang) && performance.now() > until) {
        search.unfinished = true;
        return false;
      }
      let named: string | undefined;
      // The record's own text first: wording an item costs more.
      const has = (text: string) => (w: string) => text.includes(w) || (named ??= whose?.() ?? '').includes(w);
      return words.every(has(item.search)) || words.every(has(shownText(item, s, lang)));
    },
  };
  return search;
}

/** Words items as shown, as steps (a pause every few dozen): while the page is idle, or the rest of a search that ran out of its time. */
function* wording(items: readonly Item[], s: RecordViewerStrings, lang: string): Generator<void, void, void> {
  for (let i = 0; i < items.length; i++) {
    shownText(items[i]!, s, lang);
    if (i % 64 === 63) yield;
  }
}

/** Whether the item's shown words in `lang` are made (and so the item described). */
function worded(item: Item, s: RecordViewerStrings, lang: string): boolean {
  const known = shownTexts.get(item);
  return known?.s === s && known.lang === lang;
}

/**
 * An item's words as the reader sees them, lowercased, for the search: its kind and section, its
 * date as shown, each fact's label and worded value ("prescribed", not "order"). Made once per
 * item and language, the first time a search does not find the item by the record's own text.
 */
function shownText(item: Item, s: RecordViewerStrings, lang: string): string {
  const known = shownTexts.get(item);
  if (known?.s === s && known.lang === lang) return known.text;
  const text = folded([
    item.title || s.unnamed(s.kind(item.type)),
    s.kind(item.type),
    sectionLabel(item.section, s),
    item.date ? formatDate(item.date, lang) : '',
    ...item.facts.flatMap((f) => [factLabel(f, s), factValue(f, s, lang)]),
  ].join(' '));
  shownTexts.set(item, { s, lang, text });
  return text;
}

/** The search, as the viewer loads it (one export: see OnDemand). */
export const recordSearch = { finder, wording };
