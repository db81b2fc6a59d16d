/**
 * A Bundle as a clinical summary: every resource described once (title, facts, date, status,
 * lowercase search text) and sorted into sections, computed once per Bundle and remembered, so
 * that filtering thousands of items is a scan of short strings and rendering touches only what
 * is shown. Language-neutral: labels are keys, dates stay raw, numbers and codes within a value
 * are pieces (fhir-format.ts `Piece`), all worded when rendered.
 */
import { ReferenceIndex } from '../core/fhir/bundle.js';
import { animalOf } from '../core/fhir/patient.js';
import { isWithheldList, readWithheld, type Withheld } from '../core/fhir/withheld.js';
import { isAttestation } from '../core/attest/format.js';
import { isGrantConsent } from '../core/nip82/grant.js';
import type { FhirBundle, FhirResource } from '../core/fhir/types.js';
import { atOnce } from '../core/slices.js';
import { withoutTag } from '../core/fhir/semantic-tag.js';
import { fold } from '../core/fold.js';
import { codeWordsEn, type CodeSet } from './code-words.js';
import {
  codingText, conceptCodes, conceptName, conceptText, conceptsText, dateOf, datedOf, humanName, joinPieces, languagePieces, list, nameOf, numberPiece, periodOf, piecesText, quantityPieces,
  rangePieces, referenceText, referencesText, str, timeOf, unitPieces, valueText, type Piece,
} from './fhir-format.js';

/** The summary's sections, in the order shown. */
export const SECTION_ORDER = [
  'patient', 'allergies', 'problems', 'medications', 'immunizations', 'results', 'vitals',
  'procedures', 'encounters', 'documents', 'vision', 'other',
] as const;
export type SectionKey = (typeof SECTION_ORDER)[number];

/** Labels of facts, translated by the element. */
export type FactKey =
  | 'status' | 'clinicalStatus' | 'verification' | 'criticality' | 'severity' | 'category' | 'reaction' | 'onset' | 'resolved'
  | 'recorded' | 'dosage' | 'intent' | 'prescriber' | 'reason' | 'date' | 'value' | 'interpretation' | 'range'
  | 'performer' | 'lot' | 'site' | 'route' | 'location' | 'period' | 'type' | 'attachment' | 'birthDate' | 'gender'
  | 'species' | 'breed' | 'resourceType' | 'author' | 'outcome' | 'notAvailable' | 'note' | 'provider'
  | 'died' | 'conclusion' | 'results' | 'activities' | 'members' | 'total' | 'contact' | 'phone' | 'email' | 'address' | 'language'
  | 'udi' | 'serial' | 'made' | 'expires';

/** One labelled value of an item. `label` is data (e.g. an Observation component's code); `key` is ours. */
export interface Fact {
  key?: FactKey;
  label?: string;
  value: string;
  /** `value` (and `end`) are FHIR dates, formatted when shown. */
  date?: boolean;
  end?: string;
  /** A period with a start and no end: said as going on from `value`, not as one day. */
  from?: true;
  /**
   * Codes of a known value set, worded in the reader's language when shown; `value` (the record's
   * own text or display, else the codes) stands in when no word is known for them.
   */
  codes?: { set: CodeSet; values: string[] };
  /** A reaction's severity code, worded after its `value` when shown. */
  severity?: string;
  /** The value with its numbers and codes apart, worded when shown; `value` is its plain text. */
  pieces?: Piece[];
  /** Said in brackets after the value as shown (a reading's interpretation and range beside its worded code). */
  aside?: Piece[];
}

/** One lens of a vision prescription: its measures worded when shown (a decimal mark, a prism's base). */
export interface LensRow {
  eye: string;
  product: string;
  sphere: Piece[];
  cylinder: Piece[];
  axis: Piece[];
  add: Piece[];
  prism: Piece[];
}

/** A resource as the viewer shows it. */
export interface Item {
  /** Unique within its Bundle. */
  id: string;
  section: SectionKey;
  type: string;
  resource: FhirResource;
  /** Empty when the resource names nothing; the element shows the type instead. */
  title: string;
  facts: Fact[];
  /** Raw FHIR date placing the item on the timeline. */
  date?: string;
  time?: number;
  status?: string;
  /** No longer current (resolved, inactive, stopped): listed after the current items of its section. */
  past?: boolean;
  enteredInError: boolean;
  /** The untrusted narrative XHTML (`text.div`), sanitised only when shown. */
  narrative?: string;
  lenses?: LensRow[];
  /** Document attachments (decoded only when shown). */
  attachments?: Record<string, unknown>[];
  /** Lowercase text searched by the filter. */
  search: string;
}

