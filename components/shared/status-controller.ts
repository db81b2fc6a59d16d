/**
 * The state an element shows: one `status` from a fixed list, the line its live region says, and
 * the code of the failure shown. Typed errors become calm visible states and a `nip82-error` for
 * the host; the status is reflected as the host's `status` attribute for host CSS.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PartUnavailableError, RecordError, RelayError, SignerError } from '../core/errors.js';
import { emit, type Nip82ErrorCode, type SignerAction } from './events.js';

/** Every state an element shows. Reflected as the `status` attribute for host CSS. */
export type Status = 'idle' | 'waiting-signer' | 'working' | 'done' | 'no-signer' | 'refused' | 'timed-out' | 'relay-error' | 'bad-data' | 'cancelled';

/**
 * What the live region says: words, or where to read them (from the element's strings table in
 * effect at each render), so that words the element chose itself follow the page's language when
 * it changes later. A failure's message (the core's) is kept as it came.
 */
export type Message = string | (() => string);

/** The words of `message` in effect now. */
export const wordsNow = (message: Message): string => (typeof message === 'function' ? message() : message);

/** Thrown when a host cancelled `nip82-signer-request`. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
}

export class StatusController implements ReactiveController {
  private now: Status = 'idle';
  private said: Message = '';
  private code: Nip82ErrorCode | '' = '';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** The state shown; the element's own code changes it. */
  get status(): Status {
    return this.now;
  }
  set status(value: Status) {
    if (value === this.now) return;
    this.now = value;
    this.host.requestUpdate();
  }

  /** What the live region says now, in the words in effect now. */
  get message(): string {
    return wordsNow(this.said);
  }
  set message(value: Message) {
    if (value === this.said) return;
    this.said = value;
    this.host.requestUpdate();
  }

  /** What the live region says, as it was set (words, or where to read them): to show it again as it was. */
  get words(): Message {
    return this.said;
  }

  /** The code of the failure shown, so its detail can be worded in the page's language ('' when none). */
  get errorCode(): Nip82ErrorCode | '' {
    return this.code;
  }
  set errorCode(value: Nip82ErrorCode | '') {
    if (value === this.code) return;
    this.code = value;
    this.host.requestUpdate();
  }

  /** A new state and what it says; no failure is shown any more. */
  set(status: Status, message: Message): void {
    this.status = status;
    this.message = message;
    this.errorCode = '';
  }

  /** Shows a typed error as a calm state and tells the host (code and message only). */
  fail(error: unknown, action?: SignerAction, message = error instanceof Error ? error.message : 'Something went wrong.'): { code: Nip82ErrorCode; message: string } {
    const { status, code } = classify(error);
    this.set(status, message);
    this.errorCode = code;
    emit(this.host, 'nip82-error', { code, message, action });
    return { code, message };
  }

  hostUpdate(): void {
    reflectStatus(this.host, this.now);
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
    // No key ready in it, or locked: no signer to use yet, as with none (the user did not say no).
    if (cause.code === 'absent' || cause.code === 'no-key' || cause.code === 'locked') return { status: 'no-signer', code: cause.code };
    if (cause.code === 'timeout') return { status: 'timed-out', code: cause.code };
    if (cause.code === 'refused') return { status: 'refused', code: cause.code };
    return { status: 'bad-data', code: cause.code };
  }
  if (error instanceof RelayError) return { status: 'relay-error', code: error.code };
  // A connection problem, as a relay's is: the same state, so a host's styling of it fits.
  if (error instanceof PartUnavailableError) return { status: 'relay-error', code: error.code };
  // Nothing is wrong with the data: a storage server could not be read, and a retry may do.
  if (error instanceof RecordError && error.code === 'unchecked') return { status: 'relay-error', code: error.code };
  if (error instanceof RecordError) return { status: 'bad-data', code: error.code };
  return { status: 'bad-data', code: 'unknown' };
}
