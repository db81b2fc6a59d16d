import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import { DELETED_BY_OWNER_MESSAGE, RecordError } from '../core/errors.js';
import { isEventTime } from '../core/events.js';
import { ReferenceIndex, readingBundle } from '../core/fhir/bundle.js';
import { SLICE_MS, atOnce, inSlices, yieldToMain } from '../core/slices.js';
import type { FhirBundle } from '../core/fhir/types.js';
import type { Withheld } from '../core/fhir/withheld.js';
import { verifyingAttestations, type ItemProvenance, type ProvenanceReport } from '../core/attest/verify.js';
import { animalOf, nostrPubkeyOf, patientOf } from '../core/fhir/patient.js';
import type { OpenedRecord } from '../core/nip82/record.js';
import { addressIn, addressesIn, answered, type DeclineScope, type QueryReport, type SignInFailure } from '../core/relay/client.js';
import type { Signer } from '../core/signers/signer.js';
import type { OpenFailure, StoreChange, TakenBack } from '../core/store/record-store.js';
import { readerTerms, shareCopyOf, type GrantToReader } from '../core/store/share-copies.js';
import type { BundleEntry } from '../core/fhir/types.js';
import { Nip82Element } from '../shared/base.js';
import { ariaLevel } from '../shared/heading-level.js';
import { emit } from '../shared/events.js';
import { focusDropped } from '../shared/focus.js';
import { isolate, personName, shortNpub } from '../shared/identity.js';
import { withBdi } from '../shared/bdi.js';
import { namesLookedUp, withProfileNames, type ProfileName } from '../shared/profiles.js';
import { dayText, untilText } from '../shared/dates.js';
import { checkChoice, languageOf, localeOf, resolveStrings } from '../shared/strings.js';
import { signerStateText } from '../shared/state-strings.js';
import { signerCannot } from '../shared/error-details.js';
import { tokens } from '../shared/styles.js';
import { formatCount, formatDate, formatSeconds, nameOf } from './fhir-format.js';
import { listText } from '../shared/lists.js';
import { SECTION_ORDER, describingAll, folded, isSummarized, queryWords, summarizing, type Item, type SectionKey, type Summary } from './fhir-summary.js';
import { factLabel, factValue, sectionLabel } from './item-words.js';
import { narrative, narrativeSanitizer } from './narrative.js';
import { OnDemand } from './on-demand.js';
import { RenderBudget } from '../shared/render-budget.js';
import { recordViewerStyles } from './record-viewer.styles.js';
import { recordViewerClinicianStrings, recordViewerStrings, type RecordViewerStrings } from './record-viewer.strings.js';
// A type only: the flag registers through this element's define module, never through its class.
import type { HiddenFlagStrings } from '../hidden-flag/define.js';

/**
 * The nested flag's parts (its own @csspart list), exported as `flag-<part>`, so that a host can
 * style the flag inside the viewer, which its shadow root would otherwise hide from the page.
 */
const FLAG_EXPORTPARTS = ['base', 'icon', 'title', 'kinds', 'explanation'].map((part) => `${part}:flag-${part}`).join(', ');

/** A record's Bundle without the entries another record shows: each entry's newest copy is shown, once (`newest` says whose it is). */
function withoutSeen(record: OpenedRecord, seen: Set<string>, newest: Map<string, OpenedRecord>): FhirBundle {
  const entries = record.bundle.entry ?? [];
  const kept: BundleEntry[] = [];
  for (const entry of entries) {
    const url = entry.fullUrl;
    if (url && (seen.has(url) || newest.get(url) !== record)) continue;
    if (url) seen.add(url);
    kept.push(entry);
  }
  return kept.length === entries.length ? record.bundle : { ...record.bundle, entry: kept };
}

/** One record (or handed-in Bundle) as shown. */
interface View {
  key: string;
  record?: OpenedRecord;
  bundle: FhirBundle;
  summary: Summary;
  withheld?: Withheld;
  /** Who attested each entry (by `fullUrl`), and whether it is unchanged since. */
  provenance: ProvenanceReport;
  /** The patient (or an animal's owner): items they signed themselves are left out by `signedOnly`. */
  subject?: string;
  /** An animal's record: its owner, not the patient, withheld items and signed their own. */
  animal: boolean;
  /** Short npubs of the record's signers, encoded once: every item of a large record names one of a few. */
  npubs?: Map<string, string>;
  /** Whom the record is about: its heading names them, and, where items of several show together, each item. */
  patients: Patients;
}

/** A record's Patients: their names (each once, in the Bundle's order), and where its items' references lead to them. */
interface Patients {
  names: string[];
  index: ReferenceIndex;
}

/** A view's sections after the search and the section filters. */
interface FilteredView {
  view: View;
  sections: [SectionKey, Item[]][];
  count: number;
}

interface TimelineEntry {
  view: View;
  item: Item;
}

/** 'taken-back': the record shown by address had its access taken back since; the status line says so, and nothing is offered to open it again. */
type Outcome = 'opened' | 'none-found' | 'not-found' | 'taken-back';

/**
 * What is shown, before it is read and described: a Bundle handed in (parsed when it came as
 * text), records handed in, or records unlocked; `entries` counts their entries.
 */
type Source =
  | { kind: 'bundle'; value: unknown; entries: number }
  | { kind: 'records' | 'unlocked'; records: readonly OpenedRecord[]; entries: number };

/** Views described, with what the toolbar and the timeline need of all of them. */
interface Prepared {
  views: View[];
  sectionTotals: [SectionKey, number][];
  itemTotal: number;
  datedAll: TimelineEntry[];
}

/**
 * New items the first render may create: about half a screenful, so that a record shows at once
 * (the first render is the costliest per item: the toolbar, every template made for the first time,
 * the first layout of each typeface). Each render after it creates as many as fit in about
 * RENDER_MS, the rest following a task apart, so that a search, a filter or a first render of
 * thousands of items never holds the main thread long. Items differ: one with a text attachment
 * costs several plain ones, so that no render becomes long when the next items are the costly
 * kind, a render stays well under the 50 ms of a long task, and creates at most
 * MOST_ITEMS_PER_RENDER.
 */
const FIRST_ITEMS = 8;
const RENDER_MS = 10;
const MOST_ITEMS_PER_RENDER = 64;

/**
 * Bundles or records this large say that they are being prepared while they are read and
 * described; smaller ones are read and described in slices too (with their first render and its
 * layout, describing even a hundred resources at once would make a long task), without a word.
 */
const ANNOUNCED_FROM_ENTRIES = 500;

/**
 * Items a render creates for a printout, where the reader waits for all of them: each render of
 * a large record costs more the more items it already shows, so the machine's pace (a few dozen
 * items a render) would take minutes for 10,000; this many a render keeps the renders to tens of
 * milliseconds, and the whole in seconds. A print started from the browser's menu cannot wait: it
 * shows every item at once when no more than this many are left out, else each section says on
 * paper how many are, and that the Print button prints them.
 */
const PRINT_ITEMS_PER_RENDER = 500;

/**
 * How long after the last key typed in the search (or the last list or view chosen) the count is
 * spoken: a reader typing "penic" hears one count, not one per letter.
 */
const COUNT_SAID_AFTER_MS = 700;

/**
 * Parts a record's first view does not use, fetched the first time they are needed: the extras
 * (the notices of a load that did not go as planned, lens tables, attachments, the download of a
 * record), and the search by the reader's words (or while the page is idle once a record shows).
 */
const extras = new OnDemand(() => import('./record-extras.js').then((m) => m.recordExtras));
type RecordExtras = NonNullable<typeof extras.value>;
const search = new OnDemand(() => import('./record-search.js').then((m) => m.recordSearch));

/**
 * The hidden-item flag's definition, which few records need: fetched the first time a record with
 * withheld items is described, and that record shows once it is here, with its flag. define.ts
 * names it (importing the class registers nothing).
 */
export const hiddenFlag: { part?: OnDemand<unknown> } = {};

/**
 * Finds, unlocks and shows NIP-82 medical records: every record shared with the signed-in user,
 * one record by `naddr`, a FHIR Bundle handed in, or records already opened. Unlocking waits for
 * the user's click. Shows a FHIR R4 summary by section (allergies, conditions, medications,
 * vaccinations, test results, vital signs, procedures, visits, documents, glasses prescriptions,
 * the patient, anything else), named in the patient's words or, with `audience="clinician"`, in
 * the clinician's (the kit's one vocabulary), what is still current first (the resolved, inactive
 * or stopped after, under their own heading), a timeline, search and section filters, sanitised narratives,
 * who wrote each record and who signed each item (unchanged since, or changed; a filter keeps
 * only items signed by someone other than the patient), missing parts, items entered in error and
 * the hidden-item flag (on the timeline too); prints and exports the FHIR JSON. Several patients'
 * records are kept together by patient, each patient's starting a new printed page, and two
 * patients of one name are told apart by their birth dates. Stays quick with thousands of items:
 * each Bundle is summarised once and sections render a page at a time.
 *
 * @summary Unlocks and shows FHIR medical records from NIP-82.
 * @tag nip82-record-viewer
 * @status experimental
 *
 * @fires nip82-signer-request - Cancelable, before the signer is asked anything: to unlock (detail `{ action: 'unlock', source, records? }`), or, before Download or Print when the session wants the account checked again (the page got the focus back since the last action), which account it uses (`{ action: 'connect', source }`).
 * @fires nip82-record-open - Records were unlocked and shown, by this viewer or by another element of its session (once per record); detail `{ records: [{ signPubkey, naddrs, role, parts }] }` (ids only).
 * @fires nip82-record-export - Records left the screen: a copy of one downloaded, or every record shown printed (from Print or the browser's menu); detail `{ how: 'download' | 'print', records: [{ signPubkey, naddrs }] }` (ids only; a Bundle handed in has no entry).
 * @fires nip82-error - Unlocking failed, or a handed-in Bundle is unreadable, or `records` holds what is no opened record (code `invalid-input`), or an entry of `relays` is no ws:// or wss:// address (code `invalid-url`, once per list given); detail `{ code, message, action? }`. Code `relay-unavailable` when no storage server answered, `auth-required` when none let the search through because the user was not signed in where asked (they said no, or the sign-in did not go through).
 *
 * @csspart base - The element's wrapper.
 * @csspart status - The live status line.
 * @csspart share-ended - On a record shared with the reader whose end date has passed: that it ended.
 * @csspart share-until - On a record shared with the reader: the last day of access.
 * @csspart toolbar - Search, view switch, narrative toggle, print.
 * @csspart record - One record.
 * @csspart provenance - Who wrote a record, whether verified, when, and the reader's access.
 * @csspart section - One section of a record's summary.
 * @csspart timeline - The timeline list.
 * @csspart undated - The line under the timeline saying how many items it cannot place (no date).
 * @csspart item - One resource.
 * @csspart item-provenance - Who signed an item and whether it is unchanged since, or who added it.
 * @csspart narrative - A resource's sanitised narrative.
 * @csspart flag-base - The hidden-item flag's note (the nested `<nip82-hidden-flag>`'s `base`).
 * @csspart flag-icon - The hidden-item flag's icon (its `icon`).
 * @csspart flag-title - The hidden-item flag's title (its `title`).
 * @csspart flag-kinds - The hidden-item flag's kinds, when disclosed (its `kinds`).
 * @csspart flag-explanation - The hidden-item flag's explanation (its `explanation`).
 * @csspart button - Every button.
 * @csspart button-primary - The unlock button, beside `button`.
 * @csspart input - The search field.
 *
 * @cssproperty --nip82-record-viewer-section-gap - Space between sections.
 * @cssproperty --nip82-record-viewer-item-gap - Space between items.
 * @cssproperty --nip82-record-viewer-item-padding - Padding of an item.
 * @cssproperty --nip82-record-viewer-item-background - Background of an item.
 * @cssproperty --nip82-record-viewer-item-border - Border shorthand of an item.
 * @cssproperty --nip82-record-viewer-record-background - Background of a record.
 * @cssproperty --nip82-record-viewer-narrative-background - Background of narratives and document text.
 * @cssproperty --nip82-record-viewer-entered-in-error-color - Text colour of items entered in error.
 */
export class Nip82RecordViewer extends Nip82Element {
  static override styles = [tokens, recordViewerStyles];

  /** One record to unlock, by its NIP-19 address (`naddr1…`); without it, every record shared with the user. */
  @property() naddr?: string;

  /**
   * A FHIR Bundle to show as is (object or JSON text): no relay, no signer, no unlocking. Handed in
   * while someone is signed in, it is theirs: set back to undefined when they sign out or another
   * account signs in, as `records` is.
   */
  @property({ attribute: false }) bundle?: unknown;

  /**
   * Records already opened (e.g. by the host with `openRecord`), shown without unlocking. Set back
   * to undefined when the person signed in as they were handed in leaves: a sign-out, another
   * account or another signer.
   * Anything but an array of opened records is taken off the element, with `nip82-error` `invalid-input`.
   */
  @property({ attribute: false }) records?: OpenedRecord[];

  protected override get handedInProperties(): readonly (keyof this)[] {
    return ['records', 'bundle'];
  }

