import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Nip82Element, relayListConverter } from '../shared/base.js';
import { selfChosen } from '../shared/self-chosen.js';
import { emit, type SignerAction } from '../shared/events.js';
import type { SignerRequestExtra } from '../shared/signer-gate.js';
import { checkChoice, languageOf, localeOf, resolveStrings } from '../shared/strings.js';
import { partLostText, stateText } from '../shared/action-state-strings.js';
import { isolate, personName, shortNpub } from '../shared/identity.js';
import { listText } from '../shared/lists.js';
import { withBdi } from '../shared/bdi.js';
import { tokens } from '../shared/styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { forgetRecord, openRecord, revokeAccess, type AccessChange, type OpenedRecord, type Role } from '../core/nip82/record.js';
import type { BundleEntry, FhirResource } from '../core/fhir/types.js';
import { animalOf, patientOf } from '../core/fhir/patient.js';
import { speciesCode } from '../core/fhir/species.js';
import type { Disclosure } from '../core/fhir/withheld.js';
import { assertOpenedFor, type StoreChange, type RecordStore } from '../core/store/record-store.js';
import { RecordKeyCache } from '../core/nip82/keys.js';
import { endedForReader, shareCopyOf, shareOpen, type ShareCopy } from '../core/store/share-copies.js';
import { answerShares, revokedAt } from '../core/store/answer-share.js';
import { RecordError, RelayError } from '../core/errors.js';
import type { NostrEvent } from '../core/events.js';
import type { Signer } from '../core/signers/signer.js';
import { DeclineScope, type PublishReceipt, type RelayClient } from '../core/relay/client.js';
import { createShare, SIGNER_CALLS_TO_SHARE, type SharePlan } from '../core/nip82/share.js';
import { answerRequest, answerSignerCalls, requestEnded, type ConsentMessage } from '../core/nip82/requests.js';
import { consentPromptStyles } from './consent-prompt.styles.js';
import { consentPromptStrings, type ConsentPromptStrings } from './consent-prompt.strings.js';
import { naddrsOf } from './naddrs.js';
import { ModalController } from '../shared/modal.js';
import { ActionController, signedForCurrent } from '../shared/action-controller.js';
import { clockAfter, outcomesByRelay, receiptDetail, renderReceipts, renderState, renderSignedIn, renderSignerPage, signedInShown } from '../shared/receipts.js';
import { askedEnd, endText, periodDay, today } from './resources.js';
import { recordName, subjectNamer } from '../shared/record-text.js';
import { mailUnchecked, recordsUnchecked, sentences, unreadServers } from '../shared/records.strings.js';
import { periodEnd } from '../core/nip82/grant.js';
import { consentSource, grantConsent } from '../core/nip82/grant-create.js';
import { dayText } from '../shared/dates.js';
import { withProfileNames, type ProfileName } from '../shared/profiles.js';
import { ConsentPlan, offeredEntries, subjectKey, supplying } from './consent-plan.js';
import { settleTabStop, type PlanViewContext } from './plan-view.js';
import { renderShareBase, renderShareDialog, type ShareView } from './share-view.js';
import { LISTED_REQUESTS, renderAnswerBase, renderAnswerDialog, type AnswerView } from './answer-view.js';
import { busyAttr, type CommonView, type Step } from './view-parts.js';
import { ActionProgress, type ActionStep } from '../shared/action-progress.js';
import { renderStopWaiting } from '../shared/stop-waiting.js';
import { wordsNow, type Message } from '../shared/status-controller.js';
import { SignedAction } from './signed-action.js';
// A type only: the picker registers through this element's define module, never through its class.
import type { NpubPickerStrings } from '../npub-picker/define.js';
import { formatCount } from '../shared/numbers.js';
import { focusDropped } from '../shared/focus.js';
import { parseRecipient } from '../shared/recipient-input.js';
import { presetRefusal } from '../shared/preset-refusal.js';

/** The key an unfinished share is kept under (an answer's is its request's id). */
const SHARE = 'share';

/** A signed action under way: its events, who receives them, and what follows once all went out. */
interface Pending {
  /** The request answered, or {@link SHARE}: what reopening finds it by. */
  key: string;
  action: SignedAction;
  recipient: string;
  /** The signer and user it was signed for: nobody else may finish it. */
  signer: Signer | undefined;
  reader: string | undefined;
  /** Shows the outcome and tells the host; nothing once `signal` (the finishing action's) is aborted. */
  finish: (signal: AbortSignal) => Promise<void>;
  /** Tells the host what went out (`nip82-share` or `nip82-answer`); `unfinished`: only part of it. */
  tell: (unfinished?: boolean) => void;
  /**
   * The outcome, from what each storage server holds now (see {@link Nip82ConsentPrompt.said}):
   * its numbers taken at the call, its words read at each render.
   */
  outcome: () => Message;
  /** The share being taken back: its revocation, sealed once and only ever sent again (see {@link Nip82ConsentPrompt.takeBack}). */
  takeBack?: TakeBack;
}

/** A half-sent share's revocation: every part sealed anew for the patient alone. */
interface TakeBack {
  action: SignedAction;
  /** The share as it was made, opened with its keys, and the change that takes it back. */
  copy: OpenedRecord;
  change: AccessChange;
}

/** What is wrong with a preset `recipient`: a private key, or anything else that is no public key. */
type PresetProblem = 'secret' | 'invalid';

/** The public key (64 lowercase hex) a preset `recipient` names: hex in either case, an npub, an nprofile or a `nostr:` URI. */
function presetKey(value: string | null | undefined): string | undefined {
  const parsed = parseRecipient(value ?? '');
  return parsed.kind === 'key' ? parsed.pubkey : undefined;
}

/**
 * Asks the patient, in one modal dialog, to share their records or to answer a request for them.
 *
 * In `mode="share"` the patient chooses the recipient, the items (each to share, leave out, or
 * hide with a flag; a whole kind at once), how much the flag reveals, the role, an end date and a
 * purpose; a preview states exactly what the recipient will be able to open before anything is
 * signed, and names the shared items that still mention a hidden one (a visit's reason, a clinical
 * note), offering to hide them too. The share carries a FHIR Consent recording those terms.
 *
 * In `mode="answer"` the patient reads a request (who, what, why, for how long) and goes through
 * the same plan as sharing, limited to the kinds asked for: the items one by one, per-item and
 * per-kind hide, the mentions check, the flag's disclosure and the exact preview; then approves (a
 * share, then the answer naming it) or denies. Items hidden from that recipient in an earlier
 * share start hidden. Past answers are listed as the consent history. A request whose asked period
 * is over (an old or replayed one) is listed as ended and offers only Deny.
 *
 * Every action signs all its events before publishing any: a refusal or timeout publishes
 * nothing. Its status says "Waiting for your signer" only while a call to the signer is open (first
 * which account it holds, for records handed in; then each signature), and between calls "Preparing
 * it for your signer. Nothing has been shared or sent yet." While the dialog waits for the signer (to sign, or to open records), a live "Stop
 * waiting" ends the wait at once, and the dialog stays to say that nothing was shared or sent.
 * While the send waits only for the signer to sign the patient in to a storage server that asked
 * for it, "Stop waiting" passes that server over and the rest is sent; the outcome names which
 * servers took it, and offers to send it to those that missed it (nothing is signed again).
 * When relays take only part of it, the dialog says exactly what went out and offers
 * to finish sending the same signed events; reopening that request offers only that, never
 * signing again, and a request whose share partly went out can no longer be denied. A half-sent
 * share may instead be taken back ("Take it back"): every part is sealed anew for the patient alone
 * and sent, replacing what went out, with no signer call (the kit made the share and holds its key);
 * the host hears `nip82-revoke`, and what the recipient already opened stays with them. Reopening a
 * half-sent share also offers to leave it as it is (what went out stays, and can no longer be
 * finished or taken back) and start a new one, which signs and sends nothing of the old one.
 * The signed events are kept in memory only and forgotten on a sign-out or a change of user.
 *
 * @summary Share records, or answer an access request, with a preview before signing.
 * @tag nip82-consent-prompt
 * @status experimental
 *
 * @csspart base - The element's wrapper.
 * @csspart dialog - The modal dialog.
 * @csspart recipient - Who receives the share (or who asks).
 * @csspart recipient-problem - Why the page's preset `recipient` is not used (on the page, and in the dialog until someone is chosen).
 * @csspart items - The items to choose from (or kinds and records to grant).
 * @csspart preview - What the recipient will be able to open.
 * @csspart actions - The dialog's buttons.
 * @csspart receipts - Per-relay publish results.
 * @csspart status - The polite live status line.
 * @csspart signer-page - In the open dialog, the remote signer's page to confirm on, with its link.
 * @csspart recipient-base - The recipient picker's wrapper (the nested `<nip82-npub-picker>`'s `base`).
 * @csspart recipient-label - The recipient picker's label (its `label`).
 * @csspart recipient-hint - What the recipient field accepts (its `hint`).
 * @csspart recipient-input - The recipient text field (its `input`).
 * @csspart recipient-lookup-button - The picker's "Look up" (its `lookup-button`).
 * @csspart recipient-listbox - The picker's suggestions (its `listbox`).
 * @csspart recipient-option - One suggestion (its `option`).
 * @csspart recipient-error - The picker's inline error (its `error`).
 * @csspart recipient-profile - The chosen person (its `profile`).
 * @csspart recipient-picture - Their profile picture (its `picture`).
 * @csspart recipient-name - Their cleaned display name (its `name`).
 * @csspart recipient-fingerprint - Their short npub (its `fingerprint`).
 * @csspart recipient-warning - A warning about their name or NIP-05 claim (its `warning`).
 * @csspart recipient-nip05 - Their NIP-05 claim and its check (its `nip05`).
 * @csspart recipient-verify-button - Checks their NIP-05 claim (its `verify-button`).
 * @csspart recipient-clear-button - Clears the choice (its `clear-button`).
 * @csspart recipient-status - The picker's polite live region (its `status`).
 * @csspart recipient-button - Every button of the recipient picker (its `button`); also `button`, as the prompt's own.
 * @csspart button - Every button.
 * @csspart button-primary - The main button of a step (share, review, approve, finish sending), beside `button`.
 * @csspart input - The text and date fields (purpose, until, reply).
 *
 * @cssproperty --nip82-consent-prompt-dialog-width - Inline size of the dialog.
 * @cssproperty --nip82-consent-prompt-dialog-background - Dialog background.
 * @cssproperty --nip82-consent-prompt-hidden-background - Background of an item marked hidden.
 *
 * @fires nip82-signer-request - Cancelable; before the signer unlocks records, reads messages, signs a share or an answer, or a half-sent share is taken back (`action: 'revoke'`). Detail `{ action, source, records?, recipient? }`.
 * @fires nip82-share - A share was published. Detail `{ signPubkey, naddrs, recipient, role, hidden, hiddenCounted?, missed, unfinished? }` (`hidden`, `hiddenCounted` as for `nip82-answer`; `missed`: storage servers lacking part of it; `unfinished: true`: only part of it went out, fired again once finished).
 * @fires nip82-answer - A request was approved or denied. Detail `{ requestId, decision, naddrs, recipient, hidden, hiddenCounted?, missed, unfinished? }` (`recipient`: the requester's public key; `hidden`: items the flag sent says were withheld, those the records were shared without included, 0 for a denial; `hiddenCounted: false`: the flag sent tells only that something was withheld, no count, so `hidden` is what the patient knows of, not a number the recipient was told (absent when the flag counts, or nothing was withheld); `missed`, `unfinished` as for `nip82-share`).
 * @fires nip82-revoke - A half-sent share was taken back ("Take it back"). Detail `{ signPubkey, pubkey, movedTo? }` (`signPubkey`: the share's address before; `movedTo`: its new one, when the recipient could share it).
 * @fires nip82-receipts - Per-relay receipts of a publish (also when it failed). Detail `{ receipts }`.
 * @fires nip82-cancel - The dialog was dismissed (Escape or Cancel) before its action ended; closing its outcome is none. Detail `{ source }`.
 * @fires nip82-npub-select - From its recipient field (the nested `<nip82-npub-picker>`): the user chose who to share with. Detail `{ pubkey, npub }`.
 * @fires nip82-npub-clear - From its recipient field: the user cleared that choice. Detail `{}`.
 * @fires nip82-error - Something failed, or the preset `recipient` is no public key or `records` holds what is no opened record (code `invalid-input`), or an entry of `relays` is no ws:// or wss:// address (code `invalid-url`, once per list given). Detail `{ code, message, action? }`.
 */
export class Nip82ConsentPrompt extends Nip82Element {
  static override styles = [tokens, dialogStyles, consentPromptStyles];

