/**
 * Words for the FHIR codes the viewer shows (a status, an encounter class, a gender…), in English
 * here and in Spanish in code-words.es.ts: a patient reads "Outpatient visit", not "AMB", and
 * "terminado" on a Spanish page, not "finished". The defaults of the viewer's `codeWord` string; a
 * code no table knows is shown as written (most English codes are words already; a local code is
 * the record's own).
 */

/** The value sets whose codes are worded. */
export type CodeSet =
  | 'status' | 'clinicalStatus' | 'verification' | 'criticality' | 'severity' | 'intent' | 'gender' | 'animalGender'
  | 'allergyCategory' | 'conditionCategory' | 'observationCategory' | 'encounterClass'
  /** A yes/no value (`valueBoolean`): the codes `true` and `false`. */
  | 'yesNo'
  /** Which way a glasses prism's thicker edge points (`up`, `down`, `in`, `out`). */
  | 'prismBase';

/** Words per value set and code. */
export type CodeWords = Partial<Record<CodeSet, Record<string, string>>>;

/** English: only the codes that are not already their own word ("active" is). */
export const codeWordsEn: CodeWords = {
  yesNo: { true: 'yes', false: 'no' },
  prismBase: { up: 'base up', down: 'base down', in: 'base in', out: 'base out' },
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

/** The word for `code` of `set` from `words`, or the code as written when the table does not know it. */
export function codeWordFrom(words: CodeWords) {
  return (set: CodeSet, code: string): string => {
    const table = words[set];
    // Codes come from untrusted records: only the table's own entries count.
    return table && Object.hasOwn(table, code) ? table[code]! : code;
  };
}
