/**
 * The session's words for a remote sign-in once the user asks for one (the code to scan or copy,
 * the page a remote signer asks the user to open): they travel with that part (remote-sign-in.ts),
 * so a page whose user signs in through an extension or the host never downloads them. They stay
 * keys of `SessionStrings`, overridden through the session's `.strings` like every other.
 */
import { languageTables } from '../shared/language-packs.js';
import { signerPageStringsEn } from '../shared/action-state-strings.js';
import type { SessionStrings } from './session.strings.js';

/** The keys of `SessionStrings` only a remote sign-in under way shows. */
export type RemoteSignInKey = 'scanCode' | 'copyCode' | 'codeCopied' | 'copyFailed' | 'openInApp' | 'appName' | 'authNeeded' | 'authWait' | 'authOpen' | 'authRefused';
export type RemoteSignInStrings = Pick<SessionStrings, RemoteSignInKey>;

const en: RemoteSignInStrings = {
  scanCode: 'Scan this code with your remote signer app, or copy the text into it:',
  copyCode: 'Copy the code',
  codeCopied: 'Copied. Paste it into your signer app.',
  copyFailed: 'Could not copy here: select the text above and copy it.',
  openInApp: 'Open my signer app on this device',
  appName: 'Medical records',
  // The words the other elements' dialogs say of the same page.
  authNeeded: signerPageStringsEn.signerPage,
  authWait: (minutes: number) => `This page waits up to ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} for you to finish there.`,
  authOpen: signerPageStringsEn.signerPageOpen,
  authRefused: 'Your remote signer asked you to open a page whose address is not a secure (https) one, so it is not shown. Check your signer app instead.',
};

/** English at hand; Spanish (remote-sign-in.strings.es.ts) once the page speaks it. */
export const remoteSignInStrings = languageTables(en, { es: () => import('./remote-sign-in.strings.es.js').then((m) => m.remoteSignInStringsEs) });
