/**
 * The one thin base class of the kit's elements, a composition of reactive controllers: where the
 * relays, the signer and the record store come from (`StoreController`: the element's own
 * `relays` / `.signer`, else the enclosing `<nip82-session>`), its relay clients
 * (`RelayClientController`), the cancelable request before every signer call (`SignerGate`),
 * and the state it shows (`StatusController`: typed errors turned into calm visible states) with
 * the polite live region that announces them.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { RelayClient } from '../core/relay/client.js';
import type { RecordStore, StoreChange } from '../core/store/record-store.js';
import type { Signer } from '../core/signers/signer.js';
import { isAccountChanged, RecordError } from '../core/errors.js';
import { emit } from './events.js';
import type { SessionValue } from './context.js';
import type { Nip82ErrorCode, SignerAction } from './events.js';
import { LocalizedElement } from './localized-element.js';
import { RelayClientController } from './relay-client-controller.js';
import { SignerGate, type SignerRequestExtra } from './signer-gate.js';
import { StatusController, type Message, type Status } from './status-controller.js';
import { StoreController } from './store-controller.js';
import { HandedIn } from './handed-in.js';
import { knownName, type KnownNames } from './identity.js';

export { CancelledError, classify, reflectStatus, type Message, type Status } from './status-controller.js';

/** Splits a `relays` attribute (space or comma separated). */
export const relayListConverter = {
  fromAttribute: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : []),
  toAttribute: (value: string[]) => value.join(' '),
};

/**
 * What a `relays` property accepts: a list, or the attribute's space-separated string, since a
 * framework that prefers properties (Vue does) hands the template's string to the property.
 */
export type RelayListInput = readonly string[] | string | null | undefined;

/** A `relays` property value as a list of relay URLs. */
export function relayList(value: RelayListInput): string[] {
  if (typeof value === 'string') return relayListConverter.fromAttribute(value);
  return Array.isArray(value) ? value.filter((url): url is string => typeof url === 'string' && url !== '') : [];
}

export abstract class Nip82Element extends LocalizedElement {
  private relayUrls: string[] = [];

  /** Relays to use when not inside a `<nip82-session>` (space-separated in HTML; the property also takes that string). */
  @property({ converter: relayListConverter })
  get relays(): string[] {
    return this.relayUrls;
  }
  set relays(value: RelayListInput) {
    this.relayUrls = relayList(value);
  }

  /** The user's signer when not inside a `<nip82-session>` (never an attribute). */
  @property({ attribute: false }) signer?: Signer;

  /**
   * Current state, read-only (the element's to change), reflected as the `status` attribute for
   * styling: `idle`, `waiting-signer`, `working`, `done`, `no-signer`, `refused`, `timed-out`,
   * `relay-error`, `bad-data`, `cancelled`.
   */
  get status(): Status {
    return this.state.status;
  }

  /** The state shown: status, live text and failure code. */
  protected readonly state = new StatusController(this);
  /** The store in effect, and the signer and relays it was made for. */
  protected readonly stores = new StoreController(this, () => ({ signer: this.signer, relays: this.relays }), (change) => {
    // A store that finds another key clears itself ('cleared', which sets this element idle) and
    // then names the new reader ('reader'): what was under way is told by the state before the clear.
    const acting = this.acting || (change === 'reader' && this.actingWhenCleared);
    this.actingWhenCleared = change === 'cleared' && acting;
    // A sign-out, another user or a cleared store: nothing the element said of the last one stands.
    if (change === 'cleared' || change === 'reader' || change === 'replaced') this.setStatus('idle', '');
    if (change === 'cleared') this.handedInByUser.storeCleared(this.currentStore);
    if (change === 'replaced') this.handedInByUser.storeReplaced(this.currentStore);
    this.storeChanged(change);
    if (change === 'reader') this.ownStoreMetAnother();
    // The action under way here found another account in the signer: what it showed went with the
    // last user (a dialog closed under the user's hands), so it says why.
    if (change === 'reader' && acting) this.setStatus('idle', () => this.accountChangedText);
  });
  /** What the host handed in for the person signed in: it leaves with them. */
  private readonly handedInByUser = new HandedIn<this>(this, () => this.handedInProperties);