  /**
   * The outline level of the element's first headings (1–6), to fit the page's own: a page whose
   * section heading is an `h2` sets 3. Unset, they keep their tags' levels (each record an `h2`, its sections `h3`).
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;

  /** `summary` (by section) or `timeline` (dated items, newest first). */
  @property({ reflect: true }) mode: 'summary' | 'timeline' = 'summary';

  /** Hide items entered in error instead of showing them struck through. */
  @property({ type: Boolean, attribute: 'hide-entered-in-error' }) hideEnteredInError = false;

  /** Items rendered per section before "Show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /**
   * Who reads: `patient` (the default: a patient portal) names sections and kinds in the words the
   * consent prompt uses ("Conditions", "Vaccinations"), and the records are the reader's own ("Unlock
   * my records"); `clinician` in the words of the hidden-item flag ("Problems", "Immunizations"), for
   * a clinic's screen, where the records are those patients shared with the reader ("Unlock the
   * records shared with you").
   */
  @property() audience: 'patient' | 'clinician' = 'patient';

  /** Overrides for the built-in strings. */
  @property({ attribute: false }) strings?: Partial<RecordViewerStrings>;

  /**
   * Overrides for the strings of the hidden-item flag the viewer shows (the keys of
   * `<nip82-hidden-flag>`'s `.strings`), handed to it as they are: built-ins in the flag's language
   * fill in the rest. On an animal's record the flag speaks of the owner (its `…Owner` strings).
   */
  @property({ attribute: false }) flagStrings?: Partial<HiddenFlagStrings>;

  /**
   * Names the host knows for public keys (hex → name), e.g. from its own directory of clinics:
   * shown alone for whoever signed an item (the host vouches for them). A key this does not name
   * takes the enclosing session's `knownNames`, and an entry here wins over the session's for the
   * same key. Without either, the viewer
   * shows a profile name only for signers listed on the record, always beside their short npub (a
   * profile name is self-chosen and not unique), else the short npub alone (asking relays about
   * anyone else would tell them whose records this reader holds). A name here does not change what
   * `signedOnly` keeps.
   */
  @property({ attribute: false }) knownNames?: Record<string, string>;

  /**
   * Show only items whose signature holds and whose signer is someone other than the patient: not
   * the record's subject (the patient, or a pet's owner) and, on a record that names no subject, not
   * its author or the Bundle's own signer either. Whether a signer is a clinician the viewer cannot
   * tell, and its label says so ("Only items signed by someone other than the patient", or "…the
   * owner" when every record shown is an animal's).
   */
  @property({ type: Boolean, attribute: 'signed-only' }) signedOnly = false;

  @state() private unlocked: OpenedRecord[] = [];
  /** The copies of what the user shared that the last unlock opened too: each cost a prompt, so the outcome counts them. */
  private sharedOpened = 0;
  /** Authors' profile names, looked up once records are shown (a courtesy: the npub is always shown). */
  @state() private names = new Map<string, ProfileName>();
  @state() private failures: readonly OpenFailure[] = [];
  /** Records the reader had open whose access was taken back since: said, as they are shown no longer. */
  @state() private takenBack: readonly TakenBack[] = [];
  /** Records the reader had open that their owners deleted or moved away since (all records shown, not one by address: that one says it as a failure). */
  @state() private deleted: readonly TakenBack[] = [];
  /**
   * Records shown whose content their author signed again while shown (a correction), by sign key:
   * when that version was signed. Said on the record, so what was read before is not taken for what it says now.
   */
  @state() private changedWhileOpen: ReadonlyMap<string, number> = new Map();
  /** The user's records the last load left unopened, to spare the signer (a later load opens them). */
  @state() private unopened = 0;
  /** Names among the records shown that stand for more than one person or pet (see {@link apart}). */
  private sharedNames = new Set<string>();
  /** Per patient and shared name, the birth date that tells them apart (see {@link apart}): worked out once per records shown, not per item drawn. */
  private bornApart = { views: [] as readonly View[], dates: new Map<string, string | undefined>() };
  /** Whether the last load stopped before the user's oldest records (a later load looks further back). */
  @state() private older = false;
  @state() private reports: QueryReport[] = [];
  @state() private progress?: { done: number; total: number };
  /**
   * The sign-ins of the load this viewer asked for: while one waits for the user at their signer
   * (up to two minutes), the status line says so and "Stop waiting" passes that server over.
   */
  private signIns?: DeclineScope;
  @state() private outcome?: Outcome;
  @state() private query = '';
  @state() private hiddenSections: ReadonlySet<SectionKey> = new Set();
  @state() private narratives = false;
  /** Download was pressed and its part could not be fetched: said until the next press, or another reader. */
  @state() private downloadLost = false;
  /**
   * "Try again" was pressed and the lost parts are on their way: what they were for is unsaid until
   * they fail again, so that the same words, back, are heard again (a screen reader says nothing of
   * a text that did not change) and the reader learns the press did something.
   */
  @state() private partsRetrying = false;
  @state() private limits: ReadonlyMap<string, number> = new Map();
  /** Every item that matches is shown, for a printout: no section stops at a page. */
  @state() private printing = false;
  /** Between the browser's `beforeprint` and `afterprint` in timeline mode: on paper it goes patient by patient. */
  @state() private onPaper = false;

  private views: View[] = [];
  private sectionTotals: [SectionKey, number][] = [];
  /** The kinds the filters offer, counted as the sections' headings count (see {@link applyFilters}). */
  private kindTotals: [SectionKey, number][] = [];
  private itemTotal = 0;
  private filtered: FilteredView[] = [];
  private timeline: TimelineEntry[] = [];
  private datedAll: TimelineEntry[] = [];
  private matching = 0;
  /**
   * The view the host set, once the reader changed it in the toolbar: how the last reader chose to
   * read their records says something about them, and hides items from the next one (a sign-out
   * puts it back).
   */
  private hostView?: HostView;
  /** The search has not looked at every item yet (see SEARCH_MS): its count may still grow. */
  private searchUnfinished = false;
  /** Whether the count is spoken: from a moment after the reader last narrowed or changed the list (see {@link sayCountSoon}). */
  @state() private countSaid = false;
  private countTimer?: ReturnType<typeof setTimeout>;
  private unlockedWith?: Signer;
  /** The unlock under way: the signer it began with and the address pressed for (see {@link storeChanged}). */
  private pressed?: { signer: Signer | undefined; naddr: string | undefined };
  /**
   * Records the host was told of (`nip82-record-open`), by sign key: records another element of the
   * session unlocked are announced once they show here, and a new version of one is not news.
   */
  private announced = new Set<string>();
  /** Records to announce once the update that shows them is done (not from inside it). */
  private toAnnounce?: readonly OpenedRecord[];
  /** Each record's grant to the reader, once read (whether it has ended is told at each render). */
  private readonly grants = new WeakMap<OpenedRecord, ReturnType<typeof readerTerms>>();
  /** The next end of a share shown, and the timer that shows it ended then; none while disconnected. */
  private endTimer?: { at: number; id: ReturnType<typeof setTimeout> };
  /** A timer dropped at a disconnect: a render at the reconnection says what ended meanwhile. */
  private endMissed = false;
  private budget = new RenderBudget(FIRST_ITEMS, RENDER_MS, MOST_ITEMS_PER_RENDER);
  private stringsMemo?: { table: RecordViewerStrings; overrides?: Partial<RecordViewerStrings>; value: RecordViewerStrings };
  /** Whether the last render left items for the next one. */
  private unfinished = false;
  /** Settles when the next of those renders has been asked for. */
  private filling?: Promise<void>;
  /** The Bundle or records waiting to be read and described in slices (then shown). */
  private toPrepare?: Source;
  /** Whether what is shown is still being described: unlocked records are then not yet shown, yet no longer locked. */
  private awaitingViews = false;
  /** Object URLs of exported copies not yet revoked: each holds a whole record until then. */
  private readonly exports = new Set<string>();
  /** Changes at a sign-out (or another reader): a download pressed before then no longer happens. */
  private exportsAllowed = {};
  /** What the last render showed of each section (by its limit key), and of the timeline. */
  private shownItems = new Map<string, Item[]>();
  private shownTimeline: TimelineEntry[] = [];
  /** How many items the last render showed, of those that match. */
  private rendered = 0;
  /** The next render creates every item due at once. */
  private unbounded = false;
  /** The Print button's request, while its items are being rendered (a sign-out drops it). */
  private printAsked?: object;
  /** While the Print button's own dialog is open: its `beforeprint` was told already. */
  private ownPrint = false;

  /**
   * Unlocking, from the user's click: a new unlock, a sign-out, another user or another store
   * aborts the one in progress, and nothing of it reaches the screen.
   */
  private readonly unlocking = new Task(this, {
    autoRun: false,
    task: ([naddr]: readonly [string | undefined], { signal }) => this.unlock(naddr, signal),
  });

  /**
   * The Bundle or records handed in or unlocked, read and described in slices before they are
   * shown (a record described before is shown at once); whatever
   * is handed in or unlocked next aborts the work in progress, which then shows nothing.
   */
  private readonly describing = new Task(this, {
    args: () => [this.toPrepare] as const,
    task: async ([source], { signal }) => {
      if (!source) return undefined;
      // From a task of its own: the one that handed the source in has done enough.
      await yieldToMain();
      const prepared = await inSlices(preparing(source), SLICE_MS, signal);
      if (prepared.views.some((view) => view.withheld)) await hiddenFlag.part?.load();
      // And the first render from another: it is the costliest task of all.
      await yieldToMain();
      signal.throwIfAborted();
      return { source, prepared };
    },
    onComplete: (done) => {
      if (!done) return;
      this.awaitingViews = false;
      this.show(done.source, done.prepared);
      this.applyFilters();
    },
    onError: (error) => {
      if (isAbort(error)) return;
      // What describing it at once would have shown.
      this.toPrepare = undefined;
      this.awaitingViews = false;
      this.fail(error);
    },
  });

  /**
   * Every item of what is shown, described in full and worded as shown (for the search) in slices
   * once its first screen is up (an item is described when first shown or searched; this does the
   * rest while the page is idle), so that the first search finds everything at once. What is shown
   * next aborts it.
   */
  private readonly completing = new Task(this, {
    args: () => [this.views] as const,
    task: async ([views], { signal }) => {
      if (!views.length) return;
      await whenIdle();
      for (const view of views) await inSlices(describingAll(view.summary.items), SLICE_MS, signal, whenIdle);
      // A lens table or an attachment further down is fetched now, not once printed: a print from the
      // browser's menu is laid out at once (onBeforePrint), with no time to fetch it.
      if (views.some((view) => view.summary.items.some(needsExtras))) extras.now(() => this.requestUpdate());
      const { wording } = await search.load();
      const [s, lang] = [this.s, localeOf(this)];
      for (const view of views) await inSlices(wording(view.summary.items, s, lang), SLICE_MS, signal, whenIdle);
    },
  });

  /**
   * The rest of a search that ran out of its time (SEARCH_MS): the items it could not word yet are
   * worded a slice at a time, then the search runs again over all of them. What is shown next, or
   * another search, aborts it.
   */
  private readonly searching = new Task(this, {
    autoRun: false,
    // The items are read when it starts, not passed as its arguments: a task keeps its last
    // arguments, and the records shown must not outlive a sign-out there.
    task: async ([s, lang]: readonly [RecordViewerStrings, string], { signal }) => {
      const views = this.views;
      // Once the search is here, from a task of its own: the search that started it has spent its time.
      const { wording } = await search.load();
      await yieldToMain();
      for (const view of views) await inSlices(wording(view.summary.items, s, lang), SLICE_MS, signal);
      signal.throwIfAborted();
      if (this.views !== views) return;
      this.applyFilters();
      this.requestUpdate();
    },
  });

  /**
   * Authors' profile names, looked up once records are shown (a courtesy: the npub is always
   * shown); records shown next abort a lookup in progress, whose names are then not used.
   */
  private readonly authors = new Task(this, {
    args: () => [this.views] as const,
    task: async ([views], { signal }) => {
      const authors = listedAuthors(views);
      if (!authors.length || !this.activeRelays.length) return undefined;
      const store = this.currentStore;
      // Kept with the store for its reader: a viewer built anew (a route shown again) names them at once.
      const names = await withProfileNames(this.passiveRelayClient(), this.names, authors, store && namesLookedUp(store));
      signal.throwIfAborted();
      return names;
    },
    onComplete: (names) => {
      if (names) this.names = names;
    },
  });

  /** Whether anything is shown without unlocking. */
  private get handedIn(): boolean {
    return !!this.records?.length || this.bundle !== undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed as PropertyValues<this>);
    checkChoice(this, 'mode', this.mode, ['summary', 'timeline']);
    checkChoice(this, 'audience', this.audience, ['patient', 'clinician']);
    // Another user (or none) now: what the last one unlocked must not stay on screen.
    if (this.unlocked.length && this.activeSigner !== this.unlockedWith) this.forgetUnlocked();
    // Another address, or one given or taken away once something was shown: what was unlocked (and
    // an unlock still under way, which would land under the new address) goes.
    if (changed.has('naddr') && this.hasUpdated && (changed.get('naddr') as string | undefined ?? '').trim() !== (this.naddr ?? '').trim()) this.forgetUnlocked();
    if (!this.unlocked.length && this.outcome === undefined) this.showStore();

