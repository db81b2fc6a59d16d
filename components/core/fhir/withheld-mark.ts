/**
 * Writing the hidden-item marker (withheld.ts) into a share: only sharing needs it, so a page
 * that only reads records, which reads the marker but never writes one, does not download it.
 */
import type { FhirBundle, FhirResource } from './types.js';
import { uuidUrn } from './bundle.js';
import { LIST_EMPTY_REASON_SYSTEM, REDACTED, WITHHELD_TITLE, isRedacted, type Disclosure } from './withheld.js';

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
