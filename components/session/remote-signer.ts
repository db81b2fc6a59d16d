/**
 * The remote-signer half of the session (NIP-46 and the nostrconnect:// QR code), loaded only when
 * the user chooses a remote signer: most pages sign in with an extension or a host signer and never
 * pay for it.
 */
import { generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';

export { bunkerSigner, nostrConnect } from '../core/signers/bunker.js';

/** The QR code of `text` as an SVG path and its size in modules. */
export function qrPath(text: string): { size: number; path: string } {
  const code = generate(text);
  return { size: code.size, path: toSvgPath(code) };
}
