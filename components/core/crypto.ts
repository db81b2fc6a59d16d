/**
 * NIP-44 v2 through nostr-tools, with the kit's size policy and the checks the audit asks of
 * callers: validate public keys before ECDH, bound payload sizes before decrypting, and never let
 * a library exception escape as anything but a typed error.
 */
import { getConversationKey, encrypt, decrypt, v2 } from 'nostr-tools/nip44';
import { getPublicKey as publicKeyOf } from 'nostr-tools/pure';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { RecordError } from './errors.js';
import { isHex64, utf8Length } from './events.js';

/**
 * The largest NIP-44 plaintext the kit writes by default: 65,535 bytes, the limit before the
 * 2026 extension, which deployed signers and readers still enforce. Larger payloads are split
 * into record parts instead.
 */
export const INTEROP_MAX_PLAINTEXT = 65535;

/** Size policy for NIP-44 payloads. */
export interface Nip44Policy {
  /** Largest plaintext, in UTF-8 bytes, to encrypt or accept. Default {@link INTEROP_MAX_PLAINTEXT}. */
  maxPlaintextBytes?: number;
}

/** Base64 length of a NIP-44 v2 payload for a plaintext of `bytes` bytes. */
export function nip44PayloadLength(bytes: number): number {
  const prefix = bytes < 65536 ? 2 : 6;
  const raw = 1 + 32 + prefix + v2.utils.calcPaddedLen(bytes) + 32;
  return 4 * Math.ceil(raw / 3);
}

/** A NIP-44 conversation key between a secret key and a public key, after checking the point. */
export function conversationKey(secretKey: Uint8Array, publicKeyHex: string): Uint8Array {
  if (!isHex64(publicKeyHex)) throw new RecordError('bad-key', 'A public key is not 64 hex characters.');
  try {
    return getConversationKey(secretKey, publicKeyHex);
  } catch (cause) {
    throw new RecordError('bad-key', 'A public key is not a point on the curve.', { cause });
  }
}

/**
 * Encrypts under a conversation key, refusing plaintexts above the policy's limit. `nonce` is
 * for reproducing published test vectors only; leave it out to get a fresh random nonce.
 */
export function nip44Encrypt(plaintext: string, key: Uint8Array, policy: Nip44Policy = {}, nonce?: Uint8Array): string {
  const max = policy.maxPlaintextBytes ?? INTEROP_MAX_PLAINTEXT;
  const bytes = utf8Length(plaintext);
  if (bytes === 0) throw new RecordError('invalid-input', 'Nothing to encrypt.');
  if (bytes > max) throw new RecordError('too-large', `The payload is ${bytes} bytes; the limit is ${max}.`);
  return encrypt(plaintext, key, nonce);
}

/** Decrypts a NIP-44 v2 payload; any failure is a `decrypt-failed` RecordError. */
export function nip44Decrypt(payload: string, key: Uint8Array, policy: Nip44Policy = {}): string {
  const max = policy.maxPlaintextBytes ?? INTEROP_MAX_PLAINTEXT;
  if (typeof payload !== 'string' || payload.length < 132) {
    throw new RecordError('decrypt-failed', 'The encrypted payload is too short.');
  }
  if (payload[0] === '#') throw new RecordError('unsupported', 'The payload uses an unknown encryption version.');
  if (payload.length > nip44PayloadLength(max)) {
    throw new RecordError('too-large', 'The encrypted payload is larger than the size policy allows.');
  }
  try {
    return decrypt(payload, key);
  } catch (cause) {
    throw new RecordError('decrypt-failed', 'The payload could not be decrypted with this key.', { cause });
  }
}

/**
 * Parses decrypted key material: exactly 64 lowercase hex characters naming a valid secp256k1
 * scalar. Returns fresh bytes the caller owns (and should wipe).
 */
export function parseSecretKeyHex(text: string): Uint8Array {
  if (!isHex64(text)) throw new RecordError('bad-key', 'The shared key is not 64 lowercase hex characters.');
  const bytes = hexToBytes(text);
  if (!secp256k1.utils.isValidSecretKey(bytes)) {
    bytes.fill(0);
    throw new RecordError('bad-key', 'The shared key is not a valid secret key.');
  }
  return bytes;
}

/** The x-only public key (hex) of a secret key. */
export function publicKeyHex(secretKey: Uint8Array): string {
  return publicKeyOf(secretKey);
}

/** Lowercase hex of a secret key, for encrypting it into a key tag; the string lives only briefly. */
export function secretKeyHex(secretKey: Uint8Array): string {
  let out = '';
  for (const b of secretKey) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Overwrites key bytes with zeros. Best effort: JavaScript cannot promise no copies remain. */
export function wipe(...keys: (Uint8Array | undefined)[]): void {
  for (const k of keys) k?.fill(0);
}
