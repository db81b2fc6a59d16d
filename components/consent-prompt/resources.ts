/**
 * Plain-language labels for FHIR entries and resource types, for people choosing what to share.
 * Labels are text only (bound as text, never as HTML), cleaned and bounded: record contents come
 * from other people and may carry bidi or control-character tricks.
 */
import type { FhirResource } from '../core/fhir/types.js';
import type { Resolve } from '../core/fhir/mentions.js';
import { grantExpiration, localDay, periodDay, periodEnd } from '../core/nip82/grant.js';
import { periodEndOf } from '../core/nip82/grant-create.js';
import { conceptName } from '../core/fhir/semantic-tag.js';
import { clean, humanName } from '../shared/record-text.js';

export { humanName };
import { datesWritten, dayText, momentText } from '../shared/dates.js';
import { formatDecimal, plainDecimal } from '../shared/numbers.js';

type Concept = { text?: unknown; coding?: { display?: unknown; code?: unknown }[] } | undefined;

/** The concept's words as the record viewer names it ({@link conceptName}); a code only when it has no words at all. */
function conceptText(value: unknown): string {
  const c = value as Concept;
  if (!c || typeof c !== 'object') return '';
  const coding = Array.isArray(c.coding) ? c.coding : [];
  const worded = (typeof c.text === 'string' && c.text.trim()) || coding.some((x) => typeof x?.display === 'string');
  return conceptName(c) || (worded ? '' : String(coding.find((x) => typeof x?.code === 'string')?.code ?? ''));
}

function deviceName(value: unknown): string {
  const names = Array.isArray(value) ? (value as { name?: unknown }[]) : [];
  const name = names.find((n) => typeof n?.name === 'string')?.name;
  return typeof name === 'string' ? name : '';
}

function quantity(value: unknown, lang: string): string {
  const q = value as { value?: unknown; unit?: unknown; comparator?: unknown } | undefined;
  if (!q || typeof q.value !== 'number' || !Number.isFinite(q.value)) return '';
  // A lab's "< 0.01" is not "0.01": the comparator goes first, as the viewer shows it.
  const comparator = typeof q.comparator === 'string' && /^(?:<|<=|>=|>)$/.test(q.comparator) ? `${q.comparator} ` : '';
  return `${comparator}${formatDecimal(plainDecimal(q.value), lang)}${typeof q.unit === 'string' ? ` ${q.unit}` : ''}`;
}

/**
 * The drug a medication order, statement, administration or dispense names only by reference: the
 * Medication's name (in the records, or held inside the item), else the reference's own words.
 */
function referencedDrug(resource: FhirResource, resolve?: Resolve): string {
  const ref = (resource as { medicationReference?: { reference?: unknown; display?: unknown } }).medicationReference;
  if (!ref || typeof ref !== 'object') return '';
  const drug = resolve && typeof ref.reference === 'string' ? resolve(ref as { reference: string }, resource) : undefined;
  const named = drug?.resourceType === 'Medication' ? conceptText(drug.code) : '';
  return named || (typeof ref.display === 'string' ? ref.display : '');
}

/**
 * The most telling short text of one resource ("Penicillin", "Tetanus", "Blood pressure 120 mmHg"), its numbers as `lang` writes them.
 * `resolve` finds what it refers to, so an order naming its drug by reference is labelled with the drug.
 */
export function resourceLabel(resource: FhirResource, lang: string, resolve?: Resolve): string {
  const r = resource as Record<string, unknown>;
  // Who a person or an organisation is: their name (a Practitioner's, a family member's).
  if (resource.resourceType === 'Patient' || resource.resourceType === 'RelatedPerson' || resource.resourceType === 'Practitioner') return humanName(r.name);
  if (resource.resourceType === 'Organization' && typeof r.name === 'string') return clean(r.name);
  const main =
    conceptText(r.code) ||
    conceptText(r.vaccineCode) ||
    conceptText(r.medicationCodeableConcept) ||
    referencedDrug(resource, resolve) ||
    // `type` is one concept on a document or a device, a list on a visit.
    conceptText(Array.isArray(r.type) ? r.type[0] : r.type) ||
    deviceName(r.deviceName) ||
    conceptText(r.class) ||
    (typeof r.title === 'string' ? r.title : '') ||
    (typeof r.description === 'string' ? r.description : '');
  const value = quantity(r.valueQuantity, lang) || conceptText(r.valueCodeableConcept) || (typeof r.valueString === 'string' ? r.valueString : '');
  return clean([main, value].filter(Boolean).join(': '));
}

/**
 * The date a resource is about, as YYYY-MM-DD (or YYYY-MM, YYYY as written), when it names one: a
 * moment (a date with a time) as the day it falls on where the reader is, as the record viewer
 * shows it, not the day the clinic's offset wrote.
 */
export function resourceDate(resource: FhirResource): string {
  const found = resourceMoment(resource);
  return found ? periodDay(found) : '';
}

/** The date a resource is about as written (a day and time when it gives one), or ''. */
export function resourceMoment(resource: FhirResource): string {
  // The fields the viewer dates an item by, in its order, so both show an item on the same day.
  const candidates = [...datesWritten(resource), resource.birthDate];
  const found = candidates.find((d): d is string => typeof d === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?/.test(d));
  return found ? found.trim() : '';
}

// The patient's calendar day of a period's bound: in the core, which the consent history reads too.
export { periodDay } from '../core/nip82/grant.js';

/**
 * The end an approval grants when its day is left as asked: the asked moment (a clinic's "until
 * 17:00"), written with the patient's offset, when it comes before their midnight; else the day.
 */
export function askedEnd(end: string | undefined): string {
  const day = periodDay(end);
  const at = end && end.length > 10 ? periodEnd(end) : undefined;
  return at !== undefined && at < grantExpiration(day) ? periodEndOf(end!) : day;
}

/** An end as the patient reads it: a day, or a day and its hour. */
export function endText(until: string, lang: string): string {
  return until.length > 10 ? momentText(periodEnd(until)! - 1, lang) : dayText(until, lang);
}

/** YYYY-MM-DD of a unix time, in the user's time zone. */
export function dateOf(seconds: number): string {
  return localDay(new Date(seconds * 1000));
}

/**
 * Today as YYYY-MM-DD (for date inputs' `min`), in local time like `grantExpiration`: the
 * earliest day the picker allows always ends (at local midnight) after now.
 */
export function today(): string {
  return dateOf(Date.now() / 1000);
}

/** Splits "AllergyIntolerance" into "Allergy intolerance" for a type with no translation. */
export function splitType(type: string): string {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
