import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Nip82Element } from '../shared/base.js';
import { emit } from '../shared/events.js';
import { resolveStrings } from '../shared/strings.js';
import { stateText } from '../shared/state-strings.js';
import { shortNpub } from '../shared/identity.js';
import { tokens } from '../shared/styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { revokeAccess, type AccessChange, type OpenedRecord, type Role } from '../core/nip82/record.js';
import type { ConsentMessage } from '../core/nip82/requests.js';
import { RECORD_KIND } from '../core/nip82/constants.js';
import type { PublishReceipt, RelayClient } from '../core/relay/client.js';
import type { NostrEvent } from '../core/events.js';
import { loadMyRecords, readMyConsentMail } from '../consent-prompt/my-records.js';
import { ModalController } from '../shared/modal.js';
import { outcomesByRelay, receiptDetail, receiptsOf, renderReceipts, renderState } from '../shared/receipts.js';
import { dateOf, recordTitle } from '../consent-prompt/resources.js';
import { withProfileNames, type ProfileName } from '../shared/profiles.js';
import { accessListStyles } from './access-list.styles.js';
import { accessListStrings, type AccessListStrings } from './access-list.strings.js';

interface Target {
  record: OpenedRecord;
  pubkey: string;
  role: Role;
}

/**
 * Who can open each of the user's records, and revoking them. An editor of a record sees every
 * participant and their role and may revoke anyone but themselves; a viewer sees only the keys
 * listed on the record (roles are hidden from viewers). Revoking tells the truth about what it
 * cannot undo, and the list changes only once relays have accepted the change.
 *
 * @summary Who has access to each record, with revocation and the consent history.
 * @tag nip82-access-list
 * @status experimental
 *
 * @csspart base - The element's wrapper.
 * @csspart record - One record and its people.
 * @csspart person - One person on a record.
 * @csspart actions - The confirmation dialog's buttons.
 * @csspart dialog - The revocation confirmation dialog.
 * @csspart receipts - Per-relay publish results.
 * @csspart status - The polite live status line.
 *
 * @cssproperty --nip82-access-list-record-background - Background of a record.
 * @cssproperty --nip82-access-list-record-gap - Space between records.
 * @cssproperty --nip82-access-list-dialog-width - Inline size of the dialog.
 *
 * @fires nip82-signer-request - Cancelable; before unlocking records, reading the consent history or revoking. Detail `{ action, source, records?, recipient? }`.
 * @fires nip82-revoke - Access was revoked and relays accepted it. Detail `{ signPubkey, pubkey, movedTo? }` (`movedTo`: the record's new sign key, when it moved).
 * @fires nip82-receipts - Per-relay receipts of a revocation (also when it failed). Detail `{ receipts }`.
 * @fires nip82-cancel - The confirmation was dismissed. Detail `{ source }`.
 * @fires nip82-error - Something failed. Detail `{ code, message, action? }`.
 */
export class Nip82AccessList extends Nip82Element {
  static override styles = [tokens, dialogStyles, accessListStyles];

  /** The user's opened records (else the element loads them on request). Revocations replace entries in its own copy. */
  @property({ attribute: false }) records?: OpenedRecord[];

  /** Override any built-in string. */
  @property({ attribute: false }) strings?: Partial<AccessListStrings>;

  @state() private list?: OpenedRecord[];
  @state() private me?: string;
  @state() private names = new Map<string, ProfileName>();
  @state() private target?: Target;
  @state() private open = false;
  @state() private done = false;
  @state() private receipts: PublishReceipt[] = [];
  @state() private history?: ConsentMessage[];

  private readonly modal = new ModalController(this, () => this.open);

  private trigger?: HTMLElement;
  private fallbackFocus?: string;

  private get s(): AccessListStrings {
    return resolveStrings(accessListStrings, this, this.strings);
  }

  // "You" and the self-revoke guard come from who opened the records: the signer is not asked.
  private get myKey(): string | undefined {
    return this.me ?? this.session?.pubkey ?? this.list?.[0]?.reader;
  }

  private get busy(): boolean {
    return this.status === 'waiting-signer' || this.status === 'working';
  }