    // A Bundle handed in (again) is read again: the host may have changed it in between.
    const sourcesChanged = changed.has('records') || changed.has('bundle') || changed.has('unlocked');
    if (sourcesChanged) this.prepare();
    if (sourcesChanged || changed.has('query') || changed.has('hiddenSections') || changed.has('hideEnteredInError') || changed.has('signedOnly')) this.applyFilters();
  }

  // One budget per render: render() takes from it the items it shows (takeShown).
  protected override update(changed: PropertyValues): void {
    const focused = this.shadowRoot?.activeElement;
    // A section's items may be in two lists (current, then past): counted across both.
    const moreIn = focused?.matches('button.more') ? focused.parentElement : undefined;
    const listed = () => moreIn!.querySelectorAll<HTMLElement>(':scope > .items > *');
    const shownBefore = moreIn ? listed().length : 0;
    this.budget.begin(this.unbounded ? Infinity : this.printing ? PRINT_ITEMS_PER_RENDER : 0);
    this.unbounded = false;
    super.update(changed);
    this.unfinished = this.budget.end();
    if (!focusDropped(focused, this)) return;
    // "Show more" goes when it shows the last of a list: the keyboard goes on from the first item it
    // brought, where the user would have read next.
    if (moreIn) {
      const all = listed();
      const first = all[shownBefore] ?? all[all.length - 1];
      first?.setAttribute('tabindex', '-1');
      first?.focus();
      return;
    }
    // "Try again" once the search it fetched ran: the reader goes on in the search box.
    if (focused.matches('button.retry-part') && queryWords(this.query).length) {
      this.renderRoot.querySelector<HTMLElement>('#search')?.focus();
      return;
    }
    // Any other control that went with a render: the unlock button once the records it opened are
    // shown, "Open more records" as it starts, "Stop waiting" once pressed, or Download, Print or
    // the search box when the records closed under them (a sign-out, another account). A keyboard
    // user lands on the first record's heading, else on the unlock button, not on the page's body.
    (this.renderRoot.querySelector<HTMLElement>('article[part=record] h2') ?? this.renderRoot.querySelector<HTMLElement>('button.unlock'))?.focus();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.toAnnounce) {
      const records = this.toAnnounce;
      this.toAnnounce = undefined;
      if (records === this.unlocked) this.announce(records);
    }
    if (!this.unfinished || this.filling) return;
    // A task apart, so that input and painting come in between.
    this.filling = new Promise((resolve) =>
      setTimeout(() => {
        this.filling = undefined;
        this.requestUpdate();
        resolve();
      }, 0),
    );
  }

  /** Settles once every item that is due is shown, not only the first of them. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    // Each is a promise while under way, else undefined.
    for (let pending; (pending = this.filling ?? this.preparing ?? this.searchingRest ?? extras.arriving); ) {
      await pending;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** Settles (never rejects) once a search that ran out of its time has looked at every item, or stopped. */
  private get searchingRest(): Promise<void> | undefined {
    return whilePending(this.searching);
  }

  /** Settles (never rejects) once the large Bundle or records being described are shown, or given up. */
  private get preparing(): Promise<void> | undefined {
    return whilePending(this.describing);
  }

  /**
   * Shows the store's records once it has them, whoever loaded them (this viewer or another
   * element of the session): the signer is not asked again. Without an `naddr`, the records the
   * user holds, not the copies they made to share.
   */
  private showStore(): void {
    const store = this.currentStore;
    if (!store?.loaded || this.naddr?.trim() || this.handedIn) return;
    this.unlockedWith = this.activeSigner;
    this.showRecords(store.held);
    // The authors' names already looked up for this reader are shown at once, not asked again.
    this.names = new Map([...namesLookedUp(store), ...this.names]);
    this.failures = store.failures;
    this.takenBack = store.takenBack;
    this.deleted = store.deletedByOwner;
    this.unopened = store.unopenedRecords;
    this.older = store.olderRecordsUnchecked;
    this.reports = [...store.reports];
    this.outcome = this.unlocked.length ? 'opened' : 'none-found';
    // A load of this viewer's own announces what it opened when it ends (unlock).
    if (this.status === 'waiting-signer' || this.status === 'working') return;
    this.setStatus('done', '');
    if (this.unlocked.some((r) => !this.announced.has(r.signPubkey))) this.toAnnounce = this.unlocked;
  }

  /** Tells the host which records were opened and are shown (ids only). */
  private announce(records: readonly OpenedRecord[]): void {
    // Once per record: a load again (here or by another element) tells only of records not told before.
    records = records.filter((r) => !this.announced.has(r.signPubkey));
    if (!records.length) return;
    for (const r of records) this.announced.add(r.signPubkey);
    emit(this, 'nip82-record-open', {
      records: records.map((r) => ({ signPubkey: r.signPubkey, naddrs: [...r.naddrs], role: r.role, parts: { ...r.parts } })),
    });
  }

  protected override storeChanged(change: StoreChange | 'replaced'): void {
    if (change === 'replaced' || change === 'cleared' || change === 'reader') {
      // Pressed while the session was still signing its user in: the store the press began in gives
      // way to the session's, for the same signer, and the press carries on there instead of being lost.
      const pressed = this.pressed;
      const carryOn = change === 'replaced' && this.unlocking.status === TaskStatus.PENDING && !this.unlocked.length && !!pressed?.signer && pressed.signer === this.activeSigner;
      this.forgetUnlocked();
      if (carryOn) void this.unlocking.run([pressed.naddr]);
    }
    else if (change === 'progress') {
      const store = this.currentStore;
      this.progress = store?.progress;
      this.followLoad();
    }
    else if (change === 'records') {
      if (this.naddr?.trim()) this.followStore();
      else this.showStore();
    }
  }

  /**
   * A record shown by address follows its new versions in the store (a correction, a revocation of
   * someone else, a move to a new address), and goes from the screen as it goes from the store: its
   * owner took the reader's access back (said, as without an address) or ended it (said as an
   * unlock of a deleted record says it). What the store no longer holds has its keys wiped; showing
   * it still would show what the reader may no longer see.
   */
  private followStore(): void {
    const store = this.currentStore;
    if (!store || !this.unlocked.length) return;
    const now = store.records;
    const found = this.unlocked.map((r) => now.find((n) => n.signPubkey === r.signPubkey) ?? now.find((n) => n.movedFrom.includes(r.signPubkey)));
    const next = found.filter((r): r is OpenedRecord => !!r);
    const gone = new Set(this.unlocked.filter((_, i) => !found[i]).map((r) => r.signPubkey));
    if (gone.size) {
      const said = new Set(this.takenBack.map((t) => t.signPubkey));
      this.takenBack = [...this.takenBack, ...store.takenBack.filter((t) => gone.has(t.signPubkey) && !said.has(t.signPubkey))];
      // Gone, and not taken back: its owner ended it (a deletion).
      const taken = new Set(store.takenBack.map((t) => t.signPubkey));
      const ended = [...gone].filter((k) => !taken.has(k) && !this.failures.some((f) => f.signPubkey === k));
      if (ended.length) this.failures = [...this.failures, ...ended.map((signPubkey): OpenFailure => ({ signPubkey, code: 'deleted', message: DELETED_BY_OWNER_MESSAGE }))];
      if (!next.length && this.outcome === 'opened') {
        // Not "none found" and "Try again" under a note that says why it went.
        this.outcome = ended.length ? 'not-found' : 'taken-back';
        if (ended.length) this.fail(new RecordError('deleted', DELETED_BY_OWNER_MESSAGE));
      }
    }
    // One record each, even when two shown by address meet at the address they moved to.
    this.showRecords([...new Set(next)]);
  }

  /**
   * Shows `records` in place of those shown, noting each whose content its author signed again
   * since it was shown (a change of who has access alone keeps the author's signature).
   */
  private showRecords(records: OpenedRecord[]): void {
    const before = new Map(this.unlocked.map((r) => [r.signPubkey, r]));
    let changed: Map<string, number> | undefined;
    for (const r of records) {
      const was = before.get(r.signPubkey) ?? r.movedFrom.map((k) => before.get(k)).find(Boolean);
      if (was && r.authorSignedAt > was.authorSignedAt) (changed ??= new Map(this.changedWhileOpen)).set(r.signPubkey, r.authorSignedAt);
    }
    if (changed) this.changedWhileOpen = changed;
    this.unlocked = records;
  }

  /**
   * The status of a load this viewer asked for (only that one speaks in its status line): waiting
   * for the signer while it asks the user to sign in to a storage server, else as the store's phase
   * says (searching the servers, or asking the signer).
   */
  private followLoad(): void {
    if (this.status !== 'waiting-signer' && this.status !== 'working') return;
    const phase = this.currentStore?.phase;
    if (this.signIns?.waitingForSigner) this.setStatus('waiting-signer', '');
    else if (phase === 'fetching') this.setStatus('working', '');
    else if (phase) this.setStatus('waiting-signer', '');
    // "Stop waiting" comes and goes with the sign-in, whatever the status.
    this.requestUpdate();
  }

  /** "Stop waiting": the sign-in the signer asks for is asked no more, and the search goes on without that server. */
  private readonly stopWaiting = (): void => {
    this.signIns?.stopAsking();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.endMissed) {
      this.endMissed = false;
      this.requestUpdate();
    }
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    this.printAsked = undefined;
    this.printing = false;
    // No afterprint reaches an element moved while the print dialog is open.
    this.onPaper = false;
    this.revokeExports();
    this.exportsAllowed = {};
    this.endMissed = !!this.endTimer;
    this.stopEndTimer();
    this.stopCountTimer();
  }

  private forgetUnlocked(): void {
    // A copy downloaded just before a sign-out stays reachable by its URL: not the next user's to
    // fetch; one pressed for while its part was on its way is not made.
    this.revokeExports();
    this.stopEndTimer();
    this.exportsAllowed = {};
    this.unlocking.abort();
    this.pressed = undefined;
    this.authors.abort();
    this.completing.abort();
    this.searching.abort();
    this.unlocked = [];
    this.sharedOpened = 0;
    this.announced = new Set();
    this.toAnnounce = undefined;
    this.names = new Map();
    this.sharedNames = new Set();
    this.failures = [];
    this.takenBack = [];
    this.deleted = [];
    this.changedWhileOpen = new Map();
    this.unopened = 0;
    this.older = false;
    this.reports = [];
    this.progress = undefined;
    this.signIns = undefined;
    this.outcome = undefined;
    this.unlockedWith = undefined;
    // What the last reader searched for and chose to see says something about them too.
    this.query = '';
    this.hiddenSections = new Set();
    this.stopCountTimer();
    this.countSaid = false;
    this.narratives = false;
    this.downloadLost = false;
    if (this.hostView) ({ mode: this.mode, signedOnly: this.signedOnly } = this.hostView);
    this.hostView = undefined;
    this.limits = new Map();
    // Made again at the next render that shows records: until then they would hold the last reader's items.
    this.shownItems = new Map();
    this.shownTimeline = [];
    this.printAsked = undefined;
    this.printing = false;
    if (!this.handedIn) this.setStatus('idle', '');
  }

  /** What is shown now: records handed in, else a Bundle handed in, else the records unlocked. */
  private source(): Source {
    if (this.records?.length) return { kind: 'records', records: this.records, entries: entriesOf(this.records) };
    if (this.bundle === undefined) return { kind: 'unlocked', records: this.unlocked, entries: entriesOf(this.unlocked) };
    let value: unknown = this.bundle;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value) as unknown;
      } catch {
        // Left as text: reading it says what is wrong with it.
      }
    }
    const entry = value && typeof value === 'object' ? (value as { entry?: unknown }).entry : undefined;
    return { kind: 'bundle', value, entries: Array.isArray(entry) ? entry.length : 0 };
  }

  /** Shows what is handed in or unlocked: at once when it was described before, else once described in slices. */
  private prepare(): void {
    const source = this.source();
    const known = source.kind !== 'bundle' && source.records.every((r) => isSummarized(r.bundle) && (r.provenance || checked.has(r.bundle)) && (!r.withheld || !hiddenFlag.part || hiddenFlag.part.value));
    if (source.entries > 0 && !known) {
      this.toPrepare = source;
      this.awaitingViews = true;
      this.show(source, { views: [], sectionTotals: [], itemTotal: 0, datedAll: [] });
      if (source.kind === 'bundle' && source.entries >= ANNOUNCED_FROM_ENTRIES) this.setStatus('working', '');
      return;
    }
    this.toPrepare = undefined;
    this.awaitingViews = false;
    try {
      this.show(source, atOnce(preparing(source)));
    } catch (error) {
      this.show({ kind: 'unlocked', records: [], entries: 0 }, { views: [], sectionTotals: [], itemTotal: 0, datedAll: [] });
      this.fail(error);
    }
  }

  private show(source: Source, prepared: Prepared): void {
    ({ views: this.views, sectionTotals: this.sectionTotals, itemTotal: this.itemTotal, datedAll: this.datedAll } = prepared);
    this.sharedNames = sharedNames(prepared.views);
    this.limits = new Map();
    if (prepared.views.length && source.kind !== 'unlocked') this.setStatus('done', '');
  }

  private applyFilters(): void {
    // Items entered in error, once hidden, are no more counted beside their kind than under its heading.
    this.kindTotals = this.hideEnteredInError ? totalsOf(this.views, (item) => !item.enteredInError) : this.sectionTotals;
    const words = queryWords(this.query);
    const s = this.s;
    const lang = localeOf(this);
    const finder = words.length ? search.value?.finder(words, s, lang) : undefined;
    // The search arrives on its first use (once a page, a moment), and `searching` then runs it:
    // meanwhile what is shown stays, its count saying the search is under way; records shown since
    // stay out of sight.
    const arriving = words.length > 0 && !finder;
    if (arriving) {
      if (this.filtered.some((f, i) => f.view !== this.views[i])) [this.filtered, this.matching, this.timeline] = [[], 0, []];
    } else {
      // Where the reader holds several people's or pets' records, "Rex" finds Rex's items.
      const several = finder !== undefined && this.severalPatients();
      // A pet's items are found by its owner's name too, as the reader knows them: a vet looks a pet up by its owner.
      const owners = new Map<View, string>();
      const ownerOf = (view: View): string => {
        let owner = owners.get(view);
        if (owner === undefined) owners.set(view, (owner = view.animal ? ` ${this.ownerName(view)}` : ''));
        return owner;
      };
      // Worded only for an item whose own words lack one of the search's.
      const whose = (item: Item, view: View) => () => folded(this.apart(view, whoseOf(view, item, this.subjectName(view))) + ownerOf(view));
      const keep = (item: Item, view: View) =>
        !this.hiddenSections.has(item.section) && !(this.hideEnteredInError && item.enteredInError) &&
        (!finder || finder.found(item, several ? whose(item, view) : undefined)) &&
        (!this.signedOnly || signedByOthers(view, item));
      // Nothing to leave out (a record as it opens): the lists as they are, not copies of thousands of items.
      const all = words.length === 0 && this.hiddenSections.size === 0 && !this.hideEnteredInError && !this.signedOnly;
      this.matching = 0;
      this.filtered = this.views.map((view) => {
        const sections = all
          ? view.summary.sections.filter(([, items]) => items.length > 0)
          : view.summary.sections
              .map(([key, items]): [SectionKey, Item[]] => [key, items.filter((item) => keep(item, view))])
              .filter(([, items]) => items.length > 0);
        const count = sections.reduce((n, [, items]) => n + items.length, 0);
        this.matching += count;
        return { view, sections, count };
      });
      this.timeline = all ? this.datedAll : this.datedAll.filter((e) => keep(e.item, e.view));
    }
    // Wording an item costs: a search typed before the page worded them all (or in a new language)
    // words what fits in its time, shows what it found, and `searching` finds the rest.
    this.searchUnfinished = arriving || !!finder?.unfinished;
    if (this.searchUnfinished) void this.searching.run([s, lang]);
    else this.searching.abort();
  }

  // -------------------------------------------------------------------------------------------
  // Unlocking

  /** Unlocks the record at `naddr`, else every record shared with the user; shows nothing once `signal` is aborted. */
  private async unlock(naddr: string | undefined, signal: AbortSignal): Promise<void> {
    const s = this.s;
    this.failures = [];
    this.takenBack = [];
    this.deleted = [];
    this.unopened = 0;
    this.older = false;
    this.reports = [];
    this.progress = undefined;
    this.outcome = undefined;
    const signer = this.activeSigner;
    this.pressed = { signer, naddr };
    // The record asked for, as the signer's request names it: the address alone, not the text it came in.
    const address = naddr && addressIn(naddr);
    const result = await this.withSigner('unlock', this.waitingWords(s), async () => {
      const store = this.recordStore();
      // One scope for the unlock's reads, watched: a storage server's sign-in waiting at the signer is said, and can be stopped.
      const scope = store.client.declineScope();
      this.signIns = scope;
      scope.watch(() => {
        if (this.signIns === scope && !signal.aborted) this.followLoad();
      });
      if (naddr) {
        const found = await store.openAddress(naddr, { declined: scope });
        if (signal.aborted) return { ...found, unopened: 0, older: false };
        this.reports = found.reports;
        // An address its owner ended: follow their moved notice, if the new record proves the move.
        const ended = found.records.length === 0 ? found.failures.find((f) => f.code === 'deleted') : undefined;
        const moved = ended ? await store.followMove(ended.signPubkey) : undefined;
        const takenBack = store.takenBack.filter((t) => found.failures.some((f) => f.signPubkey === t.signPubkey));
        return moved ? { records: [moved], failures: [], unopened: 0, older: false } : { ...found, takenBack, unopened: 0, older: false };
      }
      // Still "waiting for your signer" while it is asked who the user is, and while it opens records.
      await store.load({ refresh: store.loaded, declined: scope });
      if (!signal.aborted) this.reports = [...store.reports];
      return { records: store.held, shared: store.records.length - store.held.length, failures: store.failures, takenBack: store.takenBack, deleted: store.deletedByOwner, unopened: store.unopenedRecords, older: store.olderRecordsUnchecked };
    }, address ? { records: [address] } : {}, signal);
    // Aborted, it is a newer unlock's, or gone with the last reader.
    if (!signal.aborted) this.signIns = undefined;
    if (signal.aborted) return;
    if (!this.isConnected) {
      // Taken off the page meanwhile: nothing of it is shown, and put back, the viewer is not left waiting.
      if (this.status === 'waiting-signer' || this.status === 'working') this.setStatus('idle', '');
      return;
    }
    this.progress = undefined;
    if (!result) return;
    this.unlockedWith = signer;
    this.showRecords(result.records);
    this.sharedOpened = result.shared ?? 0;
    this.failures = result.failures;
    this.takenBack = result.takenBack ?? [];
    this.deleted = result.deleted ?? [];
    this.unopened = result.unopened;
    this.older = result.older;
    if (result.records.length === 0 && result.failures.length > 0) {
      const first = result.failures[0]!;
      this.fail(new RecordError(first.code as RecordError['code'], first.message), 'unlock');
      return;
    }
    if (result.records.length === 0) {
      // A relay that sent part of what it holds (a load cut at its bounds) did answer.
      const anyAnswered = this.reports.some(answered);
      if (!anyAnswered && this.notSignedIn) {
        // They answered: they asked the user to sign in, who did not (or could not), so nothing was searched there.
        this.setStatus('relay-error', '');
        this.state.errorCode = 'auth-required';
        emit(this, 'nip82-error', { code: 'auth-required', message: 'Not signed in where a relay asked for it (NIP-42 AUTH): nothing was read there.', action: 'unlock' });
        return;
      }
      if (!anyAnswered && this.reports.length > 0) {
        this.setStatus('relay-error', '');
        emit(this, 'nip82-error', { code: 'relay-unavailable', message: 'No relay answered.', action: 'unlock' });
        return;
      }
      this.outcome = naddr ? 'not-found' : 'none-found';
      this.setStatus('done', '');
      return;
    }
    this.outcome = 'opened';
    this.setStatus('done', '');
    this.toAnnounce = undefined;
    this.announce(result.records);
  }

  // -------------------------------------------------------------------------------------------
  // Actions

  private get s(): RecordViewerStrings {
    // The same table while language and overrides stay: items are re-rendered only when what
    // they show changed, and the strings are part of that.
    const tables = this.audience === 'clinician' ? recordViewerClinicianStrings : recordViewerStrings;
    // Kept by the built-in table, not the language: read under a language whose pack is still on
    // its way (an idle task, just after the page's lang changed), English stands in, and must not
    // stay once the pack is here.
    const table = tables[languageOf(this)] ?? tables.en;
    const known = this.stringsMemo;
    if (known && known.table === table && known.overrides === this.strings) return known.value;
    const value = resolveStrings(tables, this, this.strings);
    this.stringsMemo = { table, overrides: this.strings, value };
    return value;
  }

  protected override get accountChangedText(): string {
    return this.s.accountChanged;
  }

  protected override get checkingAccountText(): string {
    return this.s.checkingAccount;
  }

  /** The reader's choice of view in the toolbar; the host's own stays in `hostView` for the next reader. */
  private chooseView(change: Partial<HostView>): void {
    this.hostView ??= { mode: this.mode, signedOnly: this.signedOnly };
    Object.assign(this, change);
    this.sayCountSoon();
  }

  private onSearch(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.sayCountSoon();
  }

  /**
   * The count goes from the live region while the reader types or chooses, and is said once they
   * stop ({@link COUNT_SAID_AFTER_MS}), and the search has looked at every item: one count, the one
   * they asked for. The count on screen changes at once; it is not in a live region.
   */
  private sayCountSoon(): void {
    this.stopCountTimer();
    this.countSaid = false;
    this.countTimer = setTimeout(() => {
      this.countTimer = undefined;
      this.countSaid = true;
    }, COUNT_SAID_AFTER_MS);
  }

  private stopCountTimer(): void {
    if (this.countTimer !== undefined) clearTimeout(this.countTimer);
    this.countTimer = undefined;
  }

  private toggleSection(key: SectionKey, shown: boolean): void {
    const next = new Set(this.hiddenSections);
    if (shown) next.delete(key);
    else next.add(key);
    this.hiddenSections = next;
    this.sayCountSoon();
  }

  private showMore(key: string): void {
    const next = new Map(this.limits);
    next.set(key, this.limitOf(key) + this.step);
    this.limits = next;
  }

  private get step(): number {
    return Number.isInteger(this.pageSize) && this.pageSize > 0 ? this.pageSize : 50;
  }

  private limitOf(key: string): number {
    return this.printing ? Infinity : (this.limits.get(key) ?? this.step);
  }

  /** How many items match: all of them are due on paper. */
  private get due(): number {
    return this.mode === 'timeline' ? this.timeline.length : this.matching;
  }

  /**
   * Prints every item that matches: sections no longer stop at a page, and the printout waits
   * until each item is rendered (PRINT_ITEMS_PER_RENDER a render, a task apart, so that the page
   * stays responsive meanwhile); `afterprint` brings the pages back. Rendering thousands of items
   * takes seconds: meanwhile the status line says so and the button is busy (aria-disabled, so
   * that it keeps the keyboard's focus; a second press does nothing).
   */
  private print = (): void => {
    if (this.printAsked) return;
    // On paper the records leave the screen: after a focus, only once the signer says the same user is there.
    this.afterKeyCheck(() => this.printAll());
  };

  private printAll(): void {
    if (this.printAsked || !this.views.length) return;
    if (this.rendered >= this.due && !this.isUpdatePending && !this.filling) {
      this.printNow();
      return;
    }
    const asked = {};
    this.printAsked = asked;
    this.printing = true;
    void this.updateComplete.then(async () => {
      // A sign-out or another user meanwhile: their record is not printed.
      if (this.printAsked !== asked || !this.isConnected) return;
      // The status line and the button as they were, before the dialog lays the page out.
      this.printAsked = undefined;
      this.requestUpdate();
      await this.updateComplete;
      if (!this.printing || !this.isConnected) return;
      this.printNow();
    });
  }

  /** The browser's print dialog, told to the host once (its `beforeprint` is this print's, not a menu's). */
  private printNow(): void {
    this.exported('print', this.views);
    this.ownPrint = true;
    try {
      window.print();
    } finally {
      this.ownPrint = false;
    }
  }

  /** Tells the host which records left the page and how (a portal's audit log); a Bundle the host handed in is its own, so it is not named. */
  private exported(how: 'download' | 'print', views: readonly View[]): void {
    emit(this, 'nip82-record-export', { how, records: views.flatMap(({ record: r }) => (r ? [{ signPubkey: r.signPubkey, naddrs: [...r.naddrs] }] : [])) });
  }

  /**
   * A print from the browser's own menu is laid out as soon as this returns: every item is
   * rendered at once when that is cheap; otherwise each section's note says what is left out.
   */
  private readonly onBeforePrint = (): void => {
    if (!this.views.length) return;
    if (!this.ownPrint) this.exported('print', this.views);
    if (this.mode === 'timeline' && !this.onPaper) {
      this.onPaper = true;
      this.performUpdate();
    }
    if (this.printing) return;
    const left = this.due - this.rendered;
    if (left <= 0 || left > PRINT_ITEMS_PER_RENDER) return;
    this.printing = true;
    this.unbounded = true;
    this.performUpdate();
  };

  private readonly onAfterPrint = (): void => {
    this.onPaper = false;
    if (this.printing && !this.printAsked) this.printing = false;
  };

  /**
   * Downloads a record's Bundle as FHIR JSON (record-extras.ts, fetched the first time); the file
   * name carries no health data. A download whose part could not be fetched is said
   * (renderLostParts), and the focus stays on the button.
   */
  private download(view: View): void {
    this.downloadLost = false;
    // A copy leaves the page: after a focus, only once the signer says the same user is there.
    this.afterKeyCheck(() => {
      const allowed = this.exportsAllowed;
      // Not once the record closed meanwhile (a sign-out, another account, the element removed).
      const go = ({ download }: RecordExtras) => {
        if (allowed === this.exportsAllowed && this.isConnected && this.views.includes(view)) {
          download(view, this.exports, this.s);
          this.exported('download', [view]);
        }
      };
      // Here already: at once, from the press itself.
      if (extras.value) go(extras.value);
      // A render says the part arrived (items rendered without it show it) or was lost (renderLostParts).
      else {
        extras.load().then(
          (part) => {
            go(part);
            this.requestUpdate();
          },
          () => (this.downloadLost = allowed === this.exportsAllowed && this.isConnected && this.views.includes(view)),
        );
      }
    });
  }

  private revokeExports(): void {
    for (const url of this.exports) URL.revokeObjectURL(url);
    this.exports.clear();
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  override render() {
    const s = this.s;
    const lang = localeOf(this);
    const showing = this.views.length > 0;
    this.rendered = showing ? this.takeShown() : 0;
    return html`
      <div class="base" part="base">
        ${this.renderLive(this.liveText(s, lang))}
        ${this.renderProgress(s, lang)}
        ${this.renderLostParts(s)} ${this.renderDetails(s)}
        ${!this.handedIn && !showing && this.outcome !== 'taken-back' ? this.renderGate(s) : nothing}
        ${showing ? this.renderContent(s, lang) : nothing}
      </div>
    `;
  }

  /**
   * The failure's detail in the page's language, in plain words for its code: for records that
   * could not be opened, the reason a record's line gives. The core's words are the host's.
   */
  private detail(s: RecordViewerStrings): string {
    if (this.errorCode && this.allFailed) return s.failureReason(this.errorCode);
    return this.errorCode && this.message ? s.errorDetail(this.errorCode, this.message) : this.message;
  }

  /** An unlock that opened none of the records it found. */
  private get allFailed(): boolean {
    return this.failures.length > 0 && !this.unlocked.length;
  }

  /**
   * Whether the last load left a storage server unsearched because it asked the user to sign in
   * and they were not signed in; `signIn`: the user's no when it was theirs anywhere, else a
   * sign-in that did not go through, else none (signed in, and still refused).
   */
  private get notSignedIn(): { signIn?: SignInFailure } | undefined {
    const unsigned = this.reports.filter((r) => r.status === 'auth-required');
    if (!unsigned.length) return undefined;
    const ended = (how: SignInFailure) => unsigned.some((r) => r.signIn === how);
    return { signIn: ended('declined') ? 'declined' : ended('failed') ? 'failed' : undefined };
  }

  /** Why a storage server was not searched; when it refused the sign-in for its time, that this device's clock may be wrong. */
  private notSignedInText(s: RecordViewerStrings): string {
    return [s.notSignedIn(this.notSignedIn?.signIn), this.notSignedIn?.signIn === 'failed' && this.currentStore?.client.clockOff ? s.clockOff : ''].filter(Boolean).join(' ');
  }

  /** One record from a link is one prompt, as the words before the button say: not "each record". */
  private waitingWords(s: RecordViewerStrings): string {
    return this.pressed?.naddr ? s.waitingSignerOne : s.waitingSigner;
  }

  private liveText(s: RecordViewerStrings, lang: string): string {
    if (this.printAsked) return s.printPreparing(this.due, formatCount(this.due, lang));
    switch (this.status) {
      case 'waiting-signer':
        if (this.signIns?.waitingForSigner) return s.waitSignIn;
        return this.progress && this.progress.total > 0
          ? unlockingText(s, Math.min(this.progress.done + 1, this.progress.total), this.progress.total, lang)
          : this.waitingWords(s);
      case 'working':
        return this.toPrepare?.kind === 'bundle' ? s.preparing(this.toPrepare.entries, formatCount(this.toPrepare.entries, lang)) : s.searchingRelays;
      case 'done':
        if (this.outcome === 'opened') return s.opened(this.unlocked.length, formatCount(this.unlocked.length, lang), this.sharedOpened, formatCount(this.sharedOpened, lang));
        // Said here, where it is heard, rather than in a note beside an empty status.
        if (this.outcome === 'taken-back') return this.takenBack.map((t) => s.takenBack(this.authorNamed(t))).join(' ');
        // Not "none found" while a storage server that asked for a sign-in was not searched.
        if (this.outcome && this.notSignedIn) return this.notSignedInText(s);
        // Not "none found" while older records were not checked.
        if (this.outcome === 'none-found') return this.older ? s.recordsOlder : s.noneFound;
        if (this.outcome === 'not-found') return s.notFound;
        return '';
      case 'relay-error':
        // The page's relay list: nothing the patient can fix but tell the site.
        if (this.errorCode === 'invalid-url' || this.errorCode === 'no-relays') return s.badStorageSettings;
        if (this.errorCode === 'auth-required') return this.notSignedInText(s);
        // No server failed: a part of the page was not fetched. "Try again" (the gate) fetches it
        // again; records handed in have no such button, and keep the words of a reload.
        if (this.errorCode === 'part-unavailable') return this.handedIn ? s.partLostReload : s.partLostRetry;
        // Per-relay answers are listed below; without any, the reason is the client's (e.g. no relays configured).
        return this.reports.length ? s.relayError : [s.relayError, this.detail(s)].filter(Boolean).join(' ');
      case 'bad-data':
        // No record opened: how many could not be, once; the reasons follow, listed (renderDetails).
        if (this.allFailed) return s.someFailed(this.failures.length, formatCount(this.failures.length, lang));
        // An address that leads to no record: whom to ask, not what the page cannot read.
        if (this.naddr?.trim() && !this.unlocked.length && (this.errorCode === 'invalid-input' || (this.errorCode === 'unsupported' && !signerCannot(this.message)))) return addressesIn(this.naddr).length > 1 ? s.severalLinks : s.badLink;
        return [s.badData, this.detail(s)].filter(Boolean).join(' ');
      case 'idle':
        // Said only when something happened: the signer found using another account.
        return this.message;
      default:
        return signerStateText(this.status, s, this.signedOut, this.errorCode, this.message) ?? '';
    }
  }

  private renderProgress(s: RecordViewerStrings, lang: string) {
    if (this.status !== 'waiting-signer' || !this.progress || this.progress.total === 0) return nothing;
    const { done, total } = this.progress;
    return html`
      <progress max=${total} .value=${done} aria-label=${s.unlockingLabel} aria-valuetext=${unlockingText(s, Math.min(done + 1, total), total, lang)}></progress>
      <p class="hint">${this.waitingWords(s)}</p>
    `;
  }

  /**
   * The parts the viewer fetches on demand that could not be fetched, each said where the reader
   * needs it, with what did not happen: the search once the reader searches (fetched ahead while
   * idle, its loss matters only then), a download pressed, the extras on screen (a lens table, an
   * attachment, the notices), the original text once shown. An alert: a reader who typed a search
   * and hears no count change hears why. A browser fetches a failed part anew when asked again, so
   * "Try again" fetches what is lost and shows it; a download, the reader presses again.
   */
  private renderLostParts(s: RecordViewerStrings) {
    const lost = this.lostParts;
    const retrying = this.partsRetrying;
    const said = [
      lost.search ? s.searchLost : '',
      this.downloadLost ? s.downloadLost(s.exportJson) : '',
      lost.extras ? s.extrasLost : '',
      lost.narrative ? s.narrativeLost : '',
    ].filter(Boolean);
    if (!said.length) return nothing;
    // Kept while retrying, its button with it: the focus stays where the reader pressed.
    const shown = retrying ? (this.downloadLost ? [s.downloadLost(s.exportJson)] : []) : said;
    return html`<div class="warning lost-part" role="alert">
      ${shown.map((line) => html`<p>${line}</p>`)}
      ${lost.search || lost.extras || lost.narrative
        ? html`<button part="button" type="button" class="retry-part" aria-disabled=${retrying ? 'true' : 'false'} @click=${this.fetchLost}>${s.partRetry}</button>`
        : nothing}
    </div>`;
  }

  /** Which parts the reader needs now that could not be fetched. */
  private get lostParts(): { search: boolean; extras: boolean; narrative: boolean } {
    return {
      search: search.failed && queryWords(this.query).length > 0,
      extras: extras.failed && (this.views.some((view) => view.summary.items.some(needsExtras)) || this.hasDetails),
      narrative: narrativeSanitizer.failed && this.narratives,
    };
  }

  /** "Try again": fetches every part the reader needs that was lost; each shows what it was for once here. */
  private readonly fetchLost = (): void => {
    if (this.partsRetrying) return;
    const lost = this.lostParts;
    // The search runs again over the words typed, fetching its part (`searching`).
    if (lost.search) this.applyFilters();
    const fetched = [lost.search && search, lost.extras && extras, lost.narrative && narrativeSanitizer]
      .filter((part) => part !== false)
      .map((part) => part.load());
    this.partsRetrying = true;
    void Promise.allSettled(fetched).then(() => (this.partsRetrying = false));
  };

  /** A record's author as its notices name them: the host's name, else a self-chosen one beside the short npub, only when their signature held. */
  private authorNamed(t: TakenBack): string {
    return t.authorVerified ? this.nameFor(t.author, safeNpub(t.author)) : safeNpub(t.author);
  }

  /**
   * Per-relay answers when relays failed, records that could not be opened, and records a later
   * load opens: rare, so said once their part arrives (record-notices.ts, in record-extras.ts), a moment after the
   * state; updateComplete waits for it. A failed fetch is said instead (renderLostParts).
   */

  /** Whether anything is to be said of the last load beyond its status line (renderDetails). */
  private get hasDetails(): boolean {
    return this.failures.length > 0 || this.takenBack.length > 0 || this.deleted.length > 0 || this.unopened > 0 || this.older || this.reports.some((r) => r.status !== 'complete');
  }

  private renderDetails(s: RecordViewerStrings) {
    if (!this.hasDetails) return nothing;
    const openMore = () => void this.unlocking.run([undefined]);
    const summed = this.status === 'bad-data' && this.allFailed;
    const named = (t: TakenBack) => this.authorNamed(t);
    // The status line says what was taken back of a record shown by its address.
    const takenBack = this.outcome === 'taken-back' ? [] : this.takenBack.map(named);
    const state = { reports: this.reports, failures: this.failures, takenBack, deleted: this.deleted.map(named), summed, unopened: this.unopened, older: this.older, status: this.status, outcome: this.outcome, naddr: this.naddr, openMore };
    return extras.now(() => this.requestUpdate())?.notices(state, s, localeOf(this)) ?? nothing;
  }

  /**
   * The unlock button, busy (aria-disabled, so that it keeps the keyboard's focus; a press does
   * nothing) until what it opened is on screen: then it goes, and the focus with it to the first
   * record's heading (see {@link update}).
   */
  private renderGate(s: RecordViewerStrings) {
    const busy = this.status === 'waiting-signer' || this.status === 'working' || this.awaitingViews;
    const retry = !this.awaitingViews && (['no-signer', 'refused', 'timed-out', 'relay-error', 'bad-data', 'cancelled'].includes(this.status) || this.outcome !== undefined);
    const single = !!this.naddr?.trim();
    // While the signer asks the user to sign in to a storage server, which may take minutes: the
    // server can be passed over. Pressed, it goes, and the focus to the unlock button (see update).
    const stop = busy && this.signIns?.waitingForSigner;
    return html`
      <div class="gate">
        ${busy ? nothing : html`<p>${single ? s.introOne : s.introMine}</p>`}
        <button part="button button-primary" class="primary unlock" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => { if (!busy) void this.unlocking.run([this.naddr?.trim()]); }}>
          ${retry ? s.retry : single ? s.unlockOne : s.unlockMine}
        </button>
        ${stop ? html`<button part="button" type="button" class="stop-waiting" @click=${this.stopWaiting}>${s.stopWaiting}</button>` : nothing}
      </div>
    `;
  }

  /**
   * Takes from the budget what this render shows, in reading order, before anything is rendered:
   * the count above the items then knows how many are on the page.
   */
  private takeShown(): number {
    this.shownItems = new Map();
    this.shownTimeline = [];
    if (this.mode === 'timeline') {
      this.shownTimeline = this.budget.take(this.timeline.slice(0, this.limitOf('timeline')), timelineKey);
      return this.shownTimeline.length;
    }
    let n = 0;
    for (const { view, sections } of this.filtered) {
      for (const [key, items] of sections) {
        const limitKey = `${view.key}|${key}`;
        const shown = this.budget.take(items.slice(0, this.limitOf(limitKey)), (item) => `${view.key}|${item.id}`);
        this.shownItems.set(limitKey, shown);
        n += shown.length;
      }
    }
    return n;
  }

  private renderContent(s: RecordViewerStrings, lang: string) {
    const shown = this.recordsShown();
    return html`
      ${this.renderToolbar(s, lang)}
      <div class="found">
        ${this.renderCount(s, lang)}
        ${this.matching === 0 && this.itemTotal > 0 ? html`<p class="empty">${this.noneMatchText(s)}</p>` : nothing}
      </div>
      <p class="visually-hidden count-said" role="status">${this.renderCountSaid(s, lang)}</p>
      ${this.mode === 'timeline'
        ? this.renderTimeline(s, lang)
        : repeat(shown, ([f]) => f.view.key, ([f, i], n) => this.renderRecord(f, i, s, lang, n > 0 && this.newPatient(f.view, shown[n - 1]![0].view)))}
    `;
  }

  /**
   * The records shown, each with its place among all: while a search or a filter narrows them, only
   * those with items that match (a clinic's search for one patient among 200 records shows that
   * patient's, not 199 headings with nothing under them).
   */
  private recordsShown(): [FilteredView, number][] {
    const all = this.filtered.map((f, i): [FilteredView, number] => [f, i]);
    const narrowed = queryWords(this.query).length > 0 || this.hiddenSections.size > 0 || this.signedOnly || this.hideEnteredInError;
    return narrowed ? all.filter(([f]) => f.count > 0) : all;
  }

  private renderToolbar(s: RecordViewerStrings, lang: string) {
    const pressed = (on: boolean) => (on ? 'true' : 'false');
    // One label for every record shown: the owner's words only when none is a person's.
    const signedOnly = this.views.every((v) => v.animal) ? s.signedOnlyOwner : s.signedOnly;
    return html`
      <div class="toolbar" part="toolbar">
        <div class="search">
          <label for="search">${s.searchLabel}</label>
          <input id="search" part="input" type="search" autocomplete="off" spellcheck="false" .value=${this.query} @input=${this.onSearch} />
        </div>
        <div class="view-switch" role="group" aria-label=${s.viewLabel}>
          <button part="button" type="button" aria-pressed=${pressed(this.mode === 'summary')} @click=${() => this.chooseView({ mode: 'summary' })}>${s.viewSummary}</button>
          <button part="button" type="button" aria-pressed=${pressed(this.mode === 'timeline')} @click=${() => this.chooseView({ mode: 'timeline' })}>${s.viewTimeline}</button>
        </div>
        <button part="button" type="button" class="narratives" aria-pressed=${pressed(this.narratives)} @click=${() => (this.narratives = !this.narratives)}>${s.showNarratives}</button>
        <button part="button" type="button" class="print" aria-disabled=${this.printAsked ? 'true' : 'false'} @click=${this.print}>${s.print}</button>
      </div>
      ${this.kindTotals.length > 1
        ? html`<fieldset class="filters">
            <legend>${s.filterLegend}</legend>
            ${this.kindTotals.map(
              ([key, n]) => html`<label>
                <input type="checkbox" name="section" value=${key} .checked=${!this.hiddenSections.has(key)} @change=${(e: Event) => this.toggleSection(key, (e.target as HTMLInputElement).checked)} />
                ${s.sectionCount(sectionLabel(key, s), formatCount(n, lang))}
              </label>`,
            )}
          </fieldset>`
        : nothing}
      ${this.views.some((v) => v.provenance.verified > 0 || (!!v.subject && (wholeSigner(v) ?? v.subject) !== v.subject))
        ? html`<label class="signed-only"><input type="checkbox" .checked=${this.signedOnly} @change=${(e: Event) => this.chooseView({ signedOnly: (e.target as HTMLInputElement).checked })} /> ${signedOnly}</label>`
        : nothing}
      ${this.renderNarrowed(s, lang, signedOnly)}
    `;
  }

  /**
   * On paper only, where the search box and the section boxes are not printed: how the list was
   * narrowed, so a printout of some items is not taken for the whole record.
   */
  private renderNarrowed(s: RecordViewerStrings, lang: string, signedOnly: string) {
    const words = queryWords(this.query).length ? this.query.trim() : '';
    const left = this.kindTotals.filter(([key]) => this.hiddenSections.has(key)).map(([key]) => sectionLabel(key, s));
    const lines = [words && s.printedSearch(words), left.length ? s.printedLeftOut(listText(lang, left)) : '', this.signedOnly ? signedOnly : ''].filter(Boolean);
    return lines.length ? html`<p class="narrowed">${lines.map((line) => html`<span>${line}</span>`)}</p>` : nothing;
  }

  /** Whether `view` is about someone else than `before`: by key, else (a record naming no key) by the names it gives; one naming neither is told apart. */
  private newPatient(view: View, before: View): boolean {
    const who = (v: View) => this.whoOf(v);
    return !who(view) || who(view) !== who(before);
  }

  /** Whom a record is about, as {@link newPatient} tells them apart; undefined when it names no one. */
  private whoOf(v: View): string | undefined {
    return v.subject ?? (this.patientNames(v).join('\n') || undefined);
  }

  /** Whom a record is about, as a key: a record naming no one is told apart by its own. */
  private patientKey(v: View): string {
    return this.whoOf(v) ?? `record|${v.key}`;
  }

  /** The count as spoken, once the reader paused and the search looked at every item; else nothing. */
  private renderCountSaid(s: RecordViewerStrings, lang: string): string {
    if (!this.countSaid || (this.searchUnfinished && !search.failed)) return '';
    const matching = s.showing(formatCount(this.due, lang), formatCount(this.counted, lang), this.due, this.counted);
    return this.matching === 0 && this.itemTotal > 0 ? `${matching} ${this.noneMatchText(s)}` : matching;
  }

  /** The record's items as counted: once hidden, those entered in error are not, as beside their kind. */
  private get counted(): number {
    return this.hideEnteredInError ? this.kindTotals.reduce((n, [, k]) => n + k, 0) : this.itemTotal;
  }

  /** Why nothing is shown: the search typed, else the filters alone. */
  private noneMatchText(s: RecordViewerStrings): string {
    return queryWords(this.query).length ? s.noMatches : s.noneLeft;
  }

  /**
   * How many items match; on paper, how many are printed, never more than are. Shown as it changes;
   * spoken apart, once the reader pauses ({@link renderCountSaid}).
   */
  private renderCount(s: RecordViewerStrings, lang: string) {
    const [total, all] = [formatCount(this.counted, lang), this.counted];
    const matching = s.showing(formatCount(this.due, lang), total, this.due, all);
    // A search whose part could not be fetched is not under way: the lost-part line says so, and the
    // list stays as it was (each word fetches it again, and a search that arrives runs at once).
    if (this.searchUnfinished && !search.failed) return html`<p class="count">${s.stillSearching(matching)}</p>`;
    if (this.rendered >= this.due) return html`<p class="count">${matching}</p>`;
    return html`<p class="count"><span class="on-screen">${matching}</span><span class="in-print">${s.showing(formatCount(this.rendered, lang), total, this.rendered, all)}</span></p>`;
  }

  /** `newPatient`: about another patient than the record before it, so on paper it starts a page. */
  private renderRecord(f: FilteredView, i: number, s: RecordViewerStrings, lang: string, newPatient: boolean) {
    const { view } = f;
    const id = `record-${i}`;
    const heading = this.headingOf(view, i, s, lang);
    const grant = view.record ? this.grantOf(view.record) : undefined;
    return html`
      <article class="record ${grant?.ended ? 'ended' : ''} ${newPatient ? 'new-patient' : ''}" part="record" aria-labelledby=${id}>
        <header class="record-head">
          <h2 id=${id} tabindex="-1" aria-level=${ariaLevel(this.headingLevel)}>${withBdi(heading)}</h2>
          <button part="button" type="button" class="export" id=${`${id}-export`} aria-labelledby=${`${id}-export ${id}`} @click=${() => this.download(view)}>${s.exportJson}</button>
          ${this.renderProvenance(view, s, lang)}
        </header>
        ${grant ? this.renderGrant(grant, s, lang) : nothing}
        ${view.record && this.changedWhileOpen.has(view.record.signPubkey)
          ? html`<p class="warning changed-while-open" role="note">${s.changedWhileOpen(dayText(this.changedWhileOpen.get(view.record.signPubkey)!, lang))}</p>`
          : nothing}
        ${view.record && view.record.parts.have < view.record.parts.total
          ? html`<p class="warning parts" role="note">${s.partsMissing(view.record.parts.have, view.record.parts.total, formatCount(view.record.parts.have, lang), formatCount(view.record.parts.total, lang))}</p>`
          : nothing}
        ${view.withheld ? this.renderWithheld(view, view.withheld, s) : nothing}
        ${view.summary.items.length === 0 ? html`<p class="empty">${s.emptyRecord}</p>` : nothing}
        ${repeat(f.sections, ([key]) => key, ([key, items]) => this.renderSection(view, i, key, items, s, lang))}
      </article>
    `;
  }

  /** A record's heading: its place among the records shown, with whom it is about. */
  private headingOf(view: View, i: number, s: RecordViewerStrings, lang: string): string {
    const place = view.record ? s.recordHeading(i + 1, this.views.length, formatCount(i + 1, lang), formatCount(this.views.length, lang)) : s.bundleHeading;
    const names = this.patientNames(view);
    return names.length ? s.recordAbout(place, listText(lang, names.map(isolate))) : place;
  }

  /**
   * A record's grant to the reader, read once per record (a large record is not searched at every
   * render); whether it ended is told now, and a share still running is shown ended when it ends.
   */
  private grantOf(record: OpenedRecord): GrantToReader | undefined {
    if (!this.grants.has(record)) this.grants.set(record, readerTerms(record));
    const terms = this.grants.get(record);
    if (!terms) return undefined;
    const ends = terms.ends;
    const ended = ends !== undefined && ends * 1000 <= Date.now();
    if (ends !== undefined && !ended) this.wakeAt(ends);
    return { ...terms, ended };
  }

  /** One render at the soonest end of a share shown (a longer wait than a timer allows is taken in steps). */
  private wakeAt(seconds: number): void {
    if (this.endTimer && this.endTimer.at <= seconds) return;
    this.stopEndTimer();
    const id = setTimeout(() => {
      this.endTimer = undefined;
      this.requestUpdate();
    }, Math.min(seconds * 1000 - Date.now(), 2 ** 31 - 1));
    this.endTimer = { at: seconds, id };
  }

  private stopEndTimer(): void {
    if (this.endTimer) clearTimeout(this.endTimer.id);
    this.endTimer = undefined;
  }

  /**
   * A share made for the reader says until when; once that day is over it says the share ended,
   * first thing, so nothing in it is taken for current.
   */
  private renderGrant(grant: GrantToReader, s: RecordViewerStrings, lang: string) {
    const day = untilText(grant, lang);
    if (grant.ended) return html`<p class="warning share-ended" part="share-ended" role="note">${s.shareEnded(day)}</p>`;
    return day ? html`<p class="share-until" part="share-until">${s.shareUntil(day)}</p>` : nothing;
  }

  /**
   * The hidden-item flag, for recipients. On a share the reader made themselves, the flag (which
   * asks a clinician to talk to the patient) would be about them: they read what they hid instead.
   */
  private renderWithheld(view: View, withheld: Withheld, s: RecordViewerStrings) {
    const copy = view.record ? shareCopyOf(view.record) : undefined;
    if (copy) {
      const who = this.nameFor(copy.grant.recipient, shortNpub(copy.grant.recipient));
      return html`<p class="you-hid" role="note">${withBdi(s.youHid(copy.hidden, who, copy.hidden === undefined ? '' : formatCount(copy.hidden, localeOf(this))))}</p>`;
    }
    return html`<nip82-hidden-flag exportparts=${FLAG_EXPORTPARTS} count=${ifDefined(withheld.count)} .kinds=${withheld.kinds} disclose=${withheld.disclose} subject=${view.animal ? 'animal' : 'person'} .strings=${this.flagStrings}></nip82-hidden-flag>`;
  }

  private renderProvenance(view: View, s: RecordViewerStrings, lang: string) {
    const record = view.record;
    if (!record) return html`<p class="provenance" part="provenance">${s.bundleProvenance}</p>`;
    const author = safeNpub(record.author);
    // A name is shown only for an author whose signature holds: the host's alone (it vouches for
    // them), a self-chosen one beside the short npub.
    const known = record.authorVerified ? this.knownName(record.author) : undefined;
    const name = known ?? (record.authorVerified ? this.names.get(record.author)?.name : undefined);
    return html`
      <dl class="provenance" part="provenance">
        <div>
          <dt>${view.provenance.sealedBy?.role === 'sharer' ? s.sharerLabel : s.authorLabel}</dt>
          <dd>${name ? html`<bdi class="name" translate="no">${name}</bdi>` : nothing}${known ? nothing : html`${name ? ' ' : nothing}<span class="npub" translate="no">${author}</span>`}${record.authorVerified ? html` · <span class="verified">${s.verified}</span>` : nothing}</dd>
        </div>
        <div>
          <dt>${s.savedLabel}</dt>
          <dd>${momentAt(record.createdAt, lang)}</dd>
        </div>
        ${record.authorSignedAt && (record.authorSignedAt !== record.createdAt || record.authorUnnamed) && isEventTime(record.authorSignedAt)
          ? html`<div class="signed-at">
              <dt>${s.signedLabel}</dt>
              <dd>${momentAt(record.authorSignedAt, lang)}</dd>
            </div>`
          : nothing}
        <div>
          <dt>${s.roleLabel}</dt>
          <dd>${record.role === 'editor' ? s.roleEditor : s.roleViewer}</dd>
        </div>
      </dl>
      ${record.authorVerified
        ? record.authorUnnamed ? html`<p class="unnamed" role="note">${s.authorUnnamed}</p>` : nothing
        : html`<p class="warning unverified" role="note">${record.authorBound === false && !record.authorUnnamed ? s.notBound : record.parts.have < record.parts.total ? s.authorUnchecked : s.unverified}</p>`}
    `;
  }

  private renderSection(view: View, index: number, key: SectionKey, items: Item[], s: RecordViewerStrings, lang: string) {
    const limitKey = `${view.key}|${key}`;
    const limit = this.limitOf(limitKey);
    const id = `record-${index}-${key}`;
    const shown = this.shownItems.get(limitKey) ?? [];
    // Where the items no longer current begin (they come last: see fhir-summary.ts).
    const cut = shown.findIndex((item) => item.past);
    return html`
      <section class="section ${key}" part="section" aria-labelledby=${`record-${index} ${id}`} data-section=${key}>
        <h3 id=${id} aria-level=${ariaLevel(this.headingLevel, 1)}>${s.sectionCount(sectionLabel(key, s), formatCount(items.length, lang))}</h3>
        ${cut === 0 ? nothing : this.renderItems(view, cut < 0 ? shown : shown.slice(0, cut), s, lang)}
        ${cut < 0 ? nothing : html`<h4 class="past" aria-level=${ariaLevel(this.headingLevel, 2)}>${s.pastItems}</h4>${this.renderItems(view, shown.slice(cut), s, lang)}`}
        ${this.renderMore(limitKey, items.length, limit, s, lang, id, `record-${index}`)}
        ${this.renderNotPrinted(items.length - shown.length, s, lang)}
      </section>
    `;
  }

  private renderItems(view: View, items: Item[], s: RecordViewerStrings, lang: string) {
    return html`<ul class="items" role="list">
      ${repeat(items, (item) => item.id, (item) => this.renderItemOnce(view, item, s, lang, false, view.patients.names.length > 1 ? this.apart(view, whoseOf(view, item)) : ''))}
    </ul>`;
  }

  /**
   * "Show more" of a list; `section` and `record`, the ids of its headings: one named by the list
   * and record it shows more of, told apart from the same button of every other list.
   */
  private renderMore(key: string, total: number, limit: number, s: RecordViewerStrings, lang: string, section?: string, record?: string) {
    if (total <= limit) return nothing;
    const left = total - limit;
    const id = section && `${section}-more`;
    return html`<button part="button" type="button" class="more" id=${ifDefined(id)} aria-labelledby=${ifDefined(id && `${id} ${section} ${record}`)} @click=${() => this.showMore(key)}>${s.showMore(formatCount(Math.min(this.step, left), lang), formatCount(left, lang), Math.min(this.step, left), left)}</button>`;
  }

  /** On paper only, where "Show more" cannot be pressed: how many items of the list are not printed. */
  private renderNotPrinted(left: number, s: RecordViewerStrings, lang: string) {
    return left > 0 ? html`<p class="not-printed" role="note">${s.notPrinted(left, formatCount(left, lang), s.print)}</p>` : nothing;
  }

  private renderTimeline(s: RecordViewerStrings, lang: string) {
    // Items the filters keep but no date places: said, not silently left out.
    const undated = this.matching - this.timeline.length;
    const undatedLine = undated > 0 ? html`<p class="undated" part="undated">${s.undatedNotOnTimeline(undated, formatCount(undated, lang))}</p>` : nothing;
    // The timeline mixes records: each patient whose records withheld items is said once, under their
    // record's heading words (their names, for several). For several records no count is given: two
    // records withholding one item each may have withheld one item or two, and a count added up
    // could name one item twice. Only that items were withheld is said then.
    const withheldBy = new Map<string, [View, number][]>();
    for (const [{ view }, i] of this.recordsShown()) {
      if (!view.withheld) continue;
      const key = view.record && shareCopyOf(view.record) ? `record|${view.key}` : this.patientKey(view);
      const records = withheldBy.get(key);
      if (records) records.push([view, i]);
      else withheldBy.set(key, [[view, i]]);
    }
    const flagBy = new Map([...withheldBy].map(([key, records]) => {
      const [view, i] = records[0]!;
      const names = this.patientNames(view);
      const heading = records.length > 1 && names.length ? listText(lang, names.map(isolate)) : this.headingOf(view, i, s, lang);
      const withheld = records.length === 1 ? view.withheld! : { disclose: 'flag' as const };
      return [key, html`<div class="withheld-of"><p>${withBdi(heading)}</p>${this.renderWithheld(view, withheld, s)}</div>`] as const;
    }));
    if (this.timeline.length === 0) return html`${[...flagBy.values()]}<p class="empty">${s.timelineEmpty}</p>${undatedLine}`;
    const limit = this.limitOf('timeline');
    const shown = this.shownTimeline;
    // Items of several patients (a family's records, two pets) each say whose they are.
    const several = this.severalPatients();
    const list = (entries: TimelineEntry[], off = false) => html`
      <ol class="items timeline ${off ? 'off-paper' : ''}" part="timeline" aria-label=${s.viewTimeline}>
        ${repeat(entries, timelineKey, (e) => this.renderItemOnce(e.view, e.item, s, lang, true, several ? this.apart(e.view, whoseOf(e.view, e.item, this.subjectName(e.view))) : ''))}
      </ol>
    `;
    // On paper, patient by patient, each from a new page with their flag: a sheet handed to one
    // patient holds no one else's items. On screen the timeline stays by date, the list kept as it
    // was (an opened attachment, the focus), only left off the paper.
    const byWho = new Map<string, TimelineEntry[]>();
    if (this.onPaper) {
      for (const e of shown) {
        const key = this.patientKey(e.view);
        if (byWho.has(key)) byWho.get(key)!.push(e);
        else byWho.set(key, [e]);
      }
    }
    const paper = byWho.size > 1;
    if (!paper) byWho.clear();
    // A flag whose patient has no item here: on paper, on a page of its own (not on another's sheet).
    const alone = [...flagBy].filter(([key]) => !byWho.has(key)).map(([, flag]) => (paper ? html`<section class="new-patient">${flag}</section>` : flag));
    return html`
      ${paper ? nothing : alone}
      ${list(shown, paper)}
      ${paper ? [...byWho].map(([key, entries], n) => html`<section class=${n ? 'new-patient' : ''}>${flagBy.get(key) ?? nothing}${list(entries)}</section>`) : nothing}
      ${paper ? alone : nothing}
      ${this.renderMore('timeline', this.timeline.length, limit, s, lang)}
      ${this.renderNotPrinted(this.timeline.length - shown.length, s, lang)}
      ${undatedLine}
    `;
  }

  /** An item as last rendered unless something it shows changed: a render touches only what changed. */
  private renderItemOnce(view: View, item: Item, s: RecordViewerStrings, lang: string, withKind: boolean, whose: string) {
    const provenance = itemProvenance(view, item);
    // The extras too, for an item that shows them: rendered before they arrived, it shows its lens
    // table or attachment once they have (and the other items are not rendered again for them); so
    // its original text, shown before its sanitiser arrived (fetched again by "Try again").
    return guard([item, s, lang, withKind, whose, this.narratives, provenance, this.nameOf(view, provenance), needsExtras(item) && extras.value, this.narratives && !!item.narrative && narrativeSanitizer.value], () => this.renderItem(item, s, lang, withKind, whose, view, provenance));
  }

  /**
   * Who signed an item, as shown: the host's name for them alone (the host vouches for it), else a
   * listed signer's profile name beside their short npub (self-chosen and not unique: alone, anyone
   * could pass for a hospital), else the short npub.
   */
  private nameOf(view: View, provenance: ItemProvenance | undefined): string | undefined {
    const pubkey = provenance?.status === 'unattested' ? provenance.addedBy : provenance?.attester;
    return pubkey ? this.nameFor(pubkey, npubOf(view, pubkey)) : undefined;
  }

  /**
   * Who a record is about when none of its Patients has a name (a clinic's visit record may name
   * them only by their key): its subject, as the viewer names people; undefined otherwise. An
   * animal's subject is its owner: never named as the one the record is about.
   */
  private subjectName(view: View): string | undefined {
    return view.patients.names.length || !view.subject || view.animal ? undefined : this.nameFor(view.subject, npubOf(view, view.subject));
  }

  /** Whether the records shown are about more than one person or pet. */
  private severalPatients(): boolean {
    return new Set(this.views.flatMap((v) => this.patientNames(v))).size > 1;
  }

  /** The names of whom a record is about: its Patients', else its subject's ({@link subjectName}). */
  private patientNames(view: View): string[] {
    const subject = this.subjectName(view);
    return subject ? [subject] : view.patients.names.map((name) => this.apart(view, name));
  }

  /**
   * A patient's name as shown, told apart by whose they are when another person or pet among the
   * records shown has it too: two dogs called Max of two owners are "Max (Ana Rivera's)" and "Max
   * (Bo Chen's)", not twice "Max".
   */
  private apart(view: View, name: string): string {
    if (!name || !view.subject || !this.sharedNames.has(name)) return name;
    // Two people of one name: their birth dates, when theirs differ, as a clinic tells them apart.
    const born = view.animal ? undefined : this.bornApartOf(view.subject, name);
    if (born) return this.s.nameApart(name, this.s.bornOn(formatDate(born, localeOf(this))), false);
    const whose = this.ownerName(view);
    // The host may call a person what their record does: their key tells them apart then.
    return this.s.nameApart(name, whose === name ? npubOf(view, view.subject) : whose, view.animal);
  }

  /** The birth date `subject`'s records give their patient called `name`, when no one else of that name among the records shown has it. */
  private bornApartOf(subject: string, name: string): string | undefined {
    if (this.bornApart.views !== this.views) this.bornApart = { views: this.views, dates: new Map() };
    const key = `${subject}\n${name}`;
    const { dates } = this.bornApart;
    if (!dates.has(key)) {
      const born = bornIn(this.views, subject, name);
      dates.set(key, born && !this.views.some((v) => v.subject !== subject && bornOf(v, name) === born) ? born : undefined);
    }
    return dates.get(key);
  }

  /**
   * The name of the one a record's subject key stands for (a pet's owner): the host's or their
   * profile's, else the name the record gives the related person bearing that key, else their short key.
   */
  private ownerName(view: View): string {
    if (!view.subject) return '';
    const short = npubOf(view, view.subject);
    const named = this.nameFor(view.subject, short);
    return named !== short ? named : relatedNamed(view.bundle, view.subject) || short;
  }

  /** The host's name for a key, cleaned like any name shown; undefined without one. */
  private knownName(pubkey: string): string | undefined {
    return this.hostName(pubkey, this.knownNames) || undefined;
  }

  /**
   * A person in a line built as a string (where no <bdi> can go, so isolated): the host's name
   * alone, a self-chosen profile name beside the short npub, else the short npub.
   */
  private nameFor(pubkey: string, short: string): string {
    return personName(this.knownName(pubkey), this.names.get(pubkey)?.name, short);
  }

  private renderItemProvenance(view: View, provenance: ItemProvenance | undefined, s: RecordViewerStrings, lang: string) {
    if (!provenance) return nothing;
    const name = this.nameOf(view, provenance);
    switch (provenance.status) {
      case 'verified':
        return html`<p class="item-provenance signed" part="item-provenance">${withBdi(s.itemSigned(name!, dayText(provenance.signedAt, lang)))}</p>`;
      case 'changed':
        return html`<p class="item-provenance changed" part="item-provenance" role="note">${withBdi((provenance.otherPatient ? s.itemOtherPatient : s.itemChanged)(name!))}</p>`;
      default:
        if (name) return html`<p class="item-provenance added" part="item-provenance">${withBdi(s.itemAddedBy(name))}</p>`;
        // In a record that carries signatures, an item nobody signed is worth saying so.
        return view.provenance.verified + view.provenance.changed > 0 ? html`<p class="item-provenance unsigned" part="item-provenance">${s.itemUnsigned}</p>` : nothing;
    }
  }

  private renderItem(item: Item, s: RecordViewerStrings, lang: string, withKind: boolean, whose: string, view: View, provenance: ItemProvenance | undefined): TemplateResult {
    const title = item.title || s.unnamed(s.kind(item.type));
    // The date is in the heading; an item that names nothing is titled by its kind already.
    // Each value set apart (<bdi>): on a right-to-left page a phone, a dose or "< 5 mmol/L" keeps its written order.
    const facts = item.facts.filter((f) => !(f.key === 'date' && f.value === item.date) && !(f.key === 'resourceType' && !item.title));
    return html`
      <li class="item ${item.enteredInError ? 'entered-in-error' : ''}" part="item" data-type=${item.type}>
        <div class="item-head">
          <bdi class="title" translate=${ifDefined(item.title && NAMED_BY_TITLE.test(item.type) ? 'no' : undefined)}>${title}</bdi>
          ${whose ? html`<span class="whose">${withBdi(s.itemOf(isolate(whose)))}</span>` : nothing}
          ${withKind ? html`<span class="kind">${sectionLabel(item.section, s)}</span>` : nothing}
          ${item.enteredInError ? html`<span class="badge">${s.enteredInError}</span>` : nothing}
          ${item.date ? html`<time datetime=${ifDefined(isoOf(item))}>${formatDate(item.date, lang)}</time>` : nothing}
        </div>
        ${facts.length
          ? html`<dl class="facts">
              ${facts.map((f) => html`<div><dt>${factLabel(f, s)}</dt><dd translate=${ifDefined(NAMING_FACTS.has(f.key ?? '') ? 'no' : undefined)}><bdi>${factValue(f, s, lang)}</bdi></dd></div>`)}
            </dl>`
          : nothing}
        ${this.renderItemProvenance(view, provenance, s, lang)}
        ${needsExtras(item) ? extras.now(() => this.requestUpdate())?.item(item, s, lang) : nothing}
        ${this.narratives && item.narrative
          ? html`<div class="narrative" part="narrative" role="group" aria-label=${s.narrativeLabel(title)}>
              <p class="own-words">${s.narrativeOwnWords}</p>
              <div class="own-text" dir="auto" ${narrative(item.narrative)}></div>
            </div>`
          : nothing}
      </li>
    `;
  }
}

