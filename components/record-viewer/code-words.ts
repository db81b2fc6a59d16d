/**
 * Words for the FHIR codes the viewer shows (a status, an encounter class, a gender…), English and
 * Spanish: a patient reads "Outpatient visit", not "AMB", and "terminado" on a Spanish page, not
 * "finished". The defaults of the viewer's `codeWord` string; a code no table knows is shown as
 * written (most English codes are words already; a local code is the record's own).
 */
import type { Language } from '../shared/strings.js';

/** The value sets whose codes are worded. */
export type CodeSet =
  | 'status' | 'clinicalStatus' | 'verification' | 'criticality' | 'severity' | 'intent' | 'gender' | 'animalGender'
  | 'allergyCategory' | 'conditionCategory' | 'observationCategory' | 'encounterClass';

type Table = Partial<Record<CodeSet, Record<string, string>>>;

/** English: only the codes that are not already their own word ("active" is). */
const en: Table = {
  status: {
    'in-progress': 'in progress', 'on-hold': 'on hold', superseded: 'replaced by a newer version', 'not-done': 'not done',
    'entered-in-error': 'entered in error', 'not-taken': 'not taken',
  },
  clinicalStatus: { recurrence: 'came back', remission: 'in remission' },
  verification: { unconfirmed: 'not confirmed', differential: 'one of several possible diagnoses', refuted: 'ruled out', 'entered-in-error': 'entered in error' },
  criticality: { 'unable-to-assess': 'not assessed' },
  intent: { proposal: 'proposed', plan: 'planned', order: 'prescribed', 'original-order': 'prescribed' },
  allergyCategory: { biologic: 'biological product' },
  conditionCategory: { 'problem-list-item': 'on the list of health problems', 'encounter-diagnosis': 'diagnosed at a visit', 'health-concern': 'health concern' },
  observationCategory: { 'social-history': 'way of life', 'vital-signs': 'vital signs', laboratory: 'laboratory test', survey: 'questionnaire', exam: 'examination', activity: 'physical activity' },
  encounterClass: {
    AMB: 'outpatient visit', EMER: 'emergency', IMP: 'hospital stay', ACUTE: 'hospital stay', NONAC: 'hospital stay',
    OBSENC: 'observation stay', PRENC: 'before admission', SS: 'short stay', VR: 'remote visit', HH: 'home visit', FLD: 'visit outside the practice',
  },
};

const es: Table = {
  // The resource statuses the viewer meets, across resource types.
  status: {
    active: 'activo', inactive: 'inactivo', completed: 'completado', final: 'definitivo', preliminary: 'preliminar',
    amended: 'modificado', corrected: 'corregido', registered: 'registrado', cancelled: 'cancelado', finished: 'terminado',
    planned: 'previsto', 'in-progress': 'en curso', stopped: 'suspendido', 'on-hold': 'en pausa', draft: 'borrador', current: 'vigente',
    superseded: 'sustituido por una versión más nueva', 'not-done': 'no realizado', 'entered-in-error': 'registrado por error',
    unknown: 'desconocido', intended: 'previsto', 'not-taken': 'no tomado', revoked: 'revocado', rejected: 'rechazado',
    proposed: 'propuesto', accepted: 'aceptado',
  },
  clinicalStatus: { active: 'activo', recurrence: 'ha vuelto', relapse: 'recaída', inactive: 'inactivo', remission: 'en remisión', resolved: 'resuelto' },
  verification: {
    unconfirmed: 'sin confirmar', differential: 'uno de varios diagnósticos posibles', confirmed: 'confirmado', refuted: 'descartado',
    'entered-in-error': 'registrado por error',
  },
  criticality: { low: 'bajo', high: 'alto', 'unable-to-assess': 'sin evaluar' },
  severity: { mild: 'leve', moderate: 'moderada', severe: 'grave' },
  intent: { proposal: 'propuesto', plan: 'planificado', order: 'prescrito', 'original-order': 'prescrito' },
  gender: { male: 'masculino', female: 'femenino', other: 'otro', unknown: 'desconocido' },
  animalGender: { male: 'macho', female: 'hembra', other: 'otro', unknown: 'desconocido' },
  allergyCategory: { food: 'alimento', medication: 'medicamento', environment: 'entorno', biologic: 'producto biológico' },
  conditionCategory: { 'problem-list-item': 'en la lista de problemas de salud', 'encounter-diagnosis': 'diagnosticado en una consulta', 'health-concern': 'preocupación de salud' },
  observationCategory: {
    'social-history': 'hábitos de vida', 'vital-signs': 'signos vitales', imaging: 'imagen', laboratory: 'análisis de laboratorio', procedure: 'procedimiento',
    survey: 'cuestionario', exam: 'exploración', therapy: 'terapia', activity: 'actividad física',
  },
  encounterClass: {
    AMB: 'consulta ambulatoria', EMER: 'urgencias', IMP: 'hospitalización', ACUTE: 'hospitalización', NONAC: 'hospitalización',
    OBSENC: 'en observación', PRENC: 'antes del ingreso', SS: 'estancia corta', VR: 'consulta a distancia', HH: 'visita a domicilio', FLD: 'atención fuera del centro',
  },
};

const TABLES: Record<Language, Table> = { en, es };

/** The word for `code` of `set` in `lang`, or the code as written when no table knows it. */
export function codeWordIn(lang: Language) {
  return (set: CodeSet, code: string): string => {
    const table = TABLES[lang][set];
    // Codes come from untrusted records: only the table's own entries count.
    return table && Object.hasOwn(table, code) ? table[code]! : code;
  };
}