  private who(pubkey: string): string {
    const name = this.names.get(pubkey)?.name;
    return name ? `${name} (${shortNpub(pubkey)})` : shortNpub(pubkey);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('records') && this.records) {
      this.list = [...this.records];
      void this.lookUpNames();
    }
  }

  private async lookUpNames(): Promise<void> {
    if (!this.list) return;
    const keys = [...new Set(this.list.flatMap((r) => (r.participants ?? []).map((p) => p.pubkey).concat(r.listed)))];
    this.names = await withProfileNames(this.passiveRelayClient(), this.names, keys);
  }

  private load = async (): Promise<void> => {
    const s = this.s;
    const result = await this.withSigner('unlock', s.waitUnlock, (signer) =>
      loadMyRecords(this.relayClient(), signer, { keyCache: this.keyCache, versions: this.versions }),
    );
    if (!result) return;
    this.me = result.me;
    this.list = result.records;
    this.setStatus('done', result.records.length ? s.loaded(result.records.length, result.skipped) : s.noRecords);
    void this.lookUpNames();
  };

  private showHistory = async (): Promise<void> => {
    const result = await this.withSigner('read-requests', this.s.waitHistory, (signer) => readMyConsentMail(this.relayClient(), signer));
    if (!result) return;
    this.me = result.me;
    this.history = result.history;
    this.setStatus('done', this.history.length ? '' : this.s.noHistory);
    this.modal.focusNext = '#history';
  };

  // ---------------------------------------------------------------------------------------------
  // Revoke

  private ask(target: Target, index: number, event: Event): void {
    this.trigger = event.currentTarget as HTMLElement;
    this.fallbackFocus = `#record-${index}`;
    this.target = target;
    this.done = false;
    this.receipts = [];
    this.setStatus('idle', '');
    this.open = true;
  }

  private dismiss = (): void => {
    emit(this, 'nip82-cancel', { source: this.localName });
    this.modal.close();
  };

  private onCancel = (): void => {
    emit(this, 'nip82-cancel', { source: this.localName });
  };

  private onClose = (): void => {
    this.open = false;
    const back = this.trigger?.isConnected ? this.trigger : this.fallbackFocus ? this.renderRoot.querySelector<HTMLElement>(this.fallbackFocus) : null;
    back?.focus();
  };

  private confirm = async (): Promise<void> => {
    const s = this.s;
    const { record, pubkey } = this.target!;
    this.receipts = [];
    const result = await this.withSigner(
      'revoke',
      s.waitRevoke,
      async (signer) => {
        const client = this.relayClient();
        const change = await revokeAccess(record, pubkey, { notify: signer, relays: client.relays });
        this.setStatus('working', s.publishing(change.events.length, client.relays.length));
        return { change, receipts: await this.publish(client, change.events) };
      },
      { records: record.naddrs, recipient: pubkey },
    );
    if (!result) return;
    this.applied(record, pubkey, result.change, result.receipts);
  };

  private async publish(client: RelayClient, events: NostrEvent[]): Promise<PublishReceipt[]> {
    try {
      const receipts = await client.publishAll(events);
      this.receipts = receipts;
      return receipts;
    } catch (error) {
      this.receipts = receiptsOf(error);
      if (this.receipts.length) emit(this, 'nip82-receipts', { receipts: receiptDetail(this.receipts) });
      throw error;
    }
  }

  private applied(record: OpenedRecord, pubkey: string, change: AccessChange, receipts: PublishReceipt[]): void {
    const s = this.s;
    // Remember the new version, so an older one a relay still serves is never shown again.
    for (const e of change.record.events) if (e.kind === RECORD_KIND) this.versions.observe(e);
    this.list = (this.list ?? []).map((r) => (r === record ? change.record : r));
    const relays = outcomesByRelay(receipts);
    emit(this, 'nip82-receipts', { receipts: receiptDetail(receipts) });
    emit(this, 'nip82-revoke', { signPubkey: record.signPubkey, pubkey, ...(change.moved ? { movedTo: change.moved.to } : {}) });
    const text = s.revoked(this.who(pubkey), relays.filter((r) => r.status === 'accepted').length, relays.length);
    this.setStatus('done', change.moved ? `${text} ${s.moved}` : text);
    this.done = true;
    this.modal.focusNext = '#result-title';
  }

  // ---------------------------------------------------------------------------------------------
  // Render

  private renderStatus(): TemplateResult {
    return renderState(this.status, this.renderLive(stateText(this.status, this.s, this.message, this.errorCode)), this.receipts, this.s);
  }

  override render() {
    const s = this.s;
    return html`<div part="base" class="base">
      <div class="controls">
        ${this.records ? nothing : html`<button type="button" class="primary" ?disabled=${this.busy} @click=${this.load}>${s.showAccess}</button>`}
        <button type="button" ?disabled=${this.busy} @click=${this.showHistory}>${s.showHistory}</button>
      </div>
      ${this.open ? nothing : this.renderStatus()}
      ${this.list?.length ? html`<div class="records">${repeat(this.list, (r) => r.signPubkey, (r, i) => this.renderRecord(r, i))}</div>` : nothing}
      ${this.renderHistory()}
      <dialog part="dialog" aria-labelledby="dialog-title" @cancel=${this.onCancel} @close=${this.onClose}>
        ${this.open && this.target ? this.renderDialog(this.target) : nothing}
      </dialog>
    </div>`;
  }

  private renderRecord(record: OpenedRecord, index: number): TemplateResult {
    const s = this.s;
    const title = s.recordTitle(recordTitle(record, s.typeHeading) || s.none, dateOf(record.createdAt));
    const me = this.myKey;
    const editor = record.role === 'editor' && !!record.participants;
    return html`<section part="record" class="record" aria-labelledby=${`record-${index}`}>
      <h3 id=${`record-${index}`} tabindex="-1"><bdi>${title}</bdi></h3>
      <p class="help">${editor ? s.yourRoleEditor : s.yourRoleViewer}</p>
      ${editor
        ? html`<h4>${s.peopleTitle}</h4>
            <ul class="people">
              ${repeat(
                record.participants!,
                (p) => p.pubkey,
                (p) => html`<li part="person" class="person" data-pubkey=${p.pubkey}>
                  <span class="who">${this.renderWho(p.pubkey, me)}</span>
                  <span class="role">${s.role(p.role)}</span>
                  ${me && p.pubkey !== me
                    ? html`<button type="button" class="revoke" aria-label=${s.revokeWho(this.who(p.pubkey))} ?disabled=${this.busy}
                        @click=${(e: Event) => this.ask({ record, pubkey: p.pubkey, role: p.role }, index, e)}>${s.revoke}</button>`
                    : nothing}
                </li>`,
              )}
            </ul>`
        : html`<h4>${s.listedTitle}</h4>
            <p class="help">${s.listedExplain}</p>
            <ul class="people">
              ${repeat(
                record.listed,
                (pk) => pk,
                (pk) => html`<li part="person" class="person" data-pubkey=${pk}><span class="who">${this.renderWho(pk, me)}</span></li>`,
              )}
            </ul>`}
    </section>`;
  }

  private renderWho(pubkey: string, me: string | undefined): TemplateResult {
    const name = this.names.get(pubkey)?.name;
    return html`${name ? html`<bdi class="name">${name}</bdi> ` : nothing}<code>${shortNpub(pubkey)}</code>${pubkey === me
        ? html` <strong class="you">(${this.s.you})</strong>`
        : nothing}`;
  }

  private renderHistory(): TemplateResult | typeof nothing {
    const s = this.s;
    if (!this.history?.length) return nothing;
    return html`<table class="history" id="history" tabindex="-1">
      <caption>${s.historyTitle}</caption>
      <thead>
        <tr><th scope="col">${s.historyDate}</th><th scope="col">${s.historyWho}</th><th scope="col">${s.historyDecision}</th>
          <th scope="col">${s.historyTypes}</th><th scope="col">${s.historyUntil}</th></tr>
      </thead>
      <tbody>
        ${this.history.map(
          (m) => html`<tr>
            <td>${dateOf(m.createdAt)}</td>
            <td><bdi>${this.who(m.requester)}</bdi></td>
            <td>${s.decision(m.status as 'active' | 'rejected')}</td>
            <td>${m.resourceTypes.length ? s.typeList(m.resourceTypes) : s.none}</td>
            <td>${m.status === 'active' ? m.period?.end?.slice(0, 10) ?? s.none : s.none}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderDialog(target: Target): TemplateResult {
    const s = this.s;
    const who = this.who(target.pubkey);
    if (this.done) {
      return html`<h2 id="dialog-title">${s.dialogTitle(who)}</h2>
        <p id="result-title" class="ok" tabindex="-1">${this.message}</p>
        ${renderReceipts(this.receipts, s)}
        <div part="actions" class="actions"><button type="button" class="primary" @click=${() => this.modal.close()}>${s.close}</button></div>`;
    }
    return html`<h2 id="dialog-title">${s.dialogTitle(who)}</h2>
      <p class="warning">${s.truth}</p>
      ${target.role === 'editor' ? html`<p class="warning">${s.editorMoves}</p>` : nothing}
      ${this.renderStatus()}
      <div part="actions" class="actions">
        <button type="button" ?disabled=${this.busy} @click=${this.dismiss}>${s.cancel}</button>
        <button type="button" class="danger" ?disabled=${this.busy} @click=${this.confirm}>
          ${this.status === 'relay-error' ? s.tryAgain : s.confirmRevoke(who)}
        </button>
      </div>`;
  }
}
