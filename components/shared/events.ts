/**
 * The kit's event vocabulary. Every domain event is a `Nip82Event` with a frozen, plain `detail`
 * that carries ids and public keys only: never record contents, never keys. Public events bubble
 * and cross shadow roots so hosts can listen on a container.
 */
import type { PublishReceipt } from '../core/relay/client.js';
import type { RecordErrorCode, RelayErrorCode, SignerErrorCode } from '../core/errors.js';
import type { Role } from '../core/nip82/record.js';

/** What a signer is about to be asked, announced by `nip82-signer-request`. */
export type SignerAction = 'connect' | 'unlock' | 'share' | 'grant' | 'revoke' | 'answer' | 'request' | 'read-requests';

/**
 * Every `code` a `nip82-error` carries: the protocol core's typed error codes (with
 * `part-unavailable`, a `PartUnavailableError`: a part loaded on demand could not be fetched), and
 * four of the elements' own: `relay-unavailable` (no relay answered a read, so nothing could be
 * looked for), `auth-required` (no relay let a read through: one or more asked the user to sign
 * in, and they were not signed in, by their no or a sign-in that did not go through), `cancelled`
 * (a `CancelledError`) and `unknown` (a failure that is none of these).
 */
export type Nip82ErrorCode = RecordErrorCode | SignerErrorCode | RelayErrorCode | 'relay-unavailable' | 'auth-required' | 'part-unavailable' | 'cancelled' | 'unknown';

/** Detail of every event, by name. */
export interface Nip82EventDetails {
  /** Before any signer call; cancel it to stop the call. */
  'nip82-signer-request': { action: SignerAction; source: string; records?: string[]; recipient?: string };
  /** Records were unlocked and shown. */
  'nip82-record-open': { records: { signPubkey: string; naddrs: string[]; role: Role; parts: { have: number; total: number } }[] };
  /** Records left the screen: a copy of one downloaded (`how: 'download'`), or every record shown printed, from the Print button or the browser's menu (`'print'`). A Bundle the host handed in has no entry. */
  'nip82-record-export': { how: 'download' | 'print'; records: { signPubkey: string; naddrs: string[] }[] };
  /**
   * A share was published: `hidden`, the items its withheld flag says were kept back; `hiddenCounted:
   * false`, that flag tells only that something was (no count: `hidden` is not a number the
   * recipient was told; absent when it counts, or nothing was kept back); `missed`, the storage
   * servers lacking part of it; `unfinished: true`, only part of it went out (told again once finished).
   */
  'nip82-share': { signPubkey: string; naddrs: string[]; recipient: string; role: Role; hidden: number; hiddenCounted?: false; missed: string[]; unfinished?: true };
  /** A request was answered (approved or denied): to whom (`recipient`), and how many items were hidden from them (0 for a denial); `hiddenCounted`, `missed` and `unfinished` as for a share. */
  'nip82-answer': { requestId: string; decision: 'active' | 'rejected'; naddrs: string[]; recipient: string; hidden: number; hiddenCounted?: false; missed: string[]; unfinished?: true };
  /** A person's access was revoked. */
  'nip82-revoke': { signPubkey: string; pubkey: string; movedTo?: string };
  /** A recipient was chosen in the picker. */
  'nip82-npub-select': { pubkey: string; npub: string };
  /** The picker's choice was cleared. */
  'nip82-npub-clear': Record<string, never>;
  /** Publish receipts, one per relay per event. */
  'nip82-receipts': { receipts: Pick<PublishReceipt, 'relay' | 'eventId' | 'status' | 'reason'>[] };
  /** Something failed; `code` is the typed error's code. */
  'nip82-error': { code: Nip82ErrorCode; message: string; action?: SignerAction };
  /** The session signed in or out. */
  'nip82-session-change': { pubkey?: string; signer?: 'extension' | 'remote' | 'injected' };
  /** The user cancelled a dialog or a flow. */
  'nip82-cancel': { source: string };
}

/** Names of the kit's events. */
export type Nip82EventName = keyof Nip82EventDetails;

const CANCELABLE = new Set<Nip82EventName>(['nip82-signer-request']);

/** A kit event: `detail` is typed by name and frozen. */
export class Nip82Event<K extends Nip82EventName = Nip82EventName> extends Event {
  readonly detail: Readonly<Nip82EventDetails[K]>;

  constructor(type: K, detail: Nip82EventDetails[K]) {
    super(type, { bubbles: true, composed: true, cancelable: CANCELABLE.has(type) });
    this.detail = Object.freeze({ ...detail });
  }
}

/** Dispatches a kit event from `target`; returns false when a listener cancelled it. */
export function emit<K extends Nip82EventName>(target: EventTarget, type: K, detail: Nip82EventDetails[K]): boolean {
  return target.dispatchEvent(new Nip82Event(type, detail));
}

declare global {
  interface HTMLElementEventMap {
    'nip82-signer-request': Nip82Event<'nip82-signer-request'>;
    'nip82-record-open': Nip82Event<'nip82-record-open'>;
    'nip82-record-export': Nip82Event<'nip82-record-export'>;
    'nip82-share': Nip82Event<'nip82-share'>;
    'nip82-answer': Nip82Event<'nip82-answer'>;
    'nip82-revoke': Nip82Event<'nip82-revoke'>;
    'nip82-npub-select': Nip82Event<'nip82-npub-select'>;
    'nip82-npub-clear': Nip82Event<'nip82-npub-clear'>;
    'nip82-receipts': Nip82Event<'nip82-receipts'>;
    'nip82-error': Nip82Event<'nip82-error'>;
    'nip82-session-change': Nip82Event<'nip82-session-change'>;
    'nip82-cancel': Nip82Event<'nip82-cancel'>;
  }
}
