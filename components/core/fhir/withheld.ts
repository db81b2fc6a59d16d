/**
 * The hidden-item marker: a share that withholds items says so, so the clinician knows to ask.
 * `Bundle.meta.security` carries REDACTED and one `List` records how much the patient disclosed.
 */
import type { FhirBundle, FhirResource, Coding } from './types.js';

/** HL7 v3 ObservationValue: the code system of the REDACTED label. */
export const OBSERVATION_VALUE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue';
/** HL7 list-empty-reason, whose `withheld` code says content was not provided. */
export const LIST_EMPTY_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/list-empty-reason';
/** The REDACTED coding used on the Bundle and as the List's code. */
export const REDACTED: Coding = { system: OBSERVATION_VALUE_SYSTEM, code: 'REDACTED', display: 'redacted' };
/** The List title the marker carries. */
export const WITHHELD_TITLE = 'Withheld by the patient';

/** How much the hidden-item flag reveals: only that something is hidden, how many, or how many of which kind. */
export type Disclosure = 'flag' | 'count' | 'count-and-kind';

/** What a reader learns from the marker. */
export interface Withheld {
  disclose: Disclosure;
  /** Number of hidden items, when disclosed. */
  count?: number;
  /** Hidden items per resource type, when disclosed. */
  kinds?: Record<string, number>;
}

/** Whether a coding is the REDACTED label. */
export const isRedacted = (c: unknown) => (c as Coding)?.system === OBSERVATION_VALUE_SYSTEM && (c as Coding)?.code === 'REDACTED';

/** True for the marker List itself (hosts render it as the flag, not as a resource). */
export function isWithheldList(resource: FhirResource): boolean {
  const code = resource.code as { coding?: unknown[] } | undefined;
  return resource.resourceType === 'List' && !!code?.coding?.some(isRedacted);
}

/** Reads the marker from a Bundle; undefined when nothing was withheld. */
export function readWithheld(bundle: FhirBundle): Withheld | undefined {
  const lists = (bundle.entry ?? []).map((e) => e.resource).filter(isWithheldList);
  const labelled = (bundle.meta?.security ?? []).some(isRedacted);
  if (lists.length === 0) return labelled ? { disclose: 'flag' } : undefined;
  const entries = lists.flatMap((l) => (Array.isArray(l.entry) ? (l.entry as { item?: { type?: unknown } }[]) : []));
  if (entries.length === 0) return { disclose: 'flag' };
  const kinds: Record<string, number> = {};
  let typed = 0;
  for (const e of entries) {
    const type = e?.item?.type;
    if (typeof type === 'string' && /^[A-Z][A-Za-z]{1,63}$/.test(type)) {
      kinds[type] = (kinds[type] ?? 0) + 1;
      typed++;
    }
  }
  return typed > 0
    ? { disclose: 'count-and-kind', count: entries.length, kinds }
    : { disclose: 'count', count: entries.length };
}
