/**
 * Kinds of items (FHIR resource types) in the words patients use, from the kit's one vocabulary
 * (shared/vocabulary.ts, where the flag's clinician words sit beside them): a heading
 * ("Allergies"), a count ("1 allergy", "2 allergies"), a list in running text.
 */
import type { Language } from './strings.js';
import { kindCount, kindName } from './vocabulary.js';

const capital = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** "Allergies": a type's heading. */
export function typeHeading(lang: Language, type: string): string {
  return capital(kindName(lang, type, 'patient'));
}

/** "1 allergy", "2 allergies". */
export function typeCount(lang: Language, type: string, n: number, written?: string): string {
  return kindCount(lang, type, n, 'patient', written);
}

/**
 * "allergies, vaccinations": types in running text, each word once (a medication and its
 * statement are both "medications"; kinds the vocabulary lacks are all "items").
 */
export function typeList(lang: Language, types: readonly string[]): string {
  return [...new Set(types.map((t) => kindName(lang, t, 'patient')))].join(', ');
}
