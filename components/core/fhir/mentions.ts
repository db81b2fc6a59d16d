/**
 * Finding the shared items that still give away a hidden one. Hiding a diagnosis does not remove
 * it from the visit whose reason it was, the procedure done for it, the claim that billed it or
 * the clinical note that discusses it; a patient who hides it expects it gone, so a share's
 * preview names those items and offers to hide them too.
 *
 * An item mentions a hidden one when its text (any string in it, and the decoded text of plain-text
 * attachments such as clinical notes) contains one of the hidden item's defining terms: the name of
 * the diagnosis, allergy, procedure, medication or vaccine, as text, as a coding's display, or as the
 * same code of the same code system under another display (apps word one diagnosis differently). A bare
 * reference to a hidden item gives nothing away and is not counted. An item a hidden test report or
 * panel lists as one of its results counts too: it says what the report said. Other kinds of resource
 * (observations, visits, documents) are not searched for as terms: their names ("Body height",
 * "General examination") are shared by many harmless items and would drown the warning.
 */
import type { BundleEntry, FhirResource } from './types.js';
import { decodeTextData } from './attachment.js';
import { fold } from '../fold.js';
import { narrativeWords } from './shown-text.js';

/** A shared entry and the hidden entries whose terms it contains. */
export interface Mention {
  entry: BundleEntry;
  mentions: BundleEntry[];
}

/** What {@link findMentions} found, and whether it read everything (a very large share is read up to a budget). */
export interface MentionReport {
  mentions: Mention[];
  complete: boolean;
}

/** The resource types whose own name is the sensitive fact, and where that name is. */
const TERM_FIELDS: Record<string, readonly string[]> = {
  Condition: ['code'],
  AllergyIntolerance: ['code'],
  Procedure: ['code'],
  MedicationRequest: ['medicationCodeableConcept'],
  MedicationStatement: ['medicationCodeableConcept'],
  MedicationAdministration: ['medicationCodeableConcept'],
  MedicationDispense: ['medicationCodeableConcept'],
  Immunization: ['vaccineCode'],
  FamilyMemberHistory: ['condition'],
  // A medication on its own (a request names it by reference): its name is the drug's.
  Medication: ['code'],
};

/**
 * Finds the resource a reference points to, in the share's records or contained in `from`. A
 * medication request, statement, administration or dispense often names its drug only through
 * `medicationReference`: the hidden item's defining name is then the Medication's.
 */
export type Resolve = (reference: { reference?: string }, from: FhirResource) => FhirResource | undefined;
/** Short names matter most ("HIV", "TB"); whole-word matching keeps them from matching inside other words. */
const MIN_TERM = 2;
const MAX_TERM = 200;
/** Bounds on hostile input: terms per hidden item and in all, text read per item and in all. */
const MAX_TERMS_PER_ITEM = 16;
const MAX_TERMS = 256;
const MAX_TEXT = 256 * 1024;
const MAX_TOTAL_TEXT = 16 * 1024 * 1024;

/**
 * Text as the find fields compare it, in single spaces: a note that writes "hipertension" or
 * "HIPERTENSIÓN" still gives away a hidden "Hipertensión", as a search for either finds it.
 */
export const foldedText = (text: string) => fold(text).replace(/\s+/g, ' ').trim();

/** The concepts that name a resource (its diagnosis, drug, vaccine), with a referenced drug's when `resolve` finds it. */
function conceptsOf(resource: FhirResource, resolve?: Resolve): { text?: unknown; coding?: unknown }[] {
  const fields = TERM_FIELDS[resource.resourceType];
  if (!fields) return [];
  const concepts = fields.flatMap((field) => conceptsIn((resource as Record<string, unknown>)[field]));
  const ref = (resource as { medicationReference?: unknown }).medicationReference;
  if (resolve && resource.resourceType !== 'Medication' && isObject(ref) && typeof ref.reference === 'string') {
    const drug = resolve(ref as { reference: string }, resource);
    if (drug?.resourceType === 'Medication') concepts.push(...conceptsIn(drug.code));
  }
  return concepts;
}

/**
 * The defining terms of a resource, folded (see `foldedText`): "fracture of ankle", also without "(disorder)".
 * With `resolve`, a medication item named only by reference has its drug's terms.
 */
