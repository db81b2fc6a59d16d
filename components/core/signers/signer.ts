/**
 * The one interface every part of the kit signs and decrypts through. The user's key never
 * leaves their signer: a NIP-07 extension, a NIP-46 remote signer, or (tests and demos only) a
 * secret key held in memory.
 */
import type { EventTemplate, NostrEvent } from '../events.js';
import { cleanEvent, isHex64 } from '../events.js';
import { verifyEvent } from 'nostr-tools/pure';
import { SignerError } from '../errors.js';

/** A user's signer. All methods are async and reject with a {@link SignerError}. */
export interface Signer {
  /** The user's public key, 64 lowercase hex characters. */
  getPublicKey(): Promise<string>;
  /** Signs a template as the user. */
  signEvent(template: EventTemplate): Promise<NostrEvent>;
  /** NIP-44 v2 encrypts `plaintext` for `pubkey` under the conversation key (user, pubkey). */
  nip44Encrypt(pubkey: string, plaintext: string): Promise<string>;
  /** NIP-44 v2 decrypts `ciphertext` from `pubkey`. */
  nip44Decrypt(pubkey: string, ciphertext: string): Promise<string>;
  /**
   * Optional: forgets a public key the signer remembers, so that the next `getPublicKey` asks
   * again. The session calls it as the first action after the page got the focus back begins:
   * meanwhile the user may have switched keys in their extension, and that action must find the
   * key now in use (and the session asks it first, before an action shows or saves records already
   * on screen). Not on the focus itself: an extension whose prompts are windows of their own
   * gives the focus back after each, and the action under way would ask before every signature.
   */
  forgetPublicKey?(): void;
}

/**
 * Asks the signer to sign and checks the answer: a signer's transport can be spoofed by any
 * script on the page, so the result must be well formed, by the user, of the template asked,
 * with a valid signature. Signed by another key than the user's: `account-changed`.
 */
export async function signChecked(signer: Signer, template: EventTemplate): Promise<NostrEvent> {
  const pubkey = await signer.getPublicKey();
  const signed = await signer.signEvent(template);
  let event: NostrEvent;
  try {
    event = cleanEvent(signed);
  } catch (cause) {
    throw new SignerError('bad-response', 'The signer returned something that is not a signed event.', { cause });
  }
  const asked = event.kind === template.kind && event.content === template.content && event.created_at === template.created_at &&
    JSON.stringify(event.tags) === JSON.stringify(template.tags);
  // What was asked, validly signed, by another key: the user switched accounts in the signer. Not
  // bad data: the session must hear that someone else is there now (and nothing of this is used).
  if (event.pubkey !== pubkey && asked && verifyEvent({ ...event })) {
    throw new SignerError('account-changed', 'The signer signed with another key than the signed-in user\'s: the account in use was switched.');
  }
  if (
    event.pubkey !== pubkey ||
    event.kind !== template.kind ||
    event.content !== template.content ||
    event.created_at !== template.created_at ||
    JSON.stringify(event.tags) !== JSON.stringify(template.tags) ||
    !verifyEvent({ ...event })
  ) {
    throw new SignerError('bad-response', 'The signer returned an event that does not match what was asked, or does not verify.');
  }
  return event;
}

/** Checks a public key a signer reported. */
export function checkedPublicKey(value: unknown): string {
  if (!isHex64(value)) throw new SignerError('bad-response', 'The signer reported a public key that is not 64 lowercase hex characters.');
  return value;
}

/** Runs `work` with a deadline, mapping the timeout to a {@link SignerError}. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return withDeadline(work, ms, what).done;
}

/** A call under a deadline that can be moved later, once (see {@link withDeadline}). */
export interface Deadline<T> {
  /** The work's outcome, or a `timeout` {@link SignerError} once the deadline passes. */
  readonly done: Promise<T>;
  /**
   * Moves the deadline to `ms` from now if that is later; never earlier. Only the first call does
   * anything: whoever asks for more time cannot keep a call waiting forever by asking again.
   * False when it did nothing (asked before, the call settled, no deadline, or `ms` not a time).
   */
  extend(ms: number): boolean;
  /** The time left, in ms (`Infinity` without a deadline, 0 once settled). */
  remaining(): number;
  /** The time {@link remaining} would be were `extend(ms)` called now; nothing changes. */
  remainingIfExtended(ms: number): number;
}

/**
 * Told each time a call's deadline comes while the call still waits: `givingUp` false when its
 * first deadline passed but it was given more time and waits on, true when it gives up now (at its
 * first deadline, or at the later one). Lets a caller (a test, a log) see the wait as it happens
 * instead of timing it; it changes nothing about the call, even when it throws (the error is then
 * the page's, uncaught, as any in a timer).
 */
