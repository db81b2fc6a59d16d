/**
 * A signer held to the user records were opened for (record-store.ts), for changing records handed
 * in: only the access list asks for it, so a page that only reads records does not download it.
 */
import type { Signer } from '../signers/signer.js';
import { assertOpenedFor } from './record-store.js';

/**
 * `signer`, used only while it answers as `reader`, the user the records were opened for: its
 * first call asks the key, and another key is `wrong-reader` before anything is signed or
 * encrypted (`account-changed` when it no longer answers as `signedIn`: see {@link assertOpenedFor}).
 * For records handed in, which have no store to ask: a change that needs no signature asks nothing.
 */
export function signerAsReader(signer: Signer, reader: string, signedIn?: string): Signer {
  let checked: Promise<string> | undefined;
  const key = () => (checked ??= signer.getPublicKey().then((me) => {
    assertOpenedFor([{ reader }], me, signedIn);
    return me;
  }));
  return {
    getPublicKey: key,
    signEvent: async (template) => (await key(), signer.signEvent(template)),
    nip44Encrypt: async (pubkey, plaintext) => (await key(), signer.nip44Encrypt(pubkey, plaintext)),
    nip44Decrypt: async (pubkey, ciphertext) => (await key(), signer.nip44Decrypt(pubkey, ciphertext)),
  };
}