  /** `share`: share records with someone. `answer`: answer requests for access. */
  @property({ reflect: true }) mode: 'share' | 'answer' = 'share';

  /**
   * The patient's opened records to share from (else the element loads them on request). Set back
   * to undefined when the person signed in as they were handed in leaves: a sign-out, another
   * account or another signer.
   * Anything but an array of opened records is taken off the element, with `nip82-error` `invalid-input`.
   */
  @property({ attribute: false }) records?: OpenedRecord[];

  /**
   * A request to answer (a `proposed` ConsentMessage); else the element checks for requests. Like
   * `records`, set back to undefined when the person signed in as it was handed in leaves.
   */
  @property({ attribute: false }) request?: ConsentMessage;

  protected override get handedInProperties(): readonly (keyof this)[] {
    return ['records', 'request'];
  }

  /**
   * Preset recipient for `mode="share"`: a public key as 64 hex characters (either case) or an
   * npub (an nprofile or a `nostr:` URI also does). A value that is none of these presets no one:
   * the element fires `nip82-error` with code `invalid-input` (and warns in the console) each time
   * one is given, saying what is wrong with it but never repeating it, and tells the patient in plain
   * words that the page's choice could not be used, so they choose the person themselves. A
   * private key (nsec, ncryptsec) is refused the same way and, besides, removed: the property is
   * set to undefined and the attribute taken off, so it stays nowhere in the page.
   */
  @property() recipient?: string;

  /**
   * Names the host vouches for, by public key (hex → name), e.g. its directory of clinics and
   * clinicians: whoever the patient shares with, answers or is asked by is named by theirs (cleaned,
   * the short npub beside it), before any profile name on relays (self-chosen), in the share's
   * confirmation, the request, the answer, the history and the recipient picker. A key this does
   * not name takes the enclosing session's `knownNames`; an entry here wins over the session's.
   */
  @property({ attribute: false }) knownNames?: Record<string, string>;

  /**
   * The outline level of the element's first headings (1–6), to fit the page's own: a page whose
   * section heading is an `h2` sets 3. Unset, they keep their tags' levels (the list of requests an `h2`; its dialogs keep their own).
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;

  /** Override any built-in string. */
  @property({ attribute: false }) strings?: Partial<ConsentPromptStrings>;

  /**
   * Overrides for the strings of the recipient picker in the share dialog (the keys of
   * `<nip82-npub-picker>`'s `.strings`, its `label` included), handed to it as they are: built-ins
   * in the picker's language fill in the rest.
   */
  @property({ attribute: false }) pickerStrings?: Partial<NpubPickerStrings>;

  /** Hosts the recipient's profile picture may load from (the nested picker's `picture-hosts`); none by default. */
  @property({ attribute: 'picture-hosts', converter: relayListConverter }) pictureHosts: string[] = [];

  @state() private open = false;
  @state() private allRequests = false;
  @state() private step: Step = 'choose';
  /** The outcome shown granted access (a share or an approval), which may have been a mistake. */
  @state() private undoable = false;
  /**
   * What stops the next step, each in words or where to read them (they follow the page's
   * language), and the id of the field at fault when one field is: that field says so itself.
   */
  @state() private problems: Problem[] = [];
  @state() private receipts: PublishReceipt[] = [];
  /** Who receives the grant: the chosen recipient, or the requester. */
  @state() private recipientKey?: string;
  /** Why the page's preset `recipient` is not used, while it is not (a private key: until another value is given). */
  @state() private presetProblem?: PresetProblem;
  @state() private shareRole: Role = 'viewer';
  @state() private until = '';
  @state() private purpose = '';
  @state() private answeredHere: ConsentMessage[] = [];
  @state() private names = new Map<string, ProfileName>();
  /** People whose profile is being looked up: until it is found or not, nothing is said of their name. */
  @state() private lookingUp: string[][] = [];
  @state() private answering?: ConsentMessage;
  @state() private reply = '';
  /**
   * What went out of a publish that stopped half way, or that nothing did: in words, or where to
   * read them (the numbers as they were, the words of the page's language at each render).
   */
  @state() private partialText: Message = '';
  /** A half-sent share left for a new one: what of it stays, said over the new share's form (read at each render). */
  @state() private leftNote: Message = '';

  /**
   * An action in effect that some storage server missed (passed over while its sign-in was not
   * waited for, or down), while its outcome is what the status says: the way on sends the same
   * signed events there. In memory only, and forgotten with the user.
   */
  @state() private missed?: { pending: Pending; words: Message };

  /** The consent plan both dialogs are views of. */
  private readonly plan = new ConsentPlan(this, () => this.planRecords);
  private readonly modal = new ModalController(this, () => this.open);

  /** Records came into the store since the plan was made, not yet made into it (an action was under way). */
  private recordsArrived = false;
  /** The signed events of the action under way, kept after a failed publish so a retry sends them, never signs again. */
  private pending?: Pending;
  /**
   * Actions part of which went out, by request id (or {@link SHARE}): reopening one offers to
   * finish sending the same events, never to sign them again (a second copy) or deny (untrue); a
   * share may also be left as it is. In memory only, and forgotten with the user.
   */
  private readonly unfinished = new Map<string, Pending>();
  /**
   * The keys of shares made from records the page handed in (a session's store keeps its own):
   * a half-sent one is taken back without asking the signer. Wiped once no share is left unfinished,
   * and with the user.
   */
  private readonly shareKeys = new RecordKeyCache();
  /** The user action under way (loading, reading, sharing, answering, finishing), and every way it stops. */
  private readonly actions = new ActionController(this, {
    status: () => this.status,
    setStatus: (status, message) => this.setStatus(status, message),
    cancelledText: () => this.s.stoppedNothingSent,
    closeDialog: () => this.modal.close(),
    readStoppedText: () => this.s.stoppedReading,
  });
  private trigger?: HTMLElement;
  /** What the send under way is doing, and the sign-ins at the signer it waits on (see {@link ActionProgress}). */
  private progress?: ActionProgress;
  /** The action in effect being sent to the storage servers that missed it. */
  private missedUnderWay?: Pending;
  /** The action sent again from the page ("Try again" or "Finish sending" there, the dialog closed). */
  private againUnderWay?: Pending;
  /** The action whose "Try again" or "Finish sending" waits for the signer to say which account it uses. */
  private keyCheckFor?: Pending;
  /** The words of what an action left that the signer, asked which account it uses before sending the rest, did not confirm. */
  private unconfirmedOver?: Message;
  /** How many storage servers the send under way goes to (its "Sending…" words say so). */
  private sendingTo = 0;

  /**
   * The words, resolved again only when the language, its table (a pack arriving) or the page's
   * overrides change: the same words are the same table, and a long list drawn from them is kept.
   */
  private get s(): ConsentPromptStrings {
    const lang = this.language;
    const table = consentPromptStrings[languageOf(this)];
    const w = this.words;
    if (w?.lang !== lang || w.table !== table || w.overrides !== this.strings) {
      this.words = { lang, table, overrides: this.strings, s: resolveStrings(consentPromptStrings, this, this.strings) };
    }
    return this.words!.s;
  }
  private words?: { lang: string; table: unknown; overrides: unknown; s: ConsentPromptStrings };

  protected override get accountChangedText(): string {
    return this.s.accountChanged;
  }

  protected override get checkingAccountText(): string {
    return this.s.checkingAccount;
  }

  private get language() {
    return localeOf(this);
  }

  /** The records to share from: handed in, else the ones the user holds in the session store (not their share copies). */
  /** Whether the store's last load left some storage server unread: the status says so, and loading again is offered. */
  private get reloadOffered(): boolean {
    const store = this.records ? undefined : this.currentStore;
    return !!store?.loaded && unreadServers(store.reports).length > 0;
  }

  /**
   * How many items `records` offer, counted again only for other records (every key typed renders;
   * the store hands a new list of the same records each time, so they are compared one by one).
   */
  private offeredCount(records: readonly OpenedRecord[]): number {
    if (records.length === 0) return 0;
    const seen = this.counted?.records;
    if (!seen || seen.length !== records.length || records.some((r, i) => r !== seen[i])) this.counted = { records, n: offeredEntries(records).length };
    return this.counted!.n;
  }
  private counted?: { records: readonly OpenedRecord[]; n: number };

  /**
   * The records the user may pass on: their own and those they may edit, not another person's
   * records shared with them to view (a clinician's patients'), which are not theirs to share; one
   * naming no subject is theirs only if they wrote it; nor one whose share to them has ended.
   */
  /** Whether the records to share from are there to choose from: handed in, or unlocked in the session. */
  private get recordsUnlocked(): boolean {
    return !!this.records || !!this.currentStore?.loaded;
  }

  private get available(): OpenedRecord[] {
    const store = this.currentStore;
    return (this.records ?? (store?.loaded ? store.held : [])).filter((r) => (r.role === 'editor' || (r.subject ?? r.author) === r.reader) && !endedForReader(r));
  }

  /** Whose records the dialog offers (a subject key), when the user's are about more than one person; unset, the user's own. */
  @state() private about?: string;

  /** The people the user's records are about (their keys), the user first: one share is about one of them. */
  private get subjectKeys(): string[] {
    const me = this.myKey;
    const keys = [...new Set(this.available.map((r) => subjectKey(r, me)).filter((k): k is string => !!k))];
    return me && keys.includes(me) ? [me, ...keys.filter((k) => k !== me)] : keys;
  }

  /** The person whose records the dialog offers: the one chosen, else the user (else the first). */
  private get aboutKey(): string | undefined {
    const keys = this.subjectKeys;
    return this.about && keys.includes(this.about) ? this.about : keys[0];
  }

  /**
   * The records the dialog's plan draws from: when the user's records are about more than one
   * person (a child's, a parent's), those of the one chosen. Offered all at once, every item
   * starts chosen and the share is refused as about more than one person until each of the
   * others' items is unticked.
   */
  private get planRecords(): OpenedRecord[] {
    const keys = this.subjectKeys;
    const available = this.available;
    if (keys.length < 2) return available;
    const [about, me] = [this.aboutKey, this.myKey];
    // The same array while neither changes: the plan keeps its index (built again on every render
    // otherwise). A store gives a new list at each ask, of the same records while none changed.
    const kept = this.planKept;
    if (kept && sameItems(kept.available, available) && kept.about === about && kept.me === me) return kept.records;
    const records = available.filter((r) => subjectKey(r, me) === about);
    this.planKept = { available, about, me, records };
    return records;
  }

  private planKept?: { available: OpenedRecord[]; about?: string; me?: string; records: OpenedRecord[] };

  /** Whose records to start an answer on: the first person (the user first) whose records hold a kind asked for. */
  private firstHolding(request: ConsentMessage): string | undefined {
    const me = this.myKey;
    const keys = this.subjectKeys;
    if (keys.length < 2) return undefined;
    const holding = keys.filter((key) => offeredEntries(this.available.filter((r) => subjectKey(r, me) === key))
      .some((e) => request.resourceTypes.includes(e.resource.resourceType)));
    // First whose records the asker wrote or takes part in: a vet asks about the pet, not its owner.
    const asker = request.requester;
    const takesPart = (r: OpenedRecord) => r.author === asker || r.listed.includes(asker);
    const on = (key: string) => this.available.some((r) => subjectKey(r, me) === key && takesPart(r));
    // On both an owner's records and their animals', one who wrote or is listed on an animal's is
    // its vet (a clinic's second vet is listed, not the author): the animals' first.
    const vet = this.available.some((r) => takesPart(r) && animalOf(patientOf(r.bundle)));
    return holding.find((key) => vet && key.endsWith(' animals') && on(key)) ?? holding.find(on) ?? holding[0];
  }

  private chooseAbout = (key: string): void => {
    if (this.busy || key === this.aboutKey) return;
    this.about = key;
    this.startPlan(this.answering);
  };

  /** The people to choose whose records from, named: the user as such, the others by their records' patient. */
  private get subjectChoices(): { key: string; name: string }[] | undefined {
    const keys = this.subjectKeys;
    if (keys.length < 2) return undefined;
    const [me, named] = [this.myKey, subjectNamer(this.available)];
    const choices = keys.map((key) => {
      // An owner's animals are one choice, named each ("Rex and Mia"); a person, by the first name
      // their records give (two clinics may spell one child's name two ways).
      const given = [...new Set(this.available.filter((r) => subjectKey(r, me) === key).map(named).filter((n): n is string => !!n))];
      const names = key.endsWith(' animals') ? given : given.slice(0, 1);
      // Animals none of whose records gives a name: the user's own said so, another owner's by species,
      // named from its code in the page's language, else in the record's words (never a bare code).
      const species = key.endsWith(' animals') ? this.available.filter((r) => subjectKey(r, me) === key).map((r) => this.speciesOf(patientOf(r.bundle))).find((t) => t) : undefined;
      return { key, name: key === me ? this.s.aboutYou : listText(this.language, names) || (key === `${me} animals` ? this.s.aboutYourAnimals : species) || shortNpub(key.slice(0, 64)) };
    });
    // Two owners' unnamed animals of one species read apart by the owner's short key.
    return choices.map((c) => (choices.some((o) => o !== c && o.name === c.name) ? { ...c, name: `${c.name} (${shortNpub(c.key.slice(0, 64))})` } : c));
  }

