/**
 * Shares: a record the patient derives from their records for one audience, with chosen items
 * hidden and a marker telling the recipient that something was withheld (and how much).
 */
import { RecordError } from '../errors.js';
import type { NostrEvent } from '../events.js';
import type { Signer } from '../signers/signer.js';
import { createBundle, ReferenceIndex } from '../fhir/bundle.js';
import { isWithheldList, type Disclosure, type Withheld } from '../fhir/withheld.js';
import { markWithheld } from '../fhir/withheld-mark.js';
import { isDocument, removeItems } from '../fhir/document.js';
import { patientEntryOf } from '../fhir/patient.js';
import type { BundleEntry, FhirBundle, FhirResource } from '../fhir/types.js';
import { findMentions, type Mention } from '../fhir/mentions.js';
import { createRecord, type OpenedRecord, type Participant } from './record.js';
import type { RecordKeyCache } from './keys.js';
import { discloseEntries, isAttestation, provenanceBudget } from '../attest/attestation.js';
import { DEFAULT_MAX_EVENT_BYTES } from './constants.js';
import { endedForReader } from '../store/share-copies.js';
import { MAX_HIDDEN_URL_CHARS, type ShareNote } from './share-note.js';

export { readShareNote, type ShareNote } from './share-note.js';

/** Characters a share note may grow to: under `MAX_EDITOR_NOTE` (16,000), with room for escaped characters. */
const NOTE_BUDGET_CHARS = 15_000;
/** A share note's JSON around its list (`{"hidden":[]}`), with room to spare. */
const NOTE_FRAME_CHARS = 20;
/** The quotes and comma around each reference in the list. */
const URL_FRAME_CHARS = 3;
/**
 * Smallest size a share note is padded to: about twenty hidden items. The note is encrypted, but
 * its length is in the clear, to storage servers and to the recipient: unpadded it would count the
 * items hidden, whatever the hidden-item flag was told to disclose.
 */
const NOTE_PAD_CHARS = 1024;

/** Options for {@link createShare}. */
export interface CreateShareOptions {
  /** The opened records to draw entries from. */
  from: readonly OpenedRecord[];
  /** `fullUrl`s of the entries this audience is offered; default every entry. */
  include?: readonly string[];
  /** `fullUrl`s of offered entries the patient hides; they are left out and flagged. */
  withhold?: readonly string[];
  /** How much the hidden-item flag reveals. Default `flag`. */
  disclose?: Disclosure;
  /** Who signs the share's inner kind 82 (the patient). */
  author: Signer;
  /** Who receives it. */
  participants: Participant[];
  maxEventBytes?: number;
  createdAt?: number;
  /** The patient's session key cache, so the share copy opens without a signer call. */
  keyCache?: RecordKeyCache;
  /** NIP-40 expiration in seconds (see {@link grantExpiration}): relays that honour it drop the share then. */
  expiresAt?: number;
}

/** What a share will hold, for a preview before anything is signed. */
export interface SharePlan {
  entries: BundleEntry[];
  /**
   * Entries the share carries though they were not asked for, because what is shared needs them:
   * the Patient the records are about (so the recipient knows whose data it is), and a document's
   * author, custodian and attesters. Also in `entries`.
   */
  added?: BundleEntry[];
  hidden: BundleEntry[];
  /** Shared entries that still name a hidden one (a visit's reason, a note): see {@link findMentions}. */
  mentions: Mention[];
  /** False when the share was too large to search whole for those mentions. */
  mentionsChecked: boolean;
}

/**
 * Works out which entries a share carries, which it hides and which still name a hidden one, without
 * signing anything. Mentions are looked for in the entries as the share will carry them: a
 * document's section narratives and references to hidden items are rewritten first, so only what
 * the patient must decide on is reported.
 */
