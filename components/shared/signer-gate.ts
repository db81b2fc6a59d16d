/**
 * The one way an element reaches the user's signer: a cancelable `nip82-signer-request` first,
 * then "waiting for your signer" while it is asked; a host that cancels the request stops the
 * call before the signer hears of it, and a failure becomes a calm visible state.
 */
import type { Signer } from '../core/signers/signer.js';
import { emit, type SignerAction } from './events.js';
import type { Message, StatusController } from './status-controller.js';

/** What a request may name besides its action: the records it opens, or the person it is for. */
export type SignerRequestExtra = { records?: string[]; recipient?: string };

/** Holds no state of its own (the status controller holds what it shows), so it needs no lifecycle. */
export class SignerGate {
  constructor(
    private readonly host: HTMLElement,
    private readonly state: StatusController,
  ) {}

  /** Fires the cancelable request; false, in the `cancelled` state, when the host stopped it. */
  announce(action: SignerAction, extra: SignerRequestExtra = {}): boolean {
    if (emit(this.host, 'nip82-signer-request', { action, source: this.host.localName, ...extra })) return true;
    this.state.set('cancelled', '');
    return false;
  }

  /**
   * Runs a signer-backed action: announces it, shows "waiting for your signer" with `waitingText`,
   * and turns typed failures into visible states. Returns undefined when there is no signer, the
   * request was cancelled or the action failed (the state says which). Once `signal` is aborted
   * (a sign-out, another store, a newer run) the action's outcome, failure included, shows nothing.
   */
  async run<T>(
    signer: Signer | undefined,
    action: SignerAction,
    waitingText: Message,
    work: (signer: Signer) => Promise<T>,
    extra: SignerRequestExtra = {},
    signal?: AbortSignal,
  ): Promise<T | undefined> {
    if (signal?.aborted) return undefined;
    if (!signer) {
      this.state.set('no-signer', '');
      return undefined;
    }
    if (!this.announce(action, extra)) return undefined;
    this.state.set('waiting-signer', waitingText);
    try {
      return await work(signer);
    } catch (error) {
      if (!signal?.aborted) this.state.fail(error, action);
      return undefined;
    }
  }
}
