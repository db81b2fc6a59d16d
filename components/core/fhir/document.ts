/**
 * Taking items out of a FHIR R4 Bundle without leaving traces of them: a `document` stays a
 * document (Composition first, its sections' entries and narratives rewritten), and references
 * from the remaining items to the removed ones go, or, where R4 requires one, become a neutral
 * placeholder. An EHR reading the result learns no more about a hidden item than the hidden-item
 * marker discloses, and finds every reference it can follow in the Bundle.
 */
import type { BundleEntry, FhirBundle, FhirResource } from './types.js';
import { LIST_EMPTY_REASON_SYSTEM, type Disclosure } from './withheld.js';
import { ReferenceIndex } from './bundle.js';
import { foldedText, termsOf, type Resolve } from './mentions.js';
import { narrativeWords } from './shown-text.js';

const XHTML = 'http://www.w3.org/1999/xhtml';
/** Deeper than any real FHIR resource; the walk stops there rather than exhausting the stack. */
const MAX_DEPTH = 64;

/** True when `bundle` is an R4 `document`: type `document` with a Composition as its first entry. */
export function isDocument(bundle: FhirBundle | undefined): boolean {
  return bundle?.type === 'document' && bundle.entry?.[0]?.resource.resourceType === 'Composition';
}

/** What {@link removeItems} needs to know: every entry of the source, and which stay. */
export interface RemoveItemsInput {
  /** Every entry the share draws from (kept and removed), for resolving references. */
  source: readonly BundleEntry[];
  /** The entries kept, in order. Not modified: changed ones are returned as copies. */
  kept: readonly BundleEntry[];
  /** The entries the patient hid (a subset of `source` not in `kept`). */
  hidden: readonly BundleEntry[];
  /** How much the hidden-item marker discloses; decides whether an emptied section may say "withheld". */
  disclose: Disclosure;
  /** Whether the share is a document, whose references R4 wants inside it (see {@link removeItems}). */
  document?: boolean;
}

/**
 * Returns `kept` with every trace of the removed items taken out: references to items not kept
 * (hidden, or left out for this audience) are dropped (with the element that held them when it is
 * a list member; a placeholder where R4 requires the reference), narratives that name a hidden
 * item or point to it are dropped, and a Composition's sections lose their entries for items not
 * kept. A section left empty says `emptyReason: withheld` when the disclosure reveals kinds
 * (`count-and-kind`) and the section stands for a whole kind (problems, allergies, medications);
 * otherwise it is dropped, since naming the section would tell what kind of item, or what topic, was hidden. Changed sections get a narrative generated from what remains.
 */
export function removeItems(input: RemoveItemsInput): BundleEntry[] {
  const index = new ReferenceIndex({ resourceType: 'Bundle', type: 'collection', entry: [...input.source] });
  const hiddenSet = new Set(input.hidden.map((e) => e.resource));
  const keptSet = new Set(input.kept.map((e) => e.resource));
  const traces = tracesOf(input.hidden, (ref, from) => index.resolve(ref, from));
  const isAbsent = (ref: string, from: FhirResource) => {
    const target = index.resolve(ref, from);
    return target !== undefined && !keptSet.has(target);
  };
  const isHidden = (ref: string, from: FhirResource) => {
    const target = index.resolve(ref, from);
    return target !== undefined && hiddenSet.has(target);
  };
  // A hidden item's references go from every share. One only left out for this audience (not asked
  // for, not chosen) goes only from a document, which R4 wants whole: in a collection its reference
  // names an item the recipient may ask for, and keeping it keeps the item as its author signed it
  // (an item changed in any way reads as changed since, to a clinician checking its signature).
  const goes = input.document ? isAbsent : isHidden;
  const someGo = input.document ? input.source.some((e) => !keptSet.has(e.resource)) : hiddenSet.size > 0;
  return input.kept.map((entry) => {
    const original = entry.resource;
    let resource = original;
    // Sections first: a section that loses an entry gets a new narrative, so it must see the loss.
    if (resource.resourceType === 'Composition') {
      resource = rewriteSections(resource, { isAbsent, index, disclose: input.disclose, traces });
    }
    if (someGo) resource = withoutReferences(resource, goes);
    if (hiddenSet.size > 0 && namesHidden((resource.text as { div?: unknown } | undefined)?.div, traces)) {
      resource = { ...resource };
      delete resource.text;
    }
    return resource === original ? entry : { ...entry, resource };
  });
}

