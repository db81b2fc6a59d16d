/**
 * Built-in strings of `<nip82-hidden-flag>`, and the plain-word names of FHIR resource types a
 * clinician reads in the list of withheld kinds.
 */
import type { Language } from '../shared/strings.js';

export type HiddenFlagStrings = {
  /** Title when only the fact of withholding is disclosed. */
  flagTitle: string;
  /** Title when the number is disclosed. */
  countTitle: (count: number) => string;
  /** One kind with its number, e.g. "2 problems". */
  kind: (resourceType: string, count: number) => string;
  /** Joins the kinds into one line. */
  kindsList: (parts: string[]) => string;
  /** Why the items are missing and what to do about it. */
  explanation: string;
};

/** Singular and plural names of common FHIR resource types, per language (medication resources are counted as `Medication`). */
export const RESOURCE_NAMES: Record<Language, Record<string, readonly [string, string]>> = {
  en: {
    Condition: ['problem', 'problems'],
    Observation: ['observation', 'observations'],
    Medication: ['medication', 'medications'],
    AllergyIntolerance: ['allergy', 'allergies'],
    Immunization: ['vaccination', 'vaccinations'],
    Procedure: ['procedure', 'procedures'],
    Encounter: ['visit', 'visits'],
    DiagnosticReport: ['test report', 'test reports'],
    ImagingStudy: ['imaging study', 'imaging studies'],
    DocumentReference: ['document', 'documents'],
    CarePlan: ['care plan', 'care plans'],
    CareTeam: ['care team', 'care teams'],
    Goal: ['goal', 'goals'],
    ServiceRequest: ['order', 'orders'],
    FamilyMemberHistory: ['family history entry', 'family history entries'],
    Device: ['device', 'devices'],
    Claim: ['claim', 'claims'],
    ExplanationOfBenefit: ['insurance statement', 'insurance statements'],
    Coverage: ['insurance coverage', 'insurance coverages'],
    Practitioner: ['practitioner', 'practitioners'],
    Organization: ['organization', 'organizations'],
  },
  es: {
    Condition: ['problema', 'problemas'],
    Observation: ['observación', 'observaciones'],
    Medication: ['medicamento', 'medicamentos'],
    AllergyIntolerance: ['alergia', 'alergias'],
    Immunization: ['vacuna', 'vacunas'],
    Procedure: ['procedimiento', 'procedimientos'],
    Encounter: ['consulta', 'consultas'],
    DiagnosticReport: ['informe de pruebas', 'informes de pruebas'],
    ImagingStudy: ['estudio de imagen', 'estudios de imagen'],
    DocumentReference: ['documento', 'documentos'],
    CarePlan: ['plan de cuidados', 'planes de cuidados'],
    CareTeam: ['equipo de atención', 'equipos de atención'],
    Goal: ['objetivo', 'objetivos'],
    ServiceRequest: ['solicitud', 'solicitudes'],
    FamilyMemberHistory: ['antecedente familiar', 'antecedentes familiares'],
    Device: ['dispositivo', 'dispositivos'],
    Claim: ['reclamación', 'reclamaciones'],
    ExplanationOfBenefit: ['explicación de beneficios', 'explicaciones de beneficios'],
    Coverage: ['cobertura de seguro', 'coberturas de seguro'],
    Practitioner: ['profesional', 'profesionales'],
    Organization: ['organización', 'organizaciones'],
  },
};

/** "2 problems"; a type without a plain name keeps its FHIR name. */
const kindIn = (language: Language) => (resourceType: string, count: number) => {
  const names = RESOURCE_NAMES[language][resourceType];
  return `${count} ${names ? names[count === 1 ? 0 : 1] : resourceType}`;
};

export const hiddenFlagStrings: Record<Language, HiddenFlagStrings> = {
  en: {
    flagTitle: 'Some items were withheld by the patient',
    countTitle: (count) => `The patient withheld ${count} ${count === 1 ? 'item' : 'items'} from this record`,
    kind: kindIn('en'),
    kindsList: (parts) => parts.join(', '),
    explanation: 'The patient chose not to share these here. If they could matter for care, it is worth asking the patient about them.',
  },
  es: {
    flagTitle: 'El paciente decidió no compartir algunos elementos',
    countTitle: (count) => `El paciente no compartió ${count} ${count === 1 ? 'elemento' : 'elementos'} de este registro`,
    kind: kindIn('es'),
    kindsList: (parts) => parts.join(', '),
    explanation: 'El paciente decidió no compartirlos aquí. Si pudieran ser importantes para la atención, conviene preguntarle por ellos.',
  },
};
