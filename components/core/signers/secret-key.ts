/**
 * A {@link Signer} over a secret key held in memory, for tests, benchmarks and the demo's
 * labelled demo identities. Real users sign with an extension or a remote signer.
 */
import { finalizeEvent, getPublicKey } from 'nostr-tools/pure';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { NostrEvent } from '../events.js';
import { SignerError } from '../errors.js';
import { conversationKey, nip44Decrypt, nip44Encrypt } from '../crypto.js';
import type { Signer } from './signer.js';

/** A secret-key signer that can also forget its key. */
export interface SecretKeySigner extends Signer {
  /** Overwrites the key; every later call rejects. */
  forget(): void;
}

/** A signer over `secretKey` (copied; the caller may wipe its own bytes). */
export function secretKeySigner(secretKey: Uint8Array): SecretKeySigner {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== 32 || !secp256k1.utils.isValidSecretKey(secretKey)) {
    throw new SignerError('bad-response', 'A secret key must be 32 bytes naming a valid secp256k1 scalar.');
  }
  const key = Uint8Array.from(secretKey);
  const pubkey = getPublicKey(key);
  const conversations = new Map<string, Uint8Array>();
  let forgotten = false;
  const live = () => {
    if (forgotten) throw new SignerError('absent', 'This signer has been signed out.');
  };
  // NIP-44 as a signer does it: no size policy of the kit's (callers apply theirs), the kit's fast path.
  const anySize = { maxPlaintextBytes: 2 ** 32 - 1 };
  const conv = (peer: string) => {
    let k = conversations.get(peer);
    if (!k) {
      k = conversationKey(key, peer);
      conversations.set(peer, k);
    }
    return k;
  };
  return {
    async getPublicKey() {
      live();
      return pubkey;
    },
    async signEvent(template) {
      live();
      return finalizeEvent({ ...template, tags: template.tags.map((t) => [...t]) }, key) as NostrEvent;
    },
    async nip44Encrypt(peer, plaintext) {
      live();
      return nip44Encrypt(plaintext, conv(peer), anySize);
    },
    async nip44Decrypt(peer, ciphertext) {
      live();
      try {
        return nip44Decrypt(ciphertext, conv(peer), anySize);
      } catch {
        throw new SignerError('failed', 'The payload could not be decrypted with this key.');
      }
    },
    forget() {
      forgotten = true;
      key.fill(0);
      for (const k of conversations.values()) k.fill(0);
      conversations.clear();
    },
  };
}
