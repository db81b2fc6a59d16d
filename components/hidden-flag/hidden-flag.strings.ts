/**
 * Built-in strings of `<nip82-hidden-flag>`; the kinds it lists are named in clinician words from
 * the kit's one vocabulary, as the consent prompt's preview names them (shared/withheld-kinds.ts).
 */
import { languageTables } from '../shared/language-packs.js';
import { plural } from '../shared/plural.js';
import { clinicianKind, kindsLine } from '../shared/withheld-kinds.js';

export type HiddenFlagStrings = {
  /** Title when only the fact of withholding is disclosed. */
  flagTitle: string;
  /**
   * Title when the number is disclosed: `count` to choose a plural form by, `countText` the same
   * number as the page's language writes it ("12,345"), to show.
   */
  countTitle: (count: number, countText: string) => string;
  /**
   * One kind with its number, e.g. "2 problems", "12,345 observations": `count` to choose a plural
   * form by, `countText` the same number as the page's language writes it, to show.
   */
  kind: (resourceType: string, count: number, countText: string) => string;
  /** Joins the kinds into one line. */
  kindsList: (parts: string[]) => string;
  /** Why the items are missing and what to do about it. */
  explanation: string;
  /**
   * `flagTitle`, `countTitle` and `explanation` for an animal's record (`subject="animal"`): its
   * owner chose what to withhold, and is the one to ask.
   */
  flagTitleOwner: string;
  countTitleOwner: (count: number, countText: string) => string;
  explanationOwner: string;
};

const en: HiddenFlagStrings = {
  flagTitle: 'Some items were withheld by the patient',
  countTitle: (count, countText) => `The patient withheld ${plural('en', count, { one: `${countText} item`, other: `${countText} items` })} from this record`,
  kind: clinicianKind('en'),
  kindsList: kindsLine,
  explanation: 'The patient chose not to share these here. If they could matter for care, it is worth asking the patient about them.',
  flagTitleOwner: 'Some items were withheld by the owner',
  countTitleOwner: (count, countText) => `The owner withheld ${plural('en', count, { one: `${countText} item`, other: `${countText} items` })} from this record`,
  explanationOwner: 'The owner chose not to share these here. If they could matter for care, it is worth asking the owner about them.',
};

/** English at hand; Spanish (hidden-flag.strings.es.ts) once the page speaks it. */
export const hiddenFlagStrings = languageTables(en, { es: () => import('./hidden-flag.strings.es.js').then((m) => m.hiddenFlagStringsEs) });
