import { html, nothing, type PropertyDeclaration, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { Nip82Element, type Message } from '../shared/base.js';
import { selfChosen } from '../shared/self-chosen.js';
import { ariaLevel } from '../shared/heading-level.js';
import { wordsNow } from '../shared/status-controller.js';
import { emit, type SignerAction } from '../shared/events.js';
import type { SignerRequestExtra } from '../shared/signer-gate.js';
import { resolveStrings } from '../shared/strings.js';
import { partLostText, stateText } from '../shared/action-state-strings.js';
import { isolate, personName, shortNpub, spoken } from '../shared/identity.js';
import { withBdi } from '../shared/bdi.js';
import { listText } from '../shared/lists.js';
import { tokens } from '../shared/styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { forgetRecord, revokeAccess, type AccessChange, type OpenedRecord, type Participant, type Role } from '../core/nip82/record.js';
import { relaysBehind } from '../core/relay/behind.js';
import { assertNewest } from '../core/relay/newest.js';
import { canonicalJson } from '../core/attest/canonical.js';
import { DeclineScope, type PublishReceipt, type RelayClient } from '../core/relay/client.js';
import type { NostrEvent } from '../core/events.js';
import type { Signer } from '../core/signers/signer.js';
import type { RecordStore, StoreChange } from '../core/store/record-store.js';
import { signerAsReader } from '../core/store/signer-as-reader.js';
import { mailUnchecked, recordsUnchecked, sentences, unreadServers } from '../shared/records.strings.js';
import { countsAsItem, endedForReader, grantToReader, readerTerms, shareCopyOf, shareOpen, shareSince, type ShareCopy } from '../core/store/share-copies.js';
import { grantEnd, readGrant } from '../core/nip82/grant.js';
import type { ConsentEvent } from '../core/store/history.js';
import { ModalController } from '../shared/modal.js';
import { ActionController, signedForCurrent } from '../shared/action-controller.js';
import { clockAfter, keepReceipts, outcomesByRelay, receiptDetail, receiptsOf, renderReceipts, renderState, renderSignedIn, renderSignerPage, signedInShown } from '../shared/receipts.js';
import { recordName, subjectNamer } from '../shared/record-text.js';
import { renderStopWaiting } from '../shared/stop-waiting.js';
import { localeOf } from '../shared/strings.js';
import { dayText, momentText, untilText } from '../shared/dates.js';
import { AskedOfRelays, namesAsked, namesLookedUp, withProfileNames, type ProfileName } from '../shared/profiles.js';
import { ActionProgress, type ActionStep } from '../shared/action-progress.js';
import { accessListStyles } from './access-list.styles.js';
import { PatientGroupsMemo, patientGroups, sameRecords, type PatientGroup } from './patient-groups.js';
import { accessListStrings, type AccessListStrings } from './access-list.strings.js';
import { formatCount } from '../shared/numbers.js';
import { focusDropped } from '../shared/focus.js';
import { RenderBudget } from '../shared/render-budget.js';
import { fold } from '../core/fold.js';
import { BusyFlag, busyAttr, busyOf } from './busy-buttons.js';

interface Target {
  record: OpenedRecord;
  pubkey: string;
  role: Role;
  /** Set when revoking a share: the record is the share copy made for this person. */
  share?: ShareCopy;
}

/**
 * One revocation (of one person, or of every share past its end) signed and not yet wholly
 * published. A retry publishes these very events again, skipping those every relay has: the same
 * signed change, never a second one.
 */
interface PendingRevoke {
  changes: { target: Target; change: AccessChange }[];
  events: NostrEvent[];
  /**
   * The relays of its last send, which an event must reach to be out. The client itself is taken
   * at each send: the one in use then may have been closed (the element left the page).
   */
  relays: readonly string[];
  store?: RecordStore;
  /** The latest receipt per relay and event. */
  receipts: Map<string, PublishReceipt>;
  /**
   * Events a relay did not answer in time: it may have stored them all the same (a late answer),
   * so the revocation may be in effect. Kept whatever later sends there say.
   */
  unanswered: Set<string>;
  /** Every share past its end date at once (worded as such), else one person. */
  overdue: boolean;
  /** The signer and user it was signed for: only they may finish sending it. */
  signer: Signer;
  reader?: string;
  /** Applied (the list shows the change): every event reached a storage server. Until then it is half-sent at most. */
  inForce: boolean;
  /** Ended shares its dialog listed and left for later (parts missing): said in every outcome of it, a finish's too. */
  waiting?: number;
}

/** Whether every relay of the revocation took `event`. */
const reachedEvery = (pending: PendingRevoke, event: NostrEvent) =>
  pending.relays.every((relay) => pending.receipts.get(`${relay} ${event.id}`)?.status === 'accepted');

const sameTargets = (a: readonly Target[], b: readonly Target[]) =>
  a.length === b.length && a.every((t, i) => t.record === b[i]!.record && t.pubkey === b[i]!.pubkey);

/**
 * How many of the revocation's events some relay took: any relay it was ever sent to, since one
 * taken off the list since still holds what it took.
 */
const sentOf = (pending: PendingRevoke) => {
  const taken = new Set([...pending.receipts.values()].filter((r) => r.status === 'accepted').map((r) => r.eventId));
  return pending.events.filter((e) => taken.has(e.id)).length;
};

/** Whether none of the revocation is confirmed out but some may be (a relay did not answer in time). */
const unconfirmed = (pending: PendingRevoke) => sentOf(pending) === 0 && pending.unanswered.size > 0;

/**
 * The element ids of a record's heading and of a share, by the record's address, never by place:
 * a change applied makes its record the newest, and the list (newest first) re-sorts under it.
 */
const recordId = (record: OpenedRecord) => `record-${record.signPubkey}`;
const shareId = (record: OpenedRecord) => `share-${record.signPubkey}`;

/**
 * A share someone can still open: its recipient, or anyone added to it since (listed on it besides
 * the user), who keeps it open after the recipient was taken off.
 */
const opens = (c: ShareCopy, me: string | undefined) => shareOpen(c) || (c.record.participants ?? []).some((p) => p.pubkey !== me);

/** From how many patients a clinic's list offers to find one by name: fewer fit on a screen or two. */
const FIND_FROM = 6;
/** How long after the last key the patients found are spoken (as the record viewer says its count). */
const FIND_SAID_AFTER_MS = 700;

/**
 * New records the first render may create: about a screenful of a clinic's list, shown at once.
 * Each render after it creates as many as fit in about RENDER_MS (at most MOST_RECORDS_PER_RENDER),
 * the rest following a task apart, as the record viewer does with a record's items: a clinic's
 * thousands of records opened, or its find field cleared, never hold the page for seconds.
 */
const FIRST_RECORDS = 8;
const RENDER_MS = 10;
const MOST_RECORDS_PER_RENDER = 64;
/**
 * A print from the browser's menu is laid out as soon as its `beforeprint` returns: the records
 * the list has not shown yet are all rendered then when no more than this many are left (a few
 * hundred milliseconds at most); beyond that, the printout says how many it leaves out.
 */
const PRINT_MOST_RECORDS = 500;

/**
 * What changes no record or share as the list shows them: the find field (which shows or hides whole
 * patients), the next of a long list's records, the dialog and the action it takes; and the copy
 * of the records handed in, changed alone only by a revocation applied, which replaces its record
 * (the blocks are kept by their records, and the shares by the list).
 */
const RECORDS_UNREAD: ReadonlySet<PropertyKey> = new Set([
  'find', 'findSaid', 'filled', 'handed', 'targets', 'overdue', 'unfinished', 'result', 'shortfall', 'open', 'done', 'receipts', 'showingHistory',
]);

/** `before` when `now` holds the same records in the same order: what a render kept for that list is kept. */
const unchanged = (before: OpenedRecord[] | undefined, now: OpenedRecord[]) => (before && sameRecords(before, now) ? before : now);

/** Wipes the new keys of revocations that will never be published. */
const forgetUnsent = (list: readonly PendingRevoke[]) => {
  for (const p of list) if (!p.inForce) for (const { change } of p.changes) forgetRecord(change.record);
};

/** A reference to another item: `{ reference: "…" }`. */
const isLink = (v: unknown): boolean => !!v && typeof v === 'object' && typeof (v as { reference?: unknown }).reference === 'string';

/**
 * What an item says of itself: without its links to other items and its narrative, which a share
 * rewrites when the patient hides what they point to or name (the copy then differs from the
 * record with nothing changed); undefined for what is left empty.
 */
function ownContent(value: unknown, top = false): unknown {
  if (Array.isArray(value)) {
    const kept = value.filter((v) => !isLink(v)).map((v) => ownContent(v)).filter((v) => v !== undefined);
    return kept.length ? kept : undefined;
  }
  if (!value || typeof value !== 'object' || isLink(value)) return isLink(value) ? undefined : value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (top && k === 'text') continue;
    const kept = ownContent(v);
    if (kept !== undefined) out[k] = kept;
  }
  return Object.keys(out).length ? out : undefined;
}

/** An item's own content (see {@link ownContent}) as canonical JSON (RFC 8785), kept per resource object: every render compares the same ones. */
const canonicalTexts = new WeakMap<object, string>();
function canonicalText(resource: object): string {
  let text = canonicalTexts.get(resource);
  if (text === undefined) {
    const own = ownContent(resource, true) ?? {};
    try {
      text = canonicalJson(own) ?? '';
    } catch {
      // A lone surrogate or a number out of range: the plain form still tells two copies apart.
      text = JSON.stringify(own) ?? '';
    }
    canonicalTexts.set(resource, text);
  }
  return text;
}

/**
 * When a record a share was drawn from last changed, if after the share was made: a share is a copy,
 * so its recipient still has the items as they were. A change is an item of the share (by `fullUrl`,
 * the patient aside) that a record signed later holds otherwise: one server's practitioner and
 * organisation come again as they were in every export, and a change of who has access alone is none.
 * Links between items and narratives are not compared (a share rewrites those it must): a change
 * only to them goes unsaid.
 */
function changedSince(copy: ShareCopy, held: readonly OpenedRecord[]): number | undefined {
  // Not the patient they are about: every record of theirs carries them, a record drawn from or not.
  const items = new Map<string, object>();
  // Nor a document's Composition: a share lists in it only what it carries.
  for (const e of copy.record.bundle.entry ?? []) if (e.fullUrl && e.resource && e.resource.resourceType !== 'Patient' && e.resource.resourceType !== 'Composition') items.set(e.fullUrl, e.resource);
  let last: number | undefined;
  for (const r of held) {
    if (r.authorSignedAt <= copy.record.authorSignedAt || (last !== undefined && r.authorSignedAt <= last)) continue;
    const differs = (r.bundle.entry ?? []).some((e) => {
      const shared = e.fullUrl && e.resource ? items.get(e.fullUrl) : undefined;
      return shared !== undefined && canonicalText(e.resource) !== canonicalText(shared);
    });
    if (differs) last = r.authorSignedAt;
  }
  return last;
}

/**
 * Record versions whose events reached every storage server, sent since the last read: that read
 * says some server is behind no longer, for any list of the session (one built again on a route).
 */
const reachedEverywhere = new WeakSet<OpenedRecord>();