/**
 * Items whose title is a person's or a medicine's name, as written: a browser's page translation
 * must not turn "Rose Baker" into another name, or a drug's name into a word. (A condition's or a
 * test's words stay translatable.)
 */
const NAMED_BY_TITLE = /^(Patient|Practitioner(Role)?|RelatedPerson|Person|Organization|Medication\w*|Immunization|VisionPrescription)$/;

/** Facts that name people, places or a batch (who did it, where, which lot) or how to reach someone (address, email, phone), kept as written by a page translator as titles are. */
const NAMING_FACTS = new Set(['performer', 'provider', 'prescriber', 'author', 'members', 'contact', 'location', 'lot', 'address', 'email', 'phone']);

/** A timeline entry's key, for the budget and for `repeat`. */
function timelineKey(e: TimelineEntry): string {
  return `timeline|${e.view.key}|${e.item.id}`;
}

/** A record's Patients, found once (a Bundle holds one patient, a family's or a pet owner's share several). */
function patientsOf(bundle: FhirBundle): Patients {
  const index = new ReferenceIndex();
  const names = new Set<string>();
  for (const entry of bundle.entry ?? []) {
    if (entry.resource.resourceType !== 'Patient') continue;
    index.include(entry);
    const name = nameOf(entry.resource);
    if (name) names.add(name);
  }
  return { names: [...names], index };
}