export function planShare(options: Pick<CreateShareOptions, 'from' | 'include' | 'withhold'>): SharePlan {
  const { entries, hidden, source, document } = splitEntries(options);
  const prepared = removeItems({ source, kept: entries, hidden, disclose: 'flag', document: !!document });
  const originals = new Map(prepared.map((e, i) => [e, entries[i]!]));
  const index = new ReferenceIndex({ resourceType: 'Bundle', type: 'collection', entry: source });
  const { mentions, complete } = findMentions(prepared, hidden, (ref, from) => index.resolve(ref, from));
  const asked = options.include && new Set(options.include);
  return {
    entries, hidden, added: asked ? entries.filter((e) => !asked.has(e.fullUrl ?? '')) : [], mentionsChecked: complete,
    mentions: mentions.map((m) => ({ ...m, entry: originals.get(m.entry) ?? m.entry })),
  };
}

function splitEntries(options: Pick<CreateShareOptions, 'from' | 'include' | 'withhold'>): Pick<SharePlan, 'entries' | 'hidden'> & { source: BundleEntry[]; document?: FhirBundle; about?: OpenedRecord; mixed: boolean } {
  if (!options.from?.length) throw new RecordError('invalid-input', 'A share needs at least one record to draw from.');
  const include = options.include ? new Set(options.include) : undefined;
  const withhold = new Set(options.withhold ?? []);
  const seen = new Set<string>();
  const entries: BundleEntry[] = [];
  const hidden: BundleEntry[] = [];
  const source: BundleEntry[] = [];
  const subjects = new Set<string>();
  // The first record that gives the share an item, shared or hidden: the share is about its subject.
  let about: OpenedRecord | undefined;
  // Items of records about different people (a parent's, one's own): one share cannot be about both.
  let mixed = false;
  for (const record of options.from) {
    const subject = patientEntryOf(record.bundle)?.fullUrl;
    const own: BundleEntry[] = [];
    for (const entry of record.bundle.entry ?? []) {
      const key = entry.fullUrl ?? '';
      if (seen.has(key) || isWithheldList(entry.resource) || isAttestation(entry.resource)) continue;
      seen.add(key);
      source.push(entry);
      if (include && !include.has(key)) continue;
      (withhold.has(key) ? hidden : own).push(entry);
      if (about && about.subject !== record.subject && about.subject !== undefined && record.subject !== undefined) mixed = true;
      about ??= record;
    }
    // Whose data it is goes with any of it: without the Patient no reference to them resolves.
    if (subject && own.length) subjects.add(subject);
    entries.push(...own);
  }
  for (const key of withhold) {
    if (!seen.has(key)) throw new RecordError('invalid-input', 'An item to withhold is not in the records shared.');
    if (isSubjectPatient(options.from, key)) throw new RecordError('invalid-input', 'The patient a record is about cannot be hidden: every item of it refers to them.');
  }
  const wanted = new Set([...entries].map((e) => e.fullUrl ?? ''));
  for (const url of subjects) wanted.add(url);
  // A document must carry its Composition's subject, author, custodian and attesters (those hidden become placeholders).
  const index = new ReferenceIndex({ resourceType: 'Bundle', type: 'collection', entry: source });
  for (const b of options.from.map((r) => r.bundle)) {
    if (!isDocument(b) || !wanted.has(b.entry![0]!.fullUrl ?? '')) continue;
    const c = b.entry![0]!.resource as { subject?: unknown; author?: unknown; custodian?: unknown; attester?: { party?: unknown }[] };
    const refs = [c.subject, c.custodian, ...(Array.isArray(c.author) ? c.author : []), ...(Array.isArray(c.attester) ? c.attester.map((a) => a?.party) : [])];
    for (const ref of refs) {
      const target = index.resolve(ref as { reference?: string } | undefined, b.entry![0]!.resource);
      const entry = target && source.find((e) => e.resource === target);
      if (entry?.fullUrl && !withhold.has(entry.fullUrl)) wanted.add(entry.fullUrl);
    }
  }
  if (wanted.size > entries.length) entries.splice(0, entries.length, ...source.filter((e) => wanted.has(e.fullUrl ?? '') && !withhold.has(e.fullUrl ?? '')));
  // The first document drawn from whose Composition is shared makes the share a document again.
  const document = options.from.map((r) => r.bundle).find((b) => isDocument(b) && entries.includes(b.entry![0]!));
  if (document) {
    const composition = document.entry![0]!;
    entries.splice(entries.indexOf(composition), 1);
    entries.unshift(composition);
  }
  return { entries, hidden, source, document, about, mixed };
}

