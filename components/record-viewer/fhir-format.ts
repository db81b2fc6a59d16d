/**
 * Turning FHIR R4 datatypes into plain text. Everything here reads untrusted JSON: a field may be
 * missing, of the wrong type, or hostile, so each helper checks types and returns a bounded
 * string (rendered by Lit as text, never as markup). No DOM, no network.
 */
import type { FhirResource } from '../core/fhir/types.js';
import type { ReferenceIndex } from '../core/fhir/bundle.js';
import { conceptName, withoutTag } from '../core/fhir/semantic-tag.js';
import { FHIR_DATE, datesWritten, formatDate, formatSeconds, timeOf } from '../shared/dates.js';
import { formatCount, plainDecimal } from '../shared/numbers.js';
import { UNIT_SYMBOLS, type CodeSet } from './code-words.js';

export { formatCount, formatDate, formatSeconds, plainDecimal, timeOf };

/** Longest text shown for one field; a record may carry megabytes in a single string. */
export const MAX_TEXT = 2000;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** A string field, trimmed and bounded; a number as a plain decimal; anything else is ''. */
export function str(value: unknown): string {
  if (typeof value === 'string') return value.trim().slice(0, MAX_TEXT);
  if (typeof value === 'number' && Number.isFinite(value)) return plainDecimal(value);
  return '';
}

/** The elements of a field that may be one value or a list. */
export function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** A code or Coding's readable text. */
export function codingText(coding: unknown): string {
  if (!isObject(coding)) return '';
  return str(coding.display) || str(coding.code);
}

export { conceptName };

const BCP47 = 'urn:ietf:bcp:47';

/**
 * A language CodeableConcept (a patient's `communication.language`): its BCP 47 code, named in the
 * reader's language when shown (a Spanish page says "inglés (Estados Unidos)", not the record's
 * English display), else the record's words.
 */
export function languagePieces(concept: unknown): Piece[] {
  const text = conceptName(concept);
  const tag = isObject(concept) ? list(concept.coding).filter(isObject).find((c) => str(c.system) === BCP47 && str(c.code)) : undefined;
  return tag ? [{ language: str(tag.code), text }] : text ? [text] : [];
}

/** A CodeableConcept's readable text: {@link conceptName}, else a code. */
export function conceptText(concept: unknown): string {
  return conceptName(concept) || (isObject(concept) ? list(concept.coding).filter(isObject).map((c) => str(c.code)).find(Boolean) ?? '' : '');
}

/** Several CodeableConcepts, joined. */
export function conceptsText(value: unknown): string {
  return unique(list(value).map(conceptText)).join(', ');
}

/** The code of a CodeableConcept's codings (e.g. `entered-in-error`), lowercased. */
export function conceptCodes(concept: unknown): string[] {
  if (!isObject(concept)) return [];
  return list(concept.coding).filter(isObject).map((c) => str(c.code).toLowerCase()).filter(Boolean);
}

/**
 * A value as the viewer words it when shown: the record's own text as written, and what the
 * reader's language writes its own way. The summary stays language-neutral; the element words it.
 */
export type Piece =
  | string
  /** A number the record gives as a number, as {@link plainDecimal} writes it: the decimal mark is the reader's. */
  | { readonly n: string }
  /** A code of a value set the element words (a prism's base); `text`, the record's own words for it, when the element has none. */
  | { readonly set: CodeSet; readonly code: string; readonly text?: string }
  /** A unit of measure's code (UCUM: "a", "/min"), worded for the number `of` ("1 year", "30 years"). */
  | { readonly unit: string; readonly of: string }
  /**
   * How often a dose is taken: `frequency` times every `period` `unit` (a FHIR unit code, "wk");
   * `periodMax`, the longest period when the record gives a span ("every 4 to 6 hours").
   */
  | { readonly frequency: string; readonly period: string; readonly unit: string; readonly periodMax?: string }
  /** A language's tag (BCP 47, "en-US"), named in the reader's language when shown; `text`, the record's words, when it cannot be. */
  | { readonly language: string; readonly text: string };

