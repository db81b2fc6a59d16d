import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { decode } from 'nostr-tools/nip19';
import { Nip82Element } from '../shared/base.js';
import { emit } from '../shared/events.js';
import { languageOf, resolveStrings } from '../shared/strings.js';
import { stateText } from '../shared/state-strings.js';
import { shortNpub } from '../shared/identity.js';
import { tokens } from '../shared/styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import type { OpenedRecord, Role } from '../core/nip82/record.js';
import type { StoreChange, RecordStore } from '../core/store/record-store.js';
import { RecordError } from '../core/errors.js';
import type { Disclosure } from '../core/fhir/withheld.js';
import type { BundleEntry } from '../core/fhir/types.js';
import type { NostrEvent } from '../core/events.js';
import type { PublishReceipt, RelayClient } from '../core/relay/client.js';
import { createShare, planShare, type SharePlan } from '../core/nip82/share.js';
import { answerRequest, type ConsentMessage } from '../core/nip82/requests.js';
import { consentPromptStyles } from './consent-prompt.styles.js';
import { consentPromptStrings, type ConsentPromptStrings } from './consent-prompt.strings.js';
import { naddrsOf } from './naddrs.js';
import { ModalController } from '../shared/modal.js';
import { outcomesByRelay, receiptDetail, receiptsOf, renderReceipts, renderState } from '../shared/receipts.js';
import { groupByType, recordName, resourceDate, resourceLabel, today } from './resources.js';
import { consentSource, grantConsent, grantExpiration, isGrantConsent } from '../core/nip82/grant.js';
import { dayText } from '../shared/dates.js';
import { withProfileNames, type ProfileName } from '../shared/profiles.js';
import { describeKinds } from '../hidden-flag/kinds.js';

type Step = 'choose' | 'preview' | 'result';

const HEX64 = /^[0-9a-f]{64}$/;

/** A hex key from a hex or npub attribute value. */
function hexKey(value: string | undefined): string | undefined {
  const v = value?.trim() ?? '';
  if (HEX64.test(v)) return v;
  try {
    const d = decode(v);
    return d.type === 'npub' ? d.data : undefined;
  } catch {
    return undefined;
  }
}

/** A preview of up to this many items shows them all; a longer one shows each kind folded, with its count. */
const PREVIEW_OPEN_UP_TO = 12;

/**
 * Asks the patient, in one modal dialog, to share their records or to answer a request for them.
 *
 * In `mode="share"` the patient chooses the recipient, the items (each to share, leave out, or
 * hide with a flag; a whole kind at once), how much the flag reveals, the role, an end date and a
 * purpose; a preview states exactly what the recipient will be able to open before anything is
 * signed, and names the shared items that still mention a hidden one (a visit's reason, a clinical
 * note), offering to hide them too. The share carries a FHIR Consent recording those terms.
 *
 * In `mode="answer"` the patient reads a request (who, what, why, for how long), may narrow it,
 * picks which records to grant from, and approves (a share limited to the granted kinds, then the
 * answer naming it) or denies. Past answers are listed as the consent history.
 *
 * @summary Share records, or answer an access request, with a preview before signing.
 * @tag nip82-consent-prompt
 * @status experimental
 *
 * @csspart base - The element's wrapper.
 * @csspart dialog - The modal dialog.
 * @csspart recipient - Who receives the share (or who asks).
 * @csspart items - The items to choose from (or kinds and records to grant).
 * @csspart preview - What the recipient will be able to open.
 * @csspart actions - The dialog's buttons.
 * @csspart receipts - Per-relay publish results.
 * @csspart status - The polite live status line.
 *
 * @cssproperty --nip82-consent-prompt-dialog-width - Inline size of the dialog.
 * @cssproperty --nip82-consent-prompt-dialog-background - Dialog background.
 * @cssproperty --nip82-consent-prompt-hidden-background - Background of an item marked hidden.
 *
 * @fires nip82-signer-request - Cancelable; before the signer unlocks records, reads messages, signs a share or an answer. Detail `{ action, source, records?, recipient? }`.
 * @fires nip82-share - A share was published. Detail `{ signPubkey, naddrs, recipient, role, hidden }`.
 * @fires nip82-answer - A request was approved or denied. Detail `{ requestId, decision, naddrs }`.
 * @fires nip82-receipts - Per-relay receipts of a publish (also when it failed). Detail `{ receipts }`.
 * @fires nip82-cancel - The dialog was dismissed (Escape or Cancel). Detail `{ source }`.
 * @fires nip82-error - Something failed. Detail `{ code, message, action? }`.
 */
export class Nip82ConsentPrompt extends Nip82Element {
  static override styles = [tokens, dialogStyles, consentPromptStyles];

  /** `share`: share records with someone. `answer`: answer requests for access. */
  @property({ reflect: true }) mode: 'share' | 'answer' = 'share';

  /** The patient's opened records to share from (else the element loads them on request). */
  @property({ attribute: false }) records?: OpenedRecord[];

  /** A request to answer (a `proposed` ConsentMessage); else the element checks for requests. */
  @property({ attribute: false }) request?: ConsentMessage;