export function termsOf(resource: FhirResource, resolve?: Resolve): string[] {
  const terms = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value !== 'string' || terms.size >= MAX_TERMS_PER_ITEM) return;
    const term = foldedText(value.slice(0, MAX_TERM * 2));
    for (const t of [term, term.replace(/\s*\([^)]*\)$/, '')]) if (t.length >= MIN_TERM && t.length <= MAX_TERM) terms.add(t);
  };
  for (const concept of conceptsOf(resource, resolve)) {
    add(concept.text);
    for (const coding of Array.isArray(concept.coding) ? concept.coding : []) add((coding as { display?: unknown })?.display);
  }
  return [...terms].slice(0, MAX_TERMS_PER_ITEM);
}

/**
 * A coding's system and code: what names the diagnosis or drug whatever display an app gave it
 * ("HIV infection" on a visit's reason, "Human immunodeficiency virus infection" on the condition).
 */
const codeKey = (c: unknown): string | undefined =>
  isObject(c) && typeof c.system === 'string' && typeof c.code === 'string' && c.system && c.code ? `${c.system}|${c.code}` : undefined;

/** The defining codes of a resource (see {@link termsOf}), as `system|code`. */
export function codesOf(resource: FhirResource, resolve?: Resolve): string[] {
  const codes = new Set<string>();
  for (const concept of conceptsOf(resource, resolve)) {
    for (const coding of Array.isArray(concept.coding) ? concept.coding : []) {
      const key = codeKey(coding);
      if (key && key.length <= MAX_TERM * 2 && codes.size < MAX_TERMS_PER_ITEM) codes.add(key);
    }
  }
  return [...codes];
}

/** Codings read per item, at most: a real resource holds a few dozen. */
const MAX_CODINGS = 4096;
const codings = new WeakMap<object, Set<string>>();

/** Every coding in a resource (a reason, a claim's billed service, a report's conclusion), as `system|code`; bounded, kept per resource. */
function codesIn(resource: FhirResource): Set<string> {
  const known = codings.get(resource);
  if (known) return known;
  const found = new Set<string>();
  let seen = 0;
  const walk = (value: unknown, depth: number) => {
    if (depth > 32 || seen > MAX_CODINGS) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
    } else if (isObject(value)) {
      seen++;
      const key = codeKey(value);
      if (key) found.add(key);
      for (const v of Object.values(value)) if (typeof v === 'object') walk(v, depth + 1);
    }
  };
  walk(resource, 0);
  codings.set(resource, found);
  return found;
}

/** `condition` of FamilyMemberHistory is a list of `{ code }`; the others are one CodeableConcept. */
function conceptsIn(raw: unknown): { text?: unknown; coding?: unknown }[] {
  if (Array.isArray(raw)) return raw.map((c) => (c as { code?: unknown })?.code).filter(isObject);
  return isObject(raw) ? [raw] : [];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const texts = new WeakMap<object, string>();

/**
 * Every string in a resource, folded (see `foldedText`), with plain-text attachments
 * decoded and others skipped; bounded. Kept per resource, since a preview asks again after each change.
 */
export function searchableText(resource: FhirResource): string {
  const known = texts.get(resource);
  if (known !== undefined) return known;
  const parts: string[] = [];
  let size = 0;
  const walk = (value: unknown, key: string, parent: Record<string, unknown> | undefined, depth: number) => {
    if (size > MAX_TEXT || depth > 32) return;
    if (typeof value === 'string') {
      const attachment = key === 'data' && parent !== undefined;
      if (attachment && !isPlainText(parent.contentType)) return;
      const text = attachment ? decodeTextData(value, MAX_TEXT)?.text ?? '' : key === 'div' ? narrativeRead(value) : value;
      parts.push(text);
      size += text.length;
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key, parent, depth + 1);
    } else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, k, value, depth + 1);
    }
  };
  walk(resource, '', undefined, 0);
  const text = foldedText(parts.join('\n').slice(0, MAX_TEXT));
  texts.set(resource, text);
  return text;
}

/**
 * A narrative's words as the send path reads them (see {@link narrativeWords}), tags ending words
 * and not: a visit whose narrative writes a hidden "Hipertensión" as "Hipertensi&oacute;n" or
 * "Hiper<b>tensión</b>" is named in the preview as the send path would judge it.
 */