/** A field as a piece: a number as its digits, text as written, anything else nothing. */
export function numberPiece(value: unknown): Piece[] {
  if (typeof value === 'number' && Number.isFinite(value)) return [{ n: plainDecimal(value) }];
  const text = str(value);
  return text ? [text] : [];
}

/** Several values' pieces, each non-empty one after the last with `separator` between them. */
export function joinPieces(values: readonly Piece[][], separator: string): Piece[] {
  return values.filter((v) => v.length).flatMap((v, i) => (i ? [separator, ...v] : v));
}

/** The pieces as plain text (search, and the fact's `value`): numbers as written, codes as written. */
export function piecesText(pieces: readonly Piece[]): string {
  return pieces
    .map((p) => (typeof p === 'string' ? p : 'n' in p ? p.n : 'code' in p ? p.text || p.code : 'of' in p ? p.unit : 'language' in p ? p.text || p.language : `${p.frequency}× / ${p.period}${p.periodMax ? `–${p.periodMax}` : ''} ${p.unit}`))
    .join('');
}

const UCUM = 'http://unitsofmeasure.org';

/**
 * A Quantity's unit after the number `of`: its own `unit` text as written; else its UCUM code as
 * people write it ("°C", "mmHg"), or worded when shown ("years", "per minute"); a code of another
 * system as written. Most senders copy the UCUM code into `unit` ("mm[Hg]"): that is the code, not
 * their words. An annotation alone ("{score}") says nothing to a reader.
 */
export function unitPieces(q: unknown, of: Piece[]): Piece[] {
  if (!isObject(q)) return [];
  const unit = str(q.unit);
  const system = str(q.system);
  let code = str(q.code);
  if (unit === code && system === UCUM) code = code.replace(/^\{[^{}]*\}$/, '');
  else if (unit || !code) return unit ? [unit] : [];
  if (!code) return [];
  if (system && system !== UCUM) return [code];
  if (Object.hasOwn(UNIT_SYMBOLS, code)) return [UNIT_SYMBOLS[code]!];
  const n = of[0];
  return [n && typeof n !== 'string' && 'n' in n ? { unit: code, of: n.n } : code];
}

/** A Quantity (or Age, Duration, SimpleQuantity): `≥ 5.2 mmol/L`. */
export function quantityPieces(q: unknown): Piece[] {
  if (!isObject(q)) return [];
  const value = numberPiece(q.value);
  if (!value.length) return [];
  const comparator = str(q.comparator);
  return joinPieces([comparator ? [comparator] : [], value, unitPieces(q, value)], ' ');
}

/** A Range: `3.5–5.1 mmol/L`. */
export function rangePieces(r: unknown): Piece[] {
  if (!isObject(r)) return [];
  const low = isObject(r.low) ? numberPiece(r.low.value) : [];
  const high = isObject(r.high) ? numberPiece(r.high.value) : [];
  // The unit is worded for the last number said ("2–3 years").
  const unitOf = (q: unknown) => unitPieces(q, high.length ? high : low);
  const unit = isObject(r.high) && (str(r.high.unit) || str(r.high.code)) ? unitOf(r.high) : unitOf(r.low);
  const tail = unit.length ? [' ', ...unit] : [];
  if (low.length && high.length) return [...low, '–', ...high, ...tail];
  if (low.length) return ['≥ ', ...low, ...tail];
  if (high.length) return ['≤ ', ...high, ...tail];
  return [];
}

/** A Ratio: `1 mg / 2 mL`. */
export function ratioPieces(r: unknown): Piece[] {
  if (!isObject(r)) return [];
  const n = quantityPieces(r.numerator);
  const d = quantityPieces(r.denominator);
  return n.length && d.length ? [...n, ' / ', ...d] : n;
}

/** A Period's raw ends, for formatting by the caller. */
export function periodOf(p: unknown): { start?: string; end?: string } {
  if (!isObject(p)) return {};
  return { start: str(p.start) || undefined, end: str(p.end) || undefined };
}

/** A HumanName: `text`, else given names and family. */
export function humanName(name: unknown): string {
  if (typeof name === 'string') return str(name);
  if (!isObject(name)) return '';
  const text = str(name.text);
  if (text) return text;
  return [...list(name.prefix), ...list(name.given), name.family, ...list(name.suffix)].map(str).filter(Boolean).join(' ');
}