/**
 * What gives a hidden item away in a narrative: its URLs and ids (anywhere), and its defining terms
 * such as "Essential hypertension" (as whole words, case aside). One pattern each, so a share with
 * many hidden items still reads each narrative once.
 */
interface Traces {
  literal?: RegExp;
  terms?: RegExp;
}

/** Bounds on hostile input, as for the mentions search: terms in all, narrative text read per item. */
const MAX_TERMS = 256;
const MAX_TEXT = 256 * 1024;

function tracesOf(hidden: readonly BundleEntry[], resolve: Resolve): Traces {
  const literal = new Set<string>();
  const terms = new Set<string>();
  for (const { fullUrl, resource } of hidden) {
    if (fullUrl) literal.add(fullUrl);
    if (resource.id && resource.id.length >= 8) literal.add(resource.id);
    if (resource.id) literal.add(`${resource.resourceType}/${resource.id}`);
    for (const t of termsOf(resource, resolve)) if (terms.size < MAX_TERMS) terms.add(t);
  }
  const alternatives = (items: Set<string>) => [...items].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return {
    literal: literal.size ? new RegExp(alternatives(literal)) : undefined,
    terms: terms.size ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives(terms)})(?![\\p{L}\\p{N}])`, 'u') : undefined,
  };
}

function namesHidden(text: unknown, traces: Traces): boolean {
  if (typeof text !== 'string' || !text || !(traces.literal || traces.terms)) return false;
  const bounded = text.slice(0, MAX_TEXT);
  // As written: the markup itself goes out, and a program reading it finds the id even where a browser shows other text.
  if (traces.literal?.test(bounded)) return true;
  // Then as a browser shows it, with its tags ending words and not (narrativeWords): an id written
  // "Condition&#47;abc" or across tags shows, and links, as itself. The terms are matched folded as
  // they were made, so "hipertension" in a narrative names a hidden "Hipertensión".
  return [' ', ''].some((between) => {
    const words = narrativeWords(bounded, between);
    return traces.literal?.test(words) || (traces.terms?.test(foldedText(words)) ?? false);
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Judge = (ref: string, from: FhirResource) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isReferenceTo = (v: unknown, judge: Judge, from: FhirResource) => isObject(v) && typeof v.reference === 'string' && judge(v.reference, from);

/** The R4 extension saying why a value is missing. */
export const DATA_ABSENT_REASON = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';
/** What a required reference to an item not shared says instead. */
export const NOT_SHARED = 'Not included in this share';

/**
 * Where a required reference pointed to an item not shared. The same for every item, hidden or only
 * not chosen for this audience: no type, id or count, so it tells no more than the flag does
 * (only that the element's target is not there, which R4 makes the element say).
 */
const notShared = () => ({ extension: [{ url: DATA_ABSENT_REASON, valueCode: 'masked' }], display: NOT_SHARED });

/**
 * Elements R4 requires (1..1 or 1..*) that hold references, by resource type. Emptied, they would
 * leave the resource invalid, so they keep one placeholder instead. The subject Patient is never
 * absent from a share; these matter for an author, a medication, a device left out.
 */
const REQUIRED: Record<string, readonly string[]> = {
  AdverseEvent: ['subject'],
  AllergyIntolerance: ['patient'],
  CarePlan: ['subject'],
  Claim: ['patient', 'provider', 'insurance'],
  ClinicalImpression: ['subject'],
  Composition: ['author'],
  Condition: ['subject'],
  Coverage: ['beneficiary', 'payor'],
  DeviceRequest: ['subject'],
  DeviceUseStatement: ['subject', 'device'],
  EpisodeOfCare: ['patient'],
  ExplanationOfBenefit: ['patient', 'provider', 'insurer', 'insurance'],
  FamilyMemberHistory: ['patient'],
  Flag: ['subject'],
  Goal: ['subject'],
  ImagingStudy: ['subject'],
  Immunization: ['patient'],
  MedicationAdministration: ['subject', 'medicationReference'],
  MedicationDispense: ['medicationReference'],
  MedicationRequest: ['subject', 'medicationReference'],
  MedicationStatement: ['subject', 'medicationReference'],
  NutritionOrder: ['patient'],
  Procedure: ['subject'],
  Provenance: ['target', 'agent'],
  RiskAssessment: ['subject'],
  ServiceRequest: ['subject'],
};

/**
 * A copy of `resource` without references the judge condemns. A reference in a list goes with
 * its list member: an Encounter's diagnosis entry is nothing without its condition. Lists and
 * elements emptied by that go as well (FHIR JSON forbids empty ones), except a required element
 * ({@link REQUIRED}), which keeps its first member with the condemned references as placeholders.
 * Returns `resource` itself when nothing changed.
 */
function withoutReferences(resource: FhirResource, judge: Judge): FhirResource {
  let changed = false;
  const walk = (value: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH) return value;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const item of value) {
        if (isReferenceTo(item, judge, resource)) { changed = true; continue; }
        // A list member whose own reference goes (a diagnosis, an evidence detail holder) goes with it.
        if (isObject(item) && Object.values(item).some((v) => isReferenceTo(v, judge, resource))) { changed = true; continue; }
        const next = walk(item, depth + 1);
        if (next !== undefined) out.push(next);
      }
      return out.length ? out : undefined;
    }
    if (isObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === 'text') { out[k] = v; continue; }
        // A contained resource is kept whole (others point to it by '#id'), its own references judged.
        if (k === 'contained' && depth === 0 && Array.isArray(v)) {
          const next = v.map((c) => (isObject(c) && typeof c.resourceType === 'string' ? withoutReferences(c as FhirResource, (ref) => judge(ref, resource)) : c));
          if (next.some((c, i) => c !== v[i])) changed = true;
          out[k] = next;
          continue;
        }
        if (isReferenceTo(v, judge, resource)) { changed = true; continue; }
        const next = walk(v, depth + 1);
        if (next !== undefined) out[k] = next;
      }
      return Object.keys(out).length ? out : undefined;
    }
    return value;
  };
  const result = walk(resource, 0) as FhirResource;
  if (!changed) return resource;
  const mask = (value: unknown, depth: number): unknown => {
    if (Array.isArray(value)) return value.length ? [mask(value[0], depth + 1)] : value;
    if (isReferenceTo(value, judge, resource)) return notShared();
    if (!isObject(value) || depth > MAX_DEPTH) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'contained' || k === 'text' ? v : mask(v, depth + 1)]));
  };
  for (const key of REQUIRED[resource.resourceType] ?? []) {
    if (resource[key] !== undefined && result[key] === undefined) result[key] = mask(resource[key], 0);
  }
  return result;
}

interface SectionContext {
  isAbsent: Judge;
  index: ReferenceIndex;
  disclose: Disclosure;
  traces: Traces;
}

interface Section {
  title?: string;
  text?: { status?: string; div?: string; extension?: unknown[] };
  entry?: { reference?: string; display?: string }[];
  emptyReason?: unknown;
  section?: Section[];
  [key: string]: unknown;
}

/** The Composition with its sections rewritten; unchanged sections keep their own narrative. */
function rewriteSections(composition: FhirResource, ctx: SectionContext): FhirResource {
  const sections = Array.isArray(composition.section) ? (composition.section as Section[]) : [];
  const next = rewriteList(sections, composition, ctx, 0);
  const out: FhirResource = { ...composition };
  if (next.length) out.section = next;
  else delete out.section;
  return out;
}

function rewriteList(sections: Section[], composition: FhirResource, ctx: SectionContext, depth: number): Section[] {
  const out: Section[] = [];
  for (const section of sections) {
    const next = depth < MAX_DEPTH ? rewriteSection(section, composition, ctx, depth) : section;
    if (next) out.push(next);
  }
  return out;
}

function rewriteSection(section: Section, composition: FhirResource, ctx: SectionContext, depth: number): Section | undefined {
  const entries = Array.isArray(section.entry) ? section.entry : [];
  const keptEntries = entries.filter((e) => !(typeof e?.reference === 'string' && ctx.isAbsent(e.reference, composition)));
  const children = Array.isArray(section.section) ? section.section : [];
  const keptChildren = rewriteList(children, composition, ctx, depth + 1);
  const lostEntries = keptEntries.length < entries.length;
  const lostChildren = keptChildren.length < children.length || keptChildren.some((c, i) => c !== children[i]);
  // Links from the narrative (textLink extensions) carry the items' URLs too.
  const tellsHidden = namesHidden(section.text?.div, ctx.traces) || namesHidden(JSON.stringify(section.text?.extension ?? []), ctx.traces);
  if (!lostEntries && !lostChildren && !tellsHidden) return section;

  const out: Section = { ...section };
  delete out.entry;
  delete out.section;
  if (keptEntries.length) out.entry = keptEntries;
  if (keptChildren.length) out.section = keptChildren;
  if (!keptEntries.length && !keptChildren.length) {
    // Emptied: saying "withheld" under this section's title tells what kind of item was hidden, and
    // a section named for a topic (a pregnancy history, social history) tells more than its kind.
    if (ctx.disclose !== 'count-and-kind' || !lostEntries || !namedForKind(section)) return undefined;
    out.emptyReason = { coding: [{ system: LIST_EMPTY_REASON_SYSTEM, code: 'withheld', display: 'Information Withheld' }] };
    out.text = { status: 'generated', div: `<div xmlns="${XHTML}"><p>Withheld by the patient.</p></div>` };
    return out;
  }
  delete out.emptyReason;
  const labels = keptEntries.map((e) => labelOf(ctx.index.resolve(e.reference, composition), e));
  if (labels.length) out.text = { status: 'generated', div: `<div xmlns="${XHTML}"><ul>${labels.map((l) => `<li>${escapeXml(l)}</li>`).join('')}</ul></div>` };
  else delete out.text;
  return out;
}

const LOINC = 'http://loinc.org';
/**
 * The document sections that stand for one whole kind of item (the patient summary's problems,
 * allergies, medications, immunizations, procedures and devices): one left empty may say "withheld"
 * when the patient discloses kinds. Any other section names a topic: results, vital signs, social
 * history, history of pregnancy, functional status.
 */
const KIND_SECTIONS = new Set(['11450-4', '48765-2', '10160-0', '11369-6', '47519-4', '46264-8']);

function namedForKind(section: Section): boolean {
  const codings = (section.code as { coding?: unknown } | undefined)?.coding;
  return Array.isArray(codings) && codings.some((c) => isObject(c) && c.system === LOINC && typeof c.code === 'string' && KIND_SECTIONS.has(c.code));
}

/** A short human label for a section entry, from the resource's own code or name. */
function labelOf(resource: FhirResource | undefined, ref: { display?: unknown }): string {
  if (typeof ref.display === 'string' && ref.display.trim()) return ref.display.trim().slice(0, 200);
  if (!resource) return 'Item';
  const r = resource as Record<string, unknown>;
  for (const field of ['code', 'medicationCodeableConcept', 'vaccineCode', 'type', 'category']) {
    const concept = Array.isArray(r[field]) ? (r[field] as unknown[])[0] : r[field];
    if (!isObject(concept)) continue;
    if (typeof concept.text === 'string' && concept.text.trim()) return concept.text.trim().slice(0, 200);
    const coding = Array.isArray(concept.coding) ? concept.coding.find((c) => isObject(c) && typeof c.display === 'string') : undefined;
    if (isObject(coding) && typeof coding.display === 'string') return coding.display.trim().slice(0, 200);
  }
  if (typeof r.title === 'string' && r.title.trim()) return r.title.trim().slice(0, 200);
  if (typeof r.description === 'string' && r.description.trim()) return r.description.trim().slice(0, 200);
  return resource.resourceType;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
