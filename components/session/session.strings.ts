import { languageTables } from '../shared/language-packs.js';
import { errorDetailEn, type ErrorDetail } from '../shared/error-details.js';
import type { Nip82ErrorCode } from '../shared/events.js';
import { noKeyTailEn, stateStringsEn } from '../shared/state-strings.js';
import type { RemoteSignInKey } from './remote-sign-in.strings.js';

export interface SessionStrings {
  /** Before who is signed in: their name, else their short npub. */
  signedInAs: string;
  /** Under the signed-in user's name: their short npub (`npub1abcd…wxyz`), to tell two accounts apart. */
  accountKey: (shortKey: string) => string;
  via: (kind: string) => string;
  kindExtension: string;
  kindRemote: string;
  kindInjected: string;
  signOut: string;
  signedOut: string;
  /**
   * The signer answered as another account than the signed-in one: the last person's records were
   * closed, and the bar names who is in now (or offers to sign in, if the signer would not say).
   */
  accountChanged: string;
  /**
   * The user signed out in another tab or window of this site (the person may have walked away
   * from this one): the records here were closed as well. Followed by `extensionStillOpen` when
   * they had signed in here through their browser extension.
   */
  signedOutElsewhere: string;
  /** Another tab or window of this site found the signer using another account, and the records here were closed. */
  accountChangedElsewhere: string;
  /** After `signedOut`, when the user had signed in through their browser extension, which the page cannot lock. */
  extensionStillOpen: string;
  signIn: string;
  useExtension: string;
  noExtension: string;
  remoteTitle: string;
  bunkerLabel: string;
  /** Said before the help under the address field once a failed connect took the address's one-time secret out. */
  secretRemoved: string;
  bunkerHelp: string;
  connect: string;
  showCode: string;
  scanCode: string;
  /** Copies the code's text, for a signer app on the same phone. */
  copyCode: string;
  codeCopied: string;
  copyFailed: string;
  /** A link that opens the code in a signer app on this device, where one takes such links. */
  openInApp: string;
  /** How the signer app names this page when it has no title. */
  appName: string;
  waitingForRemote: string;
  cancel: string;
  asking: string;
  connected: string;
  neverNsec: string;
  /** A remote signer asks the user to confirm on a page of its own, at `host`, before it answers. */
  authNeeded: (host: string) => string;
  /**
   * How long this page waits for the user to finish there, in whole minutes (rounded up): the
   * signer's answer is given up after that.
   */
  authWait: (minutes: number) => string;
  /** The link to that page. */
  authOpen: (host: string) => string;
  /** It asked for a page whose address is not https, so none is offered. */
  authRefused: string;
  /** Why sign-in failed, from the error's code (and the core's English message, for codes a sign-in does not meet). */
  errorDetail: ErrorDetail;
  /** Instead of `errorDetail`: the signer has no key ready (none added yet, or locked). `said`: its own short answer, '' for none. */
  noKey: (said: string) => string;
  /** The page's relay list holds no usable address: only the site's team can fix it. */
  badStorageSettings: string;
  /** In place of `noExtension` when the page is shown inside another page (a frame), where an extension often cannot reach it. */
  noExtensionInFrame: string;
  /** In place of the sign-in's buttons when they could not be fetched from the site (a lost connection), above `tryAgain`. */
  cardLost: string;
  /** Fetches the sign-in's buttons again after `cardLost`. */
  tryAgain: string;
  /**
   * Instead of `errorDetail`: the remote sign-in (the code to scan, the remote signer's address)
   * could not be fetched from the site (a lost connection). Pressing its button again fetches it again.
   */
  remoteLost: string;
  /**
   * Instead of `errorDetail`: the signer the page handed in needs a part of the page that could not
   * be fetched. No button here asks it again: a reload does.
   */
  signerLost: string;
}

