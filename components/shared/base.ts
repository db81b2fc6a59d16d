/**
 * The one thin base class of the kit's elements: where the relays, the signer and the record store
 * come from (the element's own `relays` / `.signer`, else the enclosing `<nip82-session>`), the
 * cancelable request before every signer call, typed errors turned into calm visible states, and
 * the polite live region that announces them.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { RelayClient } from '../core/relay/client.js';
import { RecordStore, type StoreChange } from '../core/store/record-store.js';
import type { Signer } from '../core/signers/signer.js';
import { RecordError, RelayError, SignerError } from '../core/errors.js';
import { sessionContext, type SessionValue } from './context.js';
import { emit, type Nip82ErrorCode, type SignerAction } from './events.js';

/** Every state an element shows. Reflected as the `status` attribute for host CSS. */
export type Status = 'idle' | 'waiting-signer' | 'working' | 'done' | 'no-signer' | 'refused' | 'timed-out' | 'relay-error' | 'bad-data' | 'cancelled';

/** Thrown when a host cancelled `nip82-signer-request`. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
}

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

export abstract class Nip82Element extends LitElement {
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
    return this.currentStatus;
  }
  /** What `status` reads; the element's own code changes it. */
  @state() protected currentStatus: Status = 'idle';

  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session?: SessionValue;

  /** What the live region says now. */
  @state() protected message = '';
  /** The code of the failure shown, so its detail can be worded in the page's language ('' when none). */
  @state() protected errorCode: Nip82ErrorCode | '' = '';

  private clientCache?: { key: string; signer?: Signer; client: RelayClient };
  /** The element's own store, when it is used outside a session (or with its own signer or relays). */
  private ownStore?: { key: string; signer: Signer; store: RecordStore };
  private watched?: { store: RecordStore; stop: () => void };
  private passiveCache?: { key: string; client: RelayClient };

  /** The signer in effect: the element's own, else the session's. */
  protected get activeSigner(): Signer | undefined {
    return this.signer ?? this.session?.signer;
  }

  /** The relays in effect: the element's own, else the session's. */
  protected get activeRelays(): string[] {
    return this.relays.length ? this.relays : this.session?.relays ?? [];
  }

  /**
   * The record store in effect, if there is one yet: the session's, unless the element has its
   * own signer or relays; else the element's own, while it matches them. Never creates one.
   */
  protected get currentStore(): RecordStore | undefined {
    if (!this.signer && !this.relays.length && this.session?.store) return this.session.store;
    const own = this.ownStore;
    return own && own.signer === this.activeSigner && own.key === this.activeRelays.join(' ') ? own.store : undefined;
  }

  /**
   * The record store for the signer and relays in effect, made on first use when no session
   * provides one. Call it from a user action: it throws the relay list's typed errors.
   */
  protected recordStore(): RecordStore {
    const current = this.currentStore;
    if (current) return current;
    const signer = this.activeSigner;
    if (!signer) throw new SignerError('absent', 'No signer: sign in first.');
    const relays = this.activeRelays;
    const store = new RecordStore({ client: new RelayClient({ relays, signer }), signer });
    this.ownStore?.store.close();
    this.ownStore = { key: relays.join(' '), signer, store };
    this.watchStore();
    return store;
  }

  /**
   * Called when the store's content changes, and with `replaced` when another store (or none)
   * takes its place: a sign-out, another user. Elements reset what they showed of the last one.
   */
  protected storeChanged(_change: StoreChange | 'replaced'): void {}

  /** Follows the store in effect; a change of store, or a clear, resets the element. */
  private watchStore(): void {
    const store = this.currentStore;
    if (this.watched?.store === store) return;
    const had = !!this.watched;
    this.watched?.stop();
    this.watched = undefined;
    // An own store nobody uses any more holds the last user's keys: close it.
    if (this.ownStore && this.ownStore.store !== store) {
      this.ownStore.store.close();
      this.ownStore = undefined;
    }
    if (store) {
      const stop = store.subscribe((change) => {
        if (change === 'cleared' || change === 'reader') this.setStatus('idle', '');
        this.storeChanged(change);
        this.requestUpdate();
      });
      this.watched = { store, stop };
    }
    if (had) {
      this.setStatus('idle', '');
      this.storeChanged('replaced');
    }
  }

  /** A relay client for the relays and signer in effect (made once per combination). */
  protected relayClient(): RelayClient {
    const relays = this.activeRelays;
    const signer = this.activeSigner;
    const key = relays.join(' ');
    if (this.clientCache && this.clientCache.key === key && this.clientCache.signer === signer) return this.clientCache.client;
    this.clientCache?.client.close();
    const client = new RelayClient({ relays, signer });
    this.clientCache = { key, signer, client };
    return client;
  }

  /**
   * A relay client for lookups nobody asked for (profile names): it has no signer, so a relay that
   * asks for NIP-42 AUTH is simply not read, rather than making the user sign on no action of theirs.
   * Undefined when no relays are in effect.
   */
  protected passiveRelayClient(): RelayClient | undefined {
    const relays = this.activeRelays;
    if (!relays.length) return undefined;
    const key = relays.join(' ');
    if (this.passiveCache?.key === key) return this.passiveCache.client;
    this.passiveCache?.client.close();
    const client = new RelayClient({ relays });
    this.passiveCache = { key, client };
    return client;
  }

  /**
   * Runs a signer-backed action: announces it with the cancelable `nip82-signer-request`, shows
   * "waiting for your signer" with `waitingText`, then "working"; typed failures become visible
   * states. Returns undefined when cancelled or failed (the state says which).
   */
  protected async withSigner<T>(action: SignerAction, waitingText: string, run: (signer: Signer) => Promise<T>, extra: { records?: string[]; recipient?: string } = {}): Promise<T | undefined> {
    const signer = this.activeSigner;
    if (!signer) {
      this.setStatus('no-signer', '');
      return undefined;
    }
    if (!emit(this, 'nip82-signer-request', { action, source: this.localName, ...extra })) {
      this.setStatus('cancelled', '');
      return undefined;
    }
    this.setStatus('waiting-signer', waitingText);
    try {
      const result = await run(signer);
      return result;
    } catch (error) {
      this.fail(error, action);
      return undefined;
    }
  }

  /** Shows a typed error as a calm state and tells the host (code and message only). */
  protected fail(error: unknown, action?: SignerAction): void {
    const { status, code } = classify(error);
    const message = error instanceof Error ? error.message : 'Something went wrong.';
    this.setStatus(status, message);
    this.errorCode = code;
    emit(this, 'nip82-error', { code, message, action });
  }

  protected setStatus(status: Status, message: string): void {
    this.currentStatus = status;
    this.message = message;
    this.errorCode = '';
  }

  /** The polite live region every element renders once. */
  protected renderLive(text: string) {
    return html`<p class="status" part="status" role="status" aria-live="polite">${text || nothing}</p>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.watchStore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watched?.stop();
    this.watched = undefined;
    this.ownStore?.store.close();
    this.ownStore = undefined;
    this.clientCache?.client.close();
    this.clientCache = undefined;
    this.passiveCache?.client.close();
    this.passiveCache = undefined;
  }

  protected override update(changed: PropertyValues): void {
    reflectStatus(this, this.currentStatus);
    super.update(changed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.watchStore();
  }
}

/** Shows `status` as the host's `status` attribute, for host CSS (`[status="done"]`). */
export function reflectStatus(host: Element, status: Status): void {
  if (host.getAttribute('status') !== status) host.setAttribute('status', status);
}

/** Maps a typed error to the visible state it calls for. */
export function classify(error: unknown): { status: Status; code: Nip82ErrorCode } {
  const cause = error instanceof RecordError && error.code === 'signer' ? (error.cause as unknown) : error;
  if (error instanceof CancelledError) return { status: 'cancelled', code: 'cancelled' };
  if (cause instanceof SignerError) {
    if (cause.code === 'absent') return { status: 'no-signer', code: cause.code };
    if (cause.code === 'timeout') return { status: 'timed-out', code: cause.code };
    if (cause.code === 'refused') return { status: 'refused', code: cause.code };
    return { status: 'bad-data', code: cause.code };
  }
  if (error instanceof RelayError) return { status: 'relay-error', code: error.code };
  if (error instanceof RecordError) return { status: 'bad-data', code: error.code };
  return { status: 'bad-data', code: 'unknown' };
}