/**
 * Whose an item is: the name of the Patient its `subject` (or `patient`) refers to; for a reference
 * the record cannot follow, its one patient's; '' for an item about no one (a clinic, a clinician).
 */
function whoseOf(view: View, item: Item, subject = ''): string {
  const r = item.resource;
  const ref = r.subject ?? r.patient;
  if (!ref || typeof ref !== 'object') return '';
  const reference = (ref as { reference?: unknown }).reference;
  const target = typeof reference === 'string' ? view.patients.index.resolve(reference, r) : undefined;
  // A record whose Patients have no name: its subject's (`subject`, given only then).
  if (target?.resourceType === 'Patient') return nameOf(target) || subject;
  return view.patients.names.length === 1 ? view.patients.names[0]! : subject;
}

/** The birth date a record gives its Patient called `name`, when it gives one. */
function bornOf(view: View, name: string): string | undefined {
  const born = (view.record?.bundle ?? view.bundle).entry?.find((e) => e.resource.resourceType === 'Patient' && nameOf(e.resource) === name)?.resource.birthDate;
  return typeof born === 'string' ? born : undefined;
}

/** The birth date `subject`'s records give their Patient called `name`: one record's, when the others give none or the same. */
function bornIn(views: readonly View[], subject: string, name: string): string | undefined {
  const dates = new Set(views.flatMap((v) => (v.subject === subject ? [bornOf(v, name)] : [])).filter(Boolean));
  return dates.size === 1 ? [...dates][0] : undefined;
}

