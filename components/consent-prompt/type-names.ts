/**
 * FHIR resource types in words patients use, in each shipped language: a type's name for a
 * heading ("Allergies") and a count of items ("1 allergy", "2 allergies").
 */
import type { Language } from '../shared/strings.js';
import { splitType } from './resources.js';

type Forms = [one: string, many: string];

const NAMES: Record<Language, Record<string, Forms>> = {
  en: {
    Patient: ['personal details', 'personal details'],
    AllergyIntolerance: ['allergy', 'allergies'],
    Condition: ['condition', 'conditions'],
    Observation: ['test result or measurement', 'test results and measurements'],
    MedicationRequest: ['prescription', 'prescriptions'],
    MedicationStatement: ['medication', 'medications'],
    Medication: ['medication', 'medications'],
    Immunization: ['vaccination', 'vaccinations'],
    Procedure: ['procedure', 'procedures'],
    Encounter: ['visit', 'visits'],
    DiagnosticReport: ['report', 'reports'],
    DocumentReference: ['document', 'documents'],
    CarePlan: ['care plan', 'care plans'],
    Practitioner: ['practitioner', 'practitioners'],
    Organization: ['organization', 'organizations'],
    Consent: ['consent', 'consents'],
  },
  es: {
    Patient: ['datos personales', 'datos personales'],
    AllergyIntolerance: ['alergia', 'alergias'],
    Condition: ['afección', 'afecciones'],
    Observation: ['resultado o medición', 'resultados y mediciones'],
    MedicationRequest: ['receta', 'recetas'],
    MedicationStatement: ['medicamento', 'medicamentos'],
    Medication: ['medicamento', 'medicamentos'],
    Immunization: ['vacuna', 'vacunas'],
    Procedure: ['procedimiento', 'procedimientos'],
    Encounter: ['consulta', 'consultas'],
    DiagnosticReport: ['informe', 'informes'],
    DocumentReference: ['documento', 'documentos'],
    CarePlan: ['plan de cuidados', 'planes de cuidados'],
    Practitioner: ['profesional', 'profesionales'],
    Organization: ['organización', 'organizaciones'],
    Consent: ['consentimiento', 'consentimientos'],
  },
};

const capital = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** "Allergies": a type's heading. */
export function typeHeading(lang: Language, type: string): string {
  return capital(NAMES[lang][type]?.[1] ?? splitType(type));
}

/** "1 allergy", "2 allergies". */
export function typeCount(lang: Language, type: string, n: number): string {
  const forms = NAMES[lang][type];
  if (!forms) return `${n} × ${splitType(type)}`;
  return `${n} ${n === 1 ? forms[0] : forms[1]}`;
}

/** "allergies, vaccinations": types in running text. */
export function typeList(lang: Language, types: readonly string[]): string {
  return types.map((t) => NAMES[lang][t]?.[1] ?? splitType(t).toLocaleLowerCase()).join(', ');
}