/** The name to show for a person or organisation resource. */
export function nameOf(resource: FhirResource | undefined): string {
  if (!resource) return '';
  if (typeof resource.name === 'string') return str(resource.name);
  const names = list(resource.name).filter(isObject);
  const official = names.find((n) => n.use === 'official') ?? names[0];
  return humanName(official);
}

/**
 * What a Reference names: its `display`, else the referenced resource's name, code or title; else
 * nothing. The reference itself ("Practitioner/abc", "urn:uuid:…") and a type name are the
 * record's plumbing, not words for a person.
 */
export function referenceText(ref: unknown, index?: ReferenceIndex, from?: FhirResource): string {
  if (!isObject(ref)) return '';
  const display = withoutTag(str(ref.display));
  if (display) return display;
  const target = index?.resolve(str(ref.reference), from);
  return target ? nameOf(target) || conceptText(target.code) || str(target.title) : '';
}

/** References, joined. */
export function referencesText(refs: unknown, index?: ReferenceIndex, from?: FhirResource): string {
  return unique(list(refs).map((r) => referenceText(isObject(r) && isObject(r.actor) ? r.actor : r, index, from))).join(', ');
}

/**
 * A `value[x]` (Observation, component, extension) as text; `date` says it is a date to format;
 * `pieces`, a value with numbers, worded when shown.
 */
export function valueText(holder: Json, prefix = 'value'): { text: string; date?: boolean; end?: string; yesNo?: boolean; pieces?: Piece[] } {
  const get = (suffix: string) => holder[`${prefix}${suffix}`];
  const worded = (pieces: Piece[]) => ({ text: piecesText(pieces), pieces });
  if (get('Quantity') !== undefined) return worded(quantityPieces(get('Quantity')));
  if (get('CodeableConcept') !== undefined) return { text: conceptText(get('CodeableConcept')) };
  if (get('String') !== undefined) return { text: str(get('String')) };
  // The code, worded in the reader's language when shown (code set `yesNo`).
  if (typeof get('Boolean') === 'boolean') return { text: String(get('Boolean')), yesNo: true };
  if (get('Integer') !== undefined) return worded(numberPiece(get('Integer')));
  if (get('Decimal') !== undefined) return worded(numberPiece(get('Decimal')));
  if (get('Range') !== undefined) return worded(rangePieces(get('Range')));
  if (get('Ratio') !== undefined) return worded(ratioPieces(get('Ratio')));
  if (get('DateTime') !== undefined) return { text: str(get('DateTime')), date: true };
  if (get('Date') !== undefined) return { text: str(get('Date')), date: true };
  if (get('Instant') !== undefined) return { text: str(get('Instant')), date: true };
  if (get('Time') !== undefined) return { text: str(get('Time')) };
  if (get('Period') !== undefined) {
    const p = periodOf(get('Period'));
    return { text: p.start ?? '', date: true, ...(p.end ? { end: p.end } : {}) };
  }
  if (get('Coding') !== undefined) return { text: codingText(get('Coding')) };
  if (get('Code') !== undefined) return { text: str(get('Code')) };
  return { text: '' };
}

/**
 * The date that places a resource on a timeline (raw FHIR date text), if any. Without a readable
 * one, a date written in form but naming no real day (2021-02-29): shown as written, undated on
 * the timeline.
 */
export function dateOf(resource: FhirResource): string | undefined {
  return datedOf(resource).date;
}

/** {@link dateOf}, with the moment it names in UTC (`timeOf` of it) when it is a real day: read once for both. */
export function datedOf(resource: FhirResource): { date?: string; utc?: number } {
  let unreal: string | undefined;
  for (const value of datesWritten(resource)) {
    const utc = timeOf(value);
    if (utc !== undefined) return { date: value, utc };
    unreal ??= FHIR_DATE.test(value.trim()) ? value : undefined;
  }
  return { date: unreal };
}

/**
 * Formats a number and a date once, so that the browser sets up its locale data (tens of
 * milliseconds on a phone, paid by the first number or date a page formats) before a record needs it.
 */
export function warmFormatters(lang = 'en'): void {
  formatCount(0, lang);
  formatDate('2000-01-01', lang);
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
