/**
 * A stand-in NIP-07 browser extension (`window.nostr`) for the stories, backed by a demo signer.
 * Install it from a story's `beforeEach`; the returned function removes it again.
 */
import type { Nip07Provider } from '../../components/core/signers/nip07.js';
import { demoSigner } from './signers.js';

type Host = { nostr?: Nip07Provider };

/** `key` answers as the demo patient; `refuses` rejects like an extension whose user said no; `hangs` never answers. */
export function installExtension(kind: 'key' | 'refuses' | 'hangs'): () => void {
  const signer = demoSigner('patient');
  const no = () => Promise.reject(new Error('User rejected the request.'));
  const never = <T>() => new Promise<T>(() => undefined);
  const provider: Nip07Provider =
    kind === 'key'
      ? {
          getPublicKey: () => signer.getPublicKey(),
          signEvent: (t) => signer.signEvent(t),
          nip44: { encrypt: (p, x) => signer.nip44Encrypt(p, x), decrypt: (p, c) => signer.nip44Decrypt(p, c) },
        }
      : kind === 'refuses'
        ? { getPublicKey: no, signEvent: no, nip44: { encrypt: no, decrypt: no } }
        : { getPublicKey: never, signEvent: never, nip44: { encrypt: never, decrypt: never } };
  const host = globalThis as Host;
  const before = host.nostr;
  host.nostr = provider;
  return () => {
    if (before) host.nostr = before;
    else delete host.nostr;
  };
}