  /** Preset recipient (hex public key, or npub) for `mode="share"`. */
  @property() recipient?: string;

  /** Override any built-in string. */
  @property({ attribute: false }) strings?: Partial<ConsentPromptStrings>;

  @state() private open = false;
  @state() private step: Step = 'choose';
  @state() private problems: string[] = [];
  @state() private receipts: PublishReceipt[] = [];
  // share
  @state() private recipientKey?: string;
  @state() private included = new Set<string>();
  @state() private hiddenItems = new Set<string>();
  private planCache?: { included: Set<string>; hidden: Set<string>; from: readonly OpenedRecord[]; plan: SharePlan };
  @state() private disclose: Disclosure = 'flag';
  @state() private shareRole: Role = 'viewer';
  @state() private until = '';
  @state() private purpose = '';
  // answer
  @state() private answeredHere: ConsentMessage[] = [];
  @state() private names = new Map<string, ProfileName>();
  @state() private answering?: ConsentMessage;
  @state() private grantTypes = new Set<string>();
  @state() private grantRecords = new Set<string>();
  @state() private grantUntil = '';
  @state() private reply = '';

  private readonly modal = new ModalController(this, () => this.open);

  /** Signed events kept after a failed publish, so a retry republishes them instead of signing again. */
  private pending?: NostrEvent[];
  /** An approval's signed share and answer, kept the same way. */
  private pendingAnswer?: { share: NostrEvent[]; events: NostrEvent[]; answer: ConsentMessage; naddrs: string[] };
  private trigger?: HTMLElement;

  private get s(): ConsentPromptStrings {
    return resolveStrings(consentPromptStrings, this, this.strings);
  }

  /** The records to share from: handed in, else the ones the user holds in the session store (not their share copies). */
  private get available(): OpenedRecord[] {
    if (this.records) return this.records;
    const store = this.currentStore;
    return store?.loaded ? store.held : [];
  }

  // Who opened the records: the signer is not asked.
  private get myKey(): string | undefined {
    return this.currentStore?.reader ?? this.session?.pubkey ?? this.available[0]?.reader;
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
    const here = this.answeredHere.filter((a) => !stored.some((m) => m.id === a.id));
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

  private nameOf(record: OpenedRecord): string {
    const author = record.author === this.myKey ? this.s.you : this.names.get(record.author)?.name ?? shortNpub(record.author);
    return recordName(record, this.s, author, languageOf(this));
  }

  /** The person's name with the short npub beside it as a fingerprint, or the short npub alone. */
  private named(pubkey: string): string {
    return this.who(pubkey);
  }

  /** Every entry the records offer (deduplicated, flags and earlier grant notes left out). */
  private offered(records = this.available): BundleEntry[] {
    if (records.length === 0) return [];
    return planShare({ from: records }).entries.filter((e) => !isGrantConsent(e.resource));
  }

  private who(pubkey: string): string {
    const name = this.names.get(pubkey)?.name;
    return name ? `${name} (${shortNpub(pubkey)})` : shortNpub(pubkey);
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('request') && this.request) void this.lookUpNames([this.request.requester]);
  }

  protected override storeChanged(change: StoreChange | 'replaced'): void {
    if (change === 'replaced' || change === 'cleared' || change === 'reader') {
      // Nothing of the last user stays: their items, choices, names, an open dialog.
      if (this.open) {
        // Closed now, not at the dialog's close event: a render in between would open it again.
        this.open = false;
        this.modal.close();
      }
      this.answering = undefined;
      this.included = new Set();
      this.hiddenItems = new Set();
      this.grantRecords = new Set();
      this.planCache = undefined;
      this.pending = this.pendingAnswer = undefined;
      this.receipts = [];
      this.names = new Map();
      this.answeredHere = [];
    }
  }

  private async lookUpNames(pubkeys: string[]): Promise<void> {
    const store = this.currentStore;
    const reader = store?.reader;
    const names = await withProfileNames(this.passiveRelayClient(), this.names, pubkeys);
    // Names looked up for the last user never reach the next one.
    if (this.currentStore === store && store?.reader === reader) this.names = names;
  }

