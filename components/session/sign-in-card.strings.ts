/**
 * The session's English words that only its sign-in card says (sign-in-card.ts): the card travels
 * with them, and adds them to the built-in table as it arrives (addCardStrings). A page whose host
 * hands the session its signer never shows the card, so never fetches them. A host's override of
 * any of them wins as it always did; the Spanish pack holds them with the rest.
 */
import type { CardKey, SessionBuiltins } from './session.strings.js';

export const cardStringsEn: Pick<SessionBuiltins, CardKey> = {
  useExtension: 'Use my browser extension',
  noExtension: 'No signer was found: add a signer extension to this browser, or connect a remote signer below.',
  remoteTitle: 'Use a remote signer',
  bunkerLabel: 'Remote signer address (bunker://…)',
  secretRemoved: 'For your safety, the one-time secret was taken out of the address: copy the address again from your signer app.',
  bunkerHelp: 'Your remote signer app shows this address. Never paste your private key (nsec) here or anywhere else.',
  connect: 'Connect',
  showCode: 'Show a code for my signer app',
  neverNsec: 'That is a private key (nsec). Never share it; it was not stored or sent.',
  noExtensionInFrame: 'No signer extension answered in this frame: open this page in a tab of its own, or connect a remote signer below.',
};