export type DeadlineHook = (what: string, givingUp: boolean) => void;

/** A wait, as the timeout message says it. */
function spoken(ms: number): string {
  return ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}

/**
 * Runs `work` with a deadline that can be extended once, e.g. while the user is away on a page a
 * remote signer asked them to open. `ms` not a positive number: no deadline.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string, onDue?: DeadlineHook): Deadline<T> {
  const timed = Number.isFinite(ms) && ms > 0;
  const start = Date.now();
  const first = start + ms;
  let end = first;
  let settled = false;
  let extended = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<T>((resolve, reject) => {
    // The hook is told last: should it throw, the call has already gone on (or ended) as it would.
    const giveUp = () => {
      settled = true;
      reject(new SignerError('timeout', `The signer did not answer (${what}) within ${spoken(end - start)}.`));
      onDue?.(what, true);
    };
    // The timer is set for the first deadline whatever comes: an extension only moves `end`, and
    // the call, once there, waits on to it. So the first deadline is seen coming, extended or not.
    const atFirst = () => {
      if (end <= first) return giveUp();
      timer = setTimeout(giveUp, Math.max(0, end - Date.now()));
      onDue?.(what, false);
    };
    if (timed) timer = setTimeout(atFirst, ms);
    work.then(
      (value) => { settled = true; clearTimeout(timer); resolve(value); },
      (error) => { settled = true; clearTimeout(timer); reject(error); },
    );
  });
  const extendable = (more: number) => timed && !settled && !extended && Number.isFinite(more) && more > 0;
  const remaining = () => (settled ? 0 : timed ? Math.max(0, end - Date.now()) : Infinity);
  return {
    done,
    extend(more) {
      if (!extendable(more)) return false;
      extended = true;
      end = Math.max(end, Date.now() + more);
      return true;
    },
    remaining,
    remainingIfExtended: (more) => (extendable(more) ? Math.max(end, Date.now() + more) - Date.now() : remaining()),
  };
}

/**
 * A signer with no key ready: "no private key found", as an extension with none says, or one that
 * is locked. Asked before `failed`, whose words ("decrypt") such an answer may hold too.
 */
const NO_KEY = /\bno\b[^.]*\bkeys?\b|\bkeys?\b[^.]*\bnot found\b|\blocked\b/i;
/**
 * An extension that is locked: "Vault is locked", "locked", "no key unlocked", "please unlock it
 * first". Asked only of an extension (`lockable`), and before a refusal: a locked extension may
 * word it as one ("Permission denied: vault locked"), yet the user's fix is to unlock it, not to
 * change their mind. A user's own no ("User rejected") names no lock and stays a refusal.
 */
const LOCKED = /\blocked\b|\bunlock/i;

/**
 * The words of whatever a signer rejected with: an Error's message, a string, or the `message` of
 * a plain object (an extension passing its answer between scripts may lose the Error on the way).
 */
function answerText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : '';
}
/** The longest answer of a signer with no key that is kept (as `signerSaid` finds it). */
const SAID_MAX = 160;

/**
 * Maps whatever a signer threw to a {@link SignerError}, keeping typed ones as they are; `lockable`:
 * the signer is a browser extension, whose answer may say it is locked (`locked`). Its text
 * is only classified, and the error itself is not kept as the cause. Its words are copied only
 * from a signer with no key, whose answer the user should read as it is (it says what to fix in
 * the signer): cleaned of control characters, and only when short, as such an answer naming the
 * missing key is, and one quoting what was asked (record included) is not.
 */
export function toSignerError(error: unknown, what: string, lockable = false): SignerError {
  if (error instanceof SignerError) return error;
  const text = answerText(error);
  if (lockable && LOCKED.test(text)) return new SignerError('locked', `The signer extension is locked, so it could not ${what}.`);
  if (/denied|reject|refus|cancel|not allowed|declin|permission/i.test(text)) {
    return new SignerError('refused', `The signer refused to ${what}.`);
  }
  if (NO_KEY.test(text)) {
    const said = text.replace(/[\p{C}\s]+/gu, ' ').trim();
    return new SignerError('no-key', `The signer has no key ready to ${what}.${said.length <= SAID_MAX ? ` It said: "${said}"` : ''}`);
  }
  if (/mac|padding|invalid|base64|length|version|decrypt/i.test(text)) {
    return new SignerError('failed', `The signer could not ${what} this payload.`);
  }
  // The signer's own words stay out: a remote signer's error can quote the event, record included.
  return new SignerError('refused', `The signer could not ${what}.`);
}
