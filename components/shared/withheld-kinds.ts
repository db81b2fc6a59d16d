/**
 * How withheld kinds of items are named to a clinician: the hidden flag's built-in words, shared
 * with the consent prompt's preview so the patient reads exactly what the clinician's flag will
 * show. Clinician words come from the kit's one vocabulary (vocabulary.ts).
 */
import type { Language } from './strings.js';
import { OTHER_KIND, kindCount, knownKind } from './vocabulary.js';
import { isCount } from './numbers.js';

export { isCount };

const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;

/** Medication resources of every flavour read as one kind to a clinician. */
const CANONICAL: Record<string, string> = {
  MedicationRequest: 'Medication',
  MedicationStatement: 'Medication',
  MedicationAdministration: 'Medication',
  MedicationDispense: 'Medication',
};

/**
 * Valid kinds merged by what a clinician would call them, most frequent first. A count that is no
 * exact whole number (see {@link isCount}), alone or once merged, leaves its kind out.
 */
export function groupKinds(kinds: Record<string, number> | undefined): [string, number][] {
  const merged = new Map<string, number>();
  for (const [type, n] of Object.entries(kinds ?? {})) {
    if (!RESOURCE_TYPE.test(type) || !isCount(n) || n === 0) continue;
    // Kinds the vocabulary does not name share its one generic word, so they are counted as one.
    const key = CANONICAL[type] ?? (knownKind(type) ? type : OTHER_KIND);
    merged.set(key, (merged.get(key) ?? 0) + n);
  }
  return [...merged].filter(([, n]) => isCount(n)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** "2 problems": one kind in clinician words, counted through the language's plural rules. */
export const clinicianKind = (language: Language) => (resourceType: string, count: number, written?: string): string => kindCount(language, resourceType, count, 'clinician', written);

/** The kinds joined into one line. */
export const kindsLine = (parts: string[]): string => parts.join(', ');

/** The flag's built-in line of kinds, e.g. "2 problems, 1 medication", for counts per resource type. */
export function describeKinds(language: Language, kinds: Record<string, number>): string {
  const kind = clinicianKind(language);
  return kindsLine(groupKinds(kinds).map(([type, n]) => kind(type, n)));
}