/** Who and what many records name (a patient, doctor, clinic, place, drug, visit, signature, consent): no sign two records are copies of one. */
const SHARED_TYPES = new Set<string | undefined>(['Patient', 'Practitioner', 'PractitionerRole', 'Organization', 'Location', 'RelatedPerson', 'Device', 'Medication', 'Encounter', 'EpisodeOfCare', 'Provenance', 'Consent']);

/** How much a hidden-item flag says, least first. */
const LEVELS: Disclosure[] = ['flag', 'count', 'count-and-kind'];

/**
 * What a share's hidden-item flag tells: the items `hidden` now (at `disclose`), and those a record
 * it keeps items of (`kept`) was shared without (its patient hid them), saying no more than either
 * flag said (one that told only "something" tells that).
 */
export function flagOf(from: readonly OpenedRecord[], kept: ReadonlySet<string | undefined>, hidden: readonly FhirResource[], disclose: Disclosure): { withheld: FhirResource[]; disclose: Disclosure } {
  const withheld = [...hidden];
  let level = hidden.length ? LEVELS.indexOf(disclose) : 2;
  // A record shared without some items counts only when it gives an item no whole record drawn from
  // has, other than the patient it is about (who goes with any other record of theirs too).
  const whole = new Set(from.filter((r) => !r.withheld).flatMap((r) => (r.bundle.entry ?? []).map((e) => e.fullUrl)));
  const gives = (r: OpenedRecord, patient = patientEntryOf(r.bundle)?.fullUrl) => r.bundle.entry?.some((e) => kept.has(e.fullUrl) && !whole.has(e.fullUrl) && e.fullUrl !== patient);
  // Copies of one record (they hold the same items) may each have hidden some: together they lack
  // no more than the larger count, and of a kind only what both say.
  // Told by their health items: two records that only name one doctor, clinic or drug are not copies.
  // Records that share some health items but not all (two visits that each carry the problem list,
  // two versions of one record) may have withheld the same items or others: no count is true for
  // them both, so only that something was withheld is told.
  const groups: { urls: Set<string | undefined>; w: Withheld }[] = [];
  for (const r of from.filter((r) => r.withheld && gives(r))) {
    const urls = new Set((r.bundle.entry ?? []).filter((e) => e.fullUrl && e.resource && !SHARED_TYPES.has(e.resource.resourceType) && !isWithheldList(e.resource)).map((e) => e.fullUrl));
    const w = r.withheld!;
    const g = groups.find((g) => [...urls].some((u) => g.urls.has(u)));
    if (!g) { groups.push({ urls, w }); continue; }
    const copies = urls.size === g.urls.size && [...urls].every((u) => g.urls.has(u));
    for (const u of urls) g.urls.add(u);
    const kinds = g.w.kinds && w.kinds ? Object.fromEntries(Object.entries(g.w.kinds).map(([t, k]) => [t, Math.min(k, w.kinds![t] ?? 0)])) : undefined;
    g.w = { disclose: copies ? LEVELS[Math.min(LEVELS.indexOf(g.w.disclose), LEVELS.indexOf(w.disclose))]! : 'flag', count: Math.max(g.w.count ?? 0, w.count ?? 0), kinds };
  }
  for (const { w } of groups) {
    let n = w.count ?? 0;
    for (const [type, k] of Object.entries(w.kinds ?? {})) for (let i = 0; i < k && n > 0; i++, n--) withheld.push({ resourceType: type });
    level = Math.min(level, LEVELS.indexOf(w.disclose), n ? 1 : 2);
    for (; n > 0; n--) withheld.push({ resourceType: '' });
    if (!withheld.length) withheld.push({ resourceType: '' });
  }
  return { withheld, disclose: LEVELS[level]! };
}

