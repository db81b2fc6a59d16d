/**
 * The hidden-item marker: a share that withholds items says so, so the clinician knows to ask.
 * `Bundle.meta.security` carries REDACTED and one `List` records how much the patient disclosed.
 */
import type { FhirBundle, FhirResource, Coding } from './types.js';
import { uuidUrn } from './bundle.js';

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

const isRedacted = (c: unknown) => (c as Coding)?.system === OBSERVATION_VALUE_SYSTEM && (c as Coding)?.code === 'REDACTED';

/** Builds the marker List for `hidden` resources at the chosen disclosure. */
export function withheldList(hidden: readonly FhirResource[], disclose: Disclosure): FhirResource {
  const list: FhirResource = {
    resourceType: 'List',
    id: crypto.randomUUID(),
    status: 'current',
    mode: 'snapshot',
    title: WITHHELD_TITLE,
    code: { coding: [REDACTED] },
  };
  if (disclose === 'flag' || hidden.length === 0) {
    list.emptyReason = { coding: [{ system: LIST_EMPTY_REASON_SYSTEM, code: 'withheld', display: 'Information Withheld' }] };
  } else {
    // No `deleted` flag: R4 allows it only in a list of changes (lst-2). Markers written before
    // carry it; readers count entries either way.
    list.entry = hidden.map((r) => ({
      item: disclose === 'count-and-kind' ? { type: r.resourceType, display: 'Withheld item' } : { display: 'Withheld item' },
    }));
  }
  return list;
}

/**
 * Most entries one marker List holds (about 80 characters each): a List is one resource, and one
 * resource must fit in one record part, so a share hiding more items carries several Lists.
 * Readers count the entries of every marker List ({@link readWithheld}).
 */
export const MAX_WITHHELD_ENTRIES_PER_LIST = 250;

/** Returns a copy of `bundle` carrying the marker for `hidden`: one List, or several when many items are hidden and counted. */
export function markWithheld(bundle: FhirBundle, hidden: readonly FhirResource[], disclose: Disclosure, maxEntriesPerList = MAX_WITHHELD_ENTRIES_PER_LIST): FhirBundle {
  const security = [...(bundle.meta?.security ?? []).filter((c) => !isRedacted(c)), REDACTED];
  const per = Math.max(1, Math.floor(maxEntriesPerList));
  const groups: (readonly FhirResource[])[] = [];
  if (disclose === 'flag' || hidden.length <= per) groups.push(hidden);
  else for (let i = 0; i < hidden.length; i += per) groups.push(hidden.slice(i, i + per));
  return {
    ...bundle,
    meta: { ...bundle.meta, security },
    entry: [...(bundle.entry ?? []), ...groups.map((group) => ({ fullUrl: uuidUrn(), resource: withheldList(group, disclose) }))],
  };
}

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
