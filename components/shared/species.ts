/**
 * Species named in a page's language from the SNOMED CT code of an animal's record (see
 * `speciesCode`), so that a record giving only the code still reads "Dog" or "Perro".
 */

/**
 * A species' name from `names`, by SNOMED CT code (dog 448771007, cat 448169003, horse 35354009
 * and the genus 388445009 that FHIR's animal-species examples call horse, donkey 85626006, cow
 * 34618005, goat 125097000, sheep 125099002); else the record's words; else ''.
 */
export const speciesNamed = (names: Record<string, string>) => (code: string | undefined, text?: string): string =>
  (code && Object.hasOwn(names, code) ? names[code] : text) ?? '';

/** The common species in English, by SNOMED CT code (the prompt's `species` string, the viewer's species fact). */
export const speciesWordsEn: Record<string, string> = { '448771007': 'Dog', '448169003': 'Cat', '35354009': 'Horse', '388445009': 'Horse', '85626006': 'Donkey', '34618005': 'Cow', '125097000': 'Goat', '125099002': 'Sheep' };