/** The name a record gives the related person (a pet's owner, a child's parent) who bears `pubkey` as their identifier, else ''. */
function relatedNamed(bundle: FhirBundle, pubkey: string): string {
  for (const entry of bundle.entry ?? []) {
    const r = entry.resource;
    if (r?.resourceType === 'RelatedPerson' && nostrPubkeyOf(r) === pubkey && nameOf(r)) return nameOf(r);
  }
  return '';
}

/** Names of Patients that stand for more than one person or pet: found in records of different subjects. */
function sharedNames(views: readonly View[]): Set<string> {
  const subjects = new Map<string, string>();
  const shared = new Set<string>();
  for (const view of views) {
    if (!view.subject) continue;
    for (const name of view.patients.names) {
      const seen = subjects.get(name);
      if (seen === undefined) subjects.set(name, view.subject);
      else if (seen !== view.subject) shared.add(name);
    }
  }
  return shared;
}

/** Entries of some records, counted. */
function entriesOf(records: readonly OpenedRecord[]): number {
  // Not read until shown: what is no opened record (a Bundle, say) then fails as bad data.
  return records.reduce((n, r) => n + (r.bundle?.entry?.length ?? 0), 0);
}

/** Reads and describes what is shown, as steps (a pause every few resources): the views and their totals. */
function* preparing(source: Source): Generator<void, Prepared, void> {
  const views: View[] = [];
  if (source.kind === 'bundle') {
    // Shown, never changed: the Bundle is read in place rather than copied.
    const bundle = yield* readingBundle(source.value, { share: true });
    const summary = yield* summarizing(bundle);
    yield;
    const provenance = yield* checkingProvenance(bundle);
    const patient = patientOf(bundle);
    views.push({ key: 'bundle', bundle, summary, withheld: summary.withheld, provenance, subject: nostrPubkeyOf(patient), animal: !!animalOf(patient), patients: patientsOf(bundle) });
  } else {
    // Unlocked: one health item once, however many records carry it, from the newest record (they
    // come newest first; grouped by patient, an older one may come before).
    const seen = new Set<string>();
    const newest = new Map<string, OpenedRecord>();
    for (const record of source.kind === 'unlocked' ? source.records : []) for (const entry of record.bundle.entry ?? []) if (entry.fullUrl && !newest.has(entry.fullUrl)) newest.set(entry.fullUrl, record);
    for (const record of byPatient(source.records)) {
      const bundle = source.kind === 'unlocked' ? withoutSeen(record, seen, newest) : record.bundle;
      const summary = yield* summarizing(bundle);
      const provenance = record.provenance ?? (yield* checkingProvenance(record.bundle));
      // The record's own Bundle: the one shown may have lost its Patient to a newer record.
      views.push({ key: record.signPubkey, record, bundle, summary, withheld: record.withheld, provenance, subject: record.subject, animal: !!animalOf(patientOf(record.bundle)), patients: patientsOf(record.bundle) });
      yield;
    }
  }
  const sectionTotals = totalsOf(views);
  const itemTotal = views.reduce((n, v) => n + v.summary.items.length, 0);
  const dated = views.flatMap((view) => view.summary.dated.map((item) => ({ view, item })));
  if (views.length > 1) {
    yield;
    dated.sort((a, b) => (b.item.time ?? 0) - (a.item.time ?? 0));
  }
  return { views, sectionTotals, itemTotal, datedAll: dated };
}

