/**
 * The consent plan: what one grant will let one person open, whether the patient shares on their
 * own or answers a request. The items offered (grouped by kind, dated, ordered), which are shared,
 * left out or hidden with a flag, how much the flag tells, and the exact plan the preview shows
 * and the share is built from. Items the patient hid from this recipient before start hidden, and
 * only the patient's own unhiding lets one back in. Sharing and answering are two views of it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OpenedRecord } from '../core/nip82/record.js';
import type { BundleEntry, FhirResource } from '../core/fhir/types.js';
import { ReferenceIndex } from '../core/fhir/bundle.js';
import type { Disclosure } from '../core/fhir/withheld.js';
import { flagOf, isSubjectPatient, planShare, type SharePlan } from '../core/nip82/share.js';
import { isGrantConsent } from '../core/nip82/grant.js';
import { resourceDate, resourceMoment } from './resources.js';
import { timeOf } from '../shared/dates.js';
import { animalOf, nostrPubkeyOf, patientEntryOf, patientOf } from '../core/fhir/patient.js';
import { humanName } from '../shared/record-text.js';

/** The order kinds are listed in: who the record is about, then what matters most for care. */
const KIND_ORDER = [
  'Patient', 'AllergyIntolerance', 'Condition', 'MedicationRequest', 'MedicationStatement', 'Medication', 'Immunization',
  'Procedure', 'Observation', 'DiagnosticReport', 'Encounter', 'CarePlan', 'DocumentReference',
];

const rank = (type: string) => {
  const i = KIND_ORDER.indexOf(type);
  return i < 0 ? KIND_ORDER.length : i;
};