/**
 * What {@link createShare} asks of the author's signer: one attestation of the items shared (a share
 * always holds some, its consent at least); the share's own key signs its parts, however many.
 */
export const SIGNER_CALLS_TO_SHARE = 1;

/**
 * Builds a share record (its events to publish). Hidden items are dropped and flagged per
 * `disclose`, and references to them removed. A share drawn from a `document` whose Composition
 * it carries is a `document` again: Composition first, sections listing only what is shared (see
 * {@link removeItems}), a new identifier and timestamp. Each shared entry keeps its author's
 * attestation (with that entry's salt and path only); an entry the share had to change (a reference
 * to a hidden item removed) then reads as changed after its author signed it, which it was. The
 * patient's own signature attests the share as passed on by them.
 */
export async function createShare(options: CreateShareOptions): Promise<NostrEvent[]> {
  // As the consent prompt offers: a record the user owns (about them, or theirs) or may edit, and
  // not one whose share to them has ended.
  if (options.from.some((r) => (r.role !== 'editor' && (r.subject ?? r.author) !== r.reader) || endedForReader(r))) {
    throw new RecordError('not-an-editor', 'Only records you own or may edit can be shared, and not one whose share to you has ended.');
  }
  const { entries, hidden, source, document, about, mixed } = splitEntries(options);
  if (mixed) throw new RecordError('invalid-input', 'A share is about one patient: these items come from records about different people.');
  const disclose = options.disclose ?? 'flag';
  const kept = removeItems({ source, kept: entries, hidden, disclose, document: !!document });
  const disclosed = discloseEntries(options.from.map((r) => r.bundle), kept, { maxProvenanceBytes: provenanceBudget(options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES) });
  let bundle = createBundle([...kept, ...disclosed]);
  if (document) bundle.type = 'document';
  const flag = flagOf(options.from, new Set(kept.map((e) => e.fullUrl)), hidden.map((e) => e.resource), disclose);
  if (flag.withheld.length > 0) bundle = markWithheld(bundle, flag.withheld, flag.disclose);
  return createRecord({
    bundle,
    author: options.author,
    participants: options.participants,
    maxEventBytes: options.maxEventBytes,
    createdAt: options.createdAt,
    keyCache: options.keyCache,
    expiresAt: options.expiresAt,
    // Whom the items are about, not whichever record came first.
    subject: (about ?? options.from[0]!).subject,
    attestAs: 'sharer',
    // Every editor reads the note with the sign key: an editor recipient would learn exactly which
    // items were hidden, whatever the marker discloses. Such a share keeps no list (see ShareCopy.hiddenKept).
    ...(options.participants.some((p) => p.role === 'editor') ? {} : { editorNote: noteFor(hidden) }),
  });
}

/**
 * True when `fullUrl` is the Patient one of `records` is about (its first Patient): a share cannot
 * hide it, since R4 requires every item's reference to them.
 */
export function isSubjectPatient(records: readonly OpenedRecord[], fullUrl: string): boolean {
  return records.some((r) => patientEntryOf(r.bundle)?.fullUrl === fullUrl);
}

/** The editor note of a share hiding `hidden`, bounded by the note's size. */
function noteFor(hidden: readonly BundleEntry[]): string {
  const urls: string[] = [];
  let size = NOTE_FRAME_CHARS;
  for (const e of hidden) {
    const url = e.fullUrl ?? '';
    if (!url || url.length > MAX_HIDDEN_URL_CHARS) continue;
    size += url.length + URL_FRAME_CHARS;
    if (size > NOTE_BUDGET_CHARS) break;
    urls.push(url);
  }
  const note = JSON.stringify({ hidden: urls } satisfies ShareNote);
  // Padded with spaces (still the same JSON) to the floor, or the next power of two above it.
  let padded = NOTE_PAD_CHARS;
  while (padded < note.length) padded *= 2;
  return note.padEnd(Math.min(padded, NOTE_BUDGET_CHARS), ' ');
}