/**
 * Who can open each of the user's records, and revoking them. The records the user holds come
 * first: an editor of a record sees every participant and their role and may revoke anyone but
 * themselves; a viewer sees only the keys listed on the record (roles are hidden from viewers).
 * Then the shares the user made: to whom, since and until when, how many items, how many hidden,
 * and whether they are still in force. The consent history lists every share, answer, revocation
 * and end date. Revoking names the person and the record, says what stops and what cannot be
 * taken back, signs every event before publishing any, and the list changes only once relays have
 * accepted the change; a shortfall says what went out and a retry sends the same signed events.
 * The status says "waiting for your signer" only while the signer is asked something (who is
 * signed in, the notice to the others, a storage server's sign-in); between those the change is
 * prepared, then sent, and it says so. While the signer is asked before the send, "Stop waiting"
 * (a phone has no Escape key, and a remote signer may never answer) ends the wait: nothing was
 * sent, the dialog says so and the user may try again. While the send waits only for the signer
 * to sign the user in to a storage server, "Stop waiting" passes that server over: the rest is
 * sent on, and the outcome names which servers took the change (the missed one is offered after).
 * A revocation some storage server missed stays offered beside the status, after the dialog
 * closes, until it is sent there (for the same user and signer, in memory only); so does one of
 * which only part went out, and Revoke for the same people offers the rest of it, never a second
 * revocation. Sending it from there offers the same "Stop waiting" beside its notice while a
 * server's sign-in waits on the signer (the status says "waiting for your signer" only then).
 * Shares past their end date are offered for revocation together, after one
 * confirmation. Inside a `<nip82-session>` it reads the session's records: nothing is unlocked
 * twice.
 *
 * @summary Who has access to each record, with revocation and the consent history.
 * @tag nip82-access-list
 * @status experimental
 *
 * @csspart base - The element's wrapper.
 * @csspart patient - One patient's records under their name, when the list holds several patients' (a clinic's); in "What you shared", the shares about one of several (the user, each of their animals) under their name.
 * @csspart input - The field to find a patient by name, in a list of six or more patients' records.
 * @csspart record - One record and its people.
 * @csspart person - One person on a record.
 * @csspart share - One share the user made: to whom, since and until when, how many items, how many hidden, in force or not.
 * @csspart actions - The confirmation dialog's buttons.
 * @csspart dialog - The revocation confirmation dialog.
 * @csspart receipts - Per-relay publish results.
 * @csspart status - The polite live status line.
 * @csspart signer-page - In the open dialog, the remote signer's page to confirm on, with its link.
 * @csspart overdue - The notice offering to revoke every share past its end date.
 * @csspart unfinished - The notice offering to send a revocation to the storage servers that missed it.
 * @csspart button - Every button.
 * @csspart button-primary - The main button of a step (show who has access, close), beside `button`.
 * @csspart button-danger - A button that takes access away for good, beside `button`.
 *
 * @cssproperty --nip82-access-list-record-background - Background of a record.
 * @cssproperty --nip82-access-list-record-gap - Space between records.
 * @cssproperty --nip82-access-list-dialog-width - Inline size of the dialog.
 *
 * @fires nip82-signer-request - Cancelable; before unlocking records, reading the consent history or revoking. Detail `{ action, source, records?, recipient? }`.
 * @fires nip82-revoke - Access was revoked and relays accepted it. Detail `{ signPubkey, pubkey, movedTo? }` (`movedTo`: the record's new sign key, when it moved).
 * @fires nip82-receipts - Per-relay receipts of a revocation (also when it failed). Detail `{ receipts }`.
 * @fires nip82-cancel - The confirmation was dismissed (not its outcome, once revoked). Detail `{ source }`.
 * @fires nip82-error - Something failed, or `records` holds what is no opened record (code `invalid-input`), or an entry of `relays` is no ws:// or wss:// address (code `invalid-url`, once per list given). Detail `{ code, message, action? }`.
 */
export class Nip82AccessList extends Nip82Element {
  static override styles = [tokens, dialogStyles, accessListStyles];

  /**
   * The user's opened records (else the element shows the session's, loading them on request).
   * Revocations replace entries in its own copy. Set back to undefined when the person signed in
   * as they were handed in leaves: a sign-out, another account or another signer.
   * Anything but an array of opened records is taken off the element, with `nip82-error` `invalid-input`.
   */
  @property({ attribute: false }) records?: OpenedRecord[];

  protected override get handedInProperties(): readonly (keyof this)[] {
    return ['records'];
  }

  /**
   * Names the host vouches for, by public key (hex → name), e.g. its directory of clinics and
   * clinicians: each person listed, shared with or in the history is named by theirs (cleaned, the
   * short npub beside it), before any profile name on relays (self-chosen), in the lists, the
   * history and the revoke dialog. A key this does not name takes the enclosing session's
   * `knownNames`; an entry here wins over the session's.
   */
  @property({ attribute: false }) knownNames?: Record<string, string>;

  /**
   * The outline level of the element's first headings (1–6), to fit the page's own: a page whose
   * section heading is an `h2` sets 3. Unset, they keep their tags' levels (each record and the list of shares an `h3`, the people of a record `h4`; in a list of several patients' records, each patient's name an `h3`, their records `h4`, the people `h5`; in "What you shared" about several, whom each group is about an `h4`, its "No longer shared" an `h5`).
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;

  /** Override any built-in string. */
  @property({ attribute: false }) strings?: Partial<AccessListStrings>;

  /** A copy of `records` as handed in, with revocations applied. */
  @state() private handed?: OpenedRecord[];
  @state() private names = new Map<string, ProfileName>();
  /** Whom relays were asked about for the records handed in (a session's store keeps its own: see `namesAsked`). */
  private namesAsked = new AskedOfRelays();
  /** Who the open dialog revokes: one person, or every share past its end date. */
  @state() private targets: Target[] = [];
  /** The dialog lists the shares past their end date. */
  @state() private overdue = false;
  /**
   * Revocations whose events some relay has not taken yet, kept (in memory only, for this user and
   * signer) so they can be sent there too after the dialog is closed: those in force, and those of
   * which only part went out (the rest must follow, never a second revocation of the same record).
   */
  @state() private unfinished: PendingRevoke[] = [];
  /** The revocation whose outcome the open dialog shows. */
  @state() private result?: PendingRevoke;
  /** What went out when publishing fell short, in words, or where to read them (the live region says it). */
  @state() private shortfall: Message = '';
  @state() private open = false;
  @state() private done = false;
  @state() private receipts: PublishReceipt[] = [];
  @state() private showingHistory = false;
  /** What the user typed to find a patient among many (a clinic's list). */
  @state() private find = '';
  /** Whether how many patients the name finds is spoken: once the user stops typing, not at each key. */
  @state() private findSaid = false;
  private findTimer?: ReturnType<typeof setTimeout>;
  /** Renewed to render the next of the records the last render left for later (see {@link budget}). */
  @state() private filled = 0;
  /** How many new records a render creates (the records held, in reading order). */
  private readonly budget = new RenderBudget(FIRST_RECORDS, RENDER_MS, MOST_RECORDS_PER_RENDER);
  /** Whether the last render left records for the next one. */
  private unfinishedRender = false;
  /** Settles when the next of those renders has been asked for. */
  private filling?: Promise<void>;
  /** How many records due the last render left for later (see {@link budget}). */
  private notShown = 0;
  /** The next render creates every record due at once: a printout is about to be laid out. */
  private printAll = false;
  /** The patients the find field leaves out, as the last render found them. */
  private leftOut: PatientGroup[] = [];

  private readonly modal = new ModalController(this, () => this.open);

  private pending?: PendingRevoke;
  /** What the latest revocation (or its finishing) is doing, and the signer calls it waits on. */
  private progress?: ActionProgress;
  /** The unfinished revocation being sent to the storage servers that missed it, from its notice or the dialog. */
  private finishing?: PendingRevoke;
  /** What the send under way sends: how many events, to how many storage servers. */
  private sendingNow: [events: number, relays: number] = [0, 0];
  /** The revocation (or its finishing) under way, and every way it stops. */
  private readonly actions = new ActionController(this, {
    status: () => this.status,
    setStatus: (status, message) => this.setStatus(status, message),
    cancelledText: () => '',
    closeDialog: () => this.modal.close(),
  });
  private trigger?: HTMLElement;
  /** The latest read asked for (see {@link readLeft}). */
  private reading?: object;

  private get s(): AccessListStrings {
    return resolveStrings(accessListStrings, this, this.strings);
  }

  protected override get accountChangedText(): string {
    return this.s.accountChanged;
  }

  protected override get checkingAccountText(): string {
    return this.s.checkingAccount;
  }

  /** Every record shown: handed in, else the session store's once loaded. */
  private get list(): OpenedRecord[] | undefined {
    if (this.handed) return this.handed;
    const store = this.currentStore;
    return store?.loaded ? store.records : undefined;
  }

  // "You" and the self-revoke guard come from who opened the records: the signer is not asked.
  private get myKey(): string | undefined {
    return this.currentStore?.reader ?? this.session?.pubkey ?? this.list?.[0]?.reader;
  }

  private get busy(): boolean {
    return this.status === 'waiting-signer' || this.status === 'working';
  }

  /** A profile's name fit to show beside the short npub, '' when it passes for someone (see `selfChosen`). */
  private selfName(name: string | undefined): string {
    return selfChosen(name, this.knownNames, this.session?.knownNames);
  }

  /** The name a person is shown by: the host's (it vouches for it), else their profile's (self-chosen). */
  private nameFor(pubkey: string): string | undefined {
    return this.hostName(pubkey, this.knownNames) || this.selfName(this.names.get(pubkey)?.name) || undefined;
  }

  /** A name isolated beside its short npub (it goes into sentences built as strings), or the short npub alone. */
  private who(pubkey: string): string {
    const name = this.nameFor(pubkey);
    return name ? `${isolate(name)} (${shortNpub(pubkey)})` : shortNpub(pubkey);
  }

  private nameOf(record: OpenedRecord): string {
    // The host's name only for an author whose signature was checked: it would vouch for a claim.
    const short = shortNpub(record.author);
    const author = record.author === this.myKey ? this.s.you
      : record.authorVerified ? personName(this.hostName(record.author, this.knownNames), this.selfName(this.names.get(record.author)?.name), short) : short;
    return recordName(record, this.s, author, localeOf(this), this.patientOf(record));
  }

  /** Whom a record is about, when the list needs it to tell records apart (two pets, a parent's). */
  private patientOf(record: OpenedRecord): string | undefined {
    return this.namer(record);
  }

  /** Worked out once per render, over the records listed. */
  private namer: (record: OpenedRecord) => string | undefined = () => undefined;

  /** The records listed, told apart (see {@link sorted}), as the last render found them. */
  private sortedLast?: { list: OpenedRecord[]; held: OpenedRecord[]; copies: OpenedRecord[]; namer: (record: OpenedRecord) => string | undefined };

  /**
   * The records the user holds, the copies they made to share, and whom each is about: worked out
   * again only when the records listed change, not at each of the renders that bring a clinic's
   * thousands of records onto the page a few at a time.
   */
  private sorted(list: OpenedRecord[]): NonNullable<typeof this.sortedLast> {
    const last = this.sortedLast;
    if (last && unchanged(last.list, list) === last.list) return last;
    const held = list.filter((r) => !shareCopyOf(r));
    const copies = list.filter((r) => shareCopyOf(r));
    // Holds no user's records beyond the list: a sign-out's empty list replaces it.
    return (this.sortedLast = { list, held, copies, namer: subjectNamer(list) });
  }

  /** The records held, by patient: grouped again when they or the language change, not at each render (a key typed to find a patient). */
  private readonly grouped = new PatientGroupsMemo();

  /**
   * What a patient's records (and the shares the user made) are shown from: renewed at every update
   * but one the find field alone made (a key typed, its count spoken), which shows or hides whole
   * patients, one that adds the next of a long list's records, one of the status line alone (a
   * step of a revocation), or one of the dialog and the action it takes (see {@link RECORDS_UNREAD}):
   * none renders any of a clinic's thousands of records, nor its shares, again. Whether an action is
   * under way reaches their Revoke buttons apart (see {@link busyNow}); a revocation applied
   * replaces its record, which the blocks are kept by.
   */
  private recordsShownFrom = {};

