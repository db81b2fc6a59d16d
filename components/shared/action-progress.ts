/**
 * What one signed change (a revocation, a share, an answer) is doing, for its status line.
 * "Waiting for your signer" is true only while a call to the signer is unanswered: asking who is
 * signed in, signing, or signing in to a storage server that asked for it (reading, or sending).
 * Between those calls the change is prepared (servers read, a record locked anew) or sent, and the
 * line says that instead. A change may never ask the signer at all (a revocation of a viewer of
 * records handed in signs nothing). No Lit and no DOM: the element shows what it is told.
 */
import type { DeclineScope } from '../core/relay/client.js';
import type { Signer } from '../core/signers/signer.js';
import { SignerError } from '../core/errors.js';
import { wordsNow, type Message, type Status } from './status-controller.js';

/** What the change does between signer calls (`sending-on`: after "Stop waiting" passed servers over). */
export type ActionStep = 'preparing' | 'sending' | 'sending-on';

export class ActionProgress {
  /** The unanswered signer calls, each said as its words. */
  private readonly calls: Message[] = [];
  private over = false;
  private skipped = false;
  /** The approvals the signer was asked for so far in this action (signatures, locks, unlocks). */
  private approvals = 0;
  private refused?: number;

  constructor(
    private readonly show: (status: Status, message: Message) => void,
    private readonly words: (step: ActionStep) => Message,
    private readonly signInWords: Message,
    private readonly signal: AbortSignal,
    /** The sign-ins of the action (one prompt per server for its reads and sends). */
    readonly signIns: DeclineScope,
    private step: ActionStep = 'preparing',
    /** How the `n`th approval of the action is said before `what` it is for. */
    private readonly nth?: (n: number, what: string) => string,
  ) {
    signIns.watch(() => this.render());
    // Stopped (Escape, Cancel, "Stop waiting", a sign-out): a sign-in it waits on is waited on no more.
    signal.addEventListener('abort', () => signIns.stopAsking(), { once: true });
    this.render();
  }

  /** From now on the change is doing `step`. */
  doing(step: ActionStep): void {
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
    this.skipped = true;
    this.signIns.stopAsking();
  }

  /** Whether "Stop waiting" passed over the servers that asked for a sign-in during this send. */
  get passedOver(): boolean {
    return this.skipped;
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

  /**
   * `signer`, each of its calls said as `what` while unanswered, numbered (each signature, lock or
   * unlock is an approval of its own in an extension); the question of its key as `keyWords`
   * (not numbered: a signer asks it once and remembers the answer).
   */
  signer(signer: Signer, what: Message, keyWords: Message = what): Signer {
    return {
      getPublicKey: () => this.asking(keyWords, () => signer.getPublicKey()),
      signEvent: (template) => this.approval(what, () => signer.signEvent(template)),
      nip44Encrypt: (pubkey, plaintext) => this.approval(what, () => signer.nip44Encrypt(pubkey, plaintext)),
      nip44Decrypt: (pubkey, ciphertext) => this.approval(what, () => signer.nip44Decrypt(pubkey, ciphertext)),
    };
  }

  private async approval<T>(what: Message, call: () => Promise<T>): Promise<T> {
    const n = ++this.approvals;
    const nth = this.nth;
    try {
      return await this.asking(nth ? () => nth(n, wordsNow(what)) : what, call);
    } catch (error) {
      if (error instanceof SignerError && error.code === 'refused') this.refused ??= n;
      throw error;
    }
  }

  /** The approval of this action the user declined in their signer (after others they gave), if any. */
  get refusedAt(): number | undefined {
    return this.refused;
  }

  /** The change ended (done, failed or stopped): its outcome is said from now on, not its progress. */
  end(): void {
    this.over = true;
  }

  private render(): void {
    if (this.over || this.signal.aborted) return;
    const waiting = this.signIns.waitingForSigner ? this.signInWords : this.calls.at(-1);
    this.show(waiting ? 'waiting-signer' : 'working', waiting ?? this.words(this.step));
  }
}