  /**
   * The properties through which a host hands in what is one person's (records, a Bundle, a
   * request): set back to undefined when that person leaves (a sign-out, another account or signer).
   */
  protected get handedInProperties(): readonly (keyof this)[] {
    return [];
  }

  /** An action was under way here as the store last changed, and that change was a clear. */
  private actingWhenCleared = false;

  private get acting(): boolean {
    return this.state.status === 'waiting-signer' || this.state.status === 'working';
  }
  /** The cancelable request before every signer call. */
  protected readonly gate = new SignerGate(this, this.state);
  private readonly clients = new RelayClientController(this, () => ({ ...this.stores.relayList, signer: this.activeSigner, user: this.stores.user }));

  /** What `status` reads; the element's own code changes it. */
  protected get currentStatus(): Status {
    return this.state.status;
  }
  protected set currentStatus(value: Status) {
    this.state.status = value;
  }

  /** What the live region says now. */
  protected get message(): string {
    return this.state.message;
  }
  protected set message(value: Message) {
    this.state.message = value;
  }

  /** The code of the failure shown, so its detail can be worded in the page's language ('' when none). */
  protected get errorCode(): Nip82ErrorCode | '' {
    return this.state.errorCode;
  }

  /** The signer action last begun: what a failure shown was about (see {@link withSigner}). */
  protected lastAction?: SignerAction;

  /** What the enclosing `<nip82-session>` provides, if there is one. */
  protected get session(): SessionValue | undefined {
    return this.stores.session;
  }

  /**
   * The name the portal vouches for `pubkey` (cleaned): `own`, the element's `knownNames`, first,
   * else the session's; '' when neither names them.
   */
  protected hostName(pubkey: string, own: KnownNames | undefined): string {
    return knownName(pubkey, own, this.session?.knownNames);
  }

  /**
   * The key the session holds `signer` signed in as, when `signer` is the session's: records
   * handed in are checked against it, so that another key there reaches the session as the
   * account change it is. Undefined for a signer of the element's own.
   */
  protected signedInAs(signer: Signer): string | undefined {
    const session = this.session;
    return session?.accountChanged && signer === session.signer ? session.pubkey : undefined;
  }

  /** The signer in effect: the element's own, else the session's. */
  protected get activeSigner(): Signer | undefined {
    return this.stores.signer;
  }

  /** Inside a `<nip82-session>` nobody is signed in to: "sign in" is the way on, not "install a signer". */
  protected get signedOut(): boolean {
    return this.session !== undefined && this.activeSigner === undefined;
  }

  /** The relays in effect: the element's own, else the session's. */
  protected get activeRelays(): string[] {
    return this.stores.relays;
  }

  /**
   * The record store in effect, if there is one yet: the session's, unless the element has its
   * own signer or relays; else the element's own, while it matches them. Never creates one.
   */
  protected get currentStore(): RecordStore | undefined {
    return this.stores.current;
  }

  /**
   * The record store for the signer and relays in effect, made on first use when no session
   * provides one. Call it from a user action: it throws the relay list's typed errors.
   */
  protected recordStore(): RecordStore {
    return this.stores.require();
  }

  /**
   * Called when the store's content changes, and with `replaced` when another store (or none)
   * takes its place: a sign-out, another user. Elements reset what they showed of the last one.
   */
  protected storeChanged(_change: StoreChange | 'replaced'): void {}

  /** A relay client for the relays and signer in effect (made once per combination). */
  protected relayClient(): RelayClient {
    return this.clients.client();
  }

  /** Whether a storage server refused a sign-in of this element's for this device's clock (the session's client or its own). */
  protected get clockOff(): boolean {
    return !!(this.currentStore?.client.clockOff || this.clients.current?.clockOff);
  }

  /**
   * A relay client for lookups nobody asked for (profile names): it has no signer, so a relay that
   * asks for NIP-42 AUTH is simply not read, rather than making the user sign on no action of theirs.
   * Undefined when no relays are in effect.
   */
  protected passiveRelayClient(): RelayClient | undefined {
    return this.clients.passive();
  }