  /** Whether an action is under way, as the Revoke buttons of the records and shares say it, without those rendered again. */
  private readonly busyNow = new BusyFlag();

  /**
   * Each group's records the last render showed, by the group's key: the same list while no record
   * of it came or went, which that group's render is kept for. By key, not by group: a revocation
   * applied replaces one record, the records are grouped again, and the other groups keep theirs.
   */
  private shownOf = new Map<string, OpenedRecord[]>();
  /** The same, for one person's records (listed as one). */
  private heldShown?: OpenedRecord[];

  /** Each group's names as the find field compares them (accents and case aside), kept with the groups: folded once, not at each key typed. */
  private folded = new WeakMap<PatientGroup, { lang: string; name: string; folded: string[] }>();

  /** Counts read as the share dialog wrote them when the share was made ("1,050"), never as JavaScript prints them; '' for a count the share does not give. */
  private count(n: number | undefined): string {
    return n === undefined ? '' : formatCount(n, localeOf(this));
  }

  private day(value: number | string | undefined): string {
    if (value === undefined || value === '') return this.s.none;
    // A moment (a share's start, written in UTC) falls on the reader's own day; a bare date is shown as written.
    const ms = typeof value === 'string' && value.length > 10 ? Date.parse(value) : NaN;
    return dayText(Number.isFinite(ms) ? Math.floor(ms / 1000) : value, localeOf(this));
  }

