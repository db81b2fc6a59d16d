/**
 * A SNOMED CT name's semantic tag ("Viral sinusitis (disorder)"): a terminology word many hospital
 * exports leave on an item's name (in English, or in Spanish: "(trastorno)"), not the record's own words. Only a known tag at the very end is
 * taken off; other parentheses ("Hepatitis C (chronic)") stay. A name that is only a tag becomes empty.
 */
const TAG =
  /(?:^|\s+)\((?:disorder|finding|procedure|situation|substance|regime\/therapy|observable entity|event|body structure|morphologic abnormality|qualifier value|product|medicinal product|clinical drug|physical object|organism|specimen|environment|record artifact|assessment scale|social concept|occupation|life style|person|navigational concept|attribute|staging scale|tumor staging|trastorno|hallazgo|procedimiento|situación|sustancia|régimen\/tratamiento|entidad observable|evento|estructura corporal|anomalía morfológica|valor calificador|producto|producto medicinal|fármaco de uso clínico|objeto físico|organismo|espécimen|medio ambiente|elemento de registro|escala de evaluación|ocupación|estilo de vida)\)$/i;

/** `name` without a trailing SNOMED CT semantic tag. */
export const withoutTag = (name: string): string => name.replace(TAG, '');
