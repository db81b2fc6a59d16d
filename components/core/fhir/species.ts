/**
 * An animal's species as a code: a reader names it in its own language ("Dog", "Perro"), where the
 * record may give only the code, or its words in another language. Apart from patient.ts, so that a
 * page that never names species does not carry this.
 */
import { ANIMAL_EXTENSION } from './patient.js';
import type { FhirResource } from './types.js';

/** SNOMED CT, the code system the animal extension's species are drawn from. */
export const SNOMED_SYSTEM = 'http://snomed.info/sct';

type Part = { url?: string; valueCodeableConcept?: { coding?: { system?: string; code?: unknown }[] } };

/**
 * The SNOMED CT code of an animal Patient's species, from its animal extension; undefined for a
 * person, or a species given in words or another code system only.
 */
export function speciesCode(patient: FhirResource | undefined): string | undefined {
  const list = <T,>(value: unknown) => (Array.isArray(value) ? (value as T[]) : []);
  const animal = list<{ url?: string; extension?: unknown }>(patient?.extension).find((e) => e?.url === ANIMAL_EXTENSION);
  const species = list<Part>(animal?.extension).find((x) => x?.url === 'species');
  const code = list<{ system?: string; code?: unknown }>(species?.valueCodeableConcept?.coding).find((c) => c?.system === SNOMED_SYSTEM && typeof c.code === 'string' && /^\d{6,18}$/.test(c.code))?.code;
  return code as string | undefined;
}
