/**
 * What one revocation is doing, for its status line. "Waiting for your signer" is true only while
 * a call to the signer is unanswered: asking who is signed in, signing the notice to the others, or
 * signing in to a storage server that asked for it (reading the record's versions, or sending).
 * Between those calls the revocation is prepared (servers read, the record locked anew) or sent,
 * and the line says that instead. Records handed in need no "who is signed in", and revoking a
 * viewer signs nothing: such a revocation may never ask the signer at all.
 */
import type { DeclineScope } from '../core/relay/client.js';
import type { Signer } from '../core/signers/signer.js';
import type { Message, Status } from '../shared/status-controller.js';

/** What the revocation does between signer calls. */
export type RevokeStep = 'preparing' | 'sending' | 'sending-on';

export class RevokeProgress {
  /** The unanswered signer calls, each said as its words. */
  private readonly calls: Message[] = [];
  private over = false;

  constructor(
    private readonly show: (status: Status, message: Message) => void,
    private readonly words: (step: RevokeStep) => Message,
    private readonly signInWords: Message,
    private readonly signal: AbortSignal,
    /** The sign-ins of the action (one prompt per server for its reads and sends). */
    readonly signIns: DeclineScope,
    private step: RevokeStep = 'preparing',
  ) {
    signIns.watch(() => this.render());
    // Stopped (Escape, Cancel, "Stop waiting", a sign-out): a sign-in it waits on is waited on no more.
    signal.addEventListener('abort', () => signIns.stopAsking(), { once: true });
    this.render();
  }

  /** From now on the revocation is doing `step`. */
  doing(step: RevokeStep): void {
    this.step = step;
    this.render();
  }

  get sending(): boolean {
    return this.step !== 'preparing';
  }

  /** Whether the send waits for nothing but the user's signer signing them in to a storage server. */
  get sendWaitsOnSignIn(): boolean {
    return !this.over && !this.signal.aborted && this.sending && this.signIns.waitingForSigner;
  }

  /**
   * "Stop waiting" during the send: the servers that asked for a sign-in are passed over (they
   * take nothing of it), and the rest of the send goes on to those that did not ask.
   */
  stopSignIns(): void {
    this.step = 'sending-on';
    this.signIns.stopAsking();
  }

  /** Runs `call`, a call to the user's signer, said as `what` while it is unanswered. */
  async asking<T>(what: Message, call: () => Promise<T>): Promise<T> {
    this.calls.push(what);
    this.render();
    try {
      return await call();
    } finally {
      this.calls.splice(this.calls.indexOf(what), 1);
      this.render();
    }
  }

  /** `signer`, each of its calls said as `what` while unanswered. */
  signer(signer: Signer, what: Message): Signer {
    return {
      getPublicKey: () => this.asking(what, () => signer.getPublicKey()),
      signEvent: (template) => this.asking(what, () => signer.signEvent(template)),
      nip44Encrypt: (pubkey, plaintext) => this.asking(what, () => signer.nip44Encrypt(pubkey, plaintext)),
      nip44Decrypt: (pubkey, ciphertext) => this.asking(what, () => signer.nip44Decrypt(pubkey, ciphertext)),
    };
  }

  /** The revocation ended (done, failed or stopped): its outcome is said from now on, not its progress. */
  end(): void {
    this.over = true;
  }

  private render(): void {
    if (this.over || this.signal.aborted) return;
    const waiting = this.signIns.waitingForSigner ? this.signInWords : this.calls.at(-1);
    this.show(waiting ? 'waiting-signer' : 'working', waiting ?? this.words(this.step));
  }
}
