/**
 * A SNOMED CT name's semantic tag ("Viral sinusitis (disorder)"): a terminology word many hospital
 * exports leave on an item's name (in English, or in Spanish: "(trastorno)"), not the record's own words. Only a known tag at the very end is
 * taken off; other parentheses ("Hepatitis C (chronic)") stay. A name that is only a tag becomes empty.
 */
const TAG =
  /(?:^|\s+)\((?:disorder|finding|procedure|situation|substance|regime\/therapy|observable entity|event|body structure|morphologic abnormality|qualifier value|product|medicinal product|clinical drug|physical object|organism|specimen|environment|record artifact|assessment scale|social concept|occupation|life style|person|navigational concept|attribute|staging scale|tumor staging|trastorno|hallazgo|procedimiento|situación|sustancia|régimen\/tratamiento|entidad observable|evento|estructura corporal|anomalía morfológica|valor calificador|producto|producto medicinal|fármaco de uso clínico|objeto físico|organismo|espécimen|medio ambiente|elemento de registro|escala de evaluación|ocupación|estilo de vida)\)$/i;

/** `name` without a trailing SNOMED CT semantic tag. (A tag ends the name with its parenthesis: other names skip the pattern.) */
export const withoutTag = (name: string): string => (name.endsWith(')') ? name.replace(TAG, '') : name);

const words = (value: unknown): string => (typeof value === 'string' ? withoutTag(value.trim().slice(0, 2000)) : '');

/** A CodeableConcept's words: its `text`, else a coding's display, each without a terminology tag (one that is only a tag skipped); never a bare code (a title, "institutional"). */
export function conceptName(concept: unknown): string {
  if (typeof concept === 'string') return concept.trim().slice(0, 2000);
  const c = concept as { text?: unknown; coding?: unknown } | null;
  if (!c || typeof c !== 'object' || Array.isArray(c)) return '';
  // The first words found end the look: most concepts are named by their text, and a record of
  // thousands of them would otherwise test every coding's display for a tag nobody shows.
  const text = words(c.text);
  if (text) return text;
  const coding = Array.isArray(c.coding) ? c.coding : c.coding === undefined || c.coding === null ? [] : [c.coding];
  for (const x of coding) {
    const display = x && typeof x === 'object' ? words((x as { display?: unknown }).display) : '';
    if (display) return display;
  }
  return '';
}
