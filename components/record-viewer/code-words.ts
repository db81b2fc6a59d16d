/**
 * Words for the FHIR codes the viewer shows (a status, an encounter class, a gender, a unit of
 * measure, a dose timing…), in English here and in Spanish in code-words.es.ts: a patient reads
 * "Outpatient visit", not "AMB", "30 years", not "30 a", and "terminado" on a Spanish page, not
 * "finished". The defaults of the viewer's `codeWord` string; a
 * code no table knows is shown as written (most English codes are words already; a local code is
 * the record's own).
 */

import { speciesWordsEn } from '../shared/species.js';

/** The value sets whose codes are worded. */
export type CodeSet =
  | 'status' | 'clinicalStatus' | 'verification' | 'criticality' | 'severity' | 'intent' | 'gender' | 'animalGender'
  | 'allergyCategory' | 'conditionCategory' | 'observationCategory' | 'encounterClass'
  /** A yes/no value (`valueBoolean`): the codes `true` and `false`. */
  | 'yesNo'
  /** Which way a glasses prism's thicker edge points (`up`, `down`, `in`, `out`). */
  | 'prismBase'
  /**
   * A unit of measure (a UCUM code a Quantity gives without its own `unit` text) worded after a
   * number other than one ("30 years", "72 per minute"); `unitOne`, after one ("1 year"), where it differs.
   * Units written alike in every language (°C, mmHg) are {@link UNIT_SYMBOLS}.
   */
  | 'unit' | 'unitOne'
  /** How often a dose is taken, as a code of the usual abbreviations (HL7 v3 GTSAbbreviation: BID, QD, Q4H). */
  | 'timing'
  /** How a reading compares with its normal range (HL7 v3 ObservationInterpretation: H, L, N, POS). */
  | 'interpretation'
  /** How a Patient's contact relates to them (HL7 v2 table 0131: C, N); a code no table knows is left out. */
  | 'contactRelationship'
  /** Why a reading has no value (HL7 data-absent-reason: asked-declined, not-performed, masked). */
  | 'absent'
  /** When in the day a dose is taken (FHIR event-timing and HL7 v3 TimingEvent: HS, AC, PC, C, MORN). */
  | 'doseWhen'
  /** An animal's species, by SNOMED CT code, where its record gives only the code. */
  | 'species';

/** Words per value set and code. */
export type CodeWords = Partial<Record<CodeSet, Record<string, string>>>;