  /** An animal's species in words: the page's name for its code, else the record's words unless they are a bare number. */
  private speciesOf(patient: FhirResource | undefined): string {
    const text = animalOf(patient)?.species;
    return this.s.species(speciesCode(patient), text && !/^\d+$/.test(text.trim()) ? text : undefined);
  }

  // Who opened the records: the signer is not asked.
  private get myKey(): string | undefined {
    return this.currentStore?.reader ?? this.session?.pubkey ?? this.records?.[0]?.reader;
  }

  /** Consent messages read into the store (none before the user asked for them). */
  private get messages(): ConsentMessage[] {
    const store = this.currentStore;
    return store?.mailLoaded ? store.messages : [];
  }

  private get checked(): boolean {
    return !!this.currentStore?.mailLoaded;
  }

  /** The user's own answers: their consent history here. */
  private get history(): ConsentMessage[] {
    const me = this.myKey;
    const stored = this.messages.filter((m) => m.from === me && (m.status === 'active' || m.status === 'rejected'));
    // Answers given here with records the host handed in (no session store to keep them).
    const ids = new Set(stored.map((m) => m.id));
    const here = this.answeredHere.filter((a) => !ids.has(a.id));
    return [...here, ...stored];
  }

  private get answered(): Set<string> {
    return new Set(this.history.map((m) => m.answers).filter((id): id is string => !!id));
  }

  private get incoming(): ConsentMessage[] {
    const me = this.myKey;
    const answered = this.answered;
    return this.messages.filter((m) => m.status === 'proposed' && m.patient === me && m.from !== me && !answered.has(m.id));
  }

  private nameOf(record: OpenedRecord, patient: (record: OpenedRecord) => string | undefined): string {
    // A name only for an author whose signature was checked (else it would lend a claim a name), by
    // the viewer's rule: the host's alone, a self-chosen one beside the short npub.
    const short = shortNpub(record.author);
    const author = record.author === this.myKey ? this.s.you
      : record.authorVerified ? personName(this.hostName(record.author, this.knownNames), this.profile(record.author)?.name, short) : short;
    return recordName(record, this.s, author, this.language, patient(record));
  }

  /** A profile's name fit to show beside the short npub, '' when it passes for someone (see `selfChosen`). */
  private selfName(name: string | undefined): string {
    return selfChosen(name, this.knownNames, this.session?.knownNames);
  }

  /** The name a person is shown by: the host's (it vouches for it), else their profile's (self-chosen). */
  private profile(pubkey: string): ProfileName | undefined {
    const known = this.hostName(pubkey, this.knownNames);
    if (known) return { name: known, suspicious: false };
    const profile = this.names.get(pubkey);
    return profile && this.selfName(profile.name) ? profile : undefined;
  }

  /**
   * Who names `pubkey`: the site, they themselves, or nobody; `passing` when their profile's name is
   * withheld as one the site knows for someone else (they gave a name, and it is that one);
   * `pending` while their profile is still being looked up (nothing is said of their name yet).
   */
  private vouched(pubkey: string): 'site' | 'self' | 'passing' | 'none' | 'pending' {
    if (this.hostName(pubkey, this.knownNames)) return 'site';
    if (!this.names.has(pubkey) && this.lookingUp.some((a) => a.includes(pubkey))) return 'pending';
    if (this.profile(pubkey)) return 'self';
    // Withheld, and not for reading as a key (checked against no names, it would be shown): a known name.
    const name = this.names.get(pubkey)?.name;
    return name && selfChosen(name) && !this.selfName(name) ? 'passing' : 'none';
  }

  /**
   * The person's name with the short npub beside it as a fingerprint, or the short npub alone; the
   * name isolated, since this goes into sentences built as strings ("Shared with …").
   */
  private named(pubkey: string): string {
    const name = this.profile(pubkey)?.name;
    return name ? `${isolate(name)} (${shortNpub(pubkey)})` : shortNpub(pubkey);
  }

  /**
   * What the patient hid from `recipient` in earlier shares (their share copies' editor notes,
   * which the patient reads with no signer call). Shares the store does not hold are not known.
   */
  private hiddenFrom(recipient: string | undefined): string[] {
    return this.sharesTo(recipient).flatMap((c) => c.hiddenItems);
  }

  /** The shares to `recipient` the store holds. */
  private sharesTo(recipient: string | undefined): ShareCopy[] {
    const shares = recipient && this.currentStore?.loaded ? this.currentStore.shares : [];
    return shares.filter((c) => c.grant.recipient === recipient);
  }

  /**
   * The shares the patient made, as far as this page knows them: those the store loaded, else
   * among the records handed in (a host may hand in its store's records, share copies and all).
   */
  private get knownShares(): ShareCopy[] {
    const store = this.currentStore;
    if (store?.loaded) return store.shares;
    return (this.records ?? []).flatMap((r) => shareCopyOf(r) ?? []);
  }

  /** Whether `recipient` can open a share the patient made them before (one past its end date still opens until revoked). */
  private shareOpenTo(recipient: string): boolean {
    return this.sharesTo(recipient).some(shareOpen);
  }

  private get viewContext(): PlanViewContext {
    const recipient = this.recipientKey;
    return {
      plan: this.plan,
      s: this.s,
      lang: this.language,
      busy: this.busy,
      recipient: recipient ? this.named(recipient) : undefined,
      me: this.myKey,
      // Items hidden from them in a share they may edit are not known here (it keeps no list they could read).
      hiddenUnlisted: this.sharesTo(recipient).some((c) => !c.hiddenKept),
      openElsewhere: (hidden) => this.openElsewhere(recipient, hidden),
      subjects: this.subjectChoices,
      about: this.aboutKey,
      onAbout: this.chooseAbout,
    };
  }

