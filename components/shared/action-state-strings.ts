/**
 * The state words and texts only the elements that sign and send from a dialog use (the consent
 * prompt, the access list): the live region's text for every state, the failure colour, the remote
 * signer's page and "Stop waiting". Apart from state-strings.ts, whose common words the session and
 * the record viewer read too, so a page that only signs in and shows records carries none of them.
 */
import type { Status } from './base.js';
import type { Nip82ErrorCode, SignerAction } from './events.js';
import { errorDetailEn, type ErrorDetail } from './error-details.js';
import { signerStateText, type ReceiptStrings, type StateStrings } from './state-strings.js';
import type { RefusalKind } from '../core/relay/refusal.js';
import { SIGN_IN_FAILED } from '../core/relay/unread.js';

/**
 * What the live region says for `status`; `message` is the waiting text, the error, the outcome, or
 * the words of a stop, and `code` the failure's code, which words the detail in the page's language.
 * `clock`: the words for a sign-in a server refused for this device's clock, when one did ('' else).
 */
export function stateText(status: Status, s: StateStrings, message: string, code: Nip82ErrorCode | '' = '', signedOut = false, clock = ''): string {
  switch (status) {
    case 'waiting-signer':
      return s.waiting(message);
    case 'relay-error':
      // `unchecked`: a server could not be read before a change; the detail names it and why. A
      // part of the page not fetched is no server's refusal: nothing was tried, let alone revoked.
      // The clock's words only after a server's sign-in that did not complete (the core's message names it).
      if (code === 'unchecked') return clock && message.includes(SIGN_IN_FAILED) ? `${s.errorDetail(code, message)} ${clock}` : s.errorDetail(code, message);
      if (code === 'part-unavailable') return s.errorDetail(code, message);
      // No usable relay or none given: the page is set up wrong, and nothing was sent.
      return code === 'invalid-url' || code === 'no-relays' ? s.badStorageSettings : s.relayError;
    case 'bad-data':
      return s.badData(code ? s.errorDetail(code, message) : message);
    case 'cancelled':
      // A stop the element worded itself ("Stop waiting": what it did not do) says those words; one
      // from a failure (its message is the core's English) or with none, the element's cancelled words.
      return message && !code ? message : s.cancelled;
    default:
      return signerStateText(status, s, signedOut, code, message) ?? message;
  }
}

/** The English details only a change meets, apart from the page that only signs in and shows records. */
const CHANGE_EN: Partial<Record<Nip82ErrorCode, string>> = {
  unchecked: 'A storage server could not be checked for a newer version of this record, so nothing was changed. You can try again.',
  stale: 'A storage server has a newer version of this record: load it again before changing who has access.',
  'not-an-editor': 'Only someone who can edit the record can change who has access.',
  'not-accepted': 'Not enough storage servers accepted it.',
};

/** The actions that sign and send: one that failed for a part not fetched sent nothing. */
const SENDS: ReadonlySet<SignerAction | undefined> = new Set(['share', 'grant', 'revoke', 'answer', 'request']);

/**
 * What the state line says when a part of the page could not be fetched for `action`: a change
 * says nothing was sent, an unlock that nothing was unlocked, and each to try again (the same
 * button fetches the part again, no reload needed); undefined for any other action, which keeps
 * `errorDetail`'s words or the element's own.
 */
export function partLostText(status: Status, code: Nip82ErrorCode | '', action: SignerAction | undefined, s: PartLostStrings): string | undefined {
  if (status !== 'relay-error' || code !== 'part-unavailable') return undefined;
  return SENDS.has(action) ? s.sendLost : action === 'unlock' ? s.unlockLost : undefined;
}

/** English details of the elements that change records (see errorDetailEn). */
export const changeDetailEn: ErrorDetail = (code, message) =>
  // The core's `unchecked` message names each server and why, in plain words (newest.ts, unread.ts).
  code === 'unchecked' && /wss?:\/\//.test(message) ? message : CHANGE_EN[code] ?? errorDetailEn(code, message);

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
  /**
   * While the signer shows its `n`th approval of one action (`formatted`: `n` in the page's
   * numbers), before `what` it is for: each approval is a prompt of its own in an extension,
   * and the patient knows which one they are at.
   */
  signerApproval: (n: number, formatted: string, what: string) => string;
  /** While records (and the copies of what the user shared) are unlocked, one approval each: the `n`th of `total` is at the signer (`nText`, `totalText`: in the page's numbers). */
  unlockingRecord: (n: number, total: number, nText: string, totalText: string) => string;
  /**
   * After "declined", when the user declined the `n`th approval of an action (`n` > 1): the ones
   * given before it are not used, and trying again asks for each of them again.
   */
  refusedApproval: (n: number, nText: string) => string;
  /** Atop a dialog inside a session, before the signed-in user's name and short key: whose account acts. */
  signedInAs: string;
}

export const signerPageStringsEn: SignerPageStrings = {
  signerPage: (host) => `Your remote signer wants you to confirm on its own page, at ${host}, before it answers. Open that page, confirm there, then come back here.`,
  signerPageOpen: (host) => `Open ${host} in a new tab`,
  signerApproval: (_n, formatted, what) => `Approval ${formatted} in your signer for this. ${what}`,
  unlockingRecord: (_n, _total, nText, totalText) => `Unlocking ${nText} of ${totalText}.`,
  refusedApproval: (_n, nText) => `You declined approval ${nText}: the approvals before it are not used. To go ahead after all, try again; your signer will ask for each one again.`,
  signedInAs: 'Signed in as',
};

/** What a change says when a part of the page it needs (its sending code) could not be fetched. */
export interface PartLostStrings {
  /**
   * Nothing was sent, and the same button pressed again fetches the part again: no reload needed.
   * Said instead of `errorDetail` for a share, an answer or a take-back; a read says its own words.
   */
  sendLost: string;
  /** Nothing was unlocked, and the same button pressed again fetches the part again. */
  unlockLost: string;
}

export const partLostStringsEn: PartLostStrings = {
  sendLost: 'Part of this page could not be loaded, so nothing was sent. Check your internet connection, then try again.',
  unlockLost: 'Part of this page could not be loaded, so your records were not unlocked. Check your internet connection, then try again.',
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

/**
 * Why a storage server refused, in the kit's words: never the server's own, which nothing proves
 * and which may be in another language, or name the protocol's parts.
 */
const REFUSED_EN: Partial<Record<RefusalKind, string>> = {
  duplicate: 'it already had it',
  pow: 'it asks your device for extra work this page does not do',
  blocked: 'this server does not accept your account',
  'rate-limited': 'too many messages, try again later',
  invalid: 'it found something wrong in what was sent',
  restricted: 'this server does not allow it from your account',
  mute: 'it did not keep it',
  error: 'the server had a problem, try again later',
  'auth-required': 'it asks you to sign in first',
};

export const refusedWhyEn: Pick<ReceiptStrings, 'refusedWhy'> = {
  refusedWhy: (kind) => REFUSED_EN[kind] ?? '',
};
