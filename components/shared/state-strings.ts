/**
 * The words for the states every signer-backed element shows (in Spanish: state-strings.es.ts).
 * Element string tables spread these in, so each stays overridable per element through `.strings`;
 * where an element means something narrower (what was not changed, shared or opened), it says so.
 */
import type { Status } from './base.js';
import type { Nip82ErrorCode } from './events.js';
import { errorDetailEn, type ErrorDetail } from './error-details.js';
import type { SignInFailure } from '../core/relay/client.js';

/** The per-relay receipts list: its title and one line per relay. */
export interface ReceiptStrings {
  receiptsTitle: string;
  /**
   * A relay's line. `signIn` is set when it asked the user to sign in (`auth-required`) and was
   * not signed in to: `declined`, the user said no (or let the prompt go); `failed`, the sign-in
   * did not go through on the server's or the signer's side. `acceptedText`, `totalText`: how many
   * of the events sent it took, and of how many, as the page's language writes numbers ("1,050");
   * after the other values, so that an override written before them still works.
   */
  receiptStatus: (status: string, accepted: number, total: number, reason: string | undefined, signIn: SignInFailure | undefined, acceptedText: string, totalText: string) => string;
  tryAgain: string;
}

/** What the live region says in each state. */
export interface StateStrings extends ReceiptStrings {
  waiting: (what: string) => string;
  noSigner: string;
  /** Instead of `noSigner` inside a `<nip82-session>` nobody is signed in to: the way in is there. */
  signInFirst: string;
  refused: string;
  timedOut: string;
  relayError: string;
  /** The page's relay list holds no usable address (code `invalid-url`): only the site's team can fix it. */
  badStorageSettings: string;
  badData: (message: string) => string;
  cancelled: string;
  /** The detail line under a failure, from the error's code and the core's (English) message. */
  errorDetail: ErrorDetail;
  /** An action found the signer using another account: the last person's records were closed, nothing of theirs shown or sent. */
  accountChanged: string;
  /** While the signer is asked which account it uses, before records on screen are shown again or saved. */
  checkingAccount: string;
}

/** The state words that do not depend on what the element was doing. */
export type CommonStateStrings = Omit<StateStrings, 'refused' | 'timedOut' | 'relayError' | 'cancelled'>;

/** Why a server that asked the user to sign in did not take what was sent: their no is told apart from a sign-in that failed. */
export const signInNotAccepted = (signIn?: SignInFailure) =>
  signIn === 'failed'
    ? 'asked you to sign in; the sign-in did not go through, so it did not accept it'
    : signIn === 'declined'
      ? 'asked you to sign in; you did not, so it did not accept it'
      // Signed in, and still refused (the key may not be allowed there): nobody's fault to name.
      : 'asked you to sign in, and did not accept it';

/** English; Spanish is in state-strings.es.ts. */
export const stateStringsEn: CommonStateStrings = {
  receiptsTitle: 'Storage servers',
  receiptStatus: (status, _accepted, _total, reason, signIn, acceptedText, totalText) => {
    if (status === 'accepted') return `accepted (${acceptedText} of ${totalText})`;
    if (status === 'rejected') return `rejected${reason ? `: ${reason}` : ''}`;
    if (status === 'timeout') return 'timed out';
    if (status === 'auth-required') return signInNotAccepted(signIn);
    return 'could not be reached';
  },
  tryAgain: 'Try again',
  waiting: (what: string) => `Waiting for your signer. ${what}`,
  noSigner:
    'No signer is available. Install a Nostr signer extension, or sign in with your remote signer app.',
  signInFirst: 'You are not signed in. Sign in, then try again.',
  badStorageSettings: "This page's storage server settings are wrong; please tell the site's team.",
  badData: (message: string) => `Something in the data could not be used. ${message}`,
  errorDetail: errorDetailEn,
  accountChanged: "Your signer is now using another account. The previous person's records were closed.",
  checkingAccount: 'Checking which account your signer is using.',
};

/**
 * The states where the signer, or the host, stopped the action. `signedOut`: the element is inside
 * a session nobody is signed in to, where the way in is the session's, not an extension to install.
 */
export function signerStateText(status: Status, s: Pick<StateStrings, 'noSigner' | 'signInFirst' | 'refused' | 'timedOut' | 'cancelled'>, signedOut = false): string | undefined {
  switch (status) {
    case 'no-signer':
      return signedOut ? s.signInFirst : s.noSigner;
    case 'refused':
      return s.refused;
    case 'timed-out':
      return s.timedOut;
    case 'cancelled':
      return s.cancelled;
    default:
      return undefined;
  }
}

/**
 * What the live region says for `status`; `message` is the waiting text, the error, the outcome, or
 * the words of a stop, and `code` the failure's code, which words the detail in the page's language.
 */
export function stateText(status: Status, s: StateStrings, message: string, code: Nip82ErrorCode | '' = '', signedOut = false): string {
  switch (status) {
    case 'waiting-signer':
      return s.waiting(message);
    case 'relay-error':
      // `unchecked`: a server could not be read before a change; the detail names it and why.
      if (code === 'unchecked') return s.errorDetail(code, message);
      return code === 'invalid-url' ? s.badStorageSettings : s.relayError;
    case 'bad-data':
      return s.badData(code ? s.errorDetail(code, message) : message);
    case 'cancelled':
      // A stop the element worded itself ("Stop waiting": what it did not do) says those words; one
      // from a failure (its message is the core's English) or with none, the element's cancelled words.
      return message && !code ? message : s.cancelled;
    default:
      return signerStateText(status, s, signedOut) ?? message;
  }
}

/** Whether `status` is a failure (shown in the error colour). */
export function isFailure(status: Status): boolean {
  return !['idle', 'done', 'working', 'waiting-signer'].includes(status);
}

/**
 * The remote signer's page (NIP-46 `auth_url`) in an element's open modal dialog: the session
 * offers it in its own bar, behind the dialog's backdrop where it cannot be tapped.
 */
export interface SignerPageStrings {
  /** The remote signer waits for the user on its own page, at `host`. */
  signerPage: (host: string) => string;
  /** The link to that page (opened by the user, in a new tab). */
  signerPageOpen: (host: string) => string;
}

export const signerPageStringsEn: SignerPageStrings = {
  signerPage: (host) => `Your remote signer wants you to confirm on its own page, at ${host}, before it answers. Open that page, confirm there, then come back here.`,
  signerPageOpen: (host) => `Open ${host} in a new tab`,
};

/** The words of "Stop waiting" (see shared/stop-waiting.ts). */
export interface StopWaitingStrings {
  /** The live button beside the dialog's aria-disabled ones while the signer is asked. */
  stopWaiting: string;
  /**
   * What the dialog says once "Stop waiting" ended the wait for a signature: what did not happen
   * (some events may have been signed, never to be sent), and that the user may try again.
   */
  stoppedWaiting: string;
  /**
   * While a send waits for the signer to sign the user in to a storage server that asked for it
   * (after "Waiting for your signer."): "Stop waiting" then passes that server over.
   */
  waitSignIn: string;
  /** The way on once a change is in effect but some storage server missed it (passed over, or down): the same signed events, sent there. */
  finishRelays: string;
}

/** The button's words and the send's; each element says in its own words what did not happen. */
export const stopWaitingStringsEn: Pick<StopWaitingStrings, 'stopWaiting' | 'waitSignIn' | 'finishRelays'> = {
  stopWaiting: 'Stop waiting',
  waitSignIn: 'A storage server asks you to sign in first.',
  finishRelays: 'Send to the storage servers that missed it',
};
