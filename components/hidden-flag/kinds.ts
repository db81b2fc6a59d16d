/**
 * How the flag names withheld kinds, shared with the consent prompt's preview so the patient reads
 * exactly the words the clinician's flag will show.
 */
import type { Language } from '../shared/strings.js';
import { hiddenFlagStrings } from './hidden-flag.strings.js';

const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;
export const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Medication resources of every flavour read as one kind to a clinician. */
const CANONICAL: Record<string, string> = {
  MedicationRequest: 'Medication',
  MedicationStatement: 'Medication',
  MedicationAdministration: 'Medication',
  MedicationDispense: 'Medication',
};

/** Valid kinds merged by what a clinician would call them, most frequent first. */
export function groupKinds(kinds: Record<string, number> | undefined): [string, number][] {
  const merged = new Map<string, number>();
  for (const [type, n] of Object.entries(kinds ?? {})) {
    if (!RESOURCE_TYPE.test(type) || !isCount(n) || n === 0) continue;
    const key = CANONICAL[type] ?? type;
    merged.set(key, (merged.get(key) ?? 0) + n);
  }
  return [...merged].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}


/** The flag's built-in line of kinds, e.g. "2 problems, 1 medication", for counts per resource type. */
export function describeKinds(language: Language, kinds: Record<string, number>): string {
  const s = hiddenFlagStrings[language];
  return s.kindsList(groupKinds(kinds).map(([type, n]) => s.kind(type, n)));
}