  /**
   * The store, checked against the signer: when the signer now answers with another key, the
   * store cleared itself and records chosen for the last user must not be acted on.
   */
  private async storeForAction(records: readonly OpenedRecord[]): Promise<RecordStore | undefined> {
    if (this.records) return undefined;
    const store = this.recordStore();
    const me = await store.currentReader();
    if (records.some((r) => r.reader !== me)) {
      throw new RecordError('wrong-reader', 'These records were opened for someone who is no longer signed in; open your records again.');
    }
    return store;
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  private loadRecords = async (): Promise<void> => {
    const s = this.s;
    const store = await this.withSigner('unlock', s.waitUnlock, async () => {
      const store = this.recordStore();
      await store.load({ refresh: store.loaded });
      return store;
    });
    if (!store) return;
    if (this.answering) this.grantRecords = this.matchingRecords(this.answering);
    this.setStatus('done', store.held.length ? s.loaded(store.held.length, store.failures.length) : s.noRecords);
  };

  private checkRequests = async (): Promise<void> => {
    const s = this.s;
    const store = await this.withSigner('read-requests', s.waitRead, async () => {
      const store = this.recordStore();
      await store.readMail({ refresh: store.mailLoaded });
      return store;
    });
    if (!store) return;
    this.setStatus('done', this.incoming.length ? '' : s.noRequests);
    await this.lookUpNames([...this.incoming, ...this.history].map((m) => m.requester));
  };

  // ---------------------------------------------------------------------------------------------
  // Dialog

  private openShare = (event: Event): void => {
    this.trigger = event.currentTarget as HTMLElement;
    this.recipientKey = hexKey(this.recipient);
    this.included = new Set(this.offered().map((e) => e.fullUrl!));
    this.hiddenItems = new Set();
    this.disclose = 'flag';
    this.shareRole = 'viewer';
    this.until = '';
    this.purpose = '';
    this.startDialog();
  };

  private openAnswer(request: ConsentMessage, event: Event): void {
    this.trigger = event.currentTarget as HTMLElement;
    this.answering = request;
    this.defaultGrant(request);
    this.reply = '';
    this.startDialog();
  }

  private defaultGrant(request: ConsentMessage): void {
    this.grantTypes = new Set(request.resourceTypes);
    this.grantUntil = request.period?.end?.slice(0, 10) ?? '';
    this.grantRecords = this.matchingRecords(request);
    this.pending = this.pendingAnswer = undefined;
  }

  /** The records holding something of the kinds still granted. */
  private matchingRecords(request: ConsentMessage): Set<string> {
    const types = request.resourceTypes.filter((t) => this.grantTypes.has(t));
    return new Set(this.available.filter((r) => this.offered([r]).some((e) => types.includes(e.resource.resourceType))).map((r) => r.signPubkey));
  }

  private startDialog(): void {
    this.step = 'choose';
    this.problems = [];
    this.receipts = [];
    this.pending = this.pendingAnswer = undefined;
    this.setStatus('idle', '');
    this.open = true;
  }

  private dismiss = (): void => {
    emit(this, 'nip82-cancel', { source: this.localName });
    this.modal.close();
  };

  private closeDialog = (): void => {
    this.modal.close();
  };

  /** Escape: the dialog closes itself; the host hears about it. */
  private onCancel = (): void => {
    emit(this, 'nip82-cancel', { source: this.localName });
  };

  private onClose = (): void => {
    this.open = false;
    // An answered request's button is gone: fall back to the element's own trigger or the list heading.
    const back = this.trigger?.isConnected
      ? this.trigger
      : this.renderRoot.querySelector<HTMLElement>('[data-trigger]') ?? this.renderRoot.querySelector<HTMLElement>('#requests-title');
    back?.focus();
  };

  private get busy(): boolean {
    return this.status === 'waiting-signer' || this.status === 'working';
  }

  // ---------------------------------------------------------------------------------------------
  // Share

  private onPick = (event: CustomEvent<{ pubkey: string }>): void => {
    this.recipientKey = event.detail.pubkey;
    this.pending = this.pendingAnswer = undefined;
  };

  private onPickClear = (): void => {
    this.recipientKey = undefined;
    this.pending = this.pendingAnswer = undefined;
  };

  private toggleInclude(url: string, on: boolean): void {
    const included = new Set(this.included);
    const hidden = new Set(this.hiddenItems);
    if (on) {
      included.add(url);
      hidden.delete(url);
    } else included.delete(url);
    this.included = included;
    this.hiddenItems = hidden;
  }

  private toggleHide(url: string): void {
    const included = new Set(this.included);
    const hidden = new Set(this.hiddenItems);
    if (hidden.has(url)) {
      hidden.delete(url);
      included.add(url);
    } else {
      hidden.add(url);
      included.delete(url);
    }
    this.included = included;
    this.hiddenItems = hidden;
  }

  /** Every item of one kind in or out of the share (hidden ones stay hidden when all are shared). */
  private toggleGroup(list: readonly BundleEntry[], on: boolean): void {
    const included = new Set(this.included);
    for (const e of list) {
      if (on && !this.hiddenItems.has(e.fullUrl!)) included.add(e.fullUrl!);
      if (!on) included.delete(e.fullUrl!);
    }
    this.included = included;
  }

  /** Hides the shared items that still name a hidden one, as the preview offers. */
  private hideMentions = (): void => {
    const included = new Set(this.included);
    const hidden = new Set(this.hiddenItems);
    for (const { entry } of this.plan().mentions) {
      included.delete(entry.fullUrl!);
      hidden.add(entry.fullUrl!);
    }
    this.included = included;
    this.hiddenItems = hidden;
    this.modal.focusNext = '#hidden-count';
  };

  /** The share as chosen; worked out again only when the choice changes (the mentions search reads every item). */
  private plan(): SharePlan {
    const cached = this.planCache;
    if (cached && cached.included === this.included && cached.hidden === this.hiddenItems && cached.from === this.available) return cached.plan;
    const plan = planShare({ from: this.available, include: [...this.included, ...this.hiddenItems], withhold: [...this.hiddenItems] });
    this.planCache = { included: this.included, hidden: this.hiddenItems, from: this.available, plan };
    return plan;
  }

  private toPreview = (event: Event): void => {
    event.preventDefault();
    const s = this.s;
    const problems: string[] = [];
    if (!this.recipientKey) problems.push(s.recipientMissing);
    else if (this.recipientKey === this.myKey) problems.push(s.recipientIsYou);
    if (this.included.size === 0) problems.push(s.nothingChosen);
    if (this.until && this.until < today()) problems.push(s.expiryPast);
    this.problems = problems;
    if (problems.length) {
      this.modal.focusNext = '#problems';
      return;
    }
    this.pending = this.pendingAnswer = undefined;
    this.setStatus('idle', '');
    this.step = 'preview';
    this.modal.focusNext = '#preview-title';
  };

  private backToChoose = (): void => {
    this.pending = this.pendingAnswer = undefined;
    this.receipts = [];
    this.setStatus('idle', '');
    this.step = 'choose';
    this.modal.focusNext = '#dialog-title';
  };

  private confirmShare = async (): Promise<void> => {
    const s = this.s;
    const records = this.available;
    const recipient = this.recipientKey!;
    const { shareRole: role, disclose } = this;
    const plan = this.plan();
    const withhold = plan.hidden.map((e) => e.fullUrl!);
    this.receipts = [];
    const result = await this.withSigner(
      'share',
      s.waitShare,
      async (signer) => {
        const store = await this.storeForAction(records);
        const client = store?.client ?? this.relayClient();
        if (!this.pending) {
          const patient = records[0]!.subject ?? (await signer.getPublicKey());
          const consent = grantConsent({ patient, recipient, role, until: this.until || undefined, purpose: this.purpose.trim() || undefined });
          const { source, fullUrl } = consentSource(records[0]!, consent);
          this.pending = await createShare({
            from: [...records, source],
            include: [...plan.entries.map((e) => e.fullUrl!), ...withhold, fullUrl],
            withhold,
            disclose,
            author: signer,
            participants: [{ pubkey: recipient, role }],
            maxEventBytes: await client.maxEventBytes(),
            keyCache: store?.keyCache,
            ...(this.until ? { expiresAt: grantExpiration(this.until) } : {}),
          });
        }
        this.setStatus('working', s.publishing(client.relays.length));
        const receipts = await this.publish(client, this.pending);
        // The copy joins the session's shares (its key is cached: no signer call).
        await store?.adopt(this.pending).catch(() => undefined);
        return receipts;
      },
      { recipient, records: records.flatMap((r) => r.naddrs) },
    );
    if (!result) return;
    const events = this.pending!;
    this.pending = this.pendingAnswer = undefined;
    const relays = outcomesByRelay(result);
    emit(this, 'nip82-receipts', { receipts: receiptDetail(result) });
    emit(this, 'nip82-share', { signPubkey: events[0]!.pubkey, naddrs: naddrsOf(events), recipient, role, hidden: withhold.length });
    this.setStatus('done', s.shared(this.named(recipient), relays.filter((r) => r.status === 'accepted').length, relays.length));
    this.step = 'result';
    this.modal.focusNext = '#result-title';
  };

  /** Publishes; on failure keeps the receipts for display and tells the host, then rethrows. */
  private async publish(client: RelayClient, events: NostrEvent[]): Promise<PublishReceipt[]> {
    try {
      const receipts = await client.publishAll(events);
      this.receipts = [...this.receipts, ...receipts];
      return receipts;
    } catch (error) {
      const receipts = receiptsOf(error);
      this.receipts = [...this.receipts, ...receipts];
      if (this.receipts.length) emit(this, 'nip82-receipts', { receipts: receiptDetail(this.receipts) });
      throw error;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Answer

  private chosenRecords(): OpenedRecord[] {
    return this.available.filter((r) => this.grantRecords.has(r.signPubkey));
  }

  private grantedEntries(): BundleEntry[] {
    return this.offered(this.chosenRecords()).filter((e) => this.grantTypes.has(e.resource.resourceType));
  }

  private toggleSet(which: 'grantTypes' | 'grantRecords', key: string, on: boolean): void {
    const next = new Set(this[which]);
    if (on) next.add(key);
    else next.delete(key);
    this[which] = next;
    this.pending = this.pendingAnswer = undefined;
  }

  private answerProblems(request: ConsentMessage): string[] {
    const s = this.s;
    const problems: string[] = [];
    const asked = request.period?.end?.slice(0, 10);
    if (this.grantTypes.size === 0) problems.push(s.noTypesChosen);
    else if (this.grantedEntries().length === 0) problems.push(s.noMatching);
    if (this.grantUntil && (this.grantUntil < today() || (asked && this.grantUntil > asked))) problems.push(s.untilInvalid);
    return problems;
  }

  private approve = async (event: Event): Promise<void> => {
    event.preventDefault();
    const s = this.s;
    const request = this.answering!;
    const problems = this.answerProblems(request);
    this.problems = problems;
    if (problems.length) {
      this.modal.focusNext = '#problems';
      return;
    }
    const chosen = this.chosenRecords();
    const include = this.grantedEntries().map((e) => e.fullUrl!);
    const types = request.resourceTypes.filter((t) => this.grantTypes.has(t));
    const asked = request.period?.end?.slice(0, 10) ?? '';
    const until = this.grantUntil && this.grantUntil !== asked ? this.grantUntil : undefined;
    const note = this.reply.trim() || undefined;
    this.receipts = [];
    const result = await this.withSigner(
      'answer',
      s.waitApprove,
      async (signer) => {
        const store = await this.storeForAction(chosen);
        const client = store?.client ?? this.relayClient();
        const maxEventBytes = await client.maxEventBytes();
        // Everything is signed before anything is published: a refusal at any prompt publishes nothing.
        if (!this.pendingAnswer) {
          const patient = chosen[0]!.subject ?? (await signer.getPublicKey());
          const consent = grantConsent({ patient, recipient: request.requester, role: 'viewer', until: until ?? (asked || undefined), purpose: request.purpose });
          const { source, fullUrl } = consentSource(chosen[0]!, consent);
          const share = await createShare({
            from: [...chosen, source], include: [...include, fullUrl], author: signer, participants: [{ pubkey: request.requester, role: 'viewer' }], maxEventBytes,
            keyCache: store?.keyCache,
            ...(until ?? asked ? { expiresAt: grantExpiration((until ?? asked)!) } : {}),
          });
          const naddrs = naddrsOf(share);
          this.setStatus('waiting-signer', s.waitAnswer);
          const { events, answer } = await answerRequest(request, { signer, decision: 'active', records: naddrs, resourceTypes: types, until, note, maxEventBytes });
          this.pendingAnswer = { share, events, answer, naddrs };
        }
        const { share, events, answer, naddrs } = this.pendingAnswer;
        this.setStatus('working', s.publishingShare);
        await this.publish(client, share);
        this.setStatus('working', s.publishingAnswer);
        await this.publish(client, events);
        await store?.adopt(share).catch(() => undefined);
        store?.addMessage(answer);
        return { naddrs, answer };
      },
      { recipient: request.requester, records: chosen.flatMap((r) => r.naddrs) },
    );
    if (!result) return;
    this.pendingAnswer = undefined;
    this.finishAnswer(request, result.answer, result.naddrs, s.approved(this.who(request.requester)));
  };

  private deny = async (): Promise<void> => {
    const s = this.s;
    const request = this.answering!;
    const note = this.reply.trim() || undefined;
    this.problems = [];
    this.receipts = [];
    const result = await this.withSigner(
      'answer',
      s.waitAnswer,
      async (signer) => {
        const store = await this.storeForAction([]);
        const client = store?.client ?? this.relayClient();
        const { events, answer } = await answerRequest(request, { signer, decision: 'rejected', note, maxEventBytes: await client.maxEventBytes() });
        this.setStatus('working', s.publishingAnswer);
        await this.publish(client, events);
        store?.addMessage(answer);
        return answer;
      },
      { recipient: request.requester },
    );
    if (!result) return;
    this.finishAnswer(request, result, [], s.denied(this.who(request.requester)));
  };

  private finishAnswer(request: ConsentMessage, answer: ConsentMessage, naddrs: string[], text: string): void {
    this.answeredHere = [answer, ...this.answeredHere];
    emit(this, 'nip82-receipts', { receipts: receiptDetail(this.receipts) });
    emit(this, 'nip82-answer', { requestId: request.id, decision: answer.status as 'active' | 'rejected', naddrs });
    this.setStatus('done', text);
    this.step = 'result';
    this.modal.focusNext = '#result-title';
  }

  // ---------------------------------------------------------------------------------------------
  // Render

  private renderStatus(): TemplateResult {
    return renderState(this.status, this.renderLive(stateText(this.status, this.s, this.message, this.errorCode)), this.receipts, this.s);
  }

  private renderProblems(): TemplateResult | typeof nothing {
    if (this.problems.length === 0) return nothing;
    return html`<div id="problems" class="problems error" tabindex="-1">
      <ul>${this.problems.map((p) => html`<li>${p}</li>`)}</ul>
    </div>`;
  }

  override render() {
    const content = this.mode === 'answer' ? this.renderAnswerBase() : this.renderShareBase();
    return html`<div part="base" class="base">
      ${content}
      ${this.open ? nothing : this.renderStatus()}
      <dialog part="dialog" aria-labelledby="dialog-title" @cancel=${this.onCancel} @close=${this.onClose}>
        ${this.open ? (this.mode === 'answer' ? this.renderAnswerDialog() : this.renderShareDialog()) : nothing}
      </dialog>
    </div>`;
  }

  // Share mode

  private renderShareBase(): TemplateResult {
    const s = this.s;
    const records = this.available;
    if (records.length === 0) {
      return html`<button type="button" class="primary" data-trigger ?disabled=${this.busy} @click=${this.loadRecords}>${s.loadRecords}</button>`;
    }
    return html`<p class="ready">${s.ready(records.length, this.offered().length)}</p>
      <button type="button" class="primary" data-trigger @click=${this.openShare}>${s.openShare}</button>`;
  }

  private renderShareDialog(): TemplateResult {
    const s = this.s;
    return html`<h2 id="dialog-title" tabindex="-1">${s.shareTitle}</h2>
      ${this.step === 'choose' ? this.renderChoose() : this.step === 'preview' ? this.renderPreview() : this.renderResult()}`;
  }

  private renderChoose(): TemplateResult {
    const s = this.s;
    const entries = this.offered();
    const index = new Map(entries.map((e, i) => [e.fullUrl!, i]));
    return html`<form @submit=${this.toPreview} novalidate>
      <fieldset part="recipient">
        <legend>${s.recipientLegend}</legend>
        <nip82-npub-picker
          .relays=${this.relays}
          .value=${this.recipientKey ?? ''}
          @nip82-npub-select=${this.onPick}
          @nip82-npub-clear=${this.onPickClear}
        ></nip82-npub-picker>
        <p class="help">${s.recipientHelp}</p>
      </fieldset>
      <fieldset part="items" class="items" aria-describedby="items-help">
        <legend>${s.itemsLegend}</legend>
        <p class="help" id="items-help">${s.itemsHelp}</p>
        ${groupByType(entries).map(([type, list], g) => {
          // Hidden items are settled (they go as a flag): the box speaks for the others.
          const open = list.filter((e) => !this.hiddenItems.has(e.fullUrl!));
          const shared = open.filter((e) => this.included.has(e.fullUrl!)).length;
          // live(): the browser flips the box on click; the state below is what counts.
          return html`<h3 class="group">
              <input type="checkbox" id=${`group-${g}`} ?disabled=${open.length === 0}
                .checked=${live(open.length > 0 && shared === open.length)} .indeterminate=${live(shared > 0 && shared < open.length)}
                aria-label=${s.shareGroup(s.typeHeading(type), list.length)}
                @change=${(e: Event) => this.toggleGroup(list, (e.target as HTMLInputElement).checked)} />
              <label for=${`group-${g}`}>${s.typeHeading(type)} (${list.length})</label>
            </h3>
            <ul class="item-list">
              ${list.map((e) => this.renderItem(e, index.get(e.fullUrl!)!))}
            </ul>`;
        })}
      </fieldset>
      <fieldset>
        <legend>${s.discloseLegend}</legend>
        ${(['flag', 'count', 'count-and-kind'] as const).map(
          (d) => html`<label class="choice"><input type="radio" name="disclose" value=${d} .checked=${this.disclose === d}
              @change=${() => { this.disclose = d; }} /> ${s.disclose(d)}</label>`,
        )}
      </fieldset>
      <fieldset>
        <legend>${s.roleLegend}</legend>
        ${(['viewer', 'editor'] as const).map(
          (r) => html`<label class="choice"><input type="radio" name="role" value=${r} .checked=${this.shareRole === r}
              @change=${() => { this.shareRole = r; }} /> ${s.role(r)}</label>`,
        )}
        <p class="help">${s.roleEditorHelp}</p>
      </fieldset>
      <div class="field">
        <label for="until">${s.expiryLabel}</label>
        <input id="until" type="date" min=${today()} .value=${this.until} aria-describedby="until-help"
          @input=${(e: Event) => { this.until = (e.target as HTMLInputElement).value; }} />
        <p class="help" id="until-help">${s.expiryHelp}</p>
      </div>
      <div class="field">
        <label for="purpose">${s.purposeLabel}</label>
        <input id="purpose" type="text" maxlength="200" .value=${this.purpose}
          @input=${(e: Event) => { this.purpose = (e.target as HTMLInputElement).value; }} />
      </div>
      ${this.renderProblems()}
      ${this.renderStatus()}
      <div part="actions" class="actions">
        <button type="button" @click=${this.dismiss}>${s.cancel}</button>
        <button type="submit" class="primary">${s.review}</button>
      </div>
    </form>`;
  }

  private renderItem(entry: BundleEntry, i: number): TemplateResult {
    const s = this.s;
    const url = entry.fullUrl!;
    const label = resourceLabel(entry.resource) || s.noLabel;
    const date = resourceDate(entry.resource);
    const hidden = this.hiddenItems.has(url);
    return html`<li class=${hidden ? 'item hidden' : 'item'} data-url=${url}>
      <input type="checkbox" id=${`item-${i}`} .checked=${this.included.has(url)}
        @change=${(e: Event) => this.toggleInclude(url, (e.target as HTMLInputElement).checked)} />
      <label for=${`item-${i}`}><bdi>${label}</bdi>${date ? html` <span class="date">${date}</span>` : nothing}</label>
      ${hidden ? html`<span class="tag">${s.hiddenTag}</span>` : nothing}
      <button type="button" class="hide" aria-pressed=${hidden ? 'true' : 'false'} aria-label=${s.hideItem(label)}
        @click=${() => this.toggleHide(url)}>${s.hide}</button>
    </li>`;
  }

  private renderPreview(): TemplateResult {
    const s = this.s;
    const plan = this.plan();
    const recipient = this.named(this.recipientKey!);
    const kinds = describeKinds(languageOf(this), Object.fromEntries(groupByType(plan.hidden).map(([type, list]) => [type, list.length])));
    return html`<section part="preview" class="preview" aria-labelledby="preview-title">
        <h3 id="preview-title" tabindex="-1">${s.previewTitle(recipient)}</h3>
        ${this.renderMentions(plan)}
        <p class="hidden-count" id="hidden-count" tabindex="-1">${s.previewHidden(plan.hidden.length)}</p>
        ${plan.hidden.length ? html`<p class="flag">${s.flagTells(this.disclose, plan.hidden.length, kinds)}</p>` : nothing}
        <p>${s.previewItems(plan.entries.length)}</p>
        ${groupByType(plan.entries).map(
          ([type, list]) => html`<details class="shared-group" ?open=${plan.entries.length <= PREVIEW_OPEN_UP_TO}>
            <summary>${s.typeHeading(type)} (${list.length})</summary>
            <ul class="shared-items">
              ${list.map((e) => html`<li>${s.typeHeading(type)}: <bdi>${this.itemText(e)}</bdi></li>`)}
            </ul>
          </details>`,
        )}
        <p class="role">${s.previewRole(this.shareRole)}</p>
        <p class="until">${this.until ? s.previewUntil(this.until) : s.previewNoEnd}</p>
        <p class="purpose">${this.purpose.trim() ? s.previewPurpose(this.purpose.trim()) : s.previewNoPurpose}</p>
        <p class="help">${s.previewConsent}</p>
      </section>
      <p class="warning">${s.revokeWarning}</p>
      ${this.renderStatus()}
      <div part="actions" class="actions">
        <button type="button" ?disabled=${this.busy} @click=${this.backToChoose}>${s.back}</button>
        <button type="button" class="primary" ?disabled=${this.busy} @click=${this.confirmShare}>${s.confirm(recipient)}</button>
      </div>`;
  }

  /** An item as the patient recognises it: its label, and its date when it has one (never a birth date). */
  private itemText(entry: BundleEntry): string {
    const label = resourceLabel(entry.resource) || this.s.noLabel;
    const date = entry.resource.resourceType === 'Patient' ? '' : resourceDate(entry.resource);
    return date ? `${label} (${date})` : label;
  }

  private renderMentions(plan: SharePlan): TemplateResult | typeof nothing {
    const s = this.s;
    const unchecked = plan.mentionsChecked ? nothing : html`<p class="warning mentions-unchecked" role="note">${s.mentionsUnchecked}</p>`;
    if (plan.mentions.length === 0) return unchecked;
    const label = (e: BundleEntry) => resourceLabel(e.resource) || s.noLabel;
    return html`<div class="mentions warning" role="group" aria-labelledby="mentions-title">
      <h4 id="mentions-title">${s.mentionsTitle(plan.mentions.length)}</h4>
      <p>${s.mentionsHelp}</p>
      <ul>
        ${plan.mentions.map(({ entry, mentions }) => {
          const item = `${s.typeHeading(entry.resource.resourceType)}: ${this.itemText(entry)}`;
          return html`<li><bdi>${s.mentionItem(item, mentions.map(label).join(', '))}</bdi></li>`;
        })}
      </ul>
      <button type="button" ?disabled=${this.busy} @click=${this.hideMentions}>${s.hideMentions(plan.mentions.length)}</button>
    </div>${unchecked}`;
  }

  private renderResult(): TemplateResult {
    const s = this.s;
    return html`<h3 id="result-title" tabindex="-1" class="ok">${this.message}</h3>
      ${renderReceipts(this.receipts, s)}
      <div part="actions" class="actions">
        <button type="button" class="primary" @click=${this.closeDialog}>${s.close}</button>
      </div>`;
  }

  // Answer mode

  private get requests(): ConsentMessage[] {
    const list = this.request ? [this.request, ...this.incoming.filter((m) => m.id !== this.request!.id)] : this.incoming;
    return list.filter((m) => m.status === 'proposed' && !this.answered.has(m.id));
  }

  private renderAnswerBase(): TemplateResult {
    const s = this.s;
    const requests = this.requests;
    return html`${this.request ? nothing : html`<button type="button" data-trigger ?disabled=${this.busy} @click=${this.checkRequests}>${s.checkRequests}</button>`}
      ${requests.length || this.checked
        ? html`<section class="requests" aria-labelledby="requests-title">
            <h2 id="requests-title" tabindex="-1">${s.requestsTitle}</h2>
            ${requests.length === 0
              ? html`<p>${s.noRequests}</p>`
              : html`<ul>
                  ${repeat(
                    requests,
                    (r) => r.id,
                    (r) => html`<li class="request">
                      <span>${s.requestSummary(this.who(r.requester), s.typeList(r.resourceTypes))}</span>
                      <button type="button" aria-label=${s.reviewRequestFrom(this.who(r.requester))} @click=${(e: Event) => this.openAnswer(r, e)}>
                        ${s.reviewRequest}
                      </button>
                    </li>`,
                  )}
                </ul>`}
          </section>`
        : nothing}
      ${this.renderHistory()}`;
  }

  private renderHistory(): TemplateResult | typeof nothing {
    const s = this.s;
    if (this.history.length === 0) return nothing;
    return html`<table class="history">
      <caption>${s.historyTitle}</caption>
      <thead>
        <tr><th scope="col">${s.historyDate}</th><th scope="col">${s.historyWho}</th><th scope="col">${s.historyDecision}</th>
          <th scope="col">${s.historyTypes}</th><th scope="col">${s.historyUntil}</th></tr>
      </thead>
      <tbody>
        ${this.history.map(
          (m) => html`<tr>
            <td>${dayText(m.createdAt, languageOf(this))}</td>
            <td><bdi>${this.who(m.requester)}</bdi></td>
            <td>${s.decision(m.status as 'active' | 'rejected')}</td>
            <td>${m.status === 'active' ? s.typeList(m.resourceTypes) : s.none}</td>
            <td>${m.status === 'active' && m.period?.end ? dayText(m.period.end, languageOf(this)) : s.none}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderAnswerDialog(): TemplateResult {
    const s = this.s;
    const request = this.answering!;
    return html`<h2 id="dialog-title" tabindex="-1">${s.answerTitle}</h2>
      ${this.step === 'result' ? this.renderResult() : this.renderAnswerForm(request)}`;
  }

  private renderAnswerForm(request: ConsentMessage): TemplateResult {
    const s = this.s;
    const profile = this.names.get(request.requester);
    const asked = request.period?.end?.slice(0, 10) ?? '';
    const records = this.available;
    const granted = this.grantedEntries();
    const kinds = groupByType(granted).map(([type, list]) => s.typeCount(type, list.length)).join(', ');
    return html`<form @submit=${this.approve} novalidate>
      <dl part="recipient" class="facts">
        <dt>${s.whoLabel}</dt>
        <dd>${profile ? html`<bdi class="name">${profile.name}</bdi> ` : nothing}<code>${shortNpub(request.requester)}</code>
          ${profile?.suspicious ? html`<p class="warning">${s.invisibleWarning}</p>` : nothing}</dd>
        <dt>${s.whyLabel}</dt>
        <dd><bdi>${request.purpose ?? s.noPurpose}</bdi></dd>
        <dt>${s.periodLabel}</dt>
        <dd>${request.period ? s.period(request.period.start?.slice(0, 10) ?? '', asked) : s.noPeriod}</dd>
        ${request.note ? html`<dt>${s.theirNote}</dt><dd><bdi>${request.note}</bdi></dd>` : nothing}
      </dl>
      <div part="items" class="items">
        <fieldset>
          <legend>${s.whatLegend}</legend>
          ${request.resourceTypes.map(
            (t, i) => html`<label class="choice" for=${`type-${i}`}>
              <input type="checkbox" id=${`type-${i}`} .checked=${this.grantTypes.has(t)}
                @change=${(e: Event) => this.toggleSet('grantTypes', t, (e.target as HTMLInputElement).checked)} />
              ${s.typeHeading(t)}</label>`,
          )}
        </fieldset>
        <div class="field">
          <label for="grant-until">${s.untilLabel}</label>
          <input id="grant-until" type="date" min=${today()} max=${ifDefined(asked || undefined)} .value=${this.grantUntil} aria-describedby="grant-until-help"
            @input=${(e: Event) => { this.grantUntil = (e.target as HTMLInputElement).value; this.pending = this.pendingAnswer = undefined; }} />
          <p class="help" id="grant-until-help">${s.untilHelp}</p>
        </div>
        <fieldset>
          <legend>${s.recordsLegend}</legend>
          ${records.length === 0
            ? html`<button type="button" ?disabled=${this.busy} @click=${this.loadRecords}>${s.loadRecords}</button>`
            : records.map((r, i) => {
                const matching = this.offered([r]).filter((e) => this.grantTypes.has(e.resource.resourceType)).length;
                return html`<label class="choice" for=${`record-${i}`}>
                  <input type="checkbox" id=${`record-${i}`} .checked=${this.grantRecords.has(r.signPubkey)}
                    @change=${(e: Event) => this.toggleSet('grantRecords', r.signPubkey, (e.target as HTMLInputElement).checked)} />
                  <bdi>${s.recordOption(this.nameOf(r), matching)}</bdi></label>`;
              })}
        </fieldset>
      </div>
      <p part="preview" class="preview">${granted.length ? s.answerPreview(granted.length, kinds) : s.noMatching}</p>
      <div class="field">
        <label for="reply">${s.replyLabel}</label>
        <textarea id="reply" maxlength="500" .value=${this.reply}
          @input=${(e: Event) => { this.reply = (e.target as HTMLTextAreaElement).value; }}></textarea>
      </div>
      <p class="warning">${s.revokeWarning}</p>
      ${this.renderProblems()}
      ${this.renderStatus()}
      <div part="actions" class="actions">
        <button type="button" ?disabled=${this.busy} @click=${this.dismiss}>${s.cancel}</button>
        <button type="button" ?disabled=${this.busy} @click=${this.deny}>${s.deny}</button>
        <button type="submit" class="primary" ?disabled=${this.busy || granted.length === 0}>${s.approve(granted.length)}</button>
      </div>
    </form>`;
  }
}
