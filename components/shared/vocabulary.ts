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

/** The key of the words for a kind no entry names (no resource type contains a slash). */
export const OTHER_KIND = '/other';

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
  RiskAssessment: [['risk assessment', 'risk assessments'], ['risk assessment', 'risk assessments']],
  Specimen: [['sample', 'samples'], ['specimen', 'specimens']],
  QuestionnaireResponse: [['questionnaire answer', 'questionnaire answers'], ['questionnaire response', 'questionnaire responses']],
  Questionnaire: [['questionnaire', 'questionnaires'], ['questionnaire', 'questionnaires']],
  NutritionOrder: [['diet order', 'diet orders'], ['nutrition order', 'nutrition orders']],
  DeviceRequest: [['order for a medical device', 'orders for medical devices'], ['device request', 'device requests']],
  DeviceUseStatement: [['medical device in use', 'medical devices in use'], ['device use', 'device uses']],
  AdverseEvent: [['harmful effect or incident', 'harmful effects and incidents'], ['adverse event', 'adverse events']],
  Appointment: [['appointment', 'appointments'], ['appointment', 'appointments']],
  EpisodeOfCare: [['course of care', 'courses of care'], ['episode of care', 'episodes of care']],
  Location: [['place', 'places'], ['location', 'locations']],
  RelatedPerson: [['family member or carer', 'family members and carers'], ['related person', 'related persons']],
  SupplyDelivery: [['delivery of supplies', 'deliveries of supplies'], ['supply delivery', 'supply deliveries']],
  Media: [['photo or recording', 'photos and recordings'], ['media item', 'media items']],
  List: [['list', 'lists'], ['list', 'lists']],
  ClinicalImpression: [['clinical assessment', 'clinical assessments'], ['clinical impression', 'clinical impressions']],
  DetectedIssue: [['warning about a treatment', 'warnings about treatments'], ['detected issue', 'detected issues']],
  BodyStructure: [['body part', 'body parts'], ['body structure', 'body structures']],
  MolecularSequence: [['genetic sequence', 'genetic sequences'], ['molecular sequence', 'molecular sequences']],
  Communication: [['message', 'messages'], ['communication', 'communications']],
  Task: [['task', 'tasks'], ['task', 'tasks']],
  Flag: [['alert', 'alerts'], ['flag', 'flags']],
  ImmunizationRecommendation: [['recommended vaccination', 'recommended vaccinations'], ['immunization recommendation', 'immunization recommendations']],
  Invoice: [['bill', 'bills'], ['invoice', 'invoices']],
  // Any kind not listed: a generic word in the page's language, never the code spelled in English.
  [OTHER_KIND]: [['item', 'items'], ['item', 'items']],
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

/** Whether the vocabulary names `type`; the others all go by its generic word for an item. */
export function knownKind(type: string): boolean {
  return type !== OTHER_KIND && Object.hasOwn(en, type);
}

/** The [one, many] forms of `type` for `audience` in `lang`. */
export function kindForms(lang: Language, type: string, audience: Audience): Forms {
  // Types come from untrusted records: "constructor" or "__proto__" must not reach the prototype.
  const words = WORDS[lang] ?? WORDS.en;
  const entry = Object.hasOwn(words, type) ? words[type] : undefined;
  return (entry ?? words[OTHER_KIND] ?? en[OTHER_KIND]!)[audience === 'patient' ? 0 : 1];
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
 * "1 allergy", "2 allergies", "12,345 observations": a count of one kind, through the language's
 * plural rules, the number as `written` (as the page writes it, like every count beside it: "12 345"
 * on a French page) or else as the language writes numbers.
 */
export function kindCount(lang: Language, type: string, n: number, audience: Audience, written?: string): string {
  const words = WORDS[lang] ?? WORDS.en;
  const [one, many] = kindForms(lang, Object.hasOwn(words, `${type}/counted`) ? `${type}/counted` : type, audience);
  return `${written ?? formatCount(n, lang)} ${plural(lang, n, { one, other: many })}`;
}

/** Whether patients and clinicians call `type` differently (the preview then gives both). */
export function wordsDiffer(lang: Language, type: string): boolean {
  const [p, c] = [kindForms(lang, type, 'patient'), kindForms(lang, type, 'clinician')];
  return p[1] !== c[1];
}