  /**
   * How many of `hidden` `recipient` can open without this share: they are in an earlier share to
   * them that was not revoked (one past its end date still opens), or in a record they take part in.
   */
  private openElsewhere(recipient: string | undefined, hidden: readonly BundleEntry[]): number {
    if (!recipient) return 0;
    const open = new Set<string>();
    const add = (record: OpenedRecord) => {
      for (const e of record.bundle.entry ?? []) if (e.fullUrl) open.add(e.fullUrl);
    };
    for (const c of this.sharesTo(recipient)) if (shareOpen(c)) add(c.record);
    for (const r of this.available) if (r.participants?.some((p) => p.pubkey === recipient)) add(r);
    return hidden.filter((e) => open.has(e.fullUrl ?? '')).length;
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle

  /**
   * The control that had the keyboard's focus went with a render that took the records away under
   * it (a button pressed as the signer turned out to hold another account, a sign-out in another
   * tab): the focus goes where {@link focusBack} sends it, beside the line that says why; not to
   * the page's body, where a screen-reader user is lost.
   */
  protected override update(changed: PropertyValues<this>): void {
    const focused = this.shadowRoot?.activeElement;
    super.update(changed);
    if (focusDropped(focused, this) && !this.open) this.focusBack();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Records handed in have no store to clear on a sign-out: the element's own signer changing is one,
    // and so is any signer or user in effect other than the one a kept action was signed for.
    if ((changed.has('signer') && changed.get('signer') !== undefined) || this.keptForSomeoneElse()) this.forgetUser();
    if (changed.has('recipient')) this.checkPreset();
    checkChoice(this, 'mode', this.mode, ['share', 'answer']);
    if (changed.has('request') && this.request) void this.lookUpNames([this.request.requester]);
    // Every way an action ends (done, stopped, refused, a signed answer dropped) comes with an update.
    this.planArrivedRecords();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // One control of the item list stays tabbable whatever the last change disabled.
    settleTabStop(this.renderRoot.querySelector<HTMLElement>('.item-grid'));
  }

  protected override storeChanged(change: StoreChange | 'replaced'): void {
    if (change === 'replaced' || change === 'cleared' || change === 'reader') return this.forgetUser();
    // The wait while records are unlocked says which one is at the signer.
    if (change === 'progress') this.requestUpdate();
    if (change === 'records') {
      this.recordsArrived = true;
      this.planArrivedRecords();
    }
  }

  /**
   * Tells the developer a preset `recipient` is no public key (see {@link recipient}), each time
   * one is given. A handler may answer by setting another value: it is checked within this update too, up
   * to a few times, so a handler that keeps setting bad values cannot hold the update forever.
   */
  private checkPreset(): void {
    for (let i = 0; i < 3; i++) {
      const value = this.recipient ?? '';
      const refusal = presetRefusal(this, 'recipient', value);
      if (!refusal) {
        this.presetProblem = undefined;
        return;
      }
      const { secret, message } = refusal;
      this.presetProblem = secret ? 'secret' : 'invalid';
      if (secret) {
        // Before anyone hears of it: a handler reading the element finds no key.
        this.recipient = undefined;
        if (this.hasAttribute('recipient')) this.removeAttribute('recipient');
      }
      console.warn(`<${this.localName}> ${message}`);
      emit(this, 'nip82-error', { code: 'invalid-input', message });
      // Unless a handler gave another value, done: a private key removed leaves none, and what the patient is told of it stays.
      if ((this.recipient ?? '') === (secret ? '' : value)) return;
    }
  }

  /**
   * Records that came after the patient stopped waiting for "Unlock my records" (or that another
   * element loaded): the answer's plan is made of them, as the load would have made it. Never under
   * an action being signed or sent, or a signed one left to try again (that would change, or drop,
   * what the patient chose): then once it is over, so the records named are never left with nothing
   * to choose from.
   */
  private planArrivedRecords(): void {
    if (!this.recordsArrived || this.busy || this.pending) return;
    this.recordsArrived = false;
    if (this.open && this.answering && this.step === 'choose' && this.plan.offered.length === 0) this.startPlan(this.answering);
  }

  /** An action under way or left unfinished that was signed for another signer or user than the one in effect. */
  private keptForSomeoneElse(): boolean {
    return [this.pending, ...this.unfinished.values()].some((p) => p && this.someoneElses(p));
  }

  /** Whether `pending` was signed with another signer, or for another user than the one known now (see {@link signedForCurrent}). */
  private someoneElses(pending: Pending): boolean {
    return !signedForCurrent(pending, this.activeSigner, this.myKey);
  }

  /** Nothing of the last user stays: their action under way, items, choices, names, signed events, an open dialog, what was said. */
  private forgetUser(): void {
    this.actions.stop();
    // A change the store did not report (records handed in, relays of the element's own) left the
    // last user's state standing: "you can try again" would speak of what is no longer there.
    this.setStatus('idle', '');
    if (this.open) {
      // Closed now, not at the dialog's close event: a render in between would open it again.
      this.open = false;
      this.modal.close();
    }
    this.answering = undefined;
    this.about = undefined;
    this.planKept = undefined;
    this.plan.reset([]);
    // The records counted are the last user's too (the plan forgot its items' words with them).
    this.counted = undefined;
    // What the last user chose and typed, though a dialog resets it when it opens: held here, it
    // would keep their words in memory for the next person at the screen.
    this.recipientKey = undefined;
    this.shareRole = 'viewer';
    this.until = '';
    this.purpose = '';
    this.reply = '';
    // A take-back's keys (the share's and its new version's) go with them.
    for (const p of new Set([this.pending, ...this.unfinished.values()])) forgetTakeBack(p);
    this.shareKeys.wipe();
    this.pending = undefined;
    this.keyCheckFor = undefined;
    this.unconfirmedOver = undefined;
    this.unfinished.clear();
    this.missed = undefined;
    this.partialText = '';
    this.leftNote = '';
    this.receipts = [];
    this.names = new Map();
    this.answeredHere = [];
    this.allRequests = false;
    // Keys whose names were still being looked up for the last user (their lookup ends on its own).
    this.lookingUp = [];
  }

  /** The authors of the records to grant from whose signature was checked, the user left out: the ones worth a name. */
  private authors(): string[] {
    const me = this.myKey;
    return [...new Set(this.available.filter((r) => r.authorVerified && r.author !== me).map((r) => r.author))];
  }

  private async lookUpNames(pubkeys: string[]): Promise<void> {
    const store = this.currentStore;
    const reader = store?.reader;
    const known = this.names;
    // The host's names need no lookup: relays are not asked about people the portal already names.
    const asked = pubkeys.filter((p) => !this.hostName(p, this.knownNames));
    this.lookingUp = [...this.lookingUp, asked];
    const names = await withProfileNames(this.passiveRelayClient(), known, asked).finally(() => { this.lookingUp = this.lookingUp.filter((a) => a !== asked); });
    // Names looked up for the last user never reach the next one. Lookups overlap (the requesters',
    // then the authors' as a dialog opens): each adds what it found to what the others did.
    if (names !== known && this.currentStore === store && store?.reader === reader) this.names = new Map([...this.names, ...names]);
  }

  /**
   * The store, checked against the signer: when the signer now answers with another key, the
   * store cleared itself and records chosen for the last user must not be acted on. Records handed
   * in have no store to ask: they are checked against the signer's key directly, else the last
   * user's records would go out under the next user's signature; and against the key the session
   * is signed in as, else a switch found here would leave the session showing the last user's records.
   */
  private async storeForAction(records: readonly OpenedRecord[], signer: Signer, progress: ActionProgress): Promise<RecordStore | undefined> {
    const store = this.records ? undefined : this.recordStore();
    const ask = (call: () => Promise<string>) => progress.asking(() => this.s.checkingAccount, call);
    const me = store ? await ask(() => store.currentReader()) : records.length ? await ask(() => signer.getPublicKey()) : undefined;
    assertOpenedFor(records, me, store ? undefined : this.signedInAs(signer));
    return store;
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  private loadRecords = async (): Promise<void> => {
    if (this.busy) return;
    const signal = this.actions.begin('read');
    const store = await this.withSigner('unlock', () => this.unlockWait(), async () => {
      const store = this.recordStore();
      await store.load({ refresh: store.loaded });
      return store;
    }, {}, signal);
    if (!store || signal.aborted) return;
    if (this.answering) {
      // The answer dialog names each record by its author.
      void this.lookUpNames(this.authors());
      this.startPlan(this.answering);
      // The button pressed gives way to the records chosen from: focus goes there, not to the page behind the dialog.
      const focused = (this.renderRoot as ShadowRoot).activeElement;
      if (this.open && store.held.length && (!focused || focused.matches('button.load'))) this.modal.focusNext = '#records-from';
    } else if (!this.open) {
      // "Unlock my records" gives way to "Share records…": a keyboard user goes on from there, not from the page body.
      const focused = (this.renderRoot as ShadowRoot).activeElement;
      if (focused?.matches('[data-trigger]') || (!focused && document.activeElement === document.body)) this.modal.focusNext = '[data-trigger]';
    }
    // What this read found and left, said in the words of the page's language at each render.
    const [held, failed, left, older, reports, clockOff] = [store.held.length, store.failures.length, store.unopenedRecords, store.olderRecordsUnchecked, [...store.reports], store.client.clockOff];
    // The copies of what the patient shared were unlocked too, one prompt each: said, or the count reads short of the prompts.
    const shared = store.records.length - held;
    // Not "no records" while some were left unopened, older ones or some storage server's were
    // not checked; records that could not be opened are said even when none could.
    const unread = unreadServers(reports).length > 0;
    this.setStatus('done', () => sentences(
      held || failed ? this.s.loaded(held, formatCount(held, this.language), failed, formatCount(failed, this.language), shared, formatCount(shared, this.language)) : older || unread || left ? '' : this.s.noRecords,
      recordsUnchecked(reports, this.s, clockOff),
      left ? this.s.recordsLeft(left, formatCount(left, this.language)) : '',
      older ? this.s.recordsOlder : '',
    ));
  };

  /** The wait while records are unlocked, one approval each: which of how many is at the signer. */
  private unlockWait(): string {
    const p = this.currentStore?.progress;
    if (!p || p.total < 2 || p.done >= p.total) return this.s.waitUnlock;
    const n = p.done + 1;
    return sentences(this.s.waitUnlock, this.s.unlockingRecord(n, p.total, formatCount(n, this.language), formatCount(p.total, this.language)));
  }

  private checkRequests = async (): Promise<void> => {
    if (this.busy) return;
    const signal = this.actions.begin('read');
    const store = await this.withSigner('read-requests', () => this.s.waitRead, async () => {
      const store = this.recordStore();
      await store.readMail({ refresh: store.mailLoaded });
      return store;
    }, {}, signal);
    if (!store || signal.aborted) return;
    // "No open requests" only when every message was checked: older ones, or those left unread, may still hold one.
    // As this read left it, in the words of the page's language at each render; the requests
    // waiting as they are now (one answered in another prompt is no longer waiting).
    const unread = store.unreadMail;
    const [unchecked, clockOff, ahead] = [{ olderMailUnchecked: store.olderMailUnchecked, mailReports: [...store.mailReports] }, store.client.clockOff, store.mailAhead];
    this.setStatus('done', () => {
      const s = this.s;
      const waiting = this.requests.length;
      return sentences(waiting ? s.requestsWaiting(waiting, formatCount(waiting, this.language)) : unchecked.olderMailUnchecked || unread ? '' : s.noRequests, unread ? s.mailLeft(unread, formatCount(unread, this.language)) : '', mailUnchecked(unchecked, s, clockOff), !waiting && ahead ? s.mailAhead : '');
    });
    await this.lookUpNames([...[...this.incoming, ...this.history].map((m) => m.requester), ...this.authors()]);
  };

  // ---------------------------------------------------------------------------------------------
  // Dialog

  /** The dialog lists the user's records: after a focus, only once the signer says the same user is there. */
  private openShare = (event: Event): void => {
    const trigger = event.currentTarget as HTMLElement;
    this.afterKeyCheck(() => {
      this.trigger = trigger;
      const unfinished = this.unfinishedOf(SHARE);
      if (unfinished) return this.resume(unfinished);
      // Signed and taken by no storage server: reopened as the patient left it, to try again.
      const unsent = this.pending;
      if (unsent?.key === SHARE && !unsent.action.started && !this.someoneElses(unsent)) return this.reopenUnsent();
      // Declined, or not answered, at the signer: nothing was signed to keep, but what was chosen is.
      if (!this.answering && this.recipientKey && this.declinedOnPreview) return this.reopenUnsent();
      this.startShare();
    });
  };

  /** The signer declined, or did not answer, what the preview asked it to sign: nothing was signed, and what was chosen is kept. */
  private get declinedOnPreview(): boolean {
    return this.step === 'preview' && ['refused', 'timed-out', 'no-signer'].includes(this.status);
  }

  /**
   * A share or an answer signed and taken by no storage server (or declined at the signer), its dialog closed: reopened on its preview, with
   * what the patient chose (the person, the items hidden, the terms) and "Try again", which sends the
   * same signed share. A form afresh would show again the items they hid, and sign anew.
   */
  private reopenUnsent(): void {
    this.step = 'preview';
    this.problems = [];
    this.leftNote = '';
    this.open = true;
    this.modal.focusNext = '#preview-title';
  }

  /** The share form afresh: the preset recipient, every item offered, no terms. */
  private startShare(): void {
    this.recipientKey = presetKey(this.recipient);
    if (this.recipientKey) void this.lookUpNames([this.recipientKey]);
    this.about = undefined;
    this.startPlan();
    this.shareRole = 'viewer';
    this.until = '';
    this.purpose = '';
    this.startDialog();
  }

  /**
   * Leaves a share part of which went out as it is, and starts a new one. Nothing is signed or
   * sent: what went out stays out (only a revocation ends it), so the form says so.
   */
  private leaveUnfinished = (): void => {
    const pending = this.pending;
    if (this.busy || this.answering || pending?.key !== SHARE || !confirmedOut(pending) || pending.takeBack) return;
    // Another user's events are not this one's to leave either: all of theirs is forgotten.
    if (this.someoneElses(pending)) return this.forgetUser();
    const recipient = pending.recipient;
    this.unfinished.delete(SHARE);
    this.pending = undefined;
    this.shareKeys.wipe();
    this.startShare();
    this.leftNote = () => this.s.leftUnfinished(this.named(recipient));
    this.modal.focusNext = '#left-note';
  };

  /**
   * Takes back a share part of which went out (or may have): every part is sealed anew for the
   * patient alone and sent, so a storage server holding a part keeps the new version instead, which
   * the recipient cannot open. The session made the share and holds its key: nothing is asked of
   * the signer (nor for a share of records the page handed in: the prompt keeps its key until the
   * share is finished, left or taken back). Sealed once: a retry sends the same events, through
   * the storage servers in effect then. What the recipient already opened stays with them.
   */
  private takeBack = (): void => {
    const pending = this.pending;
    if (this.busy || this.answering || pending?.key !== SHARE || !pending.action.started) return;
    if (this.someoneElses(pending)) return this.forgetUser();
    // As for "Finish sending": a signer that does not say which account it holds leaves what went out said again.
    this.keyCheckFor = pending;
    this.afterKeyCheck(() => {
      this.keyCheckFor = undefined;
      void this.takeBackNow(pending);
    });
  };

  private async takeBackNow(pending: Pending): Promise<void> {
    const signal = this.actions.begin();
    // On the page, the button pressed stays (aria-disabled) while it runs.
    this.againUnderWay = pending;
    this.receipts = pending.takeBack?.action.receipts ?? [];
    let back: TakeBack | undefined;
    try {
      back = await this.withSigner('revoke', () => this.s.waitTakeBack, (signer) => this.signing(signal, (progress) => this.sendTakeBack(pending, signer, progress, signal)),
        { recipient: pending.recipient, records: naddrsOf(pending.action.events) }, signal);
    } finally {
      this.againUnderWay = undefined;
    }
    if (back && !signal.aborted) this.tookBack(pending, back);
    else if (this.pending !== pending || this.someoneElses(pending)) return;
    else if (this.status !== 'relay-error') {
      // Stopped or refused before any server answered: the generic words ("nothing was shared")
      // would be untrue of what went out before, so what stands is said again.
      const words = this.partText(pending);
      this.partialText = pending.takeBack ? words : () => sentences(this.s.takeBackFailed, wordsNow(words));
      this.setStatus('relay-error', this.partialText);
    }
    await this.focusWayOn(signal);
  }

  /**
   * Seals the take-back once, then sends it: everywhere the first time, then only where some
   * storage server still lacks part of it. Returns it once every server that took (or may have
   * taken) part of the share holds all of it; else says where it stands (what went out may still
   * be open there) and returns nothing.
   */
  private async sendTakeBack(pending: Pending, signer: Signer, progress: ActionProgress, signal: AbortSignal): Promise<TakeBack | undefined> {
    pending.takeBack ??= await this.sealTakeBack(pending, signer, progress, signal);
    const { action } = pending.takeBack;
    const client = this.currentStore?.client ?? this.relayClient();
    this.sendingTo = client.relays.length;
    progress.doing('sending');
    let failure: RelayError | undefined;
    try {
      const missed = action.complete;
      await this.actions.send(signal, client, () => action.publish(client, signal, progress.signIns, missed));
    } catch (error) {
      if (signal.aborted || !(error instanceof RelayError)) throw error;
      failure = error;
    }
    this.receipts = action.receipts;
    if (takenBackWherever(pending.action, action)) return pending.takeBack;
    if (this.receipts.length) emit(this, 'nip82-receipts', { receipts: receiptDetail(this.receipts) });
    if (failure) this.fail(failure, 'revoke');
    this.partialText = this.partText(pending);
    this.setStatus('relay-error', this.partialText);
    this.modal.focusNext = 'button.take-back';
    return undefined;
  }

  /** The revocation of a half-sent share, sealed from the events it was made of; nothing published. */
  private async sealTakeBack(pending: Pending, signer: Signer, progress: ActionProgress, signal: AbortSignal): Promise<TakeBack> {
    const store = this.records ? undefined : this.recordStore();
    const asked = progress.signer(this.actions.guard(signer, signal), () => this.s.waitTakeBack);
    const copy = await openRecord(pending.action.events, asked, { keyCache: store?.keyCache ?? this.shareKeys, readerPubkey: pending.reader });
    if (signal.aborted) forgetRecord(copy);
    signal.throwIfAborted();
    try {
      const change = await revokeAccess(copy, pending.recipient);
      return { action: new SignedAction([{ name: 'share', events: change.events }]), copy, change };
    } catch (error) {
      forgetRecord(copy);
      throw error;
    }
  }

  /** Every part of the take-back went out: the share is no longer open to its recipient from the storage servers. */
  private tookBack(pending: Pending, back: TakeBack): void {
    const { copy, change, action } = back;
    const store = this.records ? undefined : this.currentStore;
    forgetRecord(copy);
    // The session lists it as a share taken back; records handed in keep nothing of it.
    if (store) store.keepChanged(change.record, copy.signPubkey);
    else forgetRecord(change.record);
    this.settle(SHARE);
    this.receipts = action.receipts;
    emit(this, 'nip82-receipts', { receipts: receiptDetail(this.receipts) });
    emit(this, 'nip82-revoke', { signPubkey: copy.signPubkey, pubkey: pending.recipient, ...(change.moved ? { movedTo: change.moved.to } : {}) });
    this.undoable = false;
    this.missed = undefined;
    this.setStatus('done', () => this.s.tookBack(this.named(pending.recipient)));
    this.step = 'result';
    this.modal.focusNext = '#result-title';
  }

  private openAnswer(request: ConsentMessage, event: Event): void {
    const trigger = event.currentTarget as HTMLElement;
    // The dialog lists the user's records: after a focus, only once the signer says the same user is there.
    this.afterKeyCheck(() => this.answerWith(request, trigger));
  }

  private answerWith(request: ConsentMessage, trigger: HTMLElement): void {
    // Declined, or not answered, at the signer: nothing was signed to keep, but what was chosen is.
    const declined = this.answering?.id === request.id && this.declinedOnPreview;
    this.trigger = trigger;
    this.answering = request;
    const unfinished = this.unfinishedOf(request.id);
    if (unfinished) return this.resume(unfinished);
    if (declined) return this.reopenUnsent();
    this.recipientKey = request.requester;
    // The records' authors are named in the dialog (records handed in, or loaded elsewhere in the session).
    void this.lookUpNames([request.requester, ...this.authors()]);
    // A request for what only a child's or parent's records hold starts on theirs: else only Deny is offered.
    this.about = this.firstHolding(request);
    this.startPlan(request);
    // An ended request's day is in the past: never offered as an end date (it can only be denied).
    this.until = requestEnded(request) ? '' : periodDay(request.period?.end);
    this.reply = '';
    this.startDialog();
  }

  /** The plan afresh: every item offered (only the kinds asked for, when answering), hidden as before for this recipient. */
  private startPlan(request?: ConsentMessage): void {
    this.recordsArrived = false;
    const offered = offeredEntries(this.planRecords).filter((e) => !request || request.resourceTypes.includes(e.resource.resourceType));
    this.plan.reset(offered, this.hiddenFrom(this.recipientKey));
    this.dropPending();
  }

  private startDialog(): void {
    this.step = 'choose';
    this.problems = [];
    this.leftNote = '';
    this.receipts = [];
    this.partialText = '';
    // Another action's unfinished events stay kept under their own key.
    this.pending = undefined;
    this.setStatus('idle', '');
    this.open = true;
  }

  /** The action under `key` part of which went out, while the same user and signer are in. */
  private unfinishedOf(key: string): Pending | undefined {
    const pending = this.unfinished.get(key);
    if (pending && this.someoneElses(pending)) {
      this.unfinished.delete(key);
      return undefined;
    }
    return pending;
  }

  /** Reopens an action part of which went out: the dialog says what went out and offers to finish sending it. */
  private resume(pending: Pending): void {
    this.pending = pending;
    this.recipientKey = pending.recipient;
    this.step = 'finish';
    this.problems = [];
    this.receipts = pending.action.receipts;
    this.partialText = this.partText(pending);
    this.setStatus('relay-error', this.partialText);
    this.open = true;
  }

  /** Forgets the signed events under way unless some went out: those are only ever sent again, never replaced. */
  private dropPending(): void {
    if (!this.pending?.action.started) this.pending = undefined;
  }

  /**
   * The end date or the note changed after an answer or share was signed and no server took it:
   * "Try again" would send what is no longer on screen, so it is forgotten, with the words that
   * offered it. (While one is being signed or sent the fields are read-only.)
   */
  private termsChanged(): void {
    if (this.busy || !this.pending || this.pending.action.started) return;
    this.pending = undefined;
    this.partialText = '';
    this.setStatus('idle', '');
  }

  /** The action is out in full: nothing is kept of it. */
  private settle(key: string): void {
    this.unfinished.delete(key);
    this.pending = undefined;
    if (!this.unfinished.has(SHARE)) this.shareKeys.wipe();
  }

  /**
   * "Stop waiting": before the send, ends the wait for the signer as Escape does, but the dialog
   * stays to say what did not happen, and the patient may try again. During the send, where the
   * only wait is the signer signing the patient in to a storage server that asked (a remote signer
   * may never answer, and the send cannot be cancelled: part of it may be out), those servers are
   * passed over and the rest goes on without them; the outcome then names which servers took it.
   * The button pressed is gone: focus goes to the step's heading, never to the page behind the
   * dialog; on the page, to the button that began the send (it stays, aria-disabled, while the
   * send goes on).
   */
  private stopWaiting = (): void => {
    const progress = this.progress;
    if (!this.actions.cancel(() => this.s.stoppedWaiting)) {
      if (!progress?.sendWaitsOnSignIn) return;
      progress.stopSignIns();
    }
    this.modal.focusNext = !this.open ? (this.againUnderWay ? 'button.finish' : 'button.finish-relays') : this.step === 'preview' ? '#preview-title' : '#dialog-title';
  };

  private closeDialog = (): void => {
    this.modal.close();
  };

  private onClose = (): void => {
    this.open = false;
    this.focusBack();
  };

  /**
   * Focus back on the page: an answered request's button is gone, so the element's own trigger or
   * the list heading. A request handed in has neither: then the page's status line, which says the
   * outcome once the dialog's content is gone; never the page body.
   */
  private focusBack(): void {
    const back = this.trigger?.isConnected
      ? this.trigger
      : this.renderRoot.querySelector<HTMLElement>('[data-trigger]') ?? this.renderRoot.querySelector<HTMLElement>('#requests-title');
    if (back) back.focus();
    else this.modal.focusNext = '.base > .state > .status';
  }

  /**
   * Busy buttons say so (`aria-disabled`) instead of being disabled: a disabled button loses focus
   * to the page body, and a keyboard user would have to find their place again.
   */
  private get busy(): boolean {
    return this.status === 'waiting-signer' || this.status === 'working';
  }

  private onPick = (event: CustomEvent<{ pubkey: string }>): void => {
    this.recipientKey = event.detail.pubkey;
    this.plan.applyHiddenBefore(this.hiddenFrom(this.recipientKey));
    void this.lookUpNames([event.detail.pubkey]);
    this.dropPending();
  };

  private onPickClear = (): void => {
    this.recipientKey = undefined;
    this.plan.applyHiddenBefore([]);
    this.dropPending();
  };

  private hideMentions = (): void => {
    if (this.busy) return;
    this.plan.hideMentions();
    this.modal.focusNext = '#hidden-count';
  };

  /** One words function for "unlock first", so that records arriving can take that problem, and no other, away. */
  private readonly unlockFirst = (): string => this.s.unlockToApprove;

  private toPreview = (event: Event): void => {
    event.preventDefault();
    if (this.busy || this.withdrawEnded()) return;
    // Where each problem's words are, not the words: they follow the page's language while shown.
    const problems: Problem[] = [];
    const say = (key: 'noTypesChosen' | 'untilInvalid' | 'recipientMissing' | 'recipientIsYou' | 'nothingChosen' | 'expiryPast' | 'severalPeople' | 'expiryUnreadable', field?: string) => problems.push({ words: () => this.s[key], field });
    // A date picker may let one type a year of five digits ("20266-12-05"): not a day to end on.
    const unreadable = !!this.until && !/^\d{4}-\d{2}-\d{2}$/.test(this.until);
    if (this.answering) {
      if (requestEnded(this.answering)) problems.push({ words: this.endedText(this.answering) });
      // Said here, not by a disabled Review button: Tab would skip that without a word. Before the
      // records are unlocked there is nothing to keep: "keep at least one kind" would send the
      // patient looking for boxes that are not there yet.
      else if (this.available.length === 0 && !this.recordsUnlocked) problems.push({ words: this.unlockFirst });
      // Unlocked, and none to share from: "unlock first" would send them round the same button again.
      else if (this.available.length === 0) problems.push({ words: () => this.s.nothingAsked(this.s.typeList(this.answering!.resourceTypes)) });
      else if (this.plan.plan().entries.length === 0) say('noTypesChosen');
      const asked = periodDay(this.answering.period?.end) || undefined;
      if (this.until && (unreadable || this.until < today() || (asked && this.until > asked))) say('untilInvalid', 'grant-until');
    } else {
      if (!this.recipientKey) say('recipientMissing');
      else if (this.recipientKey === this.myKey) say('recipientIsYou');
      if (this.plan.included.size === 0) say('nothingChosen');
      if (unreadable) say('expiryUnreadable', 'until');
      else if (this.until && this.until < today()) say('expiryPast', 'until');
    }
    if (this.severalPeople()) say('severalPeople');
    this.problems = problems;
    if (problems.length) {
      this.modal.focusNext = '#problems';
      return;
    }
    this.dropPending();
    this.setStatus('idle', '');
    this.step = 'preview';
    this.modal.focusNext = '#preview-title';
  };

  /** Why a request whose asked period is over can only be denied. */
  private endedText(request: ConsentMessage): Message {
    return () => this.s.requestEndedNote(dayText(periodDay(request.period!.end), this.language));
  }

  private backToChoose = (): void => {
    if (this.busy) return;
    this.dropPending();
    this.receipts = [];
    this.partialText = '';
    this.setStatus('idle', '');
    this.step = 'choose';
    this.modal.focusNext = '#dialog-title';
  };

  // ---------------------------------------------------------------------------------------------
  // Signing and publishing: all signed first, then published; a retry sends the same events

  /**
   * The records the chosen items come from (shared or hidden): a share is made from these only, and
   * is about their subject, not whichever record the user holds first.
   */
  private get chosenRecords(): OpenedRecord[] {
    return this.plan.drawnFrom(this.plan.plan());
  }

  /** The chosen items are about different people (a parent's, one's own): one share cannot say whose they are. */
  private severalPeople(records: readonly OpenedRecord[] = this.chosenRecords): boolean {
    const me = this.myKey;
    return new Set(records.map((r) => subjectKey(r, me))).size > 1;
  }

  /** The share of the plan to `recipient`, signed; nothing published. */
  /**
   * The share of `chosen` (the plan and its records as they stood when the user pressed the button:
   * a signer may take long, and the records change meanwhile) to `recipient`, signed; nothing published.
   */
  private async signShare(signer: Signer, store: RecordStore | undefined, client: RelayClient, chosen: Chosen, recipient: string, role: Role, until: string | undefined, purpose: string | undefined) {
    const { records, plan } = chosen;
    if (this.plan.reshared().length) throw new RecordError('invalid-input', this.s.reshared);
    if (records.length === 0 || this.severalPeople(records)) throw new RecordError('invalid-input', this.s.severalPeople);
    const withhold = plan.hidden.map((e) => e.fullUrl!);
    const patient = records[0]!.subject ?? (await signer.getPublicKey());
    const consent = grantConsent({ patient, recipient, role, until, purpose });
    const { source, fullUrl } = consentSource(records[0]!, consent);
    return createShare({
      from: [...records, source],
      include: [...plan.entries.map((e) => e.fullUrl!), ...withhold, fullUrl],
      withhold,
      disclose: this.plan.disclose,
      author: signer,
      participants: [{ pubkey: recipient, role }],
      maxEventBytes: await client.maxEventBytes(),
      keyCache: store?.keyCache ?? this.shareKeys,
      // Relays that honour NIP-40 stop serving the copy after its last day.
      ...(until ? { expiresAt: periodEnd(until) } : {}),
    });
  }

  /**
   * Publishes the action's signed events (with `missed`, again where some storage server lacks
   * them, for an action in effect). A shortfall becomes a relay-error state that says exactly what
   * went out; returns whether everything did (a missed send: whether it ended, however far it got).
   * The status says "Waiting for your signer" only while a storage server's sign-in waits there.
   * `signed`: the progress of the action that has just signed these events (its sign-ins go on
   * into the send); else the send is an action of its own (a retry, the servers that missed it).
   */
  private async send(pending: Pending, client: RelayClient, signal: AbortSignal, missed = false, signed?: ActionProgress): Promise<boolean> {
    const { action } = pending;
    // A stopped action publishes nothing, through whatever client it was given.
    signal.throwIfAborted();
    this.sendingTo = client.relays.length;
    const progress = signed ?? this.track(signal);
    progress.doing('sending');
    try {
      try {
        await this.actions.send(signal, client, () => action.publish(client, signal, progress.signIns, missed));
      } finally {
        // From here the outcome is said: a sign-in settling late must not say "Sending…" over it.
        progress.end();
      }
      this.receipts = action.receipts;
      this.partialText = '';
      return true;
    } catch (error) {
      if (signal.aborted) {
        // Nothing is shown of a stopped action. Part of it out, and still the same user and signer:
        // kept like any half-sent action, to be finished when reopened, never signed again.
        if (action.started && !this.someoneElses(pending)) {
          this.unfinished.set(pending.key, pending);
          pending.tell(true);
        }
        throw error;
      }
      this.receipts = action.receipts;
      if (missed && error instanceof RelayError) {
        // In effect already: what each server holds now is the outcome, said by the caller.
        this.partialText = '';
        return true;
      }
      if (this.receipts.length) emit(this, 'nip82-receipts', { receipts: receiptDetail(this.receipts) });
      if (!(error instanceof RelayError)) throw error;
      this.fail(error, this.answering ? 'answer' : 'share');
      if (action.started) {
        // From now on these events are all there is to this action: kept for whenever it is reopened,
        // and only finished; unless the user changed while it was sending (all of theirs is forgotten).
        if (!this.someoneElses(pending)) {
          this.unfinished.set(pending.key, pending);
          pending.tell(true);
        }
        this.step = 'finish';
        this.partialText = this.partText(pending);
      } else if (progress.passedOver) {
        // Not servers that refused it: the patient passed over the ones that asked for a sign-in.
        const share = action.pieces.some((p) => p.name === 'share');
        this.partialText = () => this.s.stoppedNothingOut(share);
      } else {
        this.partialText = () => this.s.relayNothing;
      }
      // The button pressed may be gone (nothing is signed again once some went out): focus the way on.
      this.modal.focusNext = 'button.finish';
      return false;
    }
  }

  /**
   * Follows the action begun with `signal` (its signing, then its send; or a send alone), saying at
   * each moment what it does: "Waiting for your signer" only while a call to it is unanswered.
   */
  private track(signal: AbortSignal, step: ActionStep = 'sending'): ActionProgress {
    const words = (now: ActionStep) => () => {
      const s = this.s;
      return now === 'preparing' ? s.preparing : now === 'sending' ? s.publishing(this.sendingTo, formatCount(this.sendingTo, this.language)) : s.sendingOn;
    };
    this.progress = new ActionProgress((status, message) => this.setStatus(status, message), words, () => this.s.waitSignIn, signal, new DeclineScope(), step,
      (n, what) => this.s.signerApproval(n, formatCount(n, this.language), what));
    return this.progress;
  }

  /** How much of `pending` went out, as it stands now, in the words of the page's language at each render. */
  private partText(pending: Pending): Message {
    const back = pending.takeBack?.action;
    if (back) {
      const went = back.started;
      return () => this.s.takeBackShort(this.named(pending.recipient), went);
    }
    const [states, recipient] = [pending.action.states, pending.recipient];
    // Nothing confirmed, something maybe out: not "part went out" (unknown), nor "nothing" (untrue).
    const share = states.some((p) => p.name === 'share');
    return () => (confirmedOut(pending) ? this.s.partial(states, this.named(recipient)) : this.s.unconfirmed(share, this.named(recipient)));
  }

  /**
   * The outcome of an action in effect, from what each storage server holds now; while some server
   * lacks part of it, it says so, and the way on (the same signed events, sent there) is offered.
   */
  private said(pending: Pending): void {
    const [everywhere, outcome] = [pending.action.everywhere, pending.outcome()];
    // As the servers hold it now, in the words of the page's language at each render.
    const words: Message = () => sentences(wordsNow(outcome), everywhere ? '' : this.s.notEverywhere);
    this.missed = everywhere ? undefined : { pending, words };
    this.setStatus('done', words);
  }

  /** The action in effect some storage server missed, while its outcome is what the status says. */
  private get missedShown(): Pending | undefined {
    const missed = this.missed;
    return missed && this.status === 'done' && this.state.words === missed.words ? missed.pending : undefined;
  }

  /** Sends an action in effect to the storage servers that missed it: after a focus, only once the signer says the same user is there. */
  private sendMissed = (): void => {
    const pending = this.missedShown;
    if (!pending || this.busy) return;
    this.afterKeyCheck(() => void this.sendMissedNow(pending));
  };

  private async sendMissedNow(pending: Pending): Promise<void> {
    if (this.busy) return;
    // Signed for another user or signer: never sent through this one's; all of theirs is forgotten.
    if (this.someoneElses(pending)) return this.forgetUser();
    const signal = this.actions.begin();
    this.missedUnderWay = pending;
    const ended = await Promise.resolve().then(() => this.send(pending, this.currentStore?.client ?? this.relayClient(), signal, true)).catch((error: unknown) => {
      if (!signal.aborted) this.fail(error);
      return false;
    }).finally(() => {
      this.missedUnderWay = undefined;
    });
    if (!ended || signal.aborted) return;
    emit(this, 'nip82-receipts', { receipts: receiptDetail(this.receipts) });
    this.said(pending);
    if (this.open) this.modal.focusNext = '#result-title';
    else if (!this.missed) {
      // The button pressed is gone: focus goes back to the element's own trigger.
      await this.updateComplete;
      this.focusBack();
    }
  }

  /**
   * Sends what the user signed: after a focus, only once the signer says the same user is there.
   * While it is asked, the button pressed stays (on the page too); if it does not say, what went
   * out is said again, and the button is still the way on.
   */
  private finishSending = (): void => {
    // A share being taken back is never sent on.
    if (!this.pending || this.busy || this.pending.takeBack) return;
    this.keyCheckFor = this.pending;
    this.afterKeyCheck(() => {
      this.keyCheckFor = undefined;
      void this.sendAgain();
    });
  };

  protected override keyCheckFailed(): void {
    const [pending, words] = [this.keyCheckFor, this.partialText];
    this.keyCheckFor = undefined;
    // Only about the action still shown.
    if (!pending || pending !== this.pending || !words) return;
    // "Nothing was shared or sent" would be untrue of what went out before: that is said again.
    this.unconfirmedOver = words;
    this.setStatus('relay-error', '');
  }

  /** Sends again the signed events of an action that went out only in part (or not at all). */
  private sendAgain = async (): Promise<void> => {
    const pending = this.pending;
    if (!pending || this.busy) return;
    // Signed and taken by no server yet: not sent if it holds what is no longer the user's to pass on.
    if (!pending.action.started && pending.action.pieces.some((p) => p.name === 'share') && this.withdrawEnded()) return;
    if (this.someoneElses(pending)) {
      // Signed for another user or signer (a change this element did not hear of): never sent
      // through this one's; it and all else shown of that user are forgotten, nothing said.
      return this.forgetUser();
    }
    const signal = this.actions.begin();
    this.againUnderWay = pending;
    try {
      // A relay list no longer usable fails here like a send that failed: shown as a state, never thrown.
      const done = await Promise.resolve().then(() => this.send(pending, this.currentStore?.client ?? this.relayClient(), signal)).catch((error: unknown) => {
        if (!signal.aborted) this.fail(error);
        return false;
      });
      if (done && !signal.aborted) await pending.finish(signal);
    } finally {
      this.againUnderWay = undefined;
    }
    await this.focusWayOn(signal);
  };

  /**
   * After a send from the page (the dialog closed): the outcome's heading is not shown, and the
   * button pressed is gone once it is in effect, so focus goes to the page's way on, never to the
   * page body. A focus the user took elsewhere on the page meanwhile stays there.
   */
  private async focusWayOn(signal: AbortSignal): Promise<void> {
    if (this.open || signal.aborted) return;
    await this.updateComplete;
    const away = document.activeElement;
    if (!this.matches(':focus-within') && away && away !== document.body) return;
    const on = this.renderRoot.querySelector<HTMLElement>('button.finish, button.finish-relays, button.take-back');
    if (on) on.focus();
    else this.focusBack();
  }

  /**
   * Runs the signing and sending of one action begun with `signal`, followed by its progress: it
   * prepares (the servers' limits read, the records checked against the signer), says "Waiting
   * for your signer" only while a call to it is unanswered, then sends with the same sign-ins.
   */
  /** Each signer action is a new one: the last one's progress, and the approval it was declined at, are over. */
  protected override withSigner<T>(action: SignerAction, waitingText: Message, run: (signer: Signer) => Promise<T>, extra?: SignerRequestExtra, signal?: AbortSignal): Promise<T | undefined> {
    this.progress = undefined;
    return super.withSigner(action, waitingText, run, extra, signal);
  }

  /** What a refusal says: after others were given, which approval was declined and what trying again asks. */
  private refusedText(said: string): string {
    const n = this.status === 'refused' ? this.progress?.refusedAt : undefined;
    return n && n > 1 ? sentences(said, this.s.refusedApproval(n, formatCount(n, this.language))) : said;
  }

  private async signing<T>(signal: AbortSignal, work: (progress: ActionProgress) => Promise<T>): Promise<T> {
    const progress = this.track(signal, 'preparing');
    try {
      return await work(progress);
    } finally {
      // Signed and sent, refused or stopped: its outcome is said from now on, not its progress.
      progress.end();
    }
  }

  /**
   * Items no record still open to the user supplies, since a share to them ended while the dialog
   * was open (a share "until today" passing midnight): taken off the offer and said, before the
   * signer is asked anything, so that nothing goes out that is no longer theirs to pass on, nor a
   * share quietly lacking what the preview showed. An item another record still supplies stays,
   * hidden or not. What was signed from the old choice is dropped, never sent. The preview then
   * shows what is left; when nothing is (or the person chosen has no records left), the choice
   * starts afresh.
   */
  private withdrawEnded(): boolean {
    const store = this.currentStore;
    const held = this.records ?? (store?.loaded ? store.held : []);
    const still = new Set(offeredEntries(this.available).map((e) => e.fullUrl!));
    const gone = new Set(this.plan.offered.map((e) => e.fullUrl!).filter((url) => !still.has(url)));
    if (!gone.size) return false;
    const names = [...new Set(held.filter((r) => endedForReader(r) && r.bundle.entry?.some((e) => gone.has(e.fullUrl ?? ''))).map((r) => this.nameOf(r, subjectNamer([r]))))];
    this.plan.withdraw(gone);
    this.keepPerson();
    this.dropPending();
    this.partialText = '';
    this.setStatus('idle', '');
    // The choice starts afresh only when nothing is left to choose from (every other choice, a
    // hidden item above all, stays as the user made it), or the person chosen has no records left.
    const personGone = this.about !== undefined && !this.subjectKeys.includes(this.about);
    if (!this.plan.offered.length || personGone) {
      this.about = this.answering ? this.firstHolding(this.answering) : undefined;
      this.startPlan(this.answering);
      this.step = 'choose';
    } else if (!this.plan.plan().entries.length) {
      this.step = 'choose';
    }
    this.problems = [{ words: () => this.s.endedMeanwhile(names) }];
    this.modal.focusNext = '#problems';
    // Pressed on the page (Try again, the dialog closed): the dialog opens to say why.
    this.open = true;
    return true;
  }

  /**
   * The person whose items are left on offer, kept as the one shown: with no person chosen, the one
   * shown is whoever comes first, which a record taken away may change under the items left.
   */
  private keepPerson(): void {
    const left = this.plan.offered.map((e) => e.fullUrl!);
    const drawn = new Set(offeredEntries(this.planRecords).map((e) => e.fullUrl!));
    if (left.every((url) => drawn.has(url))) return;
    const whose = supplying(this.available, left).map((r) => subjectKey(r, this.myKey)).find((k) => k && this.subjectKeys.includes(k));
    if (whose) this.about = whose;
  }

  private confirmShare = async (): Promise<void> => {
    if (this.busy || this.pending?.action.started) return;
    if (this.withdrawEnded()) return;
    // Said before the signer is asked anything (the records may have changed since the preview).
    if (this.severalPeople()) {
      this.problems = [{ words: () => this.s.severalPeople }];
      this.modal.focusNext = '#problems';
      return;
    }
    const records = this.available;
    const recipient = this.recipientKey!;
    const role = this.shareRole;
    const chosen: Chosen = { records: this.chosenRecords, plan: this.plan.plan() };
    // As the flag sent counts them: those hidden now and those the records drawn from were shared without.
    const told = hiddenTold(this.plan.flag(chosen.plan));
    this.receipts = [];
    this.partialText = '';
    // Whose action this is, taken now: once signing ends the host may be reloading the records, and
    // nobody known. Else it is known only once the store asked the signer (records of its own).
    const reader = this.myKey;
    const signal = this.actions.begin();
    const sent = await this.withSigner(
      'share',
      () => this.s.waitShare,
      (signer) => this.signing(signal, async (progress) => {
        const store = await this.storeForAction(records, signer, progress);
        signal.throwIfAborted();
        const client = store?.client ?? this.relayClient();
        const asked = progress.signer(this.actions.guard(signer, signal), () => this.s.waitShare);
        const events = await this.signShare(asked, store, client, chosen, recipient, role, this.until || undefined, this.purpose.trim() || undefined);
        // Signed for a user who left, or after Escape: thrown away unpublished.
        signal.throwIfAborted();
        const action = new SignedAction([{ name: 'share', events }]);
        const finish = async (current: AbortSignal) => {
          // The copy joins the session's shares (its key is cached: no signer call).
          await store?.adopt(events).catch(() => undefined);
          if (current.aborted) return;
          this.settle(SHARE);
          emit(this, 'nip82-receipts', { receipts: receiptDetail(action.receipts) });
          tell();
          this.said(pending);
          this.undoable = true;
          this.step = 'result';
          this.modal.focusNext = '#result-title';
        };
        const outcome = (): Message => {
          const relays = outcomesByRelay(action.receipts);
          const [ok, total] = [relays.filter((r) => r.status === 'accepted').length, relays.length];
          return () => this.s.shared(this.named(recipient), ok, total, formatCount(ok, this.language), formatCount(total, this.language));
        };
        const tell = (unfinished?: boolean) => emit(this, 'nip82-share', { signPubkey: events[0]!.pubkey, naddrs: naddrsOf(events), recipient, role, ...told, missed: action.missed, ...(unfinished && { unfinished }) });
        const pending: Pending = { key: SHARE, action, recipient, signer, reader: reader ?? this.myKey, finish, tell, outcome };
        this.pending = pending;
        return (await this.send(pending, client, signal, false, progress)) ? finish : undefined;
      }),
      { recipient, records: records.flatMap((r) => r.naddrs) },
      signal,
    );
    if (!signal.aborted) await sent?.(signal);
  };

  private approve = async (): Promise<void> => {
    if (this.busy || this.pending?.action.started) return;
    const request = this.answering!;
    if (this.withdrawEnded()) return;
    // It may have ended since the form was shown: said before the signer is asked anything.
    if (requestEnded(request)) {
      this.problems = [{ words: this.endedText(request) }];
      this.modal.focusNext = '#problems';
      return;
    }
    if (this.severalPeople()) {
      this.problems = [{ words: () => this.s.severalPeople }];
      this.modal.focusNext = '#problems';
      return;
    }
    const records = this.available;
    const plan = this.plan.plan();
    const chosen: Chosen = { records: this.chosenRecords, plan };
    const types = request.resourceTypes.filter((t) => plan.entries.some((e) => e.resource.resourceType === t));
    const until = this.grantedEnd(request) || undefined;
    const note = this.reply.trim() || undefined;
    this.receipts = [];
    this.partialText = '';
    const reader = this.myKey;
    // Said at every prompt of the approval, so that none reads as the last one while more follow.
    const asks = SIGNER_CALLS_TO_SHARE + answerSignerCalls(request);
    const waitApprove = () => this.s.waitApprove(asks, formatCount(asks, this.language));
    const signal = this.actions.begin();
    const sent = await this.withSigner(
      'answer',
      waitApprove,
      (signer) => this.signing(signal, async (progress) => {
        const store = await this.storeForAction(records, signer, progress);
        signal.throwIfAborted();
        if (await this.answeredMeanwhile(request, store, false, signal)) return undefined;
        const client = store?.client ?? this.relayClient();
        const guarded = this.actions.guard(signer, signal);
        // Everything is signed before anything is published: a refusal at any prompt publishes nothing.
        const share = await this.signShare(progress.signer(guarded, waitApprove), store, client, chosen, request.requester, 'viewer', until, request.purpose);
        signal.throwIfAborted();
        const naddrs = naddrsOf(share);
        const { events, answer } = await answerRequest(request, {
          signer: progress.signer(guarded, waitApprove), decision: 'active', records: naddrs, resourceTypes: types, until, note, maxEventBytes: await client.maxEventBytes(),
        });
        signal.throwIfAborted();
        const action = new SignedAction([{ name: 'share', events: share }, ...answerPieces(events)]);
        const finish = async (current: AbortSignal) => {
          await store?.adopt(share).catch(() => undefined);
          if (current.aborted) return;
          store?.addMessage(answer, events.map((e) => e.id));
          this.settle(request.id);
          this.undoable = true;
          this.finishAnswer(answer, pending);
        };
        const outcome = (): Message => () => this.s.approved(this.named(request.requester));
        const tell = this.answerTold(request, answer, action, naddrs, hiddenTold(this.plan.flag(plan)));
        const pending: Pending = { key: request.id, action, recipient: request.requester, signer, reader: reader ?? this.myKey, finish, tell, outcome };
        this.pending = pending;
        return (await this.send(pending, client, signal, false, progress)) ? finish : undefined;
      }),
      { recipient: request.requester, records: records.flatMap((r) => r.naddrs) },
      signal,
    );
    if (!signal.aborted) await sent?.(signal);
  };

  private deny = async (): Promise<void> => {
    // Once part of an approval went out, the clinician can open it: a denial would be untrue.
    if (this.busy || this.pending?.action.started) return;
    const request = this.answering!;
    const note = this.reply.trim() || undefined;
    this.problems = [];
    this.receipts = [];
    this.partialText = '';
    const reader = this.myKey;
    // Said at every prompt of the denial, as for an approval: none reads as the last while more follow.
    const asks = answerSignerCalls(request);
    const waitAnswer = () => this.s.waitAnswer(asks, formatCount(asks, this.language));
    const signal = this.actions.begin();
    const sent = await this.withSigner(
      'answer',
      waitAnswer,
      (signer) => this.signing(signal, async (progress) => {
        const store = await this.storeForAction([], signer, progress);
        signal.throwIfAborted();
        if (await this.answeredMeanwhile(request, store, true, signal)) return undefined;
        const client = store?.client ?? this.relayClient();
        const asked = progress.signer(this.actions.guard(signer, signal), waitAnswer);
        const { events, answer } = await answerRequest(request, { signer: asked, decision: 'rejected', note, maxEventBytes: await client.maxEventBytes() });
        signal.throwIfAborted();
        const action = new SignedAction(answerPieces(events));
        const finish: Pending['finish'] = async () => {
          store?.addMessage(answer, events.map((e) => e.id));
          this.settle(request.id);
          this.undoable = false;
          this.finishAnswer(answer, pending);
        };
        // Said as it stood when denied: a denial takes back no share made before.
        const stillOpen = this.shareOpenTo(request.requester);
        const outcome = (): Message => () => (stillOpen ? this.s.deniedStillOpen : this.s.denied)(this.named(request.requester));
        const pending: Pending = { key: request.id, action, recipient: request.requester, signer, reader: reader ?? this.myKey, finish, tell: this.answerTold(request, answer, action), outcome };
        this.pending = pending;
        return (await this.send(pending, client, signal, false, progress)) ? finish : undefined;
      }),
      { recipient: request.requester },
      signal,
    );
    if (!signal.aborted) await sent?.(signal);
  };

  /**
   * Before an answer is signed, the messages are read again (when the request came from them): the
   * user may have answered it since they were read, in another window, and a second answer would
   * tell the person two things. Then nothing is signed: the dialog says so. A read left undone (a
   * server unread) does not stop the answer; a refusal at the signer does, as for the answer itself.
   * The store the action just asked who the user is (`asked`) asks no second time.
   */
  private async answeredMeanwhile(request: ConsentMessage, asked: RecordStore | undefined, denying: boolean, signal: AbortSignal): Promise<boolean> {
    const store = this.currentStore;
    if (!store?.mailLoaded) return false;
    await store.readMail({ refresh: true, reader: store === asked ? store.reader : undefined });
    signal.throwIfAborted();
    const earlier = this.history.find((m) => m.answers === request.id);
    if (!earlier) return false;
    const approved = earlier.status === 'active';
    this.problems = [{ words: () => this.s.alreadyAnswered(this.named(request.requester), approved, denying) }];
    this.modal.focusNext = '#problems';
    this.setStatus('idle', '');
    return true;
  }

  private answerTold(request: ConsentMessage, answer: ConsentMessage, action: SignedAction, naddrs: string[] = [], told: HiddenTold = { hidden: 0 }): Pending['tell'] {
    return (unfinished) => emit(this, 'nip82-answer', { requestId: request.id, decision: answer.status as 'active' | 'rejected', naddrs, recipient: request.requester, ...told, missed: action.missed, ...(unfinished && { unfinished }) });
  }

  private finishAnswer(answer: ConsentMessage, pending: Pending): void {
    this.answeredHere = [answer, ...this.answeredHere];
    emit(this, 'nip82-receipts', { receipts: receiptDetail(pending.action.receipts) });
    pending.tell();
    this.said(pending);
    this.step = 'result';
    this.modal.focusNext = '#result-title';
  }

  // ---------------------------------------------------------------------------------------------
  // Render

  /**
   * `page`: the page's own status line. It is always there, its words left out while the dialog is
   * open (the dialog's own line says them): words that land in a live region made afresh as the
   * dialog closes are never announced.
   */
  private renderStatus(page = false): TemplateResult {
    const s = this.s;
    if (page && this.open) return renderState('idle', this.renderLive(''), [], s, this.language);
    // On the page the button pressed stays (aria-disabled) while the send it began goes on: one that
    // vanished would drop the keyboard's focus to the page body. Same template: the same button.
    // So does it while the signer is asked which account it uses first, and once it did not say.
    const again = !this.open && !!this.pending && ((this.againUnderWay === this.pending && this.busy) || this.keyCheckFor === this.pending);
    if ((this.status === 'relay-error' && this.partialText) || again) {
      return html`<div class=${again ? 'state' : 'state error'}>
        ${this.renderLive(again && this.busy ? stateText(this.status, s, this.message, this.errorCode, this.signedOut) : sentences(this.partialWords(), clockAfter(this.receipts, this.clockOff, s)), !this.open)}
        ${again ? nothing : renderReceipts(this.receipts, s, this.language)}
        ${this.pending?.takeBack && !this.open
          ? this.takeBackButton(true)
          : this.pending && (!this.pending.action.started || !this.open)
          ? html`<button part="button button-primary" type="button" class="primary finish" aria-disabled=${busyAttr(this.busy)} @click=${this.finishSending}>
          ${this.pending.action.started ? s.finishSending : s.tryAgain}</button>`
          : nothing}
      </div>`;
    }
    const said = this.refusedText(this.partLost(s) ?? stateText(this.status, s, this.message, this.errorCode, this.signedOut, this.clockOff ? s.clockOff : ''));
    return renderState(this.status, this.renderLive(this.status === 'relay-error' ? sentences(said, clockAfter(this.receipts, this.clockOff, s)) : said, !this.open), this.receipts, s, this.language);
  }

  /** A part of the page not fetched: what pressing the same button again does, in the words of what it was for. */
  private partLost(s: ConsentPromptStrings): string | undefined {
    const reading = this.status === 'relay-error' && this.errorCode === 'part-unavailable' && this.lastAction === 'read-requests';
    return reading ? s.requestsLost : partLostText(this.status, this.errorCode, this.lastAction, s);
  }

  /** What the last send left, after the signer did not confirm its account for sending the rest, if so. */
  private partialWords(): string {
    const words = wordsNow(this.partialText);
    return this.unconfirmedOver === this.partialText ? sentences(this.s.accountUnconfirmed, words) : words;
  }

  private renderProblems(): TemplateResult | typeof nothing {
    // Once records are unlocked (here or anywhere in the session), "unlock your records first" is no
    // longer true, even when none could be shared; a problem with the dates still is.
    const problems = this.recordsUnlocked ? this.problems.filter((p) => p.words !== this.unlockFirst) : this.problems;
    if (problems.length === 0) return nothing;
    return html`<div id="problems" class="problems error" tabindex="-1">
      <ul>${problems.map((p) => html`<li id=${ifDefined(p.field && problemId(p.field))}>${wordsNow(p.words)}</li>`)}</ul>
    </div>`;
  }

  override render() {
    const answer = this.mode === 'answer';
    const view = answer ? this.answerView() : this.shareView();
    // The dialog first: closed, it takes no room; open, it comes before the page's quiet status line behind it.
    return html`<div part="base" class="base">
      <dialog part="dialog" aria-labelledby="dialog-title" aria-describedby=${signedInShown(this.session, this.activeSigner) ? 'signed-in' : nothing} @cancel=${(e: Event) => this.actions.onDialogCancel(e, this.step === 'result')} @close=${this.onClose}>
        ${this.open ? renderSignedIn(this.session, this.s, this.activeSigner) : nothing}${this.open ? (answer ? renderAnswerDialog(view as AnswerView) : renderShareDialog(view as ShareView)) : nothing}
      </dialog>
      ${answer ? renderAnswerBase(view as AnswerView) : renderShareBase(view as ShareView)}
      ${this.renderStatus(true)}${this.open ? nothing : this.renderSendButtons()}
    </div>`;
  }

  /** What both views read. */
  private commonView(): CommonView {
    return {
      s: this.s,
      plan: this.viewContext,
      step: this.step,
      busy: this.busy,
      waiting: this.actions.waitingOnSigner,
      signInWait: !!this.progress?.sendWaitsOnSignIn,
      started: !!this.pending?.action.started,
      until: this.until,
      status: html`${this.renderStatus()}${renderSignerPage(this.session?.signerPage, this.open && this.status === 'waiting-signer', this.s)}`,
      problems: this.renderProblems(),
      problemWith: (field) => (this.problems.some((p) => p.field === field) ? problemId(field) : undefined),
      result: () => this.renderResult(),
      finishing: () => this.renderFinishing(),
      terms: (role, purpose) => this.renderTerms(role, purpose),
      onUntil: (value) => {
        this.until = value;
        this.termsChanged();
      },
      toPreview: this.toPreview,
      back: this.backToChoose,
      dismiss: this.actions.dismiss,
      stopWaiting: this.stopWaiting,
      hideMentions: this.hideMentions,
      loadRecords: this.loadRecords,
      reload: this.reloadOffered,
    };
  }

  private shareView(): ShareView {
    const store = this.currentStore;
    const records = this.available;
    return {
      ...this.commonView(),
      records: records.length,
      offered: this.offeredCount(records),
      relays: this.activeRelays,
      recent: [...new Set((store?.loaded ? store.shares : []).map((c) => c.grant.recipient))],
      pickerStrings: this.pickerStrings,
      pictureHosts: this.pictureHosts,
      knownNames: this.knownNames,
      presetProblem: this.presetProblem && (this.presetProblem === 'secret' ? this.s.recipientPresetSecret : this.s.recipientPresetInvalid),
      recipientKey: this.recipientKey,
      recipientNamed: this.recipientKey ? this.named(this.recipientKey) : '',
      leftNote: wordsNow(this.leftNote),
      role: this.shareRole,
      purpose: this.purpose,
      openShare: this.openShare,
      onPick: this.onPick,
      onPickClear: this.onPickClear,
      onRole: (role) => {
        this.shareRole = role;
      },
      onPurpose: (value) => {
        this.purpose = value;
      },
      confirm: this.confirmShare,
    };
  }

  private answerView(): AnswerView {
    const patient = subjectNamer(this.available);
    // Worked out once per render, not once per answer in the history: the shares are then looked up by address.
    const sharesOf = answerShares(this.knownShares);
    return {
      ...this.commonView(),
      headingLevel: this.headingLevel,
      given: !!this.request,
      checked: this.checked,
      // Not said again under the heading while the status line below says it.
      allRead: !this.currentStore?.unreadMail && !this.currentStore?.olderMailUnchecked && !(this.status === 'done' && this.message.includes(this.s.noRequests)),
      requests: this.requests,
      allShown: this.allRequests,
      showAll: () => {
        this.allRequests = true;
        // On to the first request it adds: the button is gone.
        this.modal.focusNext = `li.request:nth-child(${LISTED_REQUESTS + 1}) button`;
      },
      history: this.history,
      revokedAt: (answer) => revokedAt(sharesOf(answer)),
      answering: this.answering,
      sharedBefore: !!this.answering && this.shareOpenTo(this.answering.requester),
      vouched: (pubkey) => this.vouched(pubkey),
      recordNames: this.available.map((r) => this.nameOf(r, patient)),
      unlocked: this.recordsUnlocked,
      reply: this.reply,
      named: (pubkey) => this.named(pubkey),
      profile: (pubkey) => this.profile(pubkey),
      checkRequests: this.checkRequests,
      openAnswer: (request, event) => this.openAnswer(request, event),
      onReply: (value) => {
        this.reply = value;
        this.termsChanged();
      },
      deny: this.deny,
      approve: this.approve,
    };
  }

  /**
   * The end an approval of `request` grants: left as asked, it ends when asked (a clinic's 17:00),
   * as the form said; a day chosen ends at the patient's midnight.
   */
  private grantedEnd(request: ConsentMessage): string {
    return this.until && this.until !== periodDay(request.period?.end) ? this.until : askedEnd(request.period?.end);
  }

  /** The grant's terms under the preview: the end the share will carry, with its hour when it has one. */
  private renderTerms(role: Role, purpose: string): TemplateResult {
    const s = this.s;
    const until = this.answering ? this.grantedEnd(this.answering) : this.until;
    return html`<p class="role">${s.previewRole(role)}</p>
      <p class="until">${until ? s.previewUntil(endText(until, this.language)) : s.previewNoEnd}</p>
      <p class="purpose">${purpose ? s.previewPurpose(purpose) : s.previewNoPurpose}</p>
      <p class="help">${s.previewConsent}</p>`;
  }

  /**
   * An action part of which went out: what went out, and the way to finish sending it. A share may
   * also be left as it is for a new one (an answer may not: a second answer to one request would
   * contradict the first).
   */
  private renderFinishing(): TemplateResult {
    const s = this.s;
    const pending = this.pending;
    const request = this.answering;
    // An approval whose share went out in part can no longer be denied: say why the choice is gone.
    const approval = !!request && !!pending?.action.pieces.some((p) => p.name === 'share');
    // A share maybe out but confirmed nowhere is not left for a new one: if it landed, the
    // recipient would hold two copies, the first of which the patient was never told is live.
    // A share out in part (or maybe out) may be taken back; once that began, only the take-back is offered.
    const backable = !request && pending?.key === SHARE && pending.action.started;
    const takingBack = !!pending?.takeBack;
    const leavable = !request && pending?.key === SHARE && confirmedOut(pending) && !takingBack;
    return html`${request ? html`<p class="summary">${s.requestSummary(this.named(request.requester), s.typeList(request.resourceTypes))}</p>` : nothing}
      ${approval ? html`<p class="warning">${s.partialNoDeny(this.named(request.requester), !!pending && !confirmedOut(pending))}</p>` : nothing}
      ${this.renderStatus()}
      ${backable && !takingBack ? html`<p class="help" id="take-back-help">${withBdi(s.takeBackHelp(this.named(pending.recipient)))}</p>` : nothing}
      ${leavable ? html`<p class="help" id="leave-help">${withBdi(s.leaveHelp(this.named(pending.recipient)))}</p>` : nothing}
      <div part="actions" class="actions">
        ${renderStopWaiting(!!this.progress?.sendWaitsOnSignIn, s, this.stopWaiting)}
        <button part="button" type="button" aria-disabled=${busyAttr(this.busy)} @click=${this.actions.dismiss}>${s.close}</button>
        ${leavable
          ? html`<button part="button" type="button" class="leave" aria-describedby="leave-help" aria-disabled=${busyAttr(this.busy)} @click=${this.leaveUnfinished}>${s.leaveUnfinished}</button>`
          : nothing}
        ${backable ? this.takeBackButton(takingBack) : nothing}
        ${pending && !takingBack
          ? html`<button part="button button-primary" type="button" class="primary finish" aria-disabled=${busyAttr(this.busy)} @click=${this.finishSending}>${s.finishSending}</button>`
          : nothing}
      </div>`;
  }

  /** "Take it back": the way on (`primary`) once a take-back went out short, else beside "Finish sending". */
  private takeBackButton(primary: boolean): TemplateResult {
    return html`<button part=${primary ? 'button button-primary' : 'button'} type="button" class=${primary ? 'primary take-back' : 'take-back'}
      aria-describedby=${ifDefined(primary ? undefined : 'take-back-help')} aria-disabled=${busyAttr(this.busy)} @click=${this.takeBack}>${this.s.takeBack}</button>`;
  }

  /**
   * The outcome, with the way on while some storage server missed it; while that is sent, what
   * the send does (and "Stop waiting" while it waits on a server's sign-in at the signer).
   */
  private renderResult(): TemplateResult {
    const s = this.s;
    const busy = this.busy;
    return html`${this.status === 'done'
        ? html`<h3 id="result-title" tabindex="-1" class="ok">${withBdi(this.message)}</h3>${renderReceipts(this.receipts, s, this.language)}${this.undoable ? html`<p class="help">${s.undoHint}</p>` : nothing}`
        : html`${this.renderStatus()}${renderSignerPage(this.session?.signerPage, this.status === 'waiting-signer', s)}`}
      <div part="actions" class="actions">
        ${renderStopWaiting(!!this.progress?.sendWaitsOnSignIn, s, this.stopWaiting)}
        ${this.missedButton()}
        <button part="button button-primary" type="button" class="primary" ?disabled=${busy} @click=${this.closeDialog}>${s.close}</button>
      </div>`;
  }

  /** Beside the status on the page: "Stop waiting" during a send that waits on a server's sign-in, and the way on for an action some server missed. */
  private renderSendButtons(): TemplateResult | typeof nothing {
    const stop = renderStopWaiting(!!this.progress?.sendWaitsOnSignIn, this.s, this.stopWaiting);
    const missed = this.missedButton();
    return stop === nothing && missed === nothing ? nothing : html`<div class="actions">${stop}${missed}</div>`;
  }

  /** "Send to the storage servers that missed it", while the outcome shown is of such an action, and while that send is under way (focus stays on it). */
  private missedButton(): TemplateResult | typeof nothing {
    const resending = !!this.missed && this.missedUnderWay === this.missed.pending && this.busy;
    if (!this.missedShown && !resending) return nothing;
    return html`<button part="button" type="button" class="finish-relays" aria-disabled=${busyAttr(this.busy)} @click=${this.sendMissed}>${this.s.finishRelays}</button>`;
  }

  private get requests(): ConsentMessage[] {
    const list = this.request ? [this.request, ...this.incoming.filter((m) => m.id !== this.request!.id)] : this.incoming;
    // Those the site knows first, after one handed in: a stranger's many requests never bury them.
    const rank = (m: ConsentMessage) => (m === this.request ? 0 : this.hostName(m.requester, this.knownNames) ? 1 : 2);
    // Worked out once, not once per request: each asks the whole history again.
    const answered = this.answered;
    return list.filter((m) => m.status === 'proposed' && !answered.has(m.id)).sort((a, b) => rank(a) - rank(b));
  }
}

/** What the share and answer events say of the flag sent: `hidden`, and `hiddenCounted: false` when the flag tells no count. */
type HiddenTold = { hidden: number; hiddenCounted?: false };

/**
 * What a flag (`withheld`, `disclose`) tells the host. One that says only that something was
 * withheld counts nothing: `hidden` is then what was withheld as far as the patient knows (1 for
 * a flag carried without a count), and `hiddenCounted: false` says the recipient was told no number.
 */
function hiddenTold(flag: { withheld: readonly unknown[]; disclose: Disclosure }): HiddenTold {
  const hidden = flag.withheld.length;
  return hidden && flag.disclose === 'flag' ? { hidden, hiddenCounted: false } : { hidden };
}

/** Whether some storage server confirmed part of `pending` (not only may have stored it). */
const confirmedOut = (pending: Pending): boolean => pending.action.states.some((p) => p.sent > 0);

/** Whether every storage server that took (or may have taken) part of `share` holds every event of its take-back `back`. */
function takenBackWherever(share: SignedAction, back: SignedAction): boolean {
  const held = share.reachedRelays;
  const accepted = new Set(back.receipts.filter((r) => r.status === 'accepted').map((r) => `${r.relay} ${r.eventId}`));
  return back.complete && [...held].every((relay) => back.events.every((e) => accepted.has(`${relay} ${e.id}`)));
}

/** Wipes the keys a take-back of `pending` holds, if any (the user left, or it was let go). */
function forgetTakeBack(pending: Pending | undefined): void {
  const back = pending?.takeBack;
  if (!back) return;
  forgetRecord(back.copy);
  forgetRecord(back.change.record);
}

/** An answer's gift wraps: to the requester first, then the patient's own copy. */
function answerPieces(events: readonly NostrEvent[]) {
  return [
    { name: 'answer' as const, events: events.slice(0, 1) },
    { name: 'copy' as const, events: events.slice(1) },
  ];
}

/** A problem the last Review found, and the id of the field at fault when one field is. */
/** What a share is made of, taken when the user presses the button. */
interface Chosen {
  records: OpenedRecord[];
  plan: SharePlan;
}

interface Problem {
  words: Message;
  field?: string;
}

/** The id of the problem's words, which the field at fault names in its `aria-describedby`. */
const problemId = (field: string) => `problem-${field}`;

/** The same items in the same order (two lists a store gave of unchanged records). */
const sameItems = <T,>(a: readonly T[], b: readonly T[]): boolean => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
