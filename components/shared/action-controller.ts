/**
 * The user action an element has under way (a read, or a change signed and then sent), and every
 * way it stops. Shared by the elements that sign and publish, so that a sign-out, Escape or
 * Cancel, and the element leaving the page stop an action the same way in each:
 *
 * - a sign-out or another user ({@link stop}): the action stops wherever it is; nothing more of it
 *   is signed, sent or shown;
 * - Escape, Cancel or "Stop waiting" while the signer is asked to sign, or Escape and Cancel while
 *   a change is prepared between its signer calls (`working`, nothing sent) ({@link cancel}): the action
 *   stops, and every later signer call of it throws before the signer hears of it ({@link guard}),
 *   so no prompt follows "Cancelled". A remote signer may never answer, and a phone has no Escape:
 *   without a way out the user would wait for the deadline. A read is stopped only where the host
 *   has words for it ({@link ActionHooks.readStoppedText}): its decrypts run in the record store,
 *   shared with the other elements reading it, so the element stops waiting while the signer may
 *   still ask. Once the signed events are being sent nothing stops them but a sign-out (the dialog
 *   stays, to say what went out; a host may still let the user stop waiting for a storage
 *   server's sign-in, which passes that server over: see `DeclineScope.stopAsking`);
 * - the element leaving the page: an action still at the signer stops; one being sent goes on
 *   (the same user's, already signed: stopping between its events would leave a change half made),
 *   and its relay client keeps the connections open until it is done.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RelayClient } from '../core/relay/client.js';
import type { Signer } from '../core/signers/signer.js';
import { emit } from './events.js';
import type { Message, Status } from './status-controller.js';

/** Who an action kept after signing (to be sent, or finished later) was signed with and for. */
export interface SignedFor {
  signer: Signer | undefined;
  reader?: string | undefined;
}

/**
 * Whether an action kept for `kept` may still be sent with the signer and user in effect. No user
 * known (records handed in taken away while the host reloads them) is nobody yet, not someone
 * else: what the user signed is kept, and sending it goes on.
 */
export function signedForCurrent(kept: SignedFor, signer: Signer | undefined, me: string | undefined): boolean {
  return kept.signer === signer && (me === undefined || kept.reader === me);
}

/** A read asks the signer to decrypt; a change asks it to sign, then is sent. */
export type ActionKind = 'read' | 'change';

export interface ActionHooks {
  /** The state the host shows now. */
  status: () => Status;
  /** Shows a state (the host's own `setStatus`). */
  setStatus: (status: Status, message: Message) => void;
  /** What the cancelled state says once Escape or Cancel stopped the signer being asked. */
  cancelledText: () => string;
  /** Closes the host's dialog. */
  closeDialog: () => void;
  /**
   * What the cancelled state says once a read stopped waiting for the signer. Without it a read is
   * not stopped (and holds the host's dialog open) until the signer answers.
   */
  readStoppedText?: () => string;
}

interface Action {
  abort: AbortController;
  kind: ActionKind;
  sending: boolean;
}

