/**
 * Typed errors of the protocol core. Every failure the core reports for bad input, a refusing
 * signer or an unreachable relay is one of these, with a stable `code` that hosts and elements
 * switch on and a message a person can read. Messages never carry key material or record contents.
 */

/** Why a record could not be created, opened or changed. */
export type RecordErrorCode =
  | 'malformed'
  | 'bad-signature'
  | 'not-a-participant'
  | 'bad-key'
  | 'decrypt-failed'
  | 'too-large'
  | 'unsupported'
  | 'future-dated'
  | 'rollback'
  | 'deleted'
  | 'stale'
  | 'unchecked'
  | 'not-an-editor'
  | 'invalid-input'
  | 'wrong-reader'
  | 'signer';

/** A record could not be created, opened or changed. */
export class RecordError extends Error {
  override readonly name = 'RecordError';
  /** Stable, machine-readable reason. */
  readonly code: RecordErrorCode;
  /** The underlying signer error when `code` is `signer`. */
  override readonly cause?: unknown;

  constructor(code: RecordErrorCode, message: string, options?: { cause?: unknown }) {
    super(message);
    this.code = code;
    this.cause = options?.cause;
  }
}

/**
 * Why a signer could not do what it was asked. `account-changed`: it answered as another key than
 * the signed-in user's (the account in use was switched in the signer): whatever the answer was
 * for belongs to the last user and is dropped, and the session closes their records. `no-key`: it
 * has no key ready (none added yet, or locked), which is not the user saying no; its message ends
 * with the signer's own short answer (see {@link signerSaid}), which the user is shown. `locked`: a
 * browser extension that is locked (its key is there, behind its password): the user need only
 * unlock it, which the elements say in those words.
 */
export type SignerErrorCode = 'absent' | 'refused' | 'timeout' | 'unsupported' | 'bad-response' | 'failed' | 'connection' | 'account-changed' | 'no-key' | 'locked';

/** A signer (extension, remote signer) was missing, refused, timed out or answered nonsense. */
export class SignerError extends Error {
  override readonly name = 'SignerError';
  readonly code: SignerErrorCode;
  override readonly cause?: unknown;

  constructor(code: SignerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message);
    this.code = code;
    this.cause = options?.cause;
  }
}

/** The signer's own words a `no-key` message ends with ('' when it kept none). */
export const signerSaid = (message: string): string => /It said: "(.*)"$/s.exec(message)?.[1] ?? '';

/** Why a relay operation failed as a whole (per-relay detail lives in the receipts). */
/**
 * `closed`: the client was closed (a sign-out, another user) and is used no more. `no-websocket`:
 * the platform has no WebSocket (Node 20) and the host gave nostr-tools none, so no relay can be reached.
 */
export type RelayErrorCode = 'no-relays' | 'not-accepted' | 'invalid-url' | 'closed' | 'no-websocket';

/** No relay accepted a publish, the relay list is unusable, or the client was closed. */
export class RelayError extends Error {
  override readonly name = 'RelayError';
  readonly code: RelayErrorCode;
  /** Per-relay outcomes, when the failure came from a publish. */
  readonly receipts: readonly unknown[];

  constructor(code: RelayErrorCode, message: string, receipts: readonly unknown[] = []) {
    super(message);
    this.code = code;
    this.receipts = receipts;
  }
}

/**
 * What may travel as a `cause`: the core's own typed errors, whose messages it wrote. Anything else
 * (a signer's error, a parser's) may quote the event or the decrypted record, so it is left out.
 */
export function safeCause(error: unknown): RecordError | SignerError | RelayError | undefined {
  return isNip82Error(error) ? error : undefined;
}

/** Whether `error` (or the signer error a record error carries) says the signer now answers as another key. */
export function isAccountChanged(error: unknown): boolean {
  const cause = error instanceof RecordError && error.code === 'signer' ? error.cause : error;
  return cause instanceof SignerError && cause.code === 'account-changed';
}

/** True when `error` is one of the core's typed errors. */
export function isNip82Error(error: unknown): error is RecordError | SignerError | RelayError {
  return error instanceof RecordError || error instanceof SignerError || error instanceof RelayError;
}

/** What a person reads of a record its owner deleted or moved (a deletion covers its address), said alike when it is opened and when it leaves a page that showed it. */
export const DELETED_BY_OWNER_MESSAGE = 'This record was deleted or moved by its owner.';

/**
 * What a person reads when a part of the page could not be loaded (see {@link PartUnavailableError}),
 * where the element has no words of its own for what was not done.
 */
export const PART_UNAVAILABLE_MESSAGE = 'Part of this page could not be loaded, so what you asked for was not done. Check your internet connection, then try again.';

/**
 * A part of the kit that loads on demand (a module of its own, fetched from the page's server the
 * first time it is needed) could not be fetched: the connection dropped, or the host did not serve
 * every file of the build. Nothing was signed or sent for the action that needed it. The browser
 * fetches a failed module anew when it is imported again, so doing the same again is enough once the
 * connection is back; only what the page alone starts (records or a signer it hands in) needs a reload.
 */
export class PartUnavailableError extends Error {
  override readonly name = 'PartUnavailableError';
  readonly code = 'part-unavailable';
  override readonly cause?: unknown;

  constructor(options?: { cause?: unknown }) {
    super(PART_UNAVAILABLE_MESSAGE);
    this.cause = options?.cause;
  }
}

/** What `load` (written `() => import('./x.js').then((m) => m.name)`) gives, a failed fetch told as a {@link PartUnavailableError}. */
export function loadPart<T>(load: () => Promise<T>): Promise<T> {
  return load().catch((cause: unknown) => {
    throw new PartUnavailableError({ cause });
  });
}