  /**
   * The control that had the keyboard's focus went with a render that took the list away under it
   * (a Revoke pressed as the signer turned out to hold another account, a sign-out in another tab):
   * the focus goes to the list's first control, the way on for whoever is there now, beside the
   * line that says why; not to the page's body, where a screen-reader user is lost.
   */
  protected override update(changed: PropertyValues<this>): void {
    const focused = this.shadowRoot?.activeElement;
    // One budget per render: renderHeld takes from it the records it shows.
    this.budget.begin(this.printAll ? Infinity : 0);
    this.printAll = false;
    // Here, not in willUpdate: an update may end the action itself (another signer handed in stops
    // it), and no update follows that for the buttons to hear it.
    this.busyNow.value = this.busy;
    super.update(changed);
    this.notShown = this.budget.missed;
    this.unfinishedRender = this.budget.end();
    if (focusDropped(focused, this)) this.renderRoot.querySelector<HTMLElement>('.controls > button')?.focus();
    // A render that only brought more of the same records onto the page, or a key typed in the find
    // field, changes no share's end: at thousands of records, looking at every one took longer than the key.
    if (!this.endsKept) this.wakeAtEnd();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.unfinishedRender || this.filling) return;
    // A task apart, so that a key typed and painting come in between.
    this.filling = new Promise((resolve) =>
      setTimeout(() => {
        this.filling = undefined;
        this.filled++;
        resolve();
      }, 0),
    );
  }

  /** Settles once every record due is on the page, not only the first of them. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let pending; (pending = this.filling); ) {
      await pending;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.endTimer);
    clearTimeout(this.findTimer);
    window.removeEventListener('beforeprint', this.onBeforePrint);
  }

  /**
   * A print from the browser's menu while the list still fills in (a clinic's thousands of
   * records): laid out as soon as this returns, so the records not on the page yet are rendered
   * now when that is cheap; otherwise the printout says how many it leaves out.
   */
  private readonly onBeforePrint = (): void => {
    if (!this.unfinishedRender || this.notShown > PRINT_MOST_RECORDS) return;
    this.printAll = true;
    // A named change: the records already on the page are kept, not rendered again.
    this.filled++;
    this.performUpdate();
  };

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    // Asked with no property named (a language, a store's news, a share's end), in the same update
    // as a key typed or not; not the status line's own news (a step of a revocation), which no
    // record reads, nor the store's news of the revocation this element applied (see {@link applying}).
    if (name === undefined && !this.stateMoved() && !this.applying) this.renewShown = true;
    super.requestUpdate(name, oldValue, options);
  }

  /** The status line as the last request for an update found it (see {@link stateMoved}). */
  private stateSeen?: [status: string, words: unknown, code: string];
  /** The next update renders the records and shares again (see {@link recordsShownFrom}). */
  private renewShown = true;
  /**
   * The store is told of a revocation this element applied: its news replaces that record alone,
   * as a revocation applied to the records handed in does (see {@link RECORDS_UNREAD}), and the
   * blocks are kept by their records.
   */
  private applying = false;
  /** The update under way changes nothing but the find field and how many records are on the page (see {@link wakeAtEnd}). */
  private endsKept = false;

  /** Whether the status line changed since the last request for an update: the request is its own. */
  private stateMoved(): boolean {
    // Called by the constructor too, before the status line is made.
    const state = this.state as typeof this.state | undefined;
    if (!state) return false;
    const now: [string, unknown, string] = [state.status, state.words, state.errorCode];
    const seen = this.stateSeen;
    this.stateSeen = now;
    return !!seen && now.some((v, i) => v !== seen[i]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const keys = [...(changed as Map<PropertyKey, unknown>).keys()];
    if (this.renewShown || keys.some((k) => !RECORDS_UNREAD.has(k))) this.recordsShownFrom = {};
    this.endsKept = !this.renewShown && keys.length > 0 && keys.every((k) => k === 'find' || k === 'findSaid' || k === 'filled');
    this.renewShown = false;
    // Records handed in have no store to clear on a sign-out: the element's own signer changing is one.
    if (changed.has('signer') && changed.get('signer') !== undefined) this.actions.stop();
    if (changed.has('records')) {
      this.handed = this.records ? [...this.records] : undefined;
      // Nothing of the last records' patients is kept for the next ones.
      this.forgetGroups();
      // Taken away (a sign-out), or another user's handed in straight after: the name typed is not the next one's.
      const before = changed.get('records') as OpenedRecord[] | undefined;
      if (!this.records?.length || before?.[0]?.reader !== this.records[0]!.reader) {
        this.find = '';
        this.namesAsked.forget();
      }
      void this.lookUpNames();
    }
    // Handed records have no store to say the user changed: another signer or user forgets what
    // the last one left unfinished (never only hides it, to offer it again on their return).
    if (this.unfinished.length && this.kept.length < this.unfinished.length) this.keepOnly(this.kept);
  }

  protected override storeChanged(change: StoreChange | 'replaced'): void {
    // The wait while records are unlocked says which one is at the signer.
    if (change === 'progress') this.requestUpdate();
    if (change === 'replaced' || change === 'cleared' || change === 'reader') {
      // Nothing of the last user stays: a revocation under way, lists, names, history, an open dialog.
      this.actions.stop();
      this.names = new Map();
      this.namesAsked.forget();
      this.forgetGroups();
      this.showingHistory = false;
      this.find = '';
      this.targets = [];
      this.result = undefined;
      this.dropPending();
      this.keepOnly([]);
      this.receipts = [];
      this.done = false;
      if (this.open) {
        // Closed now, not at the dialog's close event: a render in between would open it again.
        this.open = false;
        this.modal.close();
      }
      return;
    }
    if (change === 'records') this.offerBehind();
    if (change === 'records' || change === 'mail') void this.lookUpNames();
  }

  /**
   * Built anew on a route shown again (a single-page app), the list shows the session's records
   * already read at once: its people are named too, not by their keys alone.
   */
  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.onBeforePrint);
    if (this.currentStore?.loaded) void this.lookUpNames();
    // A share whose end came while the list was away reads as past its end.
    if (this.hasUpdated) this.requestUpdate();
  }

  /** The render at the next end of a share still open (the user's, or one to them), so the list says then that its end date has passed. */
  private endTimer?: ReturnType<typeof setTimeout>;

  // After each render, not in it: the wake-up is a side effect, and each render may have been the last one before the end.
  private wakeAtEnd(): void {
    clearTimeout(this.endTimer);
    const list = this.list ?? [];
    const ends = list.map((r) => this.endOf(r));
    const next = Math.min(...ends.filter((e) => e! * 1000 > Date.now()) as number[]);
    if (next < Infinity && this.isConnected) this.endTimer = setTimeout(() => this.requestUpdate(), Math.min(next * 1000 - Date.now(), 2 ** 31 - 1));
  }

  /**
   * Each record's end as {@link readEnd} read it (null: none): a step of a revocation changes no
   * record, and one applied replaces its record alone, so at thousands of records each step reads
   * none again, and the change the one it made.
   */
  private readonly ends = new WeakMap<OpenedRecord, number | null>();

  private endOf(record: OpenedRecord): number | undefined {
    let end = this.ends.get(record);
    if (end === undefined) this.ends.set(record, (end = this.readEnd(record) ?? null));
    return end ?? undefined;
  }

  /**
   * When a share ends (the user's, or one to them), the first second without it; read from the
   * record alone, not the hour, so that it is read once: a share of the user's whose recipient is
   * no longer on it ends no more. Whether that second has come is the caller's to judge.
   */
  private readEnd(record: OpenedRecord): number | undefined {
    const share = shareCopyOf(record);
    if (!share) return readerTerms(record)?.ends;
    // As the share reads "in force" (its status) until its end: while its recipient is on it.
    return share.record.participants?.some((p) => p.pubkey === share.grant.recipient) ? grantEnd(share.grant) : undefined;
  }

  /**
   * A share revoked (or ended) whose newest version some storage server read to the end does not
   * serve yet (the revocation reached only some, in an earlier visit or another app): that one
   * still serves the version from before, which its recipient can open. Offered as a revocation
   * in force not yet everywhere, to send the very same events there; nothing new is signed.
   */
  private readonly offeredBehind = new WeakSet<OpenedRecord>();

  private offerBehind(): void {
    const [store, signer, reader] = [this.currentStore, this.activeSigner, this.myKey];
    if (!store || !signer) return;
    const more: PendingRevoke[] = [];
    for (const share of store.shares) {
      const record = share.record;
      // Each version once: sent since, it is not offered again before the next load says.
      if ((share.status !== 'revoked' && share.status !== 'ended') || this.offeredBehind.has(record) || reachedEverywhere.has(record) || !relaysBehind(store.lastRead, record.events).length) continue;
      this.offeredBehind.add(record);
      const target: Target = { record, pubkey: share.grant.recipient, role: 'viewer', share };
      const change: AccessChange = { events: record.events, deletions: [], notices: [], record };
      more.push({ changes: [{ target, change }], events: record.events, relays: store.client.relays, store, receipts: new Map(), unanswered: new Set(), overdue: share.status === 'ended', signer, reader, inForce: true });
    }
    if (more.length) this.unfinished = [...this.unfinished, ...more];
  }

  private async lookUpNames(): Promise<void> {
    const list = this.list;
    if (!list) return;
    const [store, handedIn] = [this.currentStore, this.records];
    const reader = store?.reader;
    // Who holds a record and who signed it first, then the history's people; keys a record merely
    // lists (which anyone may pad) last: only so many names are looked up.
    const keys = new Set(list.flatMap((r) => [...(r.participants ?? []).map((p) => p.pubkey), ...(r.authorVerified ? [r.author] : [])]));
    for (const e of this.currentStore?.history() ?? []) keys.add(e.who);
    for (const r of list) for (const pubkey of r.listed) keys.add(pubkey);
    // The host's names need no lookup: relays are not asked about people the portal already names.
    // Those the store's reader already had looked up (this list shown before) are shown at once, and not asked again.
    const earlier = store && namesLookedUp(store);
    // Only when they add some: new names render every record again.
    if (earlier && [...earlier.keys()].some((p) => !this.names.has(p))) this.names = new Map([...earlier, ...this.names]);
    // Nor those asked about before who have no profile (this list's records after a revocation).
    const client = this.passiveRelayClient();
    const asked = (store ? namesAsked(store) : this.namesAsked).of(client);
    const names = await withProfileNames(client, this.names, [...keys].filter((p) => !this.hostName(p, this.knownNames)), earlier, asked);
    // Names looked up for the last user never reach the next one. Records the page handed in
    // before a session's store arrived are no user's: their names stand while the same records are
    // shown, a revocation made meanwhile among them (it changes the element's copy, not the people).
    if ((this.currentStore === store && store?.reader === reader) || (!store && this.handed && this.records === handedIn)) this.names = names;
  }

  /** The wait while records are unlocked, one approval each: which of how many is at the signer. */
  private unlockWait(): string {
    const p = this.currentStore?.progress;
    if (!p || p.total < 2 || p.done >= p.total) return this.s.waitUnlock;
    return sentences(this.s.waitUnlock, this.s.unlockingRecord(p.done + 1, p.total, this.count(p.done + 1), this.count(p.total)));
  }

  private load = async (): Promise<void> => {
    if (this.busy) return;
    const read = (this.reading = {});
    const store = await this.withSigner('unlock', () => this.unlockWait(), async () => {
      const store = this.recordStore();
      await store.load({ refresh: store.loaded });
      return store;
    });
    // Signed out or another person meanwhile: what the last one's read found is not the next one's to hear.
    if (!store || store !== this.currentStore) return this.readLeft(read);
    // What this read found, said in the words of the page's language at each render.
    const [found, held, failed, left, older, reports, clockOff] = [store.records.length, store.held.length, store.failures.length, store.unopenedRecords, store.olderRecordsUnchecked, [...store.reports], store.client.clockOff];
    // The copies of what the patient shared were unlocked too, one prompt each: said, or the count reads short of the prompts.
    const shared = found - held;
    // Not "no records" while some were left unopened, or older ones or some storage server's were not checked.
    const unread = unreadServers(reports).length > 0;
    this.setStatus('done', () => sentences(
      found ? this.s.loaded(held, formatCount(held, localeOf(this)), failed, formatCount(failed, localeOf(this)), shared, formatCount(shared, localeOf(this))) : older || unread || left ? '' : this.s.noRecords,
      recordsUnchecked(reports, this.s, clockOff),
      left ? this.s.recordsLeft(left, this.count(left)) : '',
      older ? this.s.recordsOlder : '',
    ));
    this.offerBehind();
    // Loaded again on the user's request: someone with no name before may have published one since.
    namesAsked(store).forget();
    void this.lookUpNames();
  };

  private showHistory = async (): Promise<void> => {
    if (this.busy) return;
    const read = (this.reading = {});
    const store = await this.withSigner('read-requests', () => this.s.waitHistory, async () => {
      const store = this.recordStore();
      // Shares and revocations come from the records, answers from the consent messages. What the
      // last read left (the status said so) is read now; else nothing is read again, since that
      // would ask the signer to open the copies of what the user sent here, already known. Both
      // reads are one click: a server the user declines to sign in to is asked once.
      const declined = store.client.declineScope();
      const left = store.unopenedRecords > 0 || store.olderRecordsUnchecked || unreadServers(store.reports).length > 0;
      await Promise.all([store.load({ refresh: left, declined }), store.readMail({ refresh: store.unreadMail > 0, declined })]);
      return store;
    });
    if (!store || store !== this.currentStore) return this.readLeft(read);
    this.showingHistory = true;
    // The history is only as whole as what was read: say what a read left for the next one (as
    // this read left it, in the words of the page's language at each render). Whether there is
    // any history is as it is now: a share made beside this list ends "nothing yet".
    const [records, olderRecords, mail, reports, clockOff] = [store.unopenedRecords, store.olderRecordsUnchecked, store.unreadMail, [...store.reports], store.client.clockOff];
    const unchecked = { olderMailUnchecked: store.olderMailUnchecked, mailReports: [...store.mailReports] };
    this.setStatus('done', () => {
      const s = this.s;
      // "Nothing yet" only when nothing was left unread that could hold some: no record or message
      // left for later, no storage server unread.
      const whole = !records && !olderRecords && !mail && !unchecked.olderMailUnchecked && !unreadServers([...reports, ...unchecked.mailReports]).length;
      return sentences(!store.history().length && whole ? s.noHistory : '', recordsUnchecked(reports, s, clockOff), records ? s.recordsLeft(records, this.count(records)) : '', olderRecords ? s.recordsOlder : '', mail ? s.mailLeft(mail, this.count(mail)) : '', mailUnchecked(unchecked, s, clockOff));
    });
    this.modal.focusNext = '#history';
    void this.lookUpNames();
  };

  /**
   * A read ended on a store no longer in effect (closed as the element left the page, or gone with
   * a sign-out): it shows nothing, and, still the latest read, it no longer says it waits (put
   * back, the buttons work again).
   */
  private readLeft(read: object): void {
    if (read === this.reading && this.busy) this.setStatus('idle', '');
  }

  // ---------------------------------------------------------------------------------------------
  // Revoke

  /** The dialog names the user's record and the person: after a focus, only once the signer says the same user is there. */
  private ask(targets: Target[], event: Event, overdue = false): void {
    if (this.busy) return;
    const trigger = event.currentTarget as HTMLElement;
    this.afterKeyCheck(() => this.askWith(targets, trigger, overdue));
  }

  private askWith(targets: Target[], trigger: HTMLElement, overdue: boolean): void {
    this.trigger = trigger;
    // A change signed earlier and not wholly published is offered again as it was, never re-made:
    // the one this dialog last showed, or one of which only part went out (kept beside the list).
    const same = (p: PendingRevoke) => !p.inForce && this.ownedHere(p) && sameTargets(p.changes.map((c) => c.target), this.revocable(targets));
    const resumes = this.kept.find(same) ?? (this.pending && same(this.pending) ? this.pending : undefined);
    if (resumes !== this.pending) this.dropPending();
    this.pending = resumes;
    this.targets = targets;
    this.overdue = overdue;
    this.result = undefined;
    this.done = false;
    this.receipts = resumes ? [...resumes.receipts.values()] : [];
    if (resumes && this.kept.includes(resumes)) {
      // Whatever was shown since, the dialog says again what went out, and offers the rest.
      this.shortfall = this.partlyText(resumes);
      this.setStatus('relay-error', '');
    } else if (!resumes) {
      this.shortfall = '';
      this.setStatus('idle', '');
    }
    this.open = true;
  }

  /**
   * Lets go of the change the dialog last showed. One of which nothing went out is forgotten (its
   * new keys wiped); one of which part went out stays kept beside the list, to be finished.
   */
  private dropPending(): void {
    if (this.pending && !this.unfinished.includes(this.pending)) forgetUnsent([this.pending]);
    this.pending = undefined;
    this.shortfall = '';
  }

  /** Keeps only `list` of the unfinished revocations; the half-sent ones let go are forgotten (their new keys wiped). */
  private keepOnly(list: PendingRevoke[]): void {
    const gone = this.unfinished.filter((p) => !list.includes(p));
    forgetUnsent(gone);
    if (this.pending && gone.includes(this.pending)) this.pending = undefined;
    this.unfinished = list;
  }

  /**
   * "Stop waiting": before the send, ends the wait for the signer as Escape does, but the dialog
   * stays to say that nothing was changed, and the user may try again. During the send, where the
   * only wait is the signer signing the user in to a storage server that asked (a remote signer
   * may never answer, and the send cannot be cancelled: part of it may be out), those servers are
   * passed over and the rest goes on without them; the outcome then says exactly which servers
   * took it. The button pressed is gone: focus goes to the dialog's heading, never to the page
   * behind it; outside the dialog (finishing from the notice of a revocation some server missed),
   * to that notice's own button, which stays.
   */
  private stopWaiting = (): void => {
    const progress = this.progress;
    const back = this.open ? '#dialog-title' : `#finish-${Math.max(this.finishing ? this.kept.indexOf(this.finishing) : 0, 0)}`;
    // The words are read from the strings in effect at each render: they follow a change of language.
    if (this.actions.cancel(() => this.s.stoppedWaiting)) this.modal.focusNext = back;
    else if (progress?.sendWaitsOnSignIn) {
      progress.stopSignIns();
      this.modal.focusNext = back;
    }
  };

  /** Each signer action is a new one: the last one's progress, and the approval it was declined at, are over. */
  protected override withSigner<T>(action: SignerAction, waitingText: Message, run: (signer: Signer) => Promise<T>, extra?: SignerRequestExtra, signal?: AbortSignal): Promise<T | undefined> {
    this.progress = undefined;
    return super.withSigner(action, waitingText, run, extra, signal);
  }

  /** A part of the page not fetched: what pressing the same button again does, in the words of what it was for. */
  private partLost(): string | undefined {
    const reading = this.status === 'relay-error' && this.errorCode === 'part-unavailable' && this.lastAction === 'read-requests';
    return reading ? this.s.historyLost : partLostText(this.status, this.errorCode, this.lastAction, this.s);
  }

  /** What a refusal says: after others were given, which approval was declined and what trying again asks. */
  private refusedText(said: string): string {
    const n = this.status === 'refused' ? this.progress?.refusedAt : undefined;
    return n && n > 1 ? sentences(said, this.s.refusedApproval(n, this.count(n))) : said;
  }

  /** Follows the revocation begun with `signal`, saying at each moment what it does (see {@link ActionProgress}). */
  private track(signal: AbortSignal, signIns: DeclineScope): ActionProgress {
    const sending = () => {
      const [events, relays] = this.sendingNow;
      return this.s.publishing(events, relays, this.count(events), this.count(relays));
    };
    const words = (step: ActionStep) => () => (step === 'preparing' ? this.s.preparing : step === 'sending' ? sending() : this.s.sendingOn);
    this.progress = new ActionProgress((status, message) => this.setStatus(status, message), words, () => this.s.waitSignIn, signal, signIns, 'preparing',
      (n, what) => this.s.signerApproval(n, this.count(n), what));
    return this.progress;
  }

  private onClose = (): void => {
    this.open = false;
    // A revocation still missing from some storage server: its finish button, beside the status, is the way on.
    const shown = this.result ?? this.pending;
    const left = shown ? this.kept.indexOf(shown) : -1;
    if (left >= 0) {
      this.modal.focusNext = `#finish-${left}`;
      return;
    }
    // With nothing of the last person left to go back to (their records went with them), the
    // list's first control: the way on for whoever is in now.
    const back = this.trigger?.isConnected ? this.trigger : this.renderRoot.querySelector<HTMLElement>(this.focusBack() ?? '.controls > button');
    back?.focus();
  };

  /**
   * Where focus goes once the button that opened the dialog is gone (the person or share revoked):
   * the share or record itself, found by its address now (targets follow a record that moved), or
   * the shares' heading after revoking every ended share.
   */
  private focusBack(): string | undefined {
    const first = this.targets[0];
    if (this.overdue) return '#shares-title';
    return first ? `#${first.share ? shareId(first.record) : recordId(first.record)}` : undefined;
  }

  /**
   * Another revocation of a record the dialog's would change, of which only part went out: until
   * its rest is sent, a second change of that record would be made from the version it replaces.
   */
  private get blocking(): PendingRevoke | undefined {
    return this.kept.find((p) => !p.inForce && p !== this.pending && p.changes.some((c) => this.targets.some((t) => t.record === c.target.record)));
  }

  private confirm = async (): Promise<void> => {
    // Among ended shares, one with parts missing is left for later; the others are revoked now.
    const targets = this.revocable(this.targets);
    if (this.busy || this.blocking || !targets.length) return;
    this.receipts = this.pending ? [...this.pending.receipts.values()] : [];
    this.shortfall = '';
    // Whose revocation this is, taken now: once signing ends the host may be reloading the records, and nobody known.
    const reader = this.myKey;
    const signal = this.actions.begin();
    const pending = await this.withSigner(
      'revoke',
      () => this.s.waitRevoke,
      async (signer) => {
        // One sign-in prompt per server for the whole revocation: its checks and its sends. From
        // here the status says what is done at each moment, "waiting for your signer" only while
        // the signer is asked something.
        const progress = this.track(signal, new DeclineScope());
        try {
          // Every event of this revocation is signed before any is published: a refusal at any
          // prompt leaves nothing half-done. A retry sends the same events again.
          const kept = this.pending;
          const pending = kept ?? (await this.sign(targets, signer, reader, signal, progress));
          if (signal.aborted) {
            // Signed for a user who left, or after Escape: never published, its new keys wiped.
            if (!kept) for (const { change } of pending.changes) forgetRecord(change.record);
            signal.throwIfAborted();
          }
          this.pending = pending;
          await this.sendRest(pending, signal, progress);
          return pending;
        } finally {
          progress.end();
        }
      },
      { records: targets.flatMap((t) => t.record.naddrs), ...(targets.length === 1 ? { recipient: targets[0]!.pubkey } : {}) },
      signal,
    );
    if (!pending || signal.aborted) return;
    this.pending = undefined;
    this.applied(pending);
  };

  /**
   * Builds and signs every event of revoking `targets`; nothing is published here. Once `signal`
   * is aborted (Escape, Cancel) the signer is asked nothing more.
   */
  private async sign(targets: Target[], signer: Signer, reader: string | undefined, signal: AbortSignal, progress: ActionProgress): Promise<PendingRevoke> {
    const declined = progress.signIns;
    // Only the user who opened the records may change them, not whoever holds the signer now: the
    // store asks it (records handed in have no store: their notices are signed only as their reader).
    const store = this.handed ? undefined : this.recordStore();
    if (store) for (const t of targets) await progress.asking(() => this.s.checkingAccount, () => store.assertCanChange(t.record));
    // Stopped while the signer was asked who is signed in: no server is read for it any more.
    signal.throwIfAborted();
    const client = store?.client ?? this.relayClient();
    // A relay still serving an older version must not make this change undo a newer one.
    for (const t of targets) await assertNewest(client, t.record, { declined });
    signal.throwIfAborted();
    const changes: PendingRevoke['changes'] = [];
    const asked = progress.signer(this.actions.guard(signer, signal), () => this.s.waitRevoke, () => this.s.checkingAccount);
    // Records handed in: the notices are signed only by the user they were opened for, whose key is asked once.
    const asReader = new Map<string, Signer>();
    const notifier = (reader: string) => asReader.get(reader) ?? asReader.set(reader, signerAsReader(asked, reader, this.signedInAs(signer))).get(reader)!;
    try {
      for (const target of targets) {
        const notify = store ? asked : notifier(target.record.reader);
        changes.push({ target, change: await revokeAccess(target.record, target.pubkey, { notify, relays: client.relays }) });
      }
    } catch (error) {
      for (const { change } of changes) forgetRecord(change.record);
      throw error;
    }
    return { changes, events: changes.flatMap((c) => c.change.events), relays: client.relays, store, receipts: new Map(), unanswered: new Set(), overdue: this.overdue, signer, reader: reader ?? this.myKey, inForce: false, waiting: this.targets.length - targets.length };
  }

  /**
   * Sends the revocation's events some relay still lacks, through the client in effect now (as
   * the consent prompt does): a client kept from before may have been closed.
   */
  private async sendRest(pending: PendingRevoke, signal: AbortSignal, progress?: ActionProgress): Promise<void> {
    // What went out is said again only when this send falls short: one that fails before sending
    // anything (no usable relay) is said as the failure it is.
    this.shortfall = '';
    const client = this.currentStore?.client ?? this.relayClient();
    pending.relays = client.relays;
    const left = pending.events.filter((e) => !reachedEvery(pending, e));
    this.sendingNow = [left.length, client.relays.length];
    // Finishing one sent before is an action of its own: its own sign-ins, followed as it goes.
    const tracked = progress ?? this.track(signal, client.declineScope());
    try {
      signal.throwIfAborted();
      tracked.doing('sending');
      await this.actions.send(signal, client, () => this.publish(pending, left, client, signal, tracked));
    } finally {
      if (!progress) tracked.end();
    }
  }

  private async publish(pending: PendingRevoke, events: NostrEvent[], client: RelayClient, signal: AbortSignal, progress: ActionProgress): Promise<void> {
    const keep = (list: readonly PublishReceipt[]) => {
      for (const r of list) if (r.status === 'timeout') pending.unanswered.add(r.eventId);
      keepReceipts(pending.receipts, list);
      // Whoever it was for may have gone meanwhile: nothing of it is shown to the next one.
      if (!signal.aborted) this.receipts = [...pending.receipts.values()];
    };
    try {
      keep(await client.publishAll(events, { signal, declined: progress.signIns }));
    } catch (error) {
      // Whoever it was for has gone: nothing of it is shown.
      if (signal.aborted) throw error;
      keep(receiptsOf(error));
      if (this.receipts.length) emit(this, 'nip82-receipts', { receipts: receiptDetail(this.receipts) });
      // Exactly what went out: how many of the signed events some relay holds now.
      // Part of it out, or maybe out (a relay that did not answer in time may have stored it).
      const sent = sentOf(pending) > 0 || pending.unanswered.size > 0;
      // Nothing out once "Stop waiting" passed servers over: said plainly, not as servers that refused.
      this.shortfall = sent ? this.partlyText(pending) : progress.passedOver ? () => this.s.nothingRevoked : '';
      // From now on it is kept, and its rest offered, until it is all sent or the user leaves: never
      // wiped, and never a second revocation of the same record made beside it.
      if (sent && !this.unfinished.includes(pending)) this.unfinished = [...this.unfinished, pending];
      throw error;
    }
  }

  /** Every event reached a storage server: the change is in force, in the list and announced. */
  private applied(pending: PendingRevoke): void {
    const receipts = this.receipts;
    pending.inForce = true;
    if (this.pending === pending) this.pending = undefined;
    this.applying = true;
    try {
      for (const { target, change } of pending.changes) {
        pending.store?.applyChange(target.record, change, target.pubkey);
        if (this.handed) this.handed = this.handed.map((r) => (r === target.record ? change.record : r));
      }
    } finally {
      this.applying = false;
    }
    // Matched by record and person: a revocation resumed from before was signed for equal targets, not these very objects.
    const changed = (t: Target) => pending.changes.find((c) => c.target.record === t.record && c.target.pubkey === t.pubkey)?.change.record;
    // The ended shares left for later (parts missing) leave the dialog's list of those revoked.
    this.targets = this.targets.flatMap((t) => { const record = changed(t); return record ? [{ ...t, record }] : []; });
    emit(this, 'nip82-receipts', { receipts: receiptDetail(receipts) });
    for (const { target, change } of pending.changes) {
      emit(this, 'nip82-revoke', { signPubkey: target.record.signPubkey, pubkey: target.pubkey, ...(change.moved ? { movedTo: change.moved.to } : {}) });
    }
    this.done = true;
    this.result = pending;
    this.said(pending);
    this.modal.focusNext = '#result-title';
  }

  /** The unfinished revocations of the user and signer in effect: nobody else may finish them (the rest are forgotten at the next update). */
  private get kept(): PendingRevoke[] {
    return this.unfinished.filter((p) => this.ownedHere(p));
  }

  /** Whether `pending` was signed with the signer in effect, for the user in effect (see {@link signedForCurrent}); its new keys are kept with it. */
  private ownedHere(pending: PendingRevoke): boolean {
    return signedForCurrent(pending, this.activeSigner, this.myKey);
  }

  /** How much of `pending` went out, as it stands now, in the words of the page's language at each render. */
  private partlyText(pending: PendingRevoke): Message {
    const [sent, total] = [sentOf(pending), pending.events.length];
    if (unconfirmed(pending)) return () => this.s.unconfirmedRevoke;
    return () => this.s.partlyRevoked(sent, total, this.count(sent), this.count(total));
  }

  /** The outcome in words; while a relay lacks some event, says what that leaves open and keeps it to be sent there. */
  private said(pending: PendingRevoke): void {
    const waiting = pending.waiting;
    const relays = outcomesByRelay([...pending.receipts.values()]);
    const [ok, total] = [relays.filter((r) => r.status === 'accepted').length, relays.length];
    const left = pending.events.some((e) => !reachedEvery(pending, e));
    const others = this.unfinished.filter((p) => p !== pending);
    this.unfinished = left ? [...others, pending] : others;
    if (!left) for (const { change } of pending.changes) reachedEverywhere.add(change.record);
    const [count, pubkey, moved] = [pending.changes.length, pending.changes[0]!.target.pubkey, pending.changes.filter((c) => c.change.moved)];
    // "The others were told" only when someone was: no one else left on it is told nothing.
    const told = moved.some((c) => c.change.notices.length);
    // The outcome as it stands now, said in the words of the page's language at each render: a
    // change of language later says it again, not leaves it in the last one.
    this.setStatus('done', () => {
      const s = this.s;
      const text = pending.overdue ? s.endedRevoked(count, ok, total, this.count(count), this.count(ok), this.count(total))
        : s.revoked(this.who(pubkey), ok, total, this.count(ok), this.count(total));
      return [text, ...(moved.length ? [told ? s.moved : s.movedAlone] : []), ...(left ? [s.notEverywhere] : []), ...(waiting ? [s.endedWaiting(waiting, this.count(waiting))] : [])].join(' ');
    });
  }

  /**
   * The signer, asked which account it uses before an action, did not say: "Nothing was changed"
   * would be untrue beside a revocation kept to be finished (part of it, or all of it, is out).
   * Nothing more was sent, and the notices beside the list still say what went out.
   */
  protected override keyCheckFailed(): void {
    if (this.kept.length) this.setStatus('idle', () => this.s.accountUnconfirmed);
  }

  /** Sends what the user signed: after a focus, only once the signer says the same user is there. */
  private finishChecked(pending: PendingRevoke): void {
    if (this.busy) return;
    this.afterKeyCheck(() => void this.finish(pending));
  }

  /**
   * Sends the same signed events to the relays that missed them; nothing new is signed. A sign-out
   * or another user meanwhile stops it, and nothing of it is said or announced. One of which only
   * part went out is applied once every event reached a storage server; until then the status
   * says again what went out.
   */
  private async finish(pending: PendingRevoke): Promise<void> {
    if (this.busy) return;
    if (!this.kept.includes(pending)) {
      // Signed for another user or signer (a change this element did not hear of): never sent
      // through this one's, only forgotten, nothing said.
      this.keepOnly(this.kept);
      return;
    }
    const signal = this.actions.begin();
    let failed: unknown;
    this.finishing = pending;
    try {
      this.receipts = [...pending.receipts.values()];
      await this.sendRest(pending, signal);
    } catch (error) {
      // Said below: in force, from the receipts (what each relay holds now); else as the failure it is.
      failed = error;
    } finally {
      if (this.finishing === pending) this.finishing = undefined;
    }
    if (signal.aborted) return;
    if (!this.unfinished.includes(pending)) {
      // The user changed while it was sending: nothing of it is shown to the next one.
      this.shortfall = '';
      this.receipts = [];
      return;
    }
    if (!pending.inForce) {
      // Still not all out: the shortfall (set as it was sent) says how much is, beside its way on.
      if (failed) {
        this.fail(failed, 'revoke');
        const at = this.kept.indexOf(pending);
        if (!this.open && at >= 0) this.modal.focusNext = `#finish-${at}`;
        return;
      }
      this.shortfall = '';
      this.applied(pending);
    } else {
      this.shortfall = '';
      emit(this, 'nip82-receipts', { receipts: receiptDetail(this.receipts) });
      this.said(pending);
    }
    if (this.open) {
      this.modal.focusNext = '#result-title';
      return;
    }
    // The button pressed stays while some relay still lacks it; else focus goes to the next one, or
    // the record changed: or, its patient left out by the find field, to that field, the next
    // control on from the notice gone (the status line says the outcome). Not to the top of the list.
    const next = this.kept.indexOf(pending);
    const first = pending.changes[0]!;
    const hidden = !first.target.share && this.leftOut.some((g) => g.records.includes(first.target.record) || g.records.includes(first.change.record));
    this.modal.focusNext = next >= 0 || this.kept.length
      ? `#finish-${Math.max(next, 0)}`
      : pending.overdue ? '#shares-title' : first.target.share ? `#${shareId(first.change.record)}` : hidden ? '#find' : `#${recordId(first.change.record)}`;
  }

  // ---------------------------------------------------------------------------------------------
  // Render

  /**
   * `page`: the page's own status line. It is always there, its words left out while the dialog is
   * open (the dialog's own line says them): words that land in a live region made afresh as the
   * dialog closes are never announced.
   */
  private renderStatus(page = false): TemplateResult {
    if (page && this.open) return renderState('idle', this.renderLive(''), [], this.s, localeOf(this));
    const said = this.status === 'relay-error' && this.shortfall ? wordsNow(this.shortfall) : this.refusedText(this.partLost() ?? stateText(this.status, this.s, this.message, this.errorCode, this.signedOut, this.clockOff ? this.s.clockOff : ''));
    return renderState(this.status, this.renderLive(this.status === 'relay-error' ? sentences(said, clockAfter(this.receipts, this.clockOff, this.s)) : said), this.receipts, this.s, localeOf(this));
  }

  override render() {
    const s = this.s;
    const list = this.list;
    const { held, copies, namer } = this.sorted(list ?? []);
    // Each render: a share's status follows the date.
    const shares = copies.flatMap((r) => shareCopyOf(r) ?? []);
    this.namer = namer;
    this.leftOut = [];
    // Taken before the template: rendering the records tells how many the budget left for later.
    const records = held.length ? this.renderHeld(held) : undefined;
    const notShown = this.budget.missed;
    // The dialog first: closed, it takes no room; open, it comes before the page's quiet status line behind it.
    return html`<div part="base" class="base">
      <dialog part="dialog" aria-labelledby="dialog-title" aria-describedby=${signedInShown(this.session, this.activeSigner) ? 'signed-in' : nothing} @cancel=${(e: Event) => this.actions.onDialogCancel(e, this.done)} @close=${this.onClose}>
        ${this.open && this.targets.length ? html`${renderSignedIn(this.session, this.s, this.activeSigner)}${this.renderDialog(this.targets)}` : nothing}
      </dialog>
      <div class="controls">
        ${this.records
          ? nothing
          : html`<button part=${list ? 'button' : 'button button-primary'} type="button" class=${list ? '' : 'primary'} aria-disabled=${busyAttr(this.busy)} @click=${this.load}>${list ? s.loadAgain : s.showAccess}</button>`}
        <button part="button" type="button" aria-disabled=${busyAttr(this.busy)} @click=${this.showHistory}>${s.showHistory}</button>
      </div>
      ${this.renderStatus(true)}
      ${this.open ? nothing : this.renderUnfinished()}
      ${held.length ? html`<div class="records">${records}</div>` : nothing}
      ${notShown ? html`<p class="not-printed" role="note">${s.notPrinted(notShown, this.count(notShown))}</p>` : nothing}
      ${shares.length ? guard([this.recordsShownFrom, copies, held], () => this.renderShares(shares, held)) : nothing}
      ${this.renderHistory()}
    </div>`;
  }

  /** Each revocation some storage server still lacks (in force, or only part of it out), with the way to send it there (outside the dialog). */
  private renderUnfinished(): TemplateResult | typeof nothing {
    const s = this.s;
    const kept = this.kept;
    if (!kept.length) return nothing;
    const notice = (p: PendingRevoke) => {
      const who = this.who(p.changes[0]!.target.pubkey);
      if (p.inForce) return p.overdue ? s.unfinishedEndedNotice(p.changes.length, this.count(p.changes.length)) : s.unfinishedNotice(who);
      const [sent, total] = [sentOf(p), p.events.length];
      if (unconfirmed(p)) return p.overdue ? s.unconfirmedEndedNotice(p.changes.length, this.count(p.changes.length)) : s.unconfirmedNotice(who);
      return p.overdue ? s.partlyEndedNotice(p.changes.length, sent, total, this.count(p.changes.length), this.count(sent), this.count(total))
        : s.partlyNotice(who, sent, total, this.count(sent), this.count(total));
    };
    return html`${kept.map((p, i) => html`<div class="unfinished warning" part="unfinished">
      <p id=${`unfinished-${i}`}>${withBdi(notice(p))}</p>
      <button part="button" type="button" id=${`finish-${i}`} aria-describedby=${`unfinished-${i}`} aria-disabled=${busyAttr(this.busy)} @click=${() => this.finishChecked(p)}>${p.inForce ? s.finishRelays : s.tryAgain}</button>
      ${renderStopWaiting(p === this.finishing && !!this.progress?.sendWaitsOnSignIn, s, this.stopWaiting)}
    </div>`)}`;
  }

  private forgetGroups(): void {
    this.grouped.forget();
    this.folded = new WeakMap();
    this.shownOf = new Map();
    this.heldShown = undefined;
  }

  /**
   * The records the keyboard's focus may land on after this render, shown whatever the budget: the
   * ones the open dialog (or the revocation it sent) is about, each as it stands after a change.
   */
  private focusDue(): (record: OpenedRecord) => boolean {
    const due = new Set<OpenedRecord>(this.targets.map((t) => t.record));
    for (const p of [this.pending, this.result, this.finishing]) for (const { change } of p?.changes ?? []) due.add(change.record);
    return (record) => due.has(record);
  }

  /**
   * The records the user holds: a clinic's under each patient's name (a heading at the element's
   * first level, found by a screen reader's list of headings), in order by name; one person's
   * records (a patient's own) as one list, as ever. A render creates a bounded number of records
   * (see {@link budget}), in this order, and the next renders the rest: only the patients the find
   * field leaves are rendered, so that the name typed finds patients not on the page yet, and one
   * it leaves out costs nothing until it is asked for again.
   */
  private renderHeld(held: OpenedRecord[]): unknown {
    const lang = localeOf(this);
    const groups = this.grouped.groups(held, lang);
    const due = this.focusDue();
    const key = (r: OpenedRecord) => r.signPubkey;
    if (groups.length < 2) {
      const records = (this.heldShown = unchanged(this.heldShown, this.budget.take(held, key, due)));
      return guard([records, this.recordsShownFrom], () => repeat(records, key, (r) => this.renderRecord(r)));
    }
    const s = this.s;
    // Among many patients, the one asked for: by any part of any name their records give (two
    // clinics spell one name two ways), accents and case aside (see fold). Among few (records gone
    // since), no field shows what was typed: nobody is left out by it.
    const asked = groups.length >= FIND_FROM ? fold(this.find.trim()) : '';
    const foldedNames = (g: PatientGroup) => {
      const name = g.name || s.noPatientName;
      let kept = this.folded.get(g);
      if (kept?.lang !== lang || kept.name !== name) this.folded.set(g, (kept = { lang, name, folded: [name, ...g.names].map(fold) }));
      return kept.folded;
    };
    // Each key typed filters the groups once: no regrouping, no name folded again.
    const matching = asked ? new Set(groups.filter((g) => foldedNames(g).some((name) => name.includes(asked)))) : undefined;
    const found = (g: PatientGroup) => !matching || matching.has(g);
    const shown = matching ? matching.size : groups.length;
    if (matching) this.leftOut = groups.filter((g) => !matching.has(g));
    // The patients found, each with the records this render shows of theirs (a patient none of whose records fit waits for the next).
    const listed: [PatientGroup, number, OpenedRecord[]][] = [];
    // Only the groups on the page: one left out is rendered afresh when it comes back.
    const shownOf = new Map<string, OpenedRecord[]>();
    groups.forEach((g, i) => {
      if (!found(g)) return;
      const taken = this.budget.take(g.records, key, due);
      if (!taken.length) return;
      const records = unchanged(this.shownOf.get(g.key), taken);
      shownOf.set(g.key, records);
      listed.push([g, i, records]);
    });
    this.shownOf = shownOf;
    const foundText = asked
      ? shown ? s.patientsShown(shown, groups.length, this.count(shown), this.count(groups.length)) : withBdi(s.noPatientFound(isolate(this.find.trim())))
      : '';
    return html`${groups.length >= FIND_FROM
        ? html`<div class="find">
            <label for="find">${s.findPatient}</label>
            <input id="find" part="input" type="search" autocomplete="off" spellcheck="false" .value=${this.find} @input=${this.typeFind} />
            <p class="found">${foundText}</p>
            <p class="visually-hidden" role="status">${this.findSaid ? foundText : ''}</p>
            ${asked ? html`<p class="narrowed">${withBdi(s.printedFound(isolate(this.find.trim()), shown, groups.length, this.count(shown), this.count(groups.length)))}</p>` : nothing}
          </div>`
        : nothing}
      ${repeat(listed, ([g]) => g.key, ([g, i, records]) => guard([g.key, g.name, g.namesake, g.pubkey, i, records, this.recordsShownFrom], () => html`<div part="patient" class="patient" role="group" aria-labelledby=${`patient-${i}`}>
      <h3 id=${`patient-${i}`} aria-level=${ariaLevel(this.headingLevel)}>${this.groupName(g)}</h3>
      ${repeat(records, key, (r) => this.renderRecord(r, 1))}
    </div>`))}`;
  }

  /** Whom a group is about, as its heading says it: the patient's name (their short key beside a namesake's), `own` for the user's own. */
  private groupName(g: PatientGroup, own?: string): TemplateResult | string {
    if (own) return own;
    return html`${g.name ? html`<bdi translate="no">${g.name}</bdi>` : this.s.noPatientName}${g.namesake && g.pubkey ? html` <code translate="no">${shortNpub(g.pubkey)}</code>` : nothing}`;
  }

  /**
   * The name typed to find a patient: the list narrows at once; how many it finds is spoken once the
   * user stops typing ({@link FIND_SAID_AFTER_MS}), not at each key, which would talk over them.
   */
  private typeFind = (e: Event): void => {
    this.find = (e.target as HTMLInputElement).value;
    this.findSaid = false;
    clearTimeout(this.findTimer);
    this.findTimer = setTimeout(() => (this.findSaid = true), FIND_SAID_AFTER_MS);
  };

  /** `depth`: 1 under a patient's heading, its headings one level down. */
  private renderRecord(record: OpenedRecord, depth = 0): TemplateResult {
    const s = this.s;
    const me = this.myKey;
    // A share to the user whose end date has passed is not said to let them view or share it, nor offers to change who holds it (refused).
    const grant = grantToReader(record);
    const ended = endedForReader(record) ? grant : undefined;
    const editor = record.role === 'editor' && !!record.participants && !ended;
    const giver = editor ? this.giverOf(record) : undefined;
    // An article, not a landmark: two records may well carry the same name.
    return html`<article part="record" class="record" aria-labelledby=${recordId(record)}>
      ${depth
        ? html`<h4 id=${recordId(record)} tabindex="-1" aria-level=${ariaLevel(this.headingLevel, 1)}><bdi>${withBdi(this.nameOf(record))}</bdi></h4>`
        : html`<h3 id=${recordId(record)} tabindex="-1" aria-level=${ariaLevel(this.headingLevel)}><bdi>${withBdi(this.nameOf(record))}</bdi></h3>`}
      <p class="help">${ended ? s.yourShareEnded(untilText(ended, localeOf(this)) ?? s.none) : editor ? s.yourRoleEditor : s.yourRoleViewer}</p>
      ${editor
        ? html`${this.subheading(depth, s.peopleTitle)}
            <ul class="people">
              ${repeat(
                record.participants!,
                (p) => p.pubkey,
                (p) => html`<li part="person" class="person" data-pubkey=${p.pubkey}>
                  <span class="who">${this.renderWho(p.pubkey, me)}</span>
                  <span class="role">${s.role(p.role)}</span>
                  ${me && p.pubkey !== me && p.pubkey !== giver
                    // Described by its record's heading: a colleague on many patients' records has a
                    // button on each, and the record's name (whose, from whom) tells them apart.
                    ? html`<button part="button" type="button" class="revoke" aria-label=${spoken(s.revokeWho(this.who(p.pubkey)))} aria-describedby=${recordId(record)} aria-disabled=${busyOf(this.busyNow)}
                        @click=${(e: Event) => this.ask([{ record, pubkey: p.pubkey, role: p.role }], e)}>${s.revoke}</button>`
                    : nothing}
                </li>`,
              )}
            </ul>`
        : html`${this.subheading(depth, s.listedTitle)}
            <p class="help">${s.listedExplain}</p>
            <ul class="people">
              ${repeat(
                record.listed,
                (pk) => pk,
                (pk) => html`<li part="person" class="person" data-pubkey=${pk}><span class="who">${this.renderWho(pk, me)}</span></li>`,
              )}
            </ul>`}
    </article>`;
  }

  /** A heading inside a record: under a patient's heading (`depth` 1), one level further down. */
  private subheading(depth: number, words: string): TemplateResult {
    return depth
      ? html`<h5 aria-level=${ariaLevel(this.headingLevel, 2)}>${words}</h5>`
      : html`<h4 aria-level=${ariaLevel(this.headingLevel, 1)}>${words}</h4>`;
  }

  private renderShares(shares: ShareCopy[], held: readonly OpenedRecord[]): TemplateResult {
    const s = this.s;
    const overdue = this.myKey ? shares.filter((c) => c.status === 'overdue') : [];
    // After years there are many: those still open come first, newest share first; those ended or
    // revoked (whose newest versions are the latest written, which would put them on top) after,
    // under their own heading, the latest ended first.
    const me = this.myKey;
    const open = shares.filter((c) => opens(c, me ?? c.record.reader)).sort((a, b) => shareSince(b) - shareSince(a) || b.record.createdAt - a.record.createdAt);
    const closed = shares.filter((c) => !opens(c, me ?? c.record.reader)).sort((a, b) => b.record.createdAt - a.record.createdAt);
    return html`<section class="shares" aria-labelledby="shares-title">
      <h3 id="shares-title" tabindex="-1" aria-level=${ariaLevel(this.headingLevel)}>${s.sharesTitle}</h3>
      ${overdue.length
        ? html`<div class="overdue warning" part="overdue">
            <p>${s.overdueNotice(overdue.length, this.count(overdue.length))}</p>
            <button part="button button-danger" type="button" class="danger" id="revoke-ended" aria-disabled=${busyOf(this.busyNow)}
              @click=${(e: Event) => this.ask(overdue.map((c) => ({ record: c.record, pubkey: c.grant.recipient, role: c.grant.role, share: c })), e, true)}>
              ${s.revokeEnded(overdue.length, this.count(overdue.length))}</button>
          </div>`
        : nothing}
      ${this.renderSharesBySubject(open, closed, held)}
    </section>`;
  }

  /**
   * The shares by whom they are about, once they are about two or more (a pet owner's own records,
   * their dog's, their cat's): the user's own first, then each other by name, as a clinic's list
   * reads by patient; each a heading one level under "What you shared" over a group it names. About
   * one, one list as ever.
   */
  private renderSharesBySubject(open: ShareCopy[], closed: ShareCopy[], held: readonly OpenedRecord[]): TemplateResult {
    const all = [...open, ...closed];
    const groups = patientGroups(all.map((c) => c.record), localeOf(this));
    if (groups.length < 2) return this.renderOpenAndClosed(open, closed, held, 0);
    const mine = `person ${this.myKey ?? all[0]!.record.reader}`;
    // A stable sort: the others keep their order by name.
    groups.sort((a, b) => +(b.key === mine) - +(a.key === mine));
    return html`${repeat(groups, (g) => g.key, (g, i) => {
      const within = new Set(g.records);
      return html`<div part="patient" class="patient" role="group" aria-labelledby=${`shares-about-${i}`}>
        <h4 id=${`shares-about-${i}`} aria-level=${ariaLevel(this.headingLevel, 1)}>${this.groupName(g, g.key === mine ? this.s.sharesAboutYou : undefined)}</h4>
        ${this.renderOpenAndClosed(open.filter((c) => within.has(c.record)), closed.filter((c) => within.has(c.record)), held, 1, g.name)}
      </div>`;
    })}`;
  }

  /**
   * The shares still open, then those ended or revoked under their own heading; `depth` 1 under
   * whom they are about (`about`: the name that heading stands for, which each share then does not repeat).
   */
  private renderOpenAndClosed(open: ShareCopy[], closed: ShareCopy[], held: readonly OpenedRecord[], depth: number, about?: string): TemplateResult {
    return html`${open.length ? this.renderShareList(open, held, about) : nothing}
      ${closed.length
        ? html`${depth
            ? html`<h5 class="closed-title" aria-level=${ariaLevel(this.headingLevel, 2)}>${this.s.sharesClosedTitle}</h5>`
            : html`<h4 class="closed-title" aria-level=${ariaLevel(this.headingLevel, 1)}>${this.s.sharesClosedTitle}</h4>`}${this.renderShareList(closed, held, about)}`
        : nothing}`;
  }

  /**
   * When each share was made, as the list last said it: the revoke dialog lists the shares that
   * stay in the same words, or two made on one day read alike there and the patient cannot tell
   * which of them stay.
   */
  private sinceSaid = new WeakMap<OpenedRecord, string>();

  /**
   * When each share was made, as its line and its Revoke button say it: the day; the time as well
   * for shares to one person on one day, and which of them for those made in one minute (shared
   * again at once after a refusal), so that no two lines read, and no two buttons sound, the same
   * and the patient can tell which one they revoke.
   */
  private sinceTexts(shares: ShareCopy[]): Map<ShareCopy, string> {
    const lang = localeOf(this);
    const alike = (list: ShareCopy[], key: (c: ShareCopy) => string) => {
      const groups = new Map<string, ShareCopy[]>();
      for (const c of list) {
        const k = key(c);
        const group = groups.get(k);
        if (group) group.push(c);
        else groups.set(k, [c]);
      }
      return [...groups.values()];
    };
    const texts = new Map<ShareCopy, string>();
    for (const sameDay of alike(shares, (c) => `${c.grant.recipient} ${this.day(c.grant.since)}`)) {
      if (sameDay.length === 1) {
        texts.set(sameDay[0]!, this.day(sameDay[0]!.grant.since));
        continue;
      }
      for (const sameMinute of alike(sameDay, (c) => momentText(shareSince(c), lang))) {
        const inOrder = [...sameMinute].sort((a, b) => shareSince(a) - shareSince(b) || a.record.createdAt - b.record.createdAt);
        inOrder.forEach((c, i) => {
          const moment = momentText(shareSince(c), lang);
          texts.set(c, inOrder.length === 1 ? moment : this.s.shareNumber(moment, i + 1, inOrder.length, this.count(i + 1), this.count(inOrder.length)));
        });
      }
    }
    return texts;
  }

  private renderShareList(shares: ShareCopy[], held: readonly OpenedRecord[], about?: string): TemplateResult {
    const s = this.s;
    const since = this.sinceTexts(shares);
    for (const [c, text] of since) this.sinceSaid.set(c.record, text);
    return html`<ul class="share-list">
        ${repeat(
          shares,
          (c) => c.record.signPubkey,
          (c) => {
            const recipient = c.grant.recipient;
            const revocable = shareOpen(c);
            const changed = revocable ? changedSince(c, held) : undefined;
            return html`<li part="share" class="share ${c.status}" data-pubkey=${recipient} id=${shareId(c.record)} tabindex="-1">
              <p class="who"><strong>${this.renderWho(recipient, undefined)}</strong></p>
              ${this.patientOf(c.record) && this.patientOf(c.record) !== about ? html`<p class="about"><bdi>${s.shareAbout(this.patientOf(c.record)!)}</bdi></p>` : nothing}
              <p>${s.shareTerms(since.get(c)!, s.shareItemCount(c.items, this.count(c.items)))}</p>
              ${c.types.length ? html`<p class="kinds">${s.shareKinds(s.typeList(c.types))}</p>` : nothing}
              ${c.withholds ? html`<p class="hid">${s.youHid(c.hidden, isolate(this.nameFor(recipient) ?? shortNpub(recipient)), this.count(c.hidden))}</p>` : nothing}
              ${c.grant.purpose ? html`<p class="purpose">${s.sharePurpose(isolate(c.grant.purpose))}</p>` : nothing}
              ${changed !== undefined
                ? html`<p class="changed warning">${withBdi(s.shareChanged(isolate(this.nameFor(recipient) ?? shortNpub(recipient)), this.day(changed)))}</p>`
                : nothing}
              <p class="state">${s.shareStatus(c.status, untilText(c.grant, localeOf(this)), c.status === 'revoked' ? this.day(c.record.createdAt) : undefined, c.grant.role === 'editor')}</p>
              ${revocable && this.myKey
                ? html`<button part="button" type="button" class="revoke" aria-disabled=${busyOf(this.busyNow)}
                    aria-label=${spoken(s.revokeShare(this.who(recipient), c.items, since.get(c)!, untilText(c.grant, localeOf(this)), this.count(c.items)))}
                    @click=${(e: Event) => this.ask([{ record: c.record, pubkey: recipient, role: c.grant.role, share: c }], e)}>${s.revoke}</button>`
                : nothing}
              ${this.renderAlso(c)}
            </li>`;
          },
        )}
      </ul>`;
  }

  /**
   * The people on a share besides the one it was made for (and the user): someone added to it since
   * (through another app, or by a recipient who may edit it) opens it as well, and "to whom" alone
   * would hide them; each may be revoked as on a record.
   */
  private renderAlso(c: ShareCopy): TemplateResult | typeof nothing {
    const me = this.myKey ?? c.record.reader;
    const others = (c.record.participants ?? []).filter((p) => p.pubkey !== c.grant.recipient && p.pubkey !== me);
    if (!others.length) return nothing;
    const s = this.s;
    return html`<p class="also">${s.shareAlso}</p>
      <ul class="people">
        ${others.map((p) => html`<li part="person" class="person" data-pubkey=${p.pubkey}>
          <span class="who">${this.renderWho(p.pubkey, undefined)}</span>
          <span class="role">${s.role(p.role)}</span>
          ${this.myKey
            ? html`<button part="button" type="button" class="revoke" aria-label=${spoken(s.revokeWho(this.who(p.pubkey)))} aria-disabled=${busyOf(this.busyNow)}
                @click=${(e: Event) => this.ask([{ record: c.record, pubkey: p.pubkey, role: p.role }], e)}>${s.revoke}</button>`
            : nothing}
        </li>`)}
      </ul>`;
  }

  private renderWho(pubkey: string, me: string | undefined): TemplateResult {
    const name = this.nameFor(pubkey);
    return html`${name ? html`<bdi class="name" translate="no">${name}</bdi> ` : nothing}<code translate="no">${shortNpub(pubkey)}</code>${pubkey === me
        ? html` <strong class="you">(${this.s.you})</strong>`
        : nothing}`;
  }

  private renderHistory(): TemplateResult | typeof nothing {
    const s = this.s;
    const history = this.showingHistory ? this.currentStore?.history() ?? [] : [];
    if (!history.length) return nothing;
    return html`<div class="history-frame"><table class="history" id="history" tabindex="-1">
      <caption>${s.historyTitle}</caption>
      <thead>
        <tr><th scope="col">${s.historyDate}</th><th scope="col">${s.historyWho}</th><th scope="col">${s.historyWhat}</th>
          <th scope="col">${s.historyTypes}</th><th scope="col">${s.historyNow}</th><th scope="col">${s.historyUntil}</th><th scope="col">${s.historyWhy}</th></tr>
      </thead>
      <tbody>
        ${history.map((e) => this.renderHistoryRow(e))}
      </tbody>
    </table></div>`;
  }

  private renderHistoryRow(e: ConsentEvent): TemplateResult {
    const s = this.s;
    const grants = e.kind === 'shared' || e.kind === 'approved';
    // Which record: a person revoked from several of the user's records over the years gets a row
    // for each, told apart by the record's name; a share's row, by the kinds of items it holds.
    const record = e.record ? this.list?.find((r) => r.signPubkey === e.record) : undefined;
    const share = record && shareCopyOf(record);
    const types = e.types?.length ? e.types : share?.types;
    const what = record && !share ? html`<bdi>${s.historyOn(s.historyKind(e.kind), this.nameOf(record))}</bdi>` : s.historyKind(e.kind);
    // Each cell carries its column's name, shown before it when the table stacks on a phone.
    return html`<tr class=${e.kind}>
      <td data-label=${s.historyDate}>${momentText(e.at, localeOf(this), true)}</td>
      <td data-label=${s.historyWho}><bdi>${this.who(e.who)}</bdi></td>
      <td data-label=${s.historyWhat}>${what}</td>
      <td data-label=${s.historyTypes}>${types?.length ? s.typeList(types) : s.none}</td>
      <td data-label=${s.historyNow}>${grants ? (e.overdue ? s.overdueInForce : e.inForce ? s.inForce(e.until ? this.day(e.until) : undefined) : s.notInForce) : s.none}</td>
      <td data-label=${s.historyUntil}>${this.day(e.until)}</td>
      <td data-label=${s.historyWhy}><bdi>${e.purpose ?? s.none}</bdi></td>
    </tr>`;
  }

  /**
   * The other records and shares the person of a one-person dialog can still open: a person given
   * several records over the years keeps all but this one, and the dialog says so before and after.
   */
  private elsewhere(target: Target): OpenedRecord[] {
    const pubkey = target.pubkey;
    return (this.list ?? []).filter((r) => {
      if (r === target.record || r.signPubkey === target.record.signPubkey) return false;
      // A share as a record: whoever is listed on it opens it, the one it was made for or someone added since.
      return r.participants?.some((p) => p.pubkey === pubkey) ?? r.listed.includes(pubkey);
    });
  }

  /** Once the revocation is done, said as it stands: "This revokes only…" would read as a choice still open. */
  private renderElsewhere(target: Target, who: string): TemplateResult | typeof nothing {
    const s = this.s;
    const others = this.elsewhere(target);
    if (!others.length) return nothing;
    return html`<div class="elsewhere">
      <p>${withBdi((this.done ? s.stillOpens : s.alsoOpens)(who, others.length, this.count(others.length)))}</p>
      <ul>${others.map((r) => {
        const share = shareCopyOf(r);
        return html`<li><bdi>${share ? s.shareTerms(this.sinceSaid.get(r) ?? this.day(share.grant.since), s.shareItemCount(share.items, this.count(share.items))) : this.nameOf(r)}</bdi></li>`;
      })}</ul>
    </div>`;
  }

  /**
   * Before revoking one person: the items of the record they can still open through another share or
   * record in this list that lists them (and is not revoked with it). Revoking this one alone does
   * not take those out of their next view, and "they can no longer open it" must not read as if it did.
   */
  private renderOpenElsewhere(targets: Target[]): TemplateResult | typeof nothing {
    if (this.overdue || targets.length !== 1) return nothing;
    const { record, pubkey } = targets[0]!;
    const elsewhere = new Set<string>();
    for (const r of this.elsewhere(targets[0]!)) {
      for (const e of r.bundle.entry ?? []) if (e.fullUrl && countsAsItem(e.resource)) elsewhere.add(e.fullUrl);
    }
    // Counted as the shares beside it count their items (the personal details too): "can still open
    // 55" under a share listed as "56 items" would read as if revoking took one away.
    const n = (record.bundle.entry ?? []).filter((e) => e.fullUrl && countsAsItem(e.resource) && elsewhere.has(e.fullUrl)).length;
    return n ? html`<p class="still-open">${withBdi(this.s.stillOpenElsewhere(isolate(this.nameFor(pubkey) ?? shortNpub(pubkey)), n, this.count(n)))}</p>` : nothing;
  }

  /**
   * The patient who shared a record with the user: not the user's to remove (the core refuses too).
   * Nor, on a record about someone else, the one who wrote it: taken off, they would lose their own record.
   */
  private giverOf(record: OpenedRecord): string | undefined {
    return readGrant(record.bundle)?.patient ?? (record.subject && record.subject !== this.myKey && record.authorVerified ? record.author : undefined);
  }

  /**
   * Revoking one person who could add people: the others on the record stay on it, and they may be
   * people that person added, not ones the user chose; named, so that they can be revoked too.
   */
  private renderStaying(targets: Target[]): TemplateResult | typeof nothing {
    if (this.overdue || targets.length !== 1) return nothing;
    const { record, pubkey } = targets[0]!;
    // Not the one whose record it is: the user cannot revoke them.
    const others = this.staying(targets[0]!).filter((p) => p.pubkey !== this.giverOf(record));
    return others.length
      ? html`<p class="stay">${withBdi(this.s.editorOthers(this.who(pubkey), listText(localeOf(this), others.map((p) => this.who(p.pubkey))), others.length))}</p>`
      : nothing;
  }

  /** Who stays on a target's record besides the user and the person revoked: those told where it moves. */
  private staying({ record, pubkey }: Target): Participant[] {
    return (record.participants ?? []).filter((p) => p.pubkey !== pubkey && p.pubkey !== (this.myKey ?? record.reader));
  }

  /**
   * Records only part of which was found (a part not fetched, a share that went out only in part):
   * a change of who holds them is refused, since its new version would leave out the parts not
   * found, and a part found later would then be an older version dropped from the patient's own
   * record. Said in the dialog, whose Revoke is then unavailable, rather than as an error after it.
   */
  private partial(targets: Target[]): Target[] {
    return targets.filter((t) => t.record.parts.have < t.record.parts.total);
  }

  private revocable(targets: Target[]): Target[] {
    const partial = this.partial(targets);
    return targets.filter((t) => !partial.includes(t));
  }

  private renderPartsMissing(targets: Target[]): TemplateResult | typeof nothing {
    const partial = this.partial(targets);
    if (!partial.length) return nothing;
    return html`${partial.map(({ record, pubkey }) => {
      const { have, total } = record.parts;
      return html`<p class="parts-missing warning">${withBdi(this.s.partsMissing(this.who(pubkey), have, total, this.count(have), this.count(total), this.nameOf(record)))}</p>`;
    })}`;
  }

  private renderDialog(targets: Target[]): TemplateResult {
    const s = this.s;
    const first = targets[0]!;
    // The heading names the dialog (aria-labelledby): its name is its text, so names go in as <bdi>, not FSI…PDI.
    const who = this.who(first.pubkey);
    // Over the outcome, what happened: a storage server that missed it still serves the old version.
    const everywhere = !(this.result && this.unfinished.includes(this.result));
    const title = withBdi(
      this.done
        ? this.overdue ? s.endedDoneTitle(targets.length, this.count(targets.length), everywhere) : s.doneTitle(who, everywhere)
        : this.overdue ? s.endedTitle(targets.length, this.count(targets.length)) : s.dialogTitle(who),
    );
    const editor = targets.some((t) => t.role === 'editor');
    const blocked = !!this.blocking;
    const revocable = this.revocable(targets).length;
    const people = this.overdue
      ? html`<ul class="ended-list">
          ${targets.map((t) => html`<li><strong>${this.renderWho(t.pubkey, undefined)}</strong>
            <span class="record-name"><bdi>${this.nameOf(t.record)}</bdi></span>
            ${t.share?.grant.until ? html`<span class="until">${s.endedOn(untilText(t.share.grant, localeOf(this))!)}</span>` : nothing}</li>`)}
        </ul>`
      : html`<p class="record-name">${s.dialogRecord(this.nameOf(first.record))}</p>${this.renderElsewhere(first, who)}`;
    if (this.done) {
      const result = this.result;
      return html`<h2 id="dialog-title" tabindex="-1">${title}</h2>
        ${people}
        <p id="result-title" class="ok" tabindex="-1">${this.message}</p>
        ${renderReceipts(this.receipts, s, localeOf(this))}
        <p class="warning truth">${s.stays}</p>
        <div part="actions" class="actions">
          ${renderStopWaiting(!!this.progress?.sendWaitsOnSignIn, s, this.stopWaiting)}
          ${result && this.kept.includes(result)
            ? html`<button part="button" type="button" aria-disabled=${busyAttr(this.busy)} @click=${() => this.finishChecked(result)}>${s.finishRelays}</button>`
            : nothing}
          <button part="button button-primary" type="button" class="primary" ?disabled=${this.busy} @click=${() => this.modal.close()}>${s.close}</button>
        </div>`;
    }
    return html`<h2 id="dialog-title" tabindex="-1">${title}</h2>
      ${people}
      <div class="warning truth">
        <p>${s.stops}</p>
        <p>${s.stays}</p>
        ${editor ? html`<p>${targets.some((t) => t.role === 'editor' && this.staying(t).length) ? s.editorMoves : s.editorMovesAlone}</p>${this.renderStaying(targets)}` : nothing}
        ${this.renderOpenElsewhere(targets)}
      </div>
      ${this.renderPartsMissing(targets)}
      ${blocked ? html`<p class="warning blocked">${s.otherFirst}</p>` : nothing}
      ${this.renderStatus()}
      ${renderSignerPage(this.session?.signerPage, this.open && this.status === 'waiting-signer', s)}
      <div part="actions" class="actions">
        ${renderStopWaiting(this.actions.waitingOnSigner || !!this.progress?.sendWaitsOnSignIn, s, this.stopWaiting)}
        <button part="button" type="button" ?disabled=${this.actions.holding} @click=${this.actions.dismiss}>${s.cancel}</button>
        <button part="button button-danger" type="button" class="danger" ?disabled=${blocked || !revocable} aria-disabled=${busyAttr(this.busy)} @click=${this.confirm}>
          ${this.status === 'relay-error'
            ? s.tryAgain
            : !this.overdue
              ? withBdi(s.confirmRevoke(who))
              : revocable && revocable < targets.length ? s.confirmEndedRest(revocable, this.count(revocable)) : s.confirmEnded(targets.length, this.count(targets.length))}
        </button>
      </div>`;
  }
}