/** Entries grouped by kind (in {@link KIND_ORDER}, then by name), each group newest first. */
export function orderedGroups(entries: readonly BundleEntry[]): [string, BundleEntry[]][] {
  const groups = new Map<string, BundleEntry[]>();
  // Each date worked out once, not once per comparison: a long record has thousands of items.
  const dates = new Map<BundleEntry, string>();
  const moments = new Map<BundleEntry, number>();
  const momentOf = (e: BundleEntry) => {
    let t = moments.get(e);
    if (t === undefined) moments.set(e, (t = timeOf(resourceMoment(e.resource)) ?? 0));
    return t;
  };
  for (const e of entries) {
    const type = e.resource.resourceType;
    const list = groups.get(type);
    if (list) list.push(e);
    else groups.set(type, [e]);
    dates.set(e, resourceDate(e.resource));
  }
  for (const list of groups.values()) {
    // Newest first; undated items after dated ones, in their record order (a stable sort keeps it).
    // Two on one day by their time, when they give one (the share dialog then shows it).
    list.sort((a, b) => dates.get(b)!.localeCompare(dates.get(a)!) || (dates.get(b) ? momentOf(b) - momentOf(a) : 0));
  }
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Every entry `records` offer (deduplicated; hidden-item markers and earlier grant notes left out). */
export function offeredEntries(records: readonly OpenedRecord[]): BundleEntry[] {
  if (records.length === 0) return [];
  return planShare({ from: records }).entries.filter((e) => !isGrantConsent(e.resource));
}

/** Sensitivity labels (a record's words for sexual, mental, genetic, substance-use and like health) and the restricted confidentialities. */
const PRIVATE_LABELS = new Set('BH ETH ETHUD GDIS HIV MST OPIOIDUD PREGNANT PSY PSYTHPN SCA SDV SEX STD SUD TBOO R V'.split(' '));

/** Whether a record marks an item (or itself, so each of its items) as private: a share starts with it hidden. */
const markedPrivate = (r: FhirResource) =>
  (r.meta?.security ?? []).some((c) => /v3-(ActCode|Confidentiality)$/.test(c.system ?? '') && PRIVATE_LABELS.has(c.code ?? ''));

/** Each entry with the record it comes from: the first record holding it, as a share draws it (see `planShare`). */
function* suppliedEntries(records: readonly OpenedRecord[]): Generator<[OpenedRecord, BundleEntry]> {
  const seen = new Set<string>();
  for (const r of records) {
    for (const e of r.bundle.entry ?? []) {
      const url = e.fullUrl ?? '';
      if (seen.has(url)) continue;
      seen.add(url);
      yield [r, e];
    }
  }
}

/** The records that supply `urls` (see {@link suppliedEntries}): a share is made from these only, and is about their subject. */
export function supplying(records: readonly OpenedRecord[], urls: Iterable<string>): OpenedRecord[] {
  const wanted = new Set(urls);
  const from = new Set<OpenedRecord>();
  for (const [r, e] of suppliedEntries(records)) if (wanted.has(e.fullUrl ?? '')) from.add(r);
  return records.filter((r) => from.has(r));
}

/** An offered item's words as a view shows them. */
export type ItemTexts = { label: string; date: string };

/**
 * The key a record is about: its subject, else (a record of their own, written without one) the
 * user's; an animal's records apart from their owner's own (a vet is not sent the owner's health).
 */
export const subjectKey = (record: OpenedRecord, me: string | undefined): string | undefined => {
  const key = record.subject ?? me;
  return key && animalOf(patientOf(record.bundle)) ? `${key} animals` : key;
};

export class ConsentPlan implements ReactiveController {
  /** What this grant may include, grouped and ordered. */
  offered: BundleEntry[] = [];
  /** Items shared. */
  included = new Set<string>();
  /** Items left out with a flag. */
  hidden = new Set<string>();
  /** Items the patient hid from this recipient before. */
  hiddenBefore = new Set<string>();
  /** Of those, the ones the patient unhid here. */
  unhidden = new Set<string>();
  /** Items the record marks as private (see {@link markedPrivate}): they start hidden. */
  marked = new Set<string>();
  disclose: Disclosure = 'flag';
  /**
   * Whose each offered item is (the name of the Patient its record is about), when the records
   * offered are about more than one patient (two pets, a parent and oneself); else empty.
   */
  private whose = new Map<string, string>();

  /** What the records' items refer to, indexed once per set of records (see {@link resolve}). */
  private references?: { from: readonly OpenedRecord[]; index: ReferenceIndex };
  /** The last plan, with the choice version and records it was worked out for. */
  private cache?: { version: number; from: readonly OpenedRecord[]; plan: SharePlan };
  /** Goes up with every choice: a view drawn for one version is drawn again only for the next. */
  version = 0;
  /** The offered items by kind, worked out when they are offered, not on every render. */
  private grouped: [string, BundleEntry[]][] = [];
  /**
   * The kinds whose long list of items the patient unfolded (in the choice, and in the preview):
   * only those lists are drawn. Forgotten with the items offered.
   */
  readonly unfolded = new Set<string>();
  readonly previewUnfolded = new Set<string>();
  /** Goes up as a list is unfolded or folded: what is drawn changes, not what is chosen. */
  folds = 0;
  /** Goes up with a change that may touch every kind (another recipient's hidden items, hiding mentions). */
  epoch = 0;
  /** Per kind, how often the choice of its items changed: a kind is drawn again only when its own did. */
  private kindVersions = new Map<string, number>();
  private typeOf = new Map<string, string>();
  /**
   * Each offered item's words, worked out by a view for its words and language (see plan-view.ts):
   * forgotten with the items offered, so the last user's go with them.
   */
  texts?: { words: unknown; lang: string; map: Map<BundleEntry, ItemTexts> };

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The records the plan draws from. */
    private readonly from: () => readonly OpenedRecord[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to start: the plan changes only when the patient chooses.
  }

  /** Starts afresh: every offered item shared, except those marked private or hidden from this recipient before. */
  reset(offered: readonly BundleEntry[], hiddenBefore: Iterable<string> = []): void {
    // The last plan holds the records it was worked out from: with nothing offered, nothing is kept.
    if (offered.length === 0) {
      this.cache = undefined;
      this.references = undefined;
    }
    this.grouped = orderedGroups(offered);
    this.offered = this.grouped.flatMap(([, list]) => list);
    this.typeOf = new Map(this.offered.map((e) => [e.fullUrl!, e.resource.resourceType]));
    this.texts = undefined;
    this.unfolded.clear();
    this.previewUnfolded.clear();

    this.whose = patientNames(this.from(), this.offered);
    this.included = new Set(this.offered.map((e) => e.fullUrl!));
    this.hidden = new Set();
    this.hiddenBefore = new Set();
    this.unhidden = new Set();
    this.disclose = 'flag';
    this.marked = new Set();
    for (const [r, e] of suppliedEntries(this.from())) {
      if ((markedPrivate(e.resource) || markedPrivate(r.bundle)) && this.included.has(e.fullUrl!) && !this.isSubject(e.fullUrl!)) this.marked.add(e.fullUrl!);
    }
    for (const url of this.marked) {
      this.included.delete(url);
      this.hidden.add(url);
    }
    this.applyHiddenBefore(hiddenBefore);
  }

  /** The recipient is known (or changed): what was hidden from them before starts hidden. */
  applyHiddenBefore(urls: Iterable<string>): void {
    const offered = new Set(this.offered.map((e) => e.fullUrl!));
    // Items hidden only because another recipient was chosen before go back to shared.
    for (const url of this.hiddenBefore) {
      if (this.hidden.has(url) && !this.unhidden.has(url) && !this.marked.has(url)) {
        this.hidden.delete(url);
        this.included.add(url);
      }
    }
    // A share cannot hide the patient it is about; one made before that rule may have.
    this.hiddenBefore = new Set([...urls].filter((u) => offered.has(u) && !this.isSubject(u)));
    this.unhidden = new Set();
    for (const url of this.hiddenBefore) {
      this.included.delete(url);
      this.hidden.add(url);
    }
    this.changed();
  }

  /** Takes `urls` off the offer (no longer the user's to pass on), keeping every other choice as it was. */
  withdraw(urls: ReadonlySet<string>): void {
    const kept = (e: BundleEntry) => !urls.has(e.fullUrl!);
    this.grouped = this.grouped.map(([type, list]): [string, BundleEntry[]] => [type, list.filter(kept)]).filter(([, list]) => list.length > 0);
    this.offered = this.offered.filter(kept);
    for (const set of [this.included, this.hidden, this.hiddenBefore, this.unhidden, this.marked]) for (const url of urls) set.delete(url);
    this.changed();
  }

  /** The offered items by kind, ordered. */
  get groups(): [string, BundleEntry[]][] {
    return this.grouped;
  }

  /** A kind's long list unfolded or folded (in the preview with `preview`): redrawn, the choice unchanged. */
  setUnfolded(type: string, open: boolean, preview = false): void {
    const set = preview ? this.previewUnfolded : this.unfolded;
    if (open === set.has(type)) return;
    if (open) set.add(type);
    else set.delete(type);
    this.folds++;
    this.host.requestUpdate();
  }

  setIncluded(url: string, on: boolean): void {
    if (on) {
      this.included.add(url);
      if (this.hidden.delete(url) && this.hiddenBefore.has(url)) this.unhidden.add(url);
    } else this.included.delete(url);
    this.changed([url]);
  }

  /** How often the choice of `type`'s items changed (see {@link epoch} for changes to every kind). */
  kindVersion(type: string): number {
    return this.kindVersions.get(type) ?? 0;
  }

  /** True when a record `plan`'s items come from was shared without some items: the share's flag goes on saying so. */
  flagCarried(plan: SharePlan): boolean {
    return flagOf(this.drawnFrom(plan), new Set(plan.entries.map((e) => e.fullUrl)), [], 'flag').withheld.length > 0;
  }

  /** What the share's hidden-item flag will tell: the items hidden, and those the records drawn from were shared without. */
  flag(plan: SharePlan): { withheld: FhirResource[]; disclose: Disclosure } {
    return flagOf(this.drawnFrom(plan), new Set(plan.entries.map((e) => e.fullUrl)), plan.hidden.map((e) => e.resource), this.disclose);
  }

  /** The records a share of `plan` is made from (the chosen items' shared or hidden): a record supplying none of them is not drawn from. */
  drawnFrom(plan: SharePlan): OpenedRecord[] {
    return supplying(this.from(), [...plan.entries, ...plan.hidden].map((e) => e.fullUrl!));
  }

  /** The name of the patient an offered item is about, when the items offered are about more than one. */
  patientOf(url: string): string | undefined {
    return this.whose.get(url);
  }

  /**
   * The patients `entries` hold that a share is about, by name, and whether every one of them is
   * the user (`me`): their Patient names the user's key, or, naming no key, is a person (not an
   * animal) in a record about the user.
   */
  subjects(entries: readonly BundleEntry[], me: string | undefined): { names: string[]; yours: boolean } {
    const records = this.from();
    const names: string[] = [];
    let yours = true;
    for (const e of entries) {
      const record = records.find((r) => patientEntryOf(r.bundle)?.fullUrl === e.fullUrl);
      if (!record) continue;
      const key = nostrPubkeyOf(e.resource);
      const mine = !!me && (key ? key === me : subjectKey(record, me) === me && !animalOf(e.resource));
      yours &&= mine;
      const name = humanName((e.resource as { name?: unknown }).name);
      if (name && !names.includes(name)) names.push(name);
    }
    return { names, yours };
  }

  /**
   * The resource `ref` points to, in the records offered or held inside `from`: a medication order
   * naming its drug only by reference is labelled with that drug, so the patient can find it to hide.
   */
  resolve(ref: { reference?: string }, from: FhirResource): FhirResource | undefined {
    const records = this.from();
    if (this.references?.from !== records) {
      this.references = { from: records, index: new ReferenceIndex({ resourceType: 'Bundle', type: 'collection', entry: records.flatMap((r) => r.bundle.entry ?? []) }) };
    }
    return this.references.index.resolve(ref, from);
  }

  /** True for the Patient the records are about, which a share always carries and never hides. */
  isSubject(url: string): boolean {
    return isSubjectPatient(this.from(), url);
  }

  toggleHidden(url: string): void {
    if (!this.hidden.has(url) && this.isSubject(url)) return;
    if (this.hidden.has(url)) {
      this.hidden.delete(url);
      this.included.add(url);
      if (this.hiddenBefore.has(url)) this.unhidden.add(url);
    } else {
      this.hidden.add(url);
      this.included.delete(url);
      this.unhidden.delete(url);
    }
    this.changed([url]);
  }

  /** Every item of one kind in or out (hidden ones stay hidden when all are shared). */
  setGroup(list: readonly BundleEntry[], on: boolean): void {
    for (const e of list) {
      if (on && !this.hidden.has(e.fullUrl!)) this.included.add(e.fullUrl!);
      if (!on) this.included.delete(e.fullUrl!);
    }
    this.changed(list.map((e) => e.fullUrl!));
  }

  /** Every item of one kind hidden with the flag, or all shown again. */
  setGroupHidden(list: readonly BundleEntry[], hide: boolean): void {
    for (const e of list) {
      const url = e.fullUrl!;
      if (hide === this.hidden.has(url)) continue;
      this.toggleHidden(url);
    }
    this.changed(list.map((e) => e.fullUrl!));
  }

  setDisclose(d: Disclosure): void {
    this.disclose = d;
    this.changed([]);
  }

  /** Hides the shared items that still name a hidden one, as the preview offers. */
  hideMentions(): void {
    for (const { entry } of this.plan().mentions) {
      if (this.isSubject(entry.fullUrl!)) continue;
      this.included.delete(entry.fullUrl!);
      this.hidden.add(entry.fullUrl!);
      this.unhidden.delete(entry.fullUrl!);
    }
    this.changed();
  }

  /** The share as chosen; worked out again only when the choice changes (the mentions search reads every item). */
  plan(): SharePlan {
    const from = this.from();
    if (this.cache?.version === this.version && this.cache.from === from) return this.cache.plan;
    // Only what the records still supply: a share to the user that ended since the items were
    // offered takes its items away (the prompt then says so), and withholding one would throw.
    const supplied = new Set<string>();
    for (const [, e] of suppliedEntries(from)) supplied.add(e.fullUrl ?? '');
    const has = (url: string) => supplied.has(url);
    const plan =
      from.length === 0
        ? { entries: [], hidden: [], mentions: [], mentionsChecked: true }
        : planShare({ from, include: [...this.included, ...this.hidden].filter(has), withhold: [...this.hidden].filter(has) });
    this.cache = { version: this.version, from, plan };
    return plan;
  }

  /**
   * Items the plan would share that were hidden from this recipient before and that the patient
   * did not unhide here. Always empty by construction; checked again before anything is signed.
   */
  reshared(): BundleEntry[] {
    return this.plan().entries.filter((e) => this.hiddenBefore.has(e.fullUrl!) && !this.unhidden.has(e.fullUrl!));
  }

  /** The choice changed: of the items `urls` only (their kinds drawn again), or of any (every kind). */
  private changed(urls?: readonly string[]): void {
    this.version++;
    if (!urls) this.epoch++;
    else for (const type of new Set(urls.map((u) => this.typeOf.get(u) ?? ''))) this.kindVersions.set(type, this.kindVersion(type) + 1);
    this.host.requestUpdate();
  }
}

/** Each offered item's patient by name (see `ConsentPlan.patientOf`), or none when they are all about one. */
function patientNames(records: readonly OpenedRecord[], offered: readonly BundleEntry[]): Map<string, string> {
  const wanted = new Set(offered.map((e) => e.fullUrl!));
  const names = new Map<string, string>();
  const patients = new Map(records.map((r) => {
    const patient = patientEntryOf(r.bundle);
    return [r, { patient, name: humanName((patient?.resource as { name?: unknown } | undefined)?.name) }];
  }));
  for (const [r, e] of suppliedEntries(records)) {
    const { patient, name } = patients.get(r)!;
    // The patient's own item is named already.
    if (name && wanted.has(e.fullUrl ?? '') && e !== patient) names.set(e.fullUrl!, name);
  }
  return new Set(names.values()).size > 1 ? names : new Map();
}