const narrativeRead = (xhtml: string) => {
  const bounded = xhtml.slice(0, MAX_TEXT);
  return `${narrativeWords(bounded, ' ')}\n${narrativeWords(bounded, '')}`;
};

const isPlainText = (contentType: unknown) => typeof contentType !== 'string' || /^text\/(plain|markdown)\b/i.test(contentType);

/**
 * The shared entries that contain a defining term of a hidden entry, in the shared entries' order.
 * Reads at most {@link MAX_TOTAL_TEXT} characters in all; `complete` says whether it read everything.
 * With `resolve`, a hidden medication item named only by reference is searched for by its drug's name.
 */
export function findMentions(shared: readonly BundleEntry[], hidden: readonly BundleEntry[], resolve?: Resolve): MentionReport {
  const sources: { entry: BundleEntry; terms: string[]; codes: string[] }[] = [];
  let termCount = 0;
  let complete = true;
  for (const entry of hidden) {
    const all = termsOf(entry.resource, resolve);
    const terms = all.slice(0, Math.max(0, MAX_TERMS - termCount));
    if (terms.length < all.length) complete = false;
    termCount += terms.length;
    const allCodes = codesOf(entry.resource, resolve);
    const codes = allCodes.slice(0, Math.max(0, MAX_TERMS - termCount));
    if (codes.length < allCodes.length) complete = false;
    termCount += codes.length;
    if (terms.length || codes.length) sources.push({ entry, terms, codes });
  }
  const parts = resolve ? partsOf(shared, hidden, resolve) : new Map<BundleEntry, BundleEntry[]>();
  if (sources.length === 0 && parts.size === 0) return { mentions: [], complete };
  // One pass per item finds any term; only the rare item that has one is checked term by term.
  const terms = sources.flatMap((s) => s.terms);
  const any = terms.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u') : undefined;
  const wanted = new Set(sources.flatMap((s) => s.codes));
  const mentions: Mention[] = [];
  let read = 0;
  for (const entry of shared) {
    const text = searchableText(entry.resource);
    read += text.length;
    if (read > MAX_TOTAL_TEXT) return { mentions, complete: false };
    const byText = !!any?.test(text);
    const codes = wanted.size ? codesIn(entry.resource) : undefined;
    const byCode = !!codes && [...codes].some((c) => wanted.has(c));
    const whole = parts.get(entry) ?? [];
    if (!byText && !byCode && !whole.length) continue;
    const named = sources
      .filter((s) => (byText && s.terms.some((t) => containsWord(text, t))) || (byCode && s.codes.some((c) => codes!.has(c))))
      .map((s) => s.entry);
    for (const h of whole) if (!named.includes(h)) named.push(h);
    if (named.length) mentions.push({ entry, mentions: named });
  }
  return { mentions, complete };
}

/** Where a hidden item lists the items it is made of: a test report's results, a panel's members. */
const PARTS: Record<string, string> = { DiagnosticReport: 'result', Observation: 'hasMember' };

/**
 * The shared entries that are parts of a hidden one, each with the hidden entries they belong to:
 * hiding an HIV test report leaves its results (the viral load) shared, which say the same.
 */
function partsOf(shared: readonly BundleEntry[], hidden: readonly BundleEntry[], resolve: Resolve): Map<BundleEntry, BundleEntry[]> {
  const byResource = new Map(shared.map((e) => [e.resource, e]));
  const out = new Map<BundleEntry, BundleEntry[]>();
  for (const h of hidden) {
    const field = PARTS[h.resource.resourceType];
    const refs = field ? (h.resource as Record<string, unknown>)[field] : undefined;
    if (!Array.isArray(refs)) continue;
    for (const ref of refs.slice(0, MAX_TERMS)) {
      if (!isObject(ref) || typeof ref.reference !== 'string') continue;
      const target = resolve(ref as { reference: string }, h.resource);
      const part = target && byResource.get(target);
      if (part && !out.get(part)?.includes(h)) out.set(part, [...(out.get(part) ?? []), h]);
    }
  }
  return out;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `term` in `text` as whole words ("ankle" is not found in "ankles", "flu" not in "influenza"). */
function containsWord(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + term.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}