/**
 * The session's own tables: every key but the words of a remote sign-in under way, which come
 * with that part (remote-sign-in.strings.ts).
 */
export type SessionBuiltins = Omit<SessionStrings, RemoteSignInKey>;

/**
 * The words only the sign-in card says (sign-in-card.strings.ts): not in the English table the
 * session loads with, added to it when the card arrives (addCardStrings).
 */
export type CardKey = 'useExtension' | 'noExtension' | 'remoteTitle' | 'bunkerLabel' | 'secretRemoved' | 'bunkerHelp' | 'connect' | 'showCode' | 'neverNsec' | 'noExtensionInFrame';

/**
 * Why a sign-in failed, in a patient's words: the core's own message names protocol parts
 * ("bunker:// address", "public key"), which stay in the `nip82-error` event for the host.
 */
const SIGN_IN_EN: Partial<Record<Nip82ErrorCode, string>> = {
  absent: 'No signer extension was found in this browser.',
  refused: 'Your signer said no, so you are not signed in.',
  timeout: 'Your signer did not answer in time, so you are not signed in. You can try again.',
  connection: 'Your remote signer app could not be reached. Check that the app is open and copy the address it shows again, then try again.',
  'bad-response': 'Your signer answered something this page cannot use. Try again; if it happens again, update your signer or use another one.',
  unsupported: 'This signer extension cannot lock and unlock records; please update it or use another signer.',
  failed: 'Your signer could not finish signing you in. Check that it is open and unlocked, then try again.',
  signer: 'Your signer could not finish signing you in. Check that it is open and unlocked, then try again.',
};

const en: Omit<SessionBuiltins, CardKey> = {
  errorDetail: (code, message) => SIGN_IN_EN[code] ?? errorDetailEn(code, message),
  noKey: (said) => `Your signer has no key ready, so you are not signed in.${noKeyTailEn(said)}`,
  signedInAs: 'Signed in as',
  accountKey: (shortKey: string) => `Account ${shortKey}`,
  via: (kind: string) => `through ${kind}`,
  kindExtension: 'your browser extension',
  kindRemote: 'your remote signer',
  kindInjected: 'this site',
  signOut: 'Sign out',
  signedOut: 'Signed out. Your records were closed, and this page keeps nothing of yours.',
  accountChanged: stateStringsEn.accountChanged,
  signedOutElsewhere: 'Signed out in another tab or window of this site. Your records here were closed too, and this page keeps nothing of yours.',
  accountChangedElsewhere: 'Your signer is now using another account (noticed in another tab or window of this site). The records here were closed; sign in to see yours.',
  extensionStillOpen: 'Your signer extension may still be unlocked in this browser: if others use this computer, lock it or close the browser.',
  signIn: 'Sign in with your signer app',
  waitingForRemote: 'Waiting for your remote signer to connect…',
  cancel: 'Cancel',
  asking: 'Your signer will be asked for your public key.',
  connected: 'Signed in.',
  badStorageSettings: stateStringsEn.badStorageSettings,
  cardLost: 'The sign-in could not be loaded. Check your internet connection, then try again.',
  remoteLost: 'The sign-in with your signer app could not be loaded. Check your internet connection, then try again.',
  signerLost: 'Part of this page could not be loaded, so you are not signed in. Check your internet connection, then reload the page.',
  tryAgain: stateStringsEn.tryAgain,
};

/** English at hand; Spanish (session.strings.es.ts) once the page speaks it. */
export const sessionStrings = languageTables(en as SessionBuiltins, { es: () => import('./session.strings.es.js').then((m) => m.sessionStringsEs) });

/**
 * Adds the sign-in card's words to the English table: a new table, so each session resolves its
 * strings again (the host's overrides on top) at its next render.
 */
export function addCardStrings(card: Pick<SessionBuiltins, CardKey>): void {
  const tables = sessionStrings as { en: SessionBuiltins };
  tables.en = { ...tables.en, ...card };
}