  /**
   * Runs a signer-backed action: announces it with the cancelable `nip82-signer-request`, shows
   * "waiting for your signer" with `waitingText`, then "working"; typed failures become visible
   * states. Returns undefined when cancelled or failed (the state says which), and shows nothing
   * of an action whose `signal` was aborted. The session hears that an action begins: after the
   * page got the focus back, its signer asks for the key again, once in this action.
   */
  protected withSigner<T>(action: SignerAction, waitingText: Message, run: (signer: Signer) => Promise<T>, extra: SignerRequestExtra = {}, signal?: AbortSignal): Promise<T | undefined> {
    this.lastAction = action;
    return this.gate.run<T | undefined>(this.activeSigner, action, waitingText, async (signer) => {
      this.session?.actionBegins?.(signer);
      try {
        return await run(signer);
      } catch (error) {
        if (!isAccountChanged(error)) throw error;
        this.accountChanged(signer, error, action);
        return undefined;
      }
    }, extra, signal);
  }

  /**
   * The signer answered this element's action as another account (switched in the signer, with no
   * focus to tell): the answer is dropped (nothing was published: every event is signed before any
   * is sent), the session closes the last user's records and asks who is there now, and this
   * element says why its dialog closed. An element's own signer: its own store is cleared, and the
   * element forgets the last user as it does when a store is replaced (its dialog closes, focus
   * back on the control that opened it) even with no store to tell it: records handed in.
   */
  private accountChanged(signer: Signer, error: unknown, action: SignerAction): void {
    emit(this, 'nip82-error', { code: 'account-changed', message: error instanceof Error ? error.message : '', action });
    if (this.session?.accountChanged && signer === this.session.signer) this.session.accountChanged(signer);
    else this.ownSignerChanged();
    // Records handed in are sent through the element's own client: its sign-ins are the last user's too.
    this.clients.forgetSignIns();
    // The session's store is gone now: heard at once, so that the next render's "replaced" does not
    // take the words back.
    this.stores.watch();
    this.setStatus('idle', () => this.accountChangedText);
  }

  /**
   * The element's own signer answers for someone else. Its store, if it has one, clears itself and
   * the element hears it; records handed in have no store to say so, and the dialog showing them
   * would stay open under a status saying the records were closed: the element hears it here.
   */
  private ownSignerChanged(): void {
    const store = this.currentStore;
    if (store) store.clear();
    else {
      if (this.activeSigner) this.handedInByUser.signerLeft(this.activeSigner);
      this.storeChanged('replaced');
    }
  }

  /**
   * A store of the element's own (its own relays) found another account in the session's signer,
   * before the session did: the session hears it as it would from an action's answer (its store
   * closes, every element resets, the bar names who is in now), or the others would go on showing
   * and saving the last user's records. This element's store of the last user goes at once.
   */
  private ownStoreMetAnother(): void {
    const session = this.session;
    const signer = this.activeSigner;
    if (!session?.accountChanged || !signer || signer !== session.signer || this.currentStore === session.store) return;
    session.accountChanged(signer);
    this.stores.watch();
  }

  /** What the element says when an action found the signer using another account (its strings table's words). */
  protected get accountChangedText(): string {
    return '';
  }

  /** What the element says while the signer is asked which account it uses (see {@link afterKeyCheck}). */
  protected get checkingAccountText(): string {
    return '';
  }

  /** The key check under way here (see {@link afterKeyCheck}): a press meanwhile waits for its answer. */
  private keyCheck?: Promise<boolean>;

  /**
   * Runs `go`, an action that shows or saves records already unlocked (a dialog listing them, a
   * download, a print), as the same user only. When the session marked the key to be asked again
   * (the page got the focus back since the last action, or the key question then asked was not
   * answered: the user may have switched accounts in the extension) the signer is asked once
   * first, as a signing action would; another key runs the session's reset (nothing of the last
   * user is shown or saved, and this element says why), a refusal stops the action. Otherwise
   * `go` runs at once, asking nothing.
   */
  protected afterKeyCheck(go: () => void): void {
    const signer = this.activeSigner;
    const store = this.currentStore;
    if (!signer || !store) return go();
    // A second press while the signer is asked (a double click, a prompt that left the focus
    // here) waits for that answer: going ahead at once would show or save the last user's records,
    // and a second check would leave the first one's "checking" words behind.
    if (!this.keyCheck && !this.session?.keyToAsk?.(signer)) return go();
    const check = (this.keyCheck ??= this.sameUser(store).finally(() => { this.keyCheck = undefined; }));
    void check.then((same) => { if (same) go(); });
  }