/** A clinic's records of one patient together (an animal's, of one owner), in the order each first appears. */
function byPatient(records: readonly OpenedRecord[]): OpenedRecord[] {
  const groups = new Map<string, OpenedRecord[]>();
  for (const r of records) {
    const key = r.subject ?? r.signPubkey;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].flat();
}

/** The items of each section in every view, in the sections' order: those `counted` (all when not given); a section with none is left out. */
function totalsOf(views: readonly View[], counted?: (item: Item) => boolean): [SectionKey, number][] {
  const totals = new Map<SectionKey, number>();
  for (const v of views) {
    for (const [key, items] of v.summary.sections) {
      const n = counted ? items.filter(counted).length : items.length;
      if (n > 0) totals.set(key, (totals.get(key) ?? 0) + n);
    }
  }
  return SECTION_ORDER.filter((k) => totals.has(k)).map((k): [SectionKey, number] => [k, totals.get(k)!]);
}

/**
 * Verified authors and signers who are listed on their record, for their profile names. The inner
 * author is known only inside the encryption; asking relays for a profile of anyone else would
 * tell them whose records this reader holds. A listed author's key is already public in the
 * record's `p` tags.
 */
function listedAuthors(views: readonly View[]): string[] {
  return views.flatMap((v) => {
    if (!v.record) return [];
    const signers = [...v.provenance.items.values()].flatMap((p) => (p.status === 'verified' ? [p.attester] : []));
    if (v.record.authorVerified) signers.push(v.record.author);
    // Whom a record is about, when its Patients give no name: their own name for themselves, if listed.
    if (!v.patients.names.length && v.subject) signers.push(v.subject);
    return [...new Set(signers)].filter((pubkey) => v.record!.listed.includes(pubkey));
  });
}