export class ActionController implements ReactiveController {
  /** The latest action. */
  private current?: Action;
  /** Actions a stop still reaches: the latest, and any still sending (begun before the element last left the page). */
  private readonly live = new Set<Action>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly hooks: ActionHooks,
  ) {
    host.addController(this);
  }

  /** A new action's signal; an earlier one not yet sending is stopped. */
  begin(kind: ActionKind = 'change'): AbortSignal {
    this.stopUnsent();
    this.current = { abort: new AbortController(), kind, sending: false };
    this.live.add(this.current);
    return this.current.abort.signal;
  }

  /**
   * Sends, through `client`, what the action `signal` belongs to has signed: from now on only a
   * sign-out stops it. The client keeps its connections until `work` is done, even once the
   * element (or its session) left the page and closed it ({@link RelayClient.sending}).
   */
  async send<T>(signal: AbortSignal, client: RelayClient, work: () => Promise<T>): Promise<T> {
    signal.throwIfAborted();
    const action = [...this.live].find((a) => a.abort.signal === signal);
    if (action) action.sending = true;
    // Closing or reloading the tab now would leave the change half sent: the browser asks first.
    const leaving = (event: Event) => event.preventDefault();
    addEventListener('beforeunload', leaving);
    try {
      return await client.sending(work);
    } finally {
      removeEventListener('beforeunload', leaving);
      if (action && action !== this.current) this.live.delete(action);
    }
  }

  /**
   * `signer`, for the action `signal` belongs to: once it is stopped, each call throws before the
   * signer is asked, so an action made of many signatures or decrypts asks for none after a stop.
   */
  guard(signer: Signer, signal: AbortSignal): Signer {
    const ask = <T>(call: () => Promise<T>) => {
      signal.throwIfAborted();
      return call();
    };
    return {
      getPublicKey: () => ask(() => signer.getPublicKey()),
      signEvent: (template) => ask(() => signer.signEvent(template)),
      nip44Encrypt: (pubkey, plaintext) => ask(() => signer.nip44Encrypt(pubkey, plaintext)),
      nip44Decrypt: (pubkey, ciphertext) => ask(() => signer.nip44Decrypt(pubkey, ciphertext)),
    };
  }

  /**
   * Whether Escape or Cancel would stop the action: nothing of it is being sent, and the signer is
   * asked, or a change is being prepared between its signer calls (`working` before its send: the
   * servers read, the record locked anew), and the action is a change (or a read the host has
   * words for).
   */
  get cancellable(): boolean {
    const current = this.current;
    if (!current || current.sending) return false;
    const status = this.hooks.status();
    if (status === 'working') return current.kind === 'change';
    return status === 'waiting-signer' && (current.kind === 'change' || !!this.hooks.readStoppedText);
  }

  /** Whether "Stop waiting" stops the action: it could be cancelled, and the signer is asked now. */
  get waitingOnSigner(): boolean {
    return this.cancellable && this.hooks.status() === 'waiting-signer';
  }

  /**
   * Whether the dialog must stay open: a send is under way (whatever it waits for: a server's
   * answer, or the user's signer signing them in there), or a read not offered a Cancel.
   */
  get holding(): boolean {
    const status = this.hooks.status();
    if (this.current?.sending) return status === 'working' || status === 'waiting-signer';
    return status === 'working' ? this.current?.kind !== 'change' : status === 'waiting-signer' && this.current?.kind === 'read' && !this.hooks.readStoppedText;
  }

  /** Stops the action under way, whatever it is doing (a sign-out, another user): it shows nothing from now on. */
  stop(): void {
    if (!this.live.size) return;
    for (const action of this.live) action.abort.abort();
    this.live.clear();
    this.current = undefined;
    this.settle();
  }

  /**
   * Escape, Cancel or "Stop waiting": stops an action whose signer is asked, and says nothing was
   * sent (`text`, else the host's cancelled words), or for a read that the element stopped waiting.
   * Returns whether it stopped anything.
   */
  cancel(text?: Message): boolean {
    if (!this.cancellable) return false;
    const read = this.current?.kind === 'read';
    this.stopUnsent();
    // Where the words are, not the words: they follow the page's language if it changes later.
    const { readStoppedText, cancelledText } = this.hooks;
    this.hooks.setStatus('cancelled', read && readStoppedText ? readStoppedText : text ?? cancelledText);
    return true;
  }

  /** Stops the actions not being sent; those being sent go on. */
  private stopUnsent(): void {
    for (const action of this.live) {
      if (action.sending) continue;
      action.abort.abort();
      this.live.delete(action);
      if (action === this.current) {
        this.current = undefined;
        this.settle();
      }
    }
  }

  /** A stopped action's "waiting" or "working" is no longer true. */
  private settle(): void {
    const status = this.hooks.status();
    if (status === 'waiting-signer' || status === 'working') this.hooks.setStatus('idle', '');
  }

  /** The dialog's Cancel: stops what it may and closes the dialog; nothing while the dialog must stay. */
  readonly dismiss = (): void => {
    if (this.holding) return;
    this.cancel();
    emit(this.host, 'nip82-cancel', { source: this.host.localName });
    this.hooks.closeDialog();
  };

  /**
   * The dialog's `cancel` event (Escape): as Cancel; the dialog stays while it must. `ended`: the
   * dialog shows an action's outcome, so closing it cancels nothing (as its Close button), and the host is not told so.
   */
  readonly onDialogCancel = (event: Event, ended = false): void => {
    if (this.holding) {
      event.preventDefault();
      return;
    }
    this.cancel();
    if (!ended) emit(this.host, 'nip82-cancel', { source: this.host.localName });
  };

  hostDisconnected(): void {
    this.stopUnsent();
  }
}