  /**
   * The signer did not say which account it uses before an action run by {@link afterKeyCheck}
   * (declined, stopped, timed out, no signer; not another account, which is said as such): the
   * state says so. An element whose status said what an earlier action left (part of it sent)
   * says that again here, since it still stands.
   */
  protected keyCheckFailed(): void {}

  /** Asks the signer who the user is now; true when it is still the store's reader, and the state is back as it was. */
  private async sameUser(store: RecordStore): Promise<boolean> {
    const { status, words, errorCode } = this.state;
    const reader = store.reader;
    const now = await this.withSigner('connect', () => this.checkingAccountText, () => store.currentReader());
    // Refused or cancelled: the state says which (the element may say more: see keyCheckFailed).
    if (now === undefined) {
      if ((['refused', 'timed-out', 'no-signer', 'cancelled'] as Status[]).includes(this.status)) this.keyCheckFailed();
      return false;
    }
    // Signed out meanwhile: the records closed with the sign-out, which is all there is to say.
    if (this.currentStore !== store && !this.activeSigner) {
      this.setStatus('idle', '');
      return false;
    }
    if (now !== reader || this.currentStore !== store) {
      this.setStatus('idle', () => this.accountChangedText);
      return false;
    }
    this.setStatus(status, words);
    this.state.errorCode = errorCode;
    return true;
  }

  /** Shows a typed error as a calm state and tells the host (code and message only). */
  protected fail(error: unknown, action?: SignerAction): void {
    this.state.fail(error, action);
  }

  protected setStatus(status: Status, message: Message): void {
    this.state.set(status, message);
  }

  /**
   * The polite live region every element renders once. `focusable`: focus may be put there (never
   * by Tab), where the control it would go back to is gone.
   */
  protected renderLive(text: string, focusable = false) {
    return html`<p class="status" part="status" role="status" aria-live="polite" tabindex=${ifDefined(focusable ? -1 : undefined)}>${text || nothing}</p>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // First: a host answering the report by setting `relays` does so before anything reads them.
    this.stores.reportRelays();
    // Before the element's own willUpdate: a store replaced is reset before anything is shown of it.
    this.stores.watch();
    // An element's own signer replaced: whoever it signed for has left, with what was handed in for them.
    const leftSigner = changed.has('signer') ? changed.get('signer') as Signer | undefined : undefined;
    if (leftSigner) this.handedInByUser.signerLeft(leftSigner);
    if ((changed as Map<PropertyKey, unknown>).has('records')) this.refuseUnopenedRecords();
    this.handedInByUser.took(this.currentStore, this.activeSigner);
  }

  private recordsRefused = false;

  /**
   * Bad input never throws at the page: `records` that are not opened records (a FHIR Bundle meant
   * for the viewer's `bundle`, say) are taken off the element and reported (`invalid-input`), and
   * said as bad data unless an action is under way, whose state (and its "Stop waiting") stays.
   * A handler of the report may hand in other records at once: they are checked in this update too,
   * a few times at most, so a handler that keeps handing in bad ones cannot hold the update forever.
   */
  private refuseUnopenedRecords(): void {
    const host = this as { records?: unknown };
    for (let i = 0; i < 3; i++) {
      const records = host.records;
      if (records === undefined) return;
      if (isOpenedRecordList(records)) {
        // Records handed in rightly after a refusal: its words no longer stand.
        if (this.recordsRefused && this.status === 'bad-data' && this.errorCode === 'invalid-input') this.setStatus('idle', '');
        this.recordsRefused = false;
        return;
      }
      host.records = undefined;
      const message = `<${this.localName}> records takes an array of opened records (from openRecord or the session's store): taken off the element.`;
      console.warn(message);
      if (this.status === 'waiting-signer' || this.status === 'working') {
        emit(this, 'nip82-error', { code: 'invalid-input', message });
      } else {
        this.recordsRefused = true;
        this.fail(new RecordError('invalid-input', message));
      }
    }
    host.records = undefined;
  }
}

/** Whether `value` is an array of opened records, as far as the elements read them. */
function isOpenedRecordList(value: unknown): boolean {
  return Array.isArray(value) && value.every((r) => typeof r?.signPubkey === 'string' && Array.isArray(r.naddrs) && r.bundle instanceof Object && Array.isArray(r.bundle.entry ?? []));
}