/** Settles when the page is idle: background work gives way to painting, input and the renders that show items. */
function whenIdle(): Promise<void> {
  const { scheduler } = globalThis as { scheduler?: { postTask?: (work: () => void, options: { priority: 'background' }) => Promise<void> } };
  return new Promise((resolve) => {
    if (typeof scheduler?.postTask === 'function') void scheduler.postTask(resolve, { priority: 'background' });
    else if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve());
    else setTimeout(resolve, 0);
  });
}

/** While `task` runs: a promise that settles (never rejects) when it ends. */
function whilePending(task: { readonly status: TaskStatus; readonly taskComplete: Promise<unknown> }): Promise<void> | undefined {
  if (task.status !== TaskStatus.PENDING) return undefined;
  return task.taskComplete.then(
    () => undefined,
    () => undefined,
  );
}

/** Whether a task stopped because its signal was aborted. */
function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

const checked = new WeakMap<FhirBundle, ProvenanceReport>();

/** Attestations of a handed-in Bundle, checked once per Bundle object, as steps. */
function* checkingProvenance(bundle: FhirBundle): Generator<void, ProvenanceReport, void> {
  let report = checked.get(bundle);
  if (!report) {
    report = yield* verifyingAttestations(bundle);
    checked.set(bundle, report);
  }
  return report;
}

/** The unlocking progress: the record under way of how many, written and as numbers. */
function unlockingText(s: RecordViewerStrings, done: number, total: number, lang: string): string {
  return s.unlocking(formatCount(done, lang), formatCount(total, lang), done, total);
}

/** A signed time as a date and time; a time no date can hold (a record made by hand, not read by the core) as nothing. */
function momentAt(seconds: number, lang: string) {
  return isEventTime(seconds) ? html`<time datetime=${new Date(seconds * 1000).toISOString()}>${formatSeconds(seconds, lang)}</time>` : nothing;
}

/** The verdict for an item: summary items are numbered by their entry's place in the Bundle. */
function itemProvenance(view: View, item: Item): ItemProvenance | undefined {
  const entry = view.bundle.entry?.[Number(item.id)];
  if (!entry) return undefined;
  return view.provenance.entries.get(entry) ?? (entry.fullUrl ? view.provenance.items.get(entry.fullUrl) : undefined);
}

/**
 * Signed, unchanged, by someone other than the patient (or the pet's owner). A record that names
 * no subject does not say who the patient is: its author, and whoever made the Bundle, may well be
 * (a patient's own notes), so their signatures are not counted either.
 */
function signedByOthers(view: View, item: Item): boolean {
  const p = itemProvenance(view, item);
  // An item no one attested on its own is signed by whoever signed the record's whole content.
  const signer = p?.status === 'verified' ? p.attester : !p || (p.status === 'unattested' && !p.addedBy) ? wholeSigner(view) : undefined;
  if (!signer) return false;
  if (view.subject) return signer !== view.subject;
  return signer !== view.record?.author && signer !== view.provenance.sealedBy?.pubkey;
}

/**
 * Who signed a record's whole content as it is, when its author did so themselves (the inner
 * signature, as another app writes a record, holds): that signature covers every item in it.
 */
function wholeSigner(view: View): string | undefined {
  const r = view.record;
  return r?.authorVerified && r.author !== r.signPubkey ? r.author : undefined;
}

/** Whether an item shows a lens table or an attachment (record-extras.ts). */
function needsExtras(item: Item): boolean {
  return !!(item.lenses?.length || item.attachments?.length);
}

/** The view choices a reader can change in the toolbar. */
type HostView = { mode: 'summary' | 'timeline'; signedOnly: boolean };

function isoOf(item: Item): string | undefined {
  return item.time === undefined ? undefined : item.date;
}

/** A signer's short npub, from the view's own memo (it goes with the view, so nothing outlives a sign-out). */
function npubOf(view: View, pubkey: string): string {
  view.npubs ??= new Map();
  let short = view.npubs.get(pubkey);
  if (short === undefined) {
    short = safeNpub(pubkey);
    view.npubs.set(pubkey, short);
  }
  return short;
}

function safeNpub(pubkey: string): string {
  try {
    return shortNpub(pubkey);
  } catch {
    return pubkey.slice(0, 16);
  }
}
