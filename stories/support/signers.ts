/**
 * Signers for stories: no relay, no extension, no network. A story names the signer it needs in
 * `parameters.signer`; the global loader makes it and hands it over as `loaded.signer`.
 *
 * - `key`: an in-memory secret-key signer (the demo patient), as tests and demos use;
 * - `refuses`: knows the user but declines every request, as a signer does when the user says no;
 * - `refuses-all`: declines even to say who the user is;
 * - `times-out`: never answers, and the core's own deadline turns that into a timeout;
 * - `hangs`: never answers at all, so the element keeps waiting for the signer;
 * - `none` (the default): no signer.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import type { Loader } from '@storybook/web-components-vite';
import { SignerError } from '../../components/core/errors.js';
import { secretKeySigner, type SecretKeySigner } from '../../components/core/signers/secret-key.js';
import { withTimeout, type Signer } from '../../components/core/signers/signer.js';

/** Demo identities (fixed so that every rendering shows the same keys). Never real people. */
export const DEMO_KEYS = {
  patient: '7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f',
  clinician: '3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c',
  family: '5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a',
} as const;

export type DemoPerson = keyof typeof DEMO_KEYS;

export type SignerKind = 'none' | 'key' | 'refuses' | 'refuses-all' | 'times-out' | 'hangs';

/** How long the `times-out` signer takes to time out (short, so stories settle quickly). */
export const TIMEOUT_MS = 300;

export function demoSigner(who: DemoPerson = 'patient'): SecretKeySigner {
  return secretKeySigner(hexToBytes(DEMO_KEYS[who]));
}

/** The people of one story: a signer for each demo person. */
export type Cast = Record<DemoPerson, SecretKeySigner>;

/** The demo people, with their fixed keys. */
export function demoCast(): Cast {
  return { patient: demoSigner('patient'), clinician: demoSigner('clinician'), family: demoSigner('family') };
}

/**
 * The same roles with new random keys. Stories on a shared relay use them: with the fixed keys a
 * story would find what other stories (or earlier runs of itself) published there.
 */
export function freshCast(): Cast {
  const fresh = () => secretKeySigner(crypto.getRandomValues(new Uint8Array(32)));
  return { patient: fresh(), clinician: fresh(), family: fresh() };
}

const never = <T>() => new Promise<T>(() => undefined);

/** Declines every request; knows the user's public key unless `all`. */
export function refusingSigner(base: Signer, all = false): Signer & { asked: string[] } {
  const asked: string[] = [];
  const refuse = (what: string) => {
    asked.push(what);
    return Promise.reject(new SignerError('refused', `The user declined to ${what} in their signer.`));
  };
  return {
    asked,
    getPublicKey: () => (all ? refuse('share their public key') : base.getPublicKey()),
    signEvent: () => refuse('sign'),
    nip44Encrypt: () => refuse('encrypt'),
    nip44Decrypt: () => refuse('decrypt'),
  };
}

/** Never answers; every call fails after `ms` with the core's timeout error. */
export function timingOutSigner(ms = TIMEOUT_MS): Signer {
  return {
    getPublicKey: () => withTimeout(never<string>(), ms, 'get the public key'),
    signEvent: () => withTimeout(never(), ms, 'sign'),
    nip44Encrypt: () => withTimeout(never<string>(), ms, 'encrypt'),
    nip44Decrypt: () => withTimeout(never<string>(), ms, 'decrypt'),
  };
}

/** Never answers anything. */
export function hangingSigner(): Signer & { asked: string[] } {
  const asked: string[] = [];
  const hang = <T>(what: string) => {
    asked.push(what);
    return never<T>();
  };
  return {
    asked,
    getPublicKey: () => hang<string>('getPublicKey'),
    signEvent: () => hang('signEvent'),
    nip44Encrypt: () => hang<string>('nip44Encrypt'),
    nip44Decrypt: () => hang<string>('nip44Decrypt'),
  };
}

export function makeSigner(kind: SignerKind, who: DemoPerson = 'patient'): Signer | undefined {
  switch (kind) {
    case 'key':
      return demoSigner(who);
    case 'refuses':
      return refusingSigner(demoSigner(who));
    case 'refuses-all':
      return refusingSigner(demoSigner(who), true);
    case 'times-out':
      return timingOutSigner();
    case 'hangs':
      return hangingSigner();
    case 'none':
      return undefined;
  }
}

/** What the loader hands to every story. */
export interface SignerLoaded {
  signer?: Signer;
  signerKind: SignerKind;
}

/** The global loader: `parameters.signer` (default `none`) becomes `loaded.signer`. */
export const signerLoader: Loader = ({ parameters }): SignerLoaded => {
  const kind = (parameters.signer as SignerKind | undefined) ?? 'none';
  return { signer: makeSigner(kind), signerKind: kind };
};

/** The loader's result, typed, from a story context. */
export function loadedSigner(context: { loaded: Record<string, unknown> }): Signer | undefined {
  return (context.loaded as Partial<SignerLoaded>).signer;
}

/** What a story's own loaders returned, typed by the story. */
export function loaded<T>(context: { loaded: Record<string, unknown> }): T & Partial<SignerLoaded> {
  return context.loaded as T & Partial<SignerLoaded>;
}

/**
 * The patient's signer (by default the demo patient's), except that what `peer` sent cannot be decrypted: the ciphertext
 * reaches the real NIP-44 code damaged, so decryption fails its integrity check, as it does for a
 * key wrapped wrongly or corrupted on the way.
 */
export function cannotDecryptFrom(peer: string, base: Signer = demoSigner('patient')): Signer {
  return {
    getPublicKey: () => base.getPublicKey(),
    signEvent: (t) => base.signEvent(t),
    nip44Encrypt: (p, x) => base.nip44Encrypt(p, x),
    nip44Decrypt: (p, c) => base.nip44Decrypt(p, p === peer ? `${c.slice(0, -8)}AAAAAAA=` : c),
  };
}

/** The patient's signer (by default the demo patient's), except that decrypting waits forever (the user has not answered the prompt). */
export function decryptWaits(base: Signer = demoSigner('patient')): Signer {
  return {
    getPublicKey: () => base.getPublicKey(),
    signEvent: (t) => base.signEvent(t),
    nip44Encrypt: (p, x) => base.nip44Encrypt(p, x),
    nip44Decrypt: () => new Promise<string>(() => undefined),
  };
}