/** English: only the codes that are not already their own word ("active" is). */
export const codeWordsEn: CodeWords = {
  yesNo: { true: 'yes', false: 'no' },
  prismBase: { up: 'base up', down: 'base down', in: 'base in', out: 'base out' },
  status: {
    'in-progress': 'in progress', 'on-hold': 'on hold', onhold: 'on hold', onleave: 'on leave', preparation: 'in preparation',
    partial: 'partly available', appended: 'final, with later additions', superseded: 'replaced by a newer version', 'not-done': 'not done',
    'entered-in-error': 'entered in error', 'not-taken': 'not taken', 'checked-in': 'checked in', noshow: 'did not attend',
    waitlist: 'on the waiting list', 'health-unknown': 'health unknown', 'deceased-female': 'deceased',
  },
  clinicalStatus: { recurrence: 'came back', remission: 'in remission' },
  verification: { unconfirmed: 'not confirmed', differential: 'one of several possible diagnoses', refuted: 'ruled out', 'entered-in-error': 'entered in error' },
  criticality: { 'unable-to-assess': 'not assessed' },
  intent: {
    proposal: 'proposed', plan: 'planned', order: 'prescribed', 'original-order': 'prescribed', 'reflex-order': 'prescribed',
    'filler-order': 'prescribed', 'instance-order': 'prescribed', option: 'one of several options',
  },
  allergyCategory: { biologic: 'biological product' },
  conditionCategory: { 'problem-list-item': 'on the list of health problems', 'encounter-diagnosis': 'diagnosed at a visit', 'health-concern': 'health concern' },
  observationCategory: { 'social-history': 'way of life', 'vital-signs': 'vital signs', laboratory: 'laboratory test', survey: 'questionnaire', exam: 'examination', activity: 'physical activity' },
  encounterClass: {
    AMB: 'outpatient visit', EMER: 'emergency', IMP: 'hospital stay', ACUTE: 'hospital stay', NONAC: 'hospital stay',
    OBSENC: 'observation stay', PRENC: 'before admission', SS: 'short stay', VR: 'remote visit', HH: 'home visit', FLD: 'visit outside the practice',
  },
  unit: {
    a: 'years', mo: 'months', wk: 'weeks', d: 'days', h: 'hours', min: 'minutes', s: 'seconds',
    '/d': 'per day', '/h': 'per hour', '/min': 'per minute',
  },
  unitOne: { a: 'year', mo: 'month', wk: 'week', d: 'day', h: 'hour', min: 'minute', s: 'second' },
  timing: {
    QD: 'once a day', BID: 'twice a day', TID: 'three times a day', QID: 'four times a day', QOD: 'every other day',
    AM: 'every morning', PM: 'every afternoon', WK: 'once a week', MO: 'once a month',
    Q1H: 'every hour', Q2H: 'every 2 hours', Q3H: 'every 3 hours', Q4H: 'every 4 hours', Q6H: 'every 6 hours', Q8H: 'every 8 hours',
    // Not of that code system: what a dose taken only when needed is worded as (FHIR asNeeded).
    PRN: 'as needed',
  },
  interpretation: {
    H: 'high', L: 'low', HH: 'critically high', LL: 'critically low', HU: 'very high', LU: 'very low', A: 'abnormal',
    AA: 'critically abnormal', N: 'normal', POS: 'positive', NEG: 'negative',
  },
  contactRelationship: { C: 'emergency contact', N: 'next of kin' },
  species: speciesWordsEn,
  absent: {
    unknown: 'unknown', 'asked-unknown': 'asked, not known', 'temp-unknown': 'not known yet', 'not-asked': 'not asked',
    'asked-declined': 'asked, declined to answer', masked: 'withheld', 'not-applicable': 'does not apply', unsupported: 'not recorded by the system',
    'as-text': 'given as text', error: 'error', 'not-a-number': 'not a number', 'negative-infinity': 'too low to measure',
    'positive-infinity': 'too high to measure', 'not-performed': 'not done', 'not-permitted': 'not allowed',
  },
  doseWhen: {
    MORN: 'in the morning', AFT: 'in the afternoon', EVE: 'in the evening', NIGHT: 'at night', HS: 'at bedtime', WAKE: 'on waking',
    C: 'with meals', CM: 'with breakfast', CD: 'with lunch', CV: 'with dinner', AC: 'before meals', ACM: 'before breakfast',
    ACD: 'before lunch', ACV: 'before dinner', PC: 'after meals', PCM: 'after breakfast', PCD: 'after lunch', PCV: 'after dinner',
  },
};

/**
 * Units of measure written alike in every language, by their UCUM code: "37.2 °C", not "37.2 Cel".
 * A code written as people write it already (kg, mg/dL, %) needs no entry.
 */
export const UNIT_SYMBOLS: Record<string, string> = {
  Cel: '°C', '[degF]': '°F', 'mm[Hg]': 'mmHg', 'kg/m2': 'kg/m²', '[in_i]': 'in', '[lb_av]': 'lb', '[oz_av]': 'oz', ug: 'µg',
  'umol/L': 'µmol/L', 'meq/L': 'mEq/L', '[iU]/L': 'IU/L', '10*3/uL': '10³/µL', '10*6/uL': '10⁶/µL', 'mL/min/{1.73_m2}': 'mL/min/1.73 m²', '10*9/L': '10⁹/L', '10*12/L': '10¹²/L',
};

/** The word for `code` of `set` from `words`, or the code as written when the table does not know it. */
export function codeWordFrom(words: CodeWords) {
  return (set: CodeSet, code: string): string => {
    const table = words[set];
    // Codes come from untrusted records: only the table's own entries count.
    return table && Object.hasOwn(table, code) ? table[code]! : code;
  };
}