/** A Bundle, described. */
export interface Summary {
  items: Item[];
  /** Non-empty sections, in {@link SECTION_ORDER}. */
  sections: [SectionKey, Item[]][];
  /** Items with a date, newest first. */
  dated: Item[];
  withheld?: Withheld;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

const memo = new WeakMap<FhirBundle, Summary>();

/**
 * Resources described (or indexed) between two looks at the clock when summarising in slices: few
 * enough that even a slow resource or a slow machine cannot take a slice far past its budget.
 */
const SLICE_ENTRIES = 25;

/** The summary of a Bundle (computed once per Bundle object). */
export function summarize(bundle: FhirBundle): Summary {
  return atOnce(summarizing(bundle));
}

/** Whether the summary of this Bundle object is already known (summarize would be immediate). */
export function isSummarized(bundle: FhirBundle): boolean {
  return memo.has(bundle);
}

/**
 * Describes a Bundle as steps, pausing (yielding) every SLICE_ENTRIES resources and between sorts,
 * for a caller that spreads a large Bundle over several tasks; returns the summary (remembered).
 */
export function* summarizing(bundle: FhirBundle): Generator<void, Summary, void> {
  const known = memo.get(bundle);
  if (known) return known;
  const entries = bundle.entry ?? [];
  const index = new ReferenceIndex();
  for (let i = 0; i < entries.length; i++) {
    if (i > 0 && i % SLICE_ENTRIES === 0) yield;
    const entry = entries[i];
    if (entry && isObject(entry.resource)) index.include(entry);
  }
  const items: Item[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (i % SLICE_ENTRIES === 0) yield;
    const resource = entries[i]?.resource;
    // The share's own grant note, the hidden-item marker and signatures are about the record, not health items.
    if (!isObject(resource) || typeof resource.resourceType !== 'string' || isWithheldList(resource as FhirResource) || isAttestation(resource as FhirResource) || isGrantConsent(resource as FhirResource)) continue;
    items.push(new LazyItem(resource as FhirResource, `${i}`, index));
  }
  const bySection = new Map<SectionKey, Item[]>();
  for (const item of items) {
    const group = bySection.get(item.section) ?? [];
    group.push(item);
    bySection.set(item.section, group);
  }
  for (const group of bySection.values()) {
    yield;
    // Current items first, then the past ones (see isPast), each newest first.
    group.sort((a, b) => Number(!!a.past) - Number(!!b.past) || (b.time ?? -Infinity) - (a.time ?? -Infinity));
  }
  const sections = SECTION_ORDER.filter((k) => bySection.has(k)).map((k): [SectionKey, Item[]] => [k, bySection.get(k)!]);
  yield;
  const dated = sortNewestFirst(items.filter((i) => i.time !== undefined && i.section !== 'patient'));
  const summary: Summary = { items, sections, dated, withheld: readWithheld(bundle) };
  memo.set(bundle, summary);
  return summary;
}

/**
 * When a date falls, for ordering among moments: a time as written; a day, month or year without
 * one at the reader's own midnight (at UTC's, a day written alone came before the evening of the
 * day before, west of UTC). `utc`: the date's `timeOf`, when already known.
 */
export function readerTime(date: string | undefined, utc = timeOf(date)): number | undefined {
  if (utc === undefined || date!.includes('T')) return utc;
  const day = new Date(utc);
  const local = new Date(0);
  // setFullYear, since the Date constructor reads years 0–99 as 1900–1999.
  local.setFullYear(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  local.setHours(0, 0, 0, 0);
  return local.getTime();
}

/** Newest first; undated items keep their order, after the dated ones. */
export function sortNewestFirst(items: Item[]): Item[] {
  return items.sort((a, b) => (b.time ?? -Infinity) - (a.time ?? -Infinity));
}

const CURRENT = ['active', 'recurrence', 'relapse'];
const PAST = ['inactive', 'remission', 'resolved', 'completed', 'stopped', 'cancelled', 'entered-in-error', 'not-taken'];

/**
 * Whether FHIR says an item is no longer current: a condition or allergy whose clinical status is
 * inactive, in remission or resolved (a condition with an abatement and no status too, but not
 * `abatementBoolean: false`, which says it has not ended), or that was
 * refuted or entered in error; a medicine completed, stopped, cancelled, not taken or entered in
 * error. Without a status it is not called past.
 */
function isPast(r: FhirResource): boolean {
  if (r.resourceType === 'MedicationRequest' || r.resourceType === 'MedicationStatement') return PAST.includes(str(r.status));
  if (r.resourceType !== 'Condition' && r.resourceType !== 'AllergyIntolerance') return false;
  const verification = conceptCodes(r.verificationStatus);
  if (verification.includes('refuted') || verification.includes('entered-in-error')) return true;
  const clinical = conceptCodes(r.clinicalStatus);
  if (clinical.some((c) => CURRENT.includes(c))) return false;
  return clinical.some((c) => PAST.includes(c)) || (r.resourceType === 'Condition' && Object.keys(r).some((k) => k.startsWith('abatement') && r[k] !== false));
}

/** Text as the search compares it: lowercase, accents and compatibility forms left out ("hipertension" finds "Hipertensión", "strasse" finds "Straße"); one folding for every find field. */
export const folded = fold;

/** A query split into words, as the search compares them. */
export function queryWords(query: string): string[] {
  return folded(query).split(/\s+/).filter(Boolean);
}

function sectionOf(r: FhirResource): SectionKey {
  switch (r.resourceType) {
    case 'Patient': return 'patient';
    case 'AllergyIntolerance': return 'allergies';
    case 'Condition': return 'problems';
    case 'MedicationRequest':
    case 'MedicationStatement': return 'medications';
    case 'Immunization': return 'immunizations';
    case 'DiagnosticReport': return 'results';
    case 'Observation':
      return list(r.category).some((c) => conceptCodes(c).includes('vital-signs')) ? 'vitals' : 'results';
    case 'Procedure': return 'procedures';
    case 'Encounter': return 'encounters';
    case 'DocumentReference': return 'documents';
    case 'VisionPrescription': return 'vision';
    default: return 'other';
  }
}

/** An item's facts, in the order they are added; empty values are left out. */
class FactList {
  readonly all: Fact[] = [];

  /** A fact whose value is text, or pieces worded when shown. */
  add(key: FactKey, value: string | Piece[], extra: Partial<Fact> = {}): void {
    const text = typeof value === 'string' ? value : piecesText(value);
    if (text) this.all.push({ key, value: text, ...extra, ...worded(value) });
  }

  /** A FHIR Period, shown as one fact from start to end. */
  period(key: FactKey, p: unknown): void {
    const { start, end } = periodOf(p);
    if (start || end) this.all.push({ key, value: start ?? '', end, date: true, ...(start && !end ? { from: true as const } : {}) });
  }

  /** Codes of a value set the element words (a status, a gender); `text` is the record's own words for them. */
  coded(key: FactKey, set: CodeSet, codes: string[], text = ''): void {
    const values = codes.filter(Boolean);
    if (!values.length && !text) return;
    this.all.push({ key, value: text || values.join(', '), ...(values.length ? { codes: { set, values } } : {}) });
  }

  /** A CodeableConcept (or Coding) of a fixed value set: its codes, with its text or display beside them. */
  concept(key: FactKey, set: CodeSet, concept: unknown): void {
    if (!isObject(concept)) return;
    const codings = 'coding' in concept ? list(concept.coding).filter(isObject) : [concept];
    this.coded(key, set, codings.map((c) => str(c.code)), str(concept.text) || codings.map((c) => str(c.display)).find(Boolean) || '');
  }

  /** Several CodeableConcepts of a fixed value set (categories): the first code of each, with their text beside them. */
  concepts(key: FactKey, set: CodeSet, value: unknown): void {
    const concepts = list(value).filter(isObject);
    this.coded(key, set, concepts.map((c) => list(c.coding).filter(isObject).map((x) => str(x.code)).find(Boolean) ?? ''), conceptsText(concepts));
  }

  /** A fact labelled by the data itself (an Observation component's code). */
  labelled(label: string, value: string | Piece[], extra: Pick<Fact, 'date' | 'codes' | 'end' | 'aside'> = {}): void {
    const { date, codes, end, aside } = extra;
    const text = typeof value === 'string' ? value : piecesText(value);
    this.all.push({ label, value: text, date, ...worded(value), ...(codes ? { codes } : {}), ...(end ? { end } : {}), ...(aside?.length ? { aside } : {}) });
  }
}

/** Pieces kept for wording only when some piece is more than text. */
function worded(value: string | Piece[]): Pick<Fact, 'pieces'> {
  return typeof value !== 'string' && value.some((p) => typeof p !== 'string') ? { pieces: value } : {};
}

/** What a describer says about its resource beyond the facts it adds. */
interface Described {
  title: string;
  lenses?: LensRow[];
  attachments?: Json[];
}

/** Describes one resource type: adds its facts and names it. `status` is the resource's, or ''. */
type Describer = (r: FhirResource, facts: FactList, index: ReferenceIndex, status: string) => Described;

const describePatient: Describer = (r, facts) => {
  facts.add('birthDate', str(r.birthDate), { date: true });
  facts.add('died', str(r.deceasedDateTime), { date: true });
  // Its own code for a woman or a female animal: languages such as Spanish say it in the feminine.
  if (r.deceasedBoolean === true) facts.coded('status', 'status', [r.gender === 'female' ? 'deceased-female' : 'deceased']);
  const animal = animalOf(r);
  facts.coded('gender', animal ? 'animalGender' : 'gender', [str(r.gender)]);
  if (animal) {
    // A species the record gives only as its code: named in the page's language ("Dog", "Perro").
    const species = str(animal.species);
    if (/^\d{6,18}$/.test(species)) facts.coded('species', 'species', [species]);
    else facts.add('species', species);
    facts.add('breed', str(animal.breed));
  }
  // How to reach the patient and in which language to speak: what a clinician looks for first on the card.
  // A number or address the record marks as no longer in use ("old", or a period that ended) is not theirs now.
  const current = list(r.telecom).filter((t): t is Json => isObject(t) && str(t.use) !== 'old' && !ended(t.period));
  facts.add('phone', unique(current.filter((t) => ['phone', 'sms'].includes(str(t.system))).map((t) => str(t.value))).join(', '));
  facts.add('email', unique(current.filter((t) => str(t.system) === 'email').map((t) => str(t.value))).join(', '));
  for (const a of list(r.address).filter((a): a is Json => isObject(a) && str(a.use) !== 'old' && !ended(a.period))) facts.add('address', addressText(a));
  const languages = list(r.communication).filter(isObject).map((c) => languagePieces(c.language));
  facts.add('language', joinPieces(languages.filter((l, i) => languages.findIndex((m) => piecesText(m) === piecesText(l)) === i), ', '));
  // Whom to reach: a pet's owner, a child's parent, next of kin.
  for (const c of list(r.contact).filter(isObject)) facts.add('contact', contactPieces(c));
  return { title: nameOf(r) };
};

const describeAllergy: Describer = (r, facts) => {
  facts.concept('clinicalStatus', 'clinicalStatus', r.clinicalStatus);
  facts.concept('verification', 'verification', r.verificationStatus);
  facts.coded('criticality', 'criticality', [str(r.criticality)]);
  facts.coded('category', 'allergyCategory', list(r.category).map(str));
  for (const x of list(r.reaction).filter(isObject)) {
    const what = conceptsText(x.manifestation);
    const severity = str(x.severity);
    if (what || severity) facts.all.push({ key: 'reaction', value: what, ...(severity ? { severity } : {}) });
  }
  addOnset(r, facts);
  facts.add('recorded', str(r.recordedDate), { date: true });
  return { title: conceptText(r.code) };
};

const describeCondition: Describer = (r, facts) => {
  facts.concept('clinicalStatus', 'clinicalStatus', r.clinicalStatus);
  facts.concept('verification', 'verification', r.verificationStatus);
  facts.concepts('category', 'conditionCategory', r.category);
  facts.add('severity', conceptText(r.severity));
  addOnset(r, facts);
  addWhen(r, facts, 'resolved', 'abatement');
  facts.add('recorded', str(r.recordedDate), { date: true });
  return { title: conceptText(r.code) };
};

/** MedicationRequest and MedicationStatement. */
const describeMedication: Describer = (r, facts, index, status) => {
  const med = r.medicationCodeableConcept ?? r.medicationReference;
  const title = isObject(r.medicationCodeableConcept) ? conceptText(med) : medicationName(r.medicationReference, index, r);
  facts.coded('status', 'status', [status]);
  facts.coded('intent', 'intent', [str(r.intent)]);
  facts.add('dosage', joinPieces(list(r.dosageInstruction ?? r.dosage).filter(isObject).map(dosagePieces), '; '));
  facts.add('date', str(r.authoredOn) || str(r.effectiveDateTime) || str(r.dateAsserted), { date: true });
  if (isObject(r.effectivePeriod)) facts.period('period', r.effectivePeriod);
  facts.add('prescriber', referenceText(r.requester, index, r) || referenceText(r.informationSource, index, r));
  facts.add('reason', reasons(r, index));
  return { title };
};

const describeImmunization: Describer = (r, facts, index, status) => {
  facts.coded('status', 'status', [status]);
  facts.add('date', str(r.occurrenceDateTime) || str(r.occurrenceString), { date: !!str(r.occurrenceDateTime) });
  facts.add('lot', str(r.lotNumber));
  facts.add('site', conceptText(r.site));
  facts.add('route', conceptText(r.route));
  facts.add('performer', referencesText(r.performer, index, r));
  facts.add('location', referenceText(r.location, index, r));
  return { title: conceptText(r.vaccineCode) };
};

const describeObservationItem: Describer = (r, facts, index, status) => {
  describeObservation(r, facts);
  facts.coded('status', 'status', [status]);
  facts.add('date', str(r.effectiveDateTime) || str(r.effectiveInstant) || str(r.issued), { date: true });
  if (isObject(r.effectivePeriod)) facts.period('period', r.effectivePeriod);
  facts.add('performer', referencesText(r.performer, index, r));
  return { title: conceptText(r.code) };
};

const describeProcedure: Describer = (r, facts, index, status) => {
  facts.coded('status', 'status', [status]);
  facts.add('date', str(r.performedDateTime) || str(r.performedString), { date: !!str(r.performedDateTime) });
  if (isObject(r.performedPeriod)) facts.period('period', r.performedPeriod);
  facts.add('site', conceptsText(r.bodySite));
  facts.add('reason', reasons(r, index));
  facts.add('outcome', conceptText(r.outcome));
  facts.add('performer', referencesText(r.performer, index, r));
  facts.add('location', referenceText(r.location, index, r));
  return { title: conceptText(r.code) };
};

const describeEncounter: Describer = (r, facts, index, status) => {
  facts.coded('status', 'status', [status]);
  facts.concept('type', 'encounterClass', r.class);
  facts.period('period', r.period);
  facts.add('reason', reasons(r, index));
  facts.add('location', unique(list(r.location).filter(isObject).map((l) => referenceText(l.location, index, r))).join(', '));
  facts.add('performer', referencesText(list(r.participant).filter(isObject).map((p) => p.individual), index, r));
  facts.add('provider', referenceText(r.serviceProvider, index, r));
  // Never the class's bare code ("AMB"): without a name, the element calls it a visit.
  return { title: conceptsText(r.type) || conceptsText(r.serviceType) || (isObject(r.class) ? str(r.class.display) || str(r.class.text) : '') };
};

const describeDocument: Describer = (r, facts, index, status) => {
  const attachments = list(r.content).filter(isObject).map((c) => c.attachment).filter(isObject);
  facts.add('type', conceptText(r.type));
  facts.add('category', conceptsText(r.category));
  facts.coded('status', 'status', [status]);
  facts.add('date', str(r.date), { date: true });
  facts.add('author', referencesText(r.author, index, r));
  const context = isObject(r.context) ? r.context : {};
  if (isObject(context.period)) facts.period('period', context.period);
  return { title: str(r.description) || conceptText(r.type) || attachments.map((a) => str(a.title)).find(Boolean) || '', attachments };
};

const describeVision: Describer = (r, facts, index, status) => {
  facts.coded('status', 'status', [status]);
  facts.add('date', str(r.dateWritten), { date: true });
  facts.add('prescriber', referenceText(r.prescriber, index, r));
  return { title: referenceText(r.prescriber, index, r), lenses: list(r.lensSpecification).filter(isObject).map(lensRow) };
};

/** A report of tests: what it concludes and the results it gathers, placed with the results. */
const describeReport: Describer = (r, facts, index, status) => {
  const { title } = describeOther(r, facts, index, status);
  facts.add('conclusion', unique([str(r.conclusion), conceptsText(r.conclusionCode)]).join('. '));
  facts.add('results', referencesText(r.result, index, r));
  facts.add('performer', referencesText(r.performer, index, r));
  return { title, attachments: list(r.presentedForm).filter(isObject) };
};

/** A care plan: what it is for, when, and what it plans (its activities' codes). */
const describeCarePlan: Describer = (r, facts, index, status) => {
  describeOther(r, facts, index, status);
  facts.add('reason', referencesText(r.addresses, index, r));
  facts.period('period', r.period);
  facts.add('activities', unique(list(r.activity).filter(isObject).map((a) => conceptName(isObject(a.detail) && a.detail.code))).join(', '));
  return { title: str(r.title) || unique(list(r.category).map(conceptName)).join(', ') };
};

/** A care team: who is in it and as what, why, and when. */
const describeCareTeam: Describer = (r, facts, index, status) => {
  describeOther(r, facts, index, status);
  facts.add('members', unique(list(r.participant).filter(isObject).map((p) => {
    const who = referenceText(p.member, index, r);
    const role = unique(list(p.role).map(conceptName)).join(', ');
    return who && role ? `${who} (${role})` : who || role;
  })).join(', '));
  facts.add('reason', reasons(r, index));
  facts.period('period', r.period);
  facts.add('provider', referencesText(r.managingOrganization, index, r));
  return { title: str(r.name) };
};

/** An insurance claim or statement: named by its kind (its type is a bare code), with who billed, when and how much. */
const describeClaim: Describer = (r, facts, index, status) => {
  describeOther(r, facts, index, status);
  facts.add('provider', referenceText(r.provider, index, r));
  facts.period('period', r.billablePeriod);
  facts.add('total', money(r.total));
  for (const t of list(r.total).filter(isObject)) if (isObject(t.amount)) facts.labelled(conceptText(t.category) || '—', money(t.amount));
  return { title: '' };
};

/**
 * Any other resource type: what most resources name themselves by, and its kind (its id is a database key, no one's words);
 * the kind, status and date of the types described further above.
 */
const describeOther: Describer = (r, facts, _index, status) => {
  facts.add('resourceType', r.resourceType);
  facts.coded('status', 'status', [status]);
  const date = dateOf(r);
  if (date) facts.add('date', date, { date: true });
  return { title: conceptName(r.code) || conceptName(r.type) || str(r.title) || nameOf(r) || conceptName(r.description) || (typeof r.text === 'string' ? str(r.text) : '') };
};

/**
 * A device (a glucose meter, an implant): what identifies this one, as a recall or a scan asks
 * for it (its UDI as printed on the label, lot and serial number), and when it was made and expires.
 */
const describeDevice: Describer = (r, facts, index, status) => {
  const { title } = describeOther(r, facts, index, status);
  const names = list(r.deviceName).filter(isObject);
  const udi = list(r.udiCarrier).filter(isObject);
  facts.add('udi', unique(udi.map((u) => str(u.carrierHRF) || str(u.deviceIdentifier))).join(', ') || str(r.distinctIdentifier));
  facts.add('lot', str(r.lotNumber));
  facts.add('serial', str(r.serialNumber));
  facts.add('made', str(r.manufactureDate), { date: true });
  facts.add('expires', str(r.expirationDate), { date: true });
  const named = names.find((n) => str(n.type) === 'user-friendly-name') ?? names[0];
  return { title: withoutTag(str(named?.name)) || title };
};

/** One describer per resource type the viewer knows (a Map: resource types come from untrusted data). */
const DESCRIBERS = new Map<string, Describer>([
  ['Patient', describePatient],
  ['AllergyIntolerance', describeAllergy],
  ['Condition', describeCondition],
  ['MedicationRequest', describeMedication],
  ['MedicationStatement', describeMedication],
  ['Immunization', describeImmunization],
  ['Observation', describeObservationItem],
  ['Procedure', describeProcedure],
  ['Encounter', describeEncounter],
  ['DocumentReference', describeDocument],
  ['VisionPrescription', describeVision],
  ['DiagnosticReport', describeReport],
  ['CarePlan', describeCarePlan],
  ['CareTeam', describeCareTeam],
  ['Claim', describeClaim],
  ['ExplanationOfBenefit', describeClaim],
  ['Device', describeDevice],
]);

/** What describing a resource says of it beyond its section and date. */
type Description = Pick<Item, 'title' | 'facts' | 'status' | 'enteredInError' | 'narrative' | 'lenses' | 'attachments' | 'search'>;

function describe(r: FhirResource, index: ReferenceIndex, date: string | undefined): Description {
  const status = str(r.status) || undefined;
  const facts = new FactList();
  const { title, lenses, attachments } = (DESCRIBERS.get(r.resourceType) ?? describeOther)(r, facts, index, status ?? '');
  // A clinician's note on any item ("tolerated cephalexin", "hold before contrast"), as the record writes it.
  if (!facts.all.some((f) => f.key === 'note')) facts.add('note', notesText(r.note));
  const narrative = isObject(r.text) && typeof r.text.div === 'string' && r.text.div.trim() ? r.text.div : undefined;
  const enteredInError = status === 'entered-in-error' || conceptCodes(r.verificationStatus).includes('entered-in-error');
  const search = folded([r.resourceType, title, status ?? '', date ?? '', ...facts.all.flatMap((f) => [f.label ?? '', f.value, f.end ?? '', f.severity ?? '']), ...(lenses ?? []).map((l) => l.product)].join(' '));
  return { title, facts: facts.all, status, enteredInError, narrative, lenses, attachments, search };
}

/**
 * An item as its section, type and date (what counting and ordering need), described in full the
 * first time anything else of it is read: a record of thousands of resources shows its first
 * screen without describing every one of them first, and the rest are described in idle slices.
 */
class LazyItem implements Item {
  readonly section: SectionKey;
  readonly type: string;
  readonly date?: string;
  /** For ordering, in milliseconds: see {@link readerTime}. */
  readonly time?: number;
  readonly past: boolean;
  private known?: Description;

  constructor(
    readonly resource: FhirResource,
    readonly id: string,
    private readonly index: ReferenceIndex,
  ) {
    this.section = sectionOf(resource);
    this.type = resource.resourceType;
    const { date, utc } = datedOf(resource);
    this.date = date;
    this.time = readerTime(date, utc);
    this.past = isPast(resource);
  }

  /** Whether the item is described yet. */
  get described(): boolean {
    return this.known !== undefined;
  }

  private get full(): Description {
    return (this.known ??= describe(this.resource, this.index, this.date));
  }

  get title() { return this.full.title; }
  get facts() { return this.full.facts; }
  get status() { return this.full.status; }
  get enteredInError() { return this.full.enteredInError; }
  get narrative() { return this.full.narrative; }
  get lenses() { return this.full.lenses; }
  get attachments() { return this.full.attachments; }
  get search() { return this.full.search; }
}

/**
 * Describes in full, as steps (a pause every SLICE_ENTRIES items), the items of a summary not yet
 * described: done after the first screen is shown, so that a search finds everything at once.
 */
export function* describingAll(items: readonly Item[]): Generator<void, void, void> {
  let done = 0;
  for (const item of items) {
    if (item instanceof LazyItem && !item.described) {
      void item.search;
      if (++done % SLICE_ENTRIES === 0) yield;
    }
  }
}

function addOnset(r: FhirResource, facts: FactList): void {
  addWhen(r, facts, 'onset', 'onset');
}

/** onset[x] or abatement[x]: a date, a period, an age, a range of ages or words. */
function addWhen(r: FhirResource, facts: FactList, key: FactKey, prefix: 'onset' | 'abatement'): void {
  const date = str(r[`${prefix}DateTime`]);
  if (date) facts.add(key, date, { date: true });
  else if (isObject(r[`${prefix}Period`])) facts.period(key, r[`${prefix}Period`]);
  else {
    const age = quantityPieces(r[`${prefix}Age`]);
    const range = rangePieces(r[`${prefix}Range`]);
    facts.add(key, age.length ? age : range.length ? range : str(r[`${prefix}String`]));
  }
}

/** value[x], interpretation, reference ranges and components (blood pressure's two readings). */
function describeObservation(r: FhirResource, facts: FactList): void {
  const value = valueText(r);
  const components = list(r.component).filter(isObject);
  const reading = (loinc: string) => components.find((c) => list(isObject(c.code) ? c.code.coding : []).some((x) => isObject(x) && x.code === loinc));
  const systolic = reading('8480-6');
  const diastolic = reading('8462-4');
  let both: unknown[] = [];
  if (value.yesNo) facts.coded('value', 'yesNo', [value.text]);
  else if (value.end) facts.period('value', r.valuePeriod);
  else if (value.text) facts.add('value', value.pieces ?? value.text, { date: value.date });
  else if (systolic && diastolic && isObject(systolic.valueQuantity) && isObject(diastolic.valueQuantity)) {
    const low = numberPiece(diastolic.valueQuantity.value);
    const unit = unitPieces(systolic.valueQuantity, low);
    facts.add('value', [...numberPiece(systolic.valueQuantity.value), '/', ...low, ...(unit.length ? [' ', ...unit] : [])]);
    // Each reading is in the value already.
    both = [systolic, diastolic];
  }
  if (!value.text) facts.add('notAvailable', absentPieces(r.dataAbsentReason));
  facts.add('interpretation', interpretationPieces(r.interpretation));
  facts.add('range', referenceRanges(r.referenceRange));
  for (const c of components) {
    const label = conceptText(c.code);
    const aside = joinPieces([interpretationPieces(c.interpretation), referenceRanges(c.referenceRange)], '; ');
    // A reading in the value already: only its interpretation and range (US Core puts them there).
    if (both.includes(c)) {
      if (aside.length) facts.labelled(label || '—', aside);
      continue;
    }
    const v = valueText(c);
    const absent = v.text ? [] : absentPieces(c.dataAbsentReason);
    const text = v.text || piecesText(absent);
    if (!label && !text) continue;
    const shown: Piece[] = v.text ? v.pieces ?? [v.text] : absent;
    // A yes/no reading is worded (never "true"), its interpretation and range beside it.
    facts.labelled(label || '—', aside.length && !v.yesNo ? [...joinPieces([shown, v.end ? [v.end] : []], ' – '), ' (', ...aside, ')'] : shown.length ? shown : text, {
      date: v.date && !aside.length, codes: v.yesNo ? { set: 'yesNo', values: [text] } : undefined, end: aside.length ? undefined : v.end, aside: v.yesNo ? aside : undefined,
    });
  }
  facts.concepts('category', 'observationCategory', r.category);
  facts.add('note', notesText(r.note));
}

/** Annotations' texts (`note`), one after another. */
function notesText(value: unknown): string {
  return list(value).filter(isObject).map((n) => str(n.text)).filter(Boolean).join(' ');
}

/**
 * Interpretations: the record's own text; else an HL7 v3 code (H, L, POS) worded when shown; else a
 * coding's display (a lab's own "A" may mean "Amended", not "abnormal").
 */
function interpretationPieces(value: unknown): Piece[] {
  return joinPieces(list(value).filter(isObject).map((c) => {
    const hl7 = !str(c.text) && list(c.coding).filter(isObject).find((x) => str(x.code) && /^$|\/v3[-/]ObservationInterpretation$/.test(str(x.system)));
    return hl7 ? [{ set: 'interpretation', code: str(hl7.code), text: codingText(hl7) }] : [conceptText(c)].filter(Boolean);
  }), ', ');
}

/**
 * Why a value is missing: the record's own text; else its code (HL7 data-absent-reason: "asked-declined",
 * "not-performed") worded when shown, the coding's display standing in for a code without words.
 */
function absentPieces(concept: unknown): Piece[] {
  const coding = isObject(concept) && !str(concept.text) ? list(concept.coding).filter(isObject).find((c) => str(c.code)) : undefined;
  return coding ? [{ set: 'absent', code: str(coding.code), text: codingText(coding) }] : [conceptText(concept)].filter(Boolean);
}

/** Money: `704.2 USD`. */
function money(m: unknown): Piece[] {
  return isObject(m) ? joinPieces([numberPiece(m.value), [str(m.currency)].filter(Boolean)], ' ') : [];
}

/** Why: coded reasons and the conditions (or findings) referenced, in their own words. */
function reasons(r: FhirResource, index: ReferenceIndex): string {
  return unique([conceptsText(r.reasonCode), referencesText(r.reasonReference, index, r)]).join(', ');
}

function referenceRanges(value: unknown): Piece[] {
  return joinPieces(list(value).filter(isObject).map((rr) => (str(rr.text) ? [str(rr.text)] : rangePieces(rr))), '; ');
}

/** A dose, how often and how, then the record's own text (leaving out what the text already says). */
function dosagePieces(d: Json): Piece[] {
  const text = str(d.text);
  const doses = list(d.doseAndRate).filter(isObject).map((x) => {
    const quantity = quantityPieces(x.doseQuantity);
    return quantity.length ? quantity : rangePieces(x.doseRange);
  });
  const timing = isObject(d.timing) ? d.timing : {};
  const repeat = isObject(timing.repeat) ? timing.repeat : {};
  const period = str(repeat.period);
  const unit = str(repeat.periodUnit);
  // Without a frequency, a dose is taken once per period (FHIR Timing).
  const periodMax = str(repeat.periodMax);
  const when: Piece[] = period && unit ? [{ frequency: str(repeat.frequency) || '1', period, unit, ...(periodMax && periodMax !== period ? { periodMax } : {}) }] : timingCode(timing.code);
  // Only when needed ("as needed for pain"): a clinician must not read it as a dose on a schedule.
  const need = conceptText(d.asNeededCodeableConcept);
  const asNeeded: Piece[] = d.asNeededBoolean === true || need ? [{ set: 'timing', code: 'PRN', text: 'as needed' }, ...(need ? [` (${need})`] : [])] : [];
  // When in the day ("at bedtime", "before meals"): an insulin before meals is not one at any time.
  const known = codeWordsEn.doseWhen ?? {};
  const moments = list(repeat.when).map(str).filter(Boolean).map((code): Piece[] => [{ set: 'doseWhen', code, text: Object.hasOwn(known, code) ? known[code]! : code }]);
  const route = conceptText(d.route);
  // The dose always (the text's "21 tablets" is no dose of 1); a timing or route only when the text does not say it as a word.
  const said = (p: Piece[]) => new RegExp(`(?<![\\w.,])${piecesText(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`, 'i').test(text);
  const prn = asNeeded.length && !said(asNeeded.slice(0, 1)) && !/\bprn\b/i.test(text) ? asNeeded : [];
  return joinPieces([doses.find((x) => x.length) ?? [], ...[when, ...moments, route ? [route] : []].filter((p) => !said(p)), prn, [text].filter(Boolean)], ', ');
}

/**
 * A Timing's code ("BID", of HL7 v3 GTSAbbreviation): the record's own text as written; else its
 * first coding's code worded when shown ("twice a day"; the code system's display is the
 * abbreviation itself), its display or code standing in for a code the element has no words for.
 */
function timingCode(concept: unknown): Piece[] {
  const coding = isObject(concept) && !str(concept.text) ? list(concept.coding).filter(isObject).find((c) => str(c.code)) : undefined;
  return coding ? [{ set: 'timing', code: str(coding.code), text: str(coding.display) || str(coding.code) }] : [conceptText(concept)].filter(Boolean);
}

/** An address on one line as the record writes it: its text, else its lines, city, state, postal code and country. */
function addressText(a: Json): string {
  const text = str(a.text);
  if (text) return text;
  const place = [str(a.city), [str(a.state), str(a.postalCode)].filter(Boolean).join(' ')].filter(Boolean);
  return [...list(a.line).map(str), ...place, str(a.country)].filter(Boolean).join(', ');
}

/** Whether a FHIR Period ended before now (a phone number or address no longer in use). */
function ended(period: unknown): boolean {
  const end = isObject(period) ? Date.parse(str(period.end)) : NaN;
  return end < Date.now();
}

/** A Patient's contact: their name and how they relate ("Sam Owner (Owner)"), then their phone and email. */
function contactPieces(c: Json): Piece[] {
  const name = humanName(c.name) || referenceText(c.organization);
  const relation = joinPieces(list(c.relationship).map(relationPieces), ', ');
  const who = name && relation.length ? [name, ' (', ...relation, ')'] : name ? [name] : relation;
  const reach = list(c.telecom).filter((t): t is Json => isObject(t) && ['phone', 'sms', 'email'].includes(str(t.system))).map((t) => [str(t.value)]);
  return joinPieces([who, ...reach], ', ');
}

/** How a contact relates, in words: the record's text or display, else a code the element words; never a bare code ("N", "O"). */
function relationPieces(concept: unknown): Piece[] {
  const words = conceptName(concept);
  if (words) return [words];
  const known = codeWordsEn.contactRelationship ?? {};
  const code = list(isObject(concept) ? concept.coding : undefined).filter(isObject).map((x) => str(x.code)).find((x) => Object.hasOwn(known, x));
  return code ? [{ set: 'contactRelationship', code }] : [];
}

function medicationName(ref: unknown, index: ReferenceIndex, from: FhirResource): string {
  if (!isObject(ref)) return '';
  const target = index.resolve(str(ref.reference), from);
  return str(ref.display) || (target ? conceptText(target.code) : '');
}

function lensRow(l: Json): LensRow {
  const base = (code: string): Piece[] => (code ? [{ set: 'prismBase', code }] : []);
  const prism = joinPieces(list(l.prism).filter(isObject).map((p) => joinPieces([numberPiece(p.amount), base(str(p.base))], ' ')), ', ');
  // Optical powers read with an explicit sign (+1.25, -0.50).
  const num = (v: unknown): Piece[] => (typeof v === 'number' && v > 0 ? ['+', ...numberPiece(v)] : numberPiece(v));
  return {
    eye: str(l.eye),
    product: conceptText(l.product),
    sphere: num(l.sphere),
    cylinder: num(l.cylinder),
    axis: numberPiece(l.axis),
    add: num(l.add),
    prism,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
