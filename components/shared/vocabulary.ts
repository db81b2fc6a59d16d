/**
 * One map of what the kinds of items (FHIR resource types) are called: in patient words on
 * patient screens (the consent prompt, the access list) and in clinician words in the hidden-item
 * flag, side by side, so the two always name the same kind and the patient's preview can say what
 * the clinician's flag will call it. Each entry is [one, many]; a language picks between them
 * through its plural rules. The record viewer's section headings come from here too; its vital
 * signs, a part of Observation it shows apart, have the key `Observation/vital-signs` (no resource
 * type contains a slash).
 */
import type { Language } from './strings.js';
import { languageTables, loadTables, type PackLanguage } from './language-packs.js';
import { plural } from './plural.js';
import { formatCount } from './numbers.js';

type Forms = readonly [one: string, many: string];

/** Per type: [patient words, clinician words]. */
export type Words = Record<string, readonly [patient: Forms, clinician: Forms]>;

const en: Words = {
  Patient: [['personal details', 'personal details'], ['patient details', 'patient details']],
  // Counted (kindCount): "details" has no singular to count with.
  'Patient/counted': [['set of personal details', 'sets of personal details'], ['set of patient details', 'sets of patient details']],
  AllergyIntolerance: [['allergy', 'allergies'], ['allergy', 'allergies']],
  Condition: [['condition', 'conditions'], ['problem', 'problems']],
  Observation: [['test result or measurement', 'test results and measurements'], ['observation', 'observations']],
  'Observation/vital-signs': [['vital sign', 'vital signs'], ['vital sign', 'vital signs']],
  MedicationRequest: [['prescription', 'prescriptions'], ['medication', 'medications']],
  MedicationStatement: [['medication', 'medications'], ['medication', 'medications']],
  MedicationAdministration: [['medication given', 'medications given'], ['medication', 'medications']],
  MedicationDispense: [['medication dispensed', 'medications dispensed'], ['medication', 'medications']],
  Medication: [['medication', 'medications'], ['medication', 'medications']],
  Immunization: [['vaccination', 'vaccinations'], ['immunization', 'immunizations']],
  Procedure: [['procedure', 'procedures'], ['procedure', 'procedures']],
  Encounter: [['visit', 'visits'], ['encounter', 'encounters']],
  DiagnosticReport: [['test report', 'test reports'], ['diagnostic report', 'diagnostic reports']],
  ImagingStudy: [['scan or X-ray', 'scans and X-rays'], ['imaging study', 'imaging studies']],
  VisionPrescription: [['glasses or contact lens prescription', 'glasses and contact lens prescriptions'], ['vision prescription', 'vision prescriptions']],
  DocumentReference: [['document', 'documents'], ['document', 'documents']],
  CarePlan: [['care plan', 'care plans'], ['care plan', 'care plans']],
  CareTeam: [['care team', 'care teams'], ['care team', 'care teams']],
  Goal: [['goal', 'goals'], ['goal', 'goals']],
  ServiceRequest: [['referral or order', 'referrals and orders'], ['order', 'orders']],
  FamilyMemberHistory: [['family history entry', 'family history entries'], ['family history entry', 'family history entries']],
  Device: [['device', 'devices'], ['device', 'devices']],
  Claim: [['insurance claim', 'insurance claims'], ['claim', 'claims']],
  ExplanationOfBenefit: [['insurance statement', 'insurance statements'], ['explanation of benefit', 'explanations of benefit']],
  Coverage: [['insurance coverage', 'insurance coverages'], ['coverage', 'coverages']],
  Practitioner: [['care provider', 'care providers'], ['practitioner', 'practitioners']],
  PractitionerRole: [['care provider', 'care providers'], ['practitioner role', 'practitioner roles']],
  Organization: [['organization', 'organizations'], ['organization', 'organizations']],
  Provenance: [['signature', 'signatures'], ['provenance', 'provenance entries']],
  Composition: [['document summary', 'document summaries'], ['composition', 'compositions']],
  Consent: [['consent note', 'consent notes'], ['consent', 'consents']],
  Basic: [['note', 'notes'], ['note', 'notes']],
};

/** English at hand; Spanish (vocabulary.es.ts) once the page speaks it, English until then. */
const WORDS = languageTables(en, { es: () => import('./vocabulary.es.js').then((m) => m.wordsEs) });

/**
 * Loads the vocabulary of `lang`, for words computed when a language pack loads rather than when
 * they are shown (the record viewer's section headings).
 */
export const loadVocabulary = (lang: PackLanguage): Promise<void> => loadTables(WORDS, lang);

/** Who reads the words: a patient, or a clinician. */
export type Audience = 'patient' | 'clinician';

/** Words for a type no map entry names: "AllergyIntolerance" as "allergy intolerance" (never shown as code). */
function spelled(type: string): string {
  return type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The [one, many] forms of `type` for `audience` in `lang`. */
export function kindForms(lang: Language, type: string, audience: Audience): Forms {
  // Types come from untrusted records: "constructor" or "__proto__" must not reach the prototype.
  const words = WORDS[lang] ?? WORDS.en;
  const entry = Object.hasOwn(words, type) ? words[type] : undefined;
  if (entry) return entry[audience === 'patient' ? 0 : 1];
  const spelt = spelled(type);
  return [spelt, spelt];
}

/** "allergies": the kind in running text (plural form). */
export function kindName(lang: Language, type: string, audience: Audience): string {
  return kindForms(lang, type, audience)[1];
}

const capital = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** "Allergies": the kind as a heading (plural form, capitalised). */
export function kindHeading(lang: Language, type: string, audience: Audience): string {
  return capital(kindName(lang, type, audience));
}

/** "Allergy": one item's kind as a label (singular form, capitalised). */
export function kindLabel(lang: Language, type: string, audience: Audience): string {
  return capital(kindForms(lang, type, audience)[0]);
}

/**
 * "1 allergy", "2 allergies", "12,345 observations": a count of one kind, written as the language
 * writes numbers and through its plural rules.
 */
export function kindCount(lang: Language, type: string, n: number, audience: Audience): string {
  const words = WORDS[lang] ?? WORDS.en;
  const [one, many] = kindForms(lang, Object.hasOwn(words, `${type}/counted`) ? `${type}/counted` : type, audience);
  return `${formatCount(n, lang)} ${plural(lang, n, { one, other: many })}`;
}

/** Whether patients and clinicians call `type` differently (the preview then gives both). */
export function wordsDiffer(lang: Language, type: string): boolean {
  const [p, c] = [kindForms(lang, type, 'patient'), kindForms(lang, type, 'clinician')];
  return p[1] !== c[1];
}
