/**
 * The words for the states every signer-backed element shows (in Spanish: state-strings.es.ts).
 * Element string tables spread these in, so each stays overridable per element through `.strings`;
 * where an element means something narrower (what was not changed, shared or opened), it says so.
 * What only the elements that sign and send from a dialog use (the live region's text per state,
 * the remote signer's page, "Stop waiting") is in action-state-strings.ts.
 */
import type { Status } from './base.js';
import { errorDetailEn, type ErrorDetail } from './error-details.js';
import type { Nip82ErrorCode } from './events.js';
import { signerSaid } from '../core/errors.js';
import type { SignInFailure } from '../core/relay/client.js';
import type { RefusalKind } from '../core/relay/refusal.js';

/** The per-relay receipts list: its title and one line per relay. */
export interface ReceiptStrings {
  receiptsTitle: string;
  /**
   * A relay's line. `signIn` is set when it asked the user to sign in (`auth-required`) and was
   * not signed in to: `declined`, the user said no (or let the prompt go); `failed`, the sign-in
   * did not go through on the server's or the signer's side. `acceptedText`, `totalText`: how many
   * of the events sent it took, and of how many, as the page's language writes numbers ("1,050");
   * `why`, when it refused (`rejected`): the kit's own words for why (`refusedWhy`), '' or absent
   * when it gave no reason the kit knows. All after the other values, so that an override written
   * before them still works.
   *
   * `reason` is the relay's own text, as it sent it: for a host's logs, never shown by the built-in
   * words. Nothing proves what it says (any relay can write anything there, in any language).
   */
  receiptStatus: (status: string, accepted: number, total: number, reason: string | undefined, signIn: SignInFailure | undefined, acceptedText: string, totalText: string, why?: string) => string;
  /**
   * Why a relay refused, in plain words, from the machine-readable prefix of its reason (NIP-01:
   * see {@link RefusalKind}); '' for `other`, a reason without a prefix the kit knows. Passed to
   * `receiptStatus` as `why`.
   */
  refusedWhy: (kind: RefusalKind) => string;
  /**
   * A storage server's label on its line when a send went to more than one (`nText`: `n` as the page's
   * language writes it): a place in the list, not its address, which few can read.
   */
  receiptServer: (n: number, nText: string) => string;
  /** The disclosure that shows a storage server's address under its line, for whoever needs it. */
  receiptAddress: string;
  tryAgain: string;
}

/** What the live region says in each state. */
export interface StateStrings extends ReceiptStrings {
  waiting: (what: string) => string;
  noSigner: string;
  /** Instead of `noSigner` inside a `<nip82-session>` nobody is signed in to: the way in is there. */
  signInFirst: string;
  refused: string;
  /**
   * The signer has no key ready (none added yet, or locked): not the user saying no. `said`: its
   * own short answer, shown as it is (it says what to fix there), '' when it gave none that short.
   */
  noKey: (said: string) => string;
  /**
   * The signer extension is locked (its key is there, behind its password). `detail`: the
   * `errorDetail` words for it (a host's own included); an element that signs a change adds what it
   * did not do, as its other stops at the signer say.
   */
  locked: (detail: string) => string;
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

/**
 * The state words that do not depend on what the element was doing. Why a relay refused is only
 * said by the elements that send (action-state-strings.ts), so the session's page carries none of it.
 */
export type CommonStateStrings = Omit<StateStrings, 'refused' | 'noKey' | 'locked' | 'timedOut' | 'relayError' | 'cancelled' | 'refusedWhy'>;

/** Why a server that asked the user to sign in did not take what was sent: their no is told apart from a sign-in that failed. */
export const signInNotAccepted = (signIn?: SignInFailure) =>
  signIn === 'failed'
    ? 'asked you to sign in; the sign-in did not go through, so it did not accept it'
    : signIn === 'declined'
      ? 'asked you to sign in; you did not, so it did not accept it'
      // Signed in, and still refused (the key may not be allowed there): nobody's fault to name.
      : 'asked you to sign in, and did not accept it';

/** What every element's `noKey` words end with: what to do, then the signer's own answer ('' for none). Spanish: state-strings.es.ts. */
export const noKeyTailEn = (said: string): string => ` Add a key to it or unlock it, then try again.${said ? ` Your signer's message: “${said}”` : ''}`;

/** After a sign-in a storage server refused for its time: every element says it in these words. Spanish: state-strings.es.ts. */
export const clockOffEn = 'It refused the sign-in because the date and time on this device differ from its own: correct this device\'s clock, then try again.';

/** English; Spanish is in state-strings.es.ts. */
export const stateStringsEn: CommonStateStrings = {
  receiptsTitle: 'Storage servers',
  receiptServer: (_n, nText) => `Storage server ${nText}`,
  receiptAddress: 'Address',
  receiptStatus: (status, _accepted, total, _reason, signIn, acceptedText, totalText, why) => {
    if (status === 'accepted') return `${acceptedText} of ${totalText} ${total === 1 ? 'part' : 'parts'} saved`;
    if (status === 'rejected') return why ? `refused: ${why}` : 'refused';
    if (status === 'timeout') return 'did not answer in time';
    if (status === 'auth-required') return signInNotAccepted(signIn);
    return 'could not be reached';
  },
  tryAgain: 'Try again',
  waiting: (what: string) => `Waiting for your signer. ${what}`,
  noSigner: 'No signer was found: add a signer extension to this browser, or sign in with your signer app.',
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
export function signerStateText(
  status: Status,
  s: Pick<StateStrings, 'noSigner' | 'signInFirst' | 'refused' | 'noKey' | 'timedOut' | 'cancelled' | 'errorDetail'> & Partial<Pick<StateStrings, 'locked'>>,
  signedOut = false,
  code: Nip82ErrorCode | '' = '',
  message = '',
): string | undefined {
  switch (status) {
    case 'no-signer':
      if (code === 'no-key') return s.noKey(signerSaid(message));
      // The key is there, behind the extension's password: the user need only unlock it.
      if (code === 'locked') return s.locked ? s.locked(s.errorDetail(code, message)) : s.errorDetail(code, message);
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
