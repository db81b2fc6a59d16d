/**
 * NIP-44 v2 with the kit's size policy and the checks the audit asks of callers: validate public
 * keys before ECDH, bound payload sizes before decrypting, and never let a library exception escape
 * as anything but a typed error.
 *
 * The cryptography is the libraries': nostr-tools' conversation key and padding, @noble/ciphers'
 * ChaCha20 and @noble/hashes' HKDF and HMAC-SHA256, put together as nostr-tools' own `encrypt` /
 * `decrypt` do. Only the base64 differs: the platform's native one (./base64.ts), since the pure
 * JavaScript one nostr-tools uses was half the time of a large record where there is no built-in.
 * The official NIP-44 vectors (test/core/nip44-vectors.test.ts in the browser, test/node in Node)
 * hold both paths to the specification.
 */
import { getConversationKey, v2 } from 'nostr-tools/nip44';
import { getPublicKey as publicKeyOf } from 'nostr-tools/pure';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { chacha20 } from '@noble/ciphers/chacha.js';
import { equalBytes } from '@noble/ciphers/utils.js';
import { expand as hkdfExpand } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import { fromBase64, toBase64 } from './base64.js';
import { RecordError } from './errors.js';
import { isHex64, utf8Length } from './events.js';

const VERSION = 2;

/** NIP-44 v2 message keys: HKDF-expand of the conversation key with the nonce. */
function messageKeys(key: Uint8Array, nonce: Uint8Array) {
  const keys = hkdfExpand(sha256, key, nonce, 76);
  return { chachaKey: keys.subarray(0, 32), chachaNonce: keys.subarray(32, 44), hmacKey: keys.subarray(44, 76) };
}

/** HMAC-SHA256 over nonce || ciphertext, fed in two pieces rather than copied into one. */
function mac(hmacKey: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  return hmac.create(sha256, hmacKey).update(nonce).update(ciphertext).digest();
}

function encrypt(plaintext: string, key: Uint8Array, nonce: Uint8Array = randomBytes(32)): string {
  if (nonce.length !== 32) throw new Error('The nonce must be 32 bytes.');
  const { chachaKey, chachaNonce, hmacKey } = messageKeys(key, nonce);
  // The padded plaintext is a fresh buffer of ours: encrypt it in place rather than into a copy.
  const padded = v2.utils.pad(plaintext);
  const ciphertext = chacha20(chachaKey, chachaNonce, padded, padded);
  const out = new Uint8Array(1 + 32 + ciphertext.length + 32);
  out[0] = VERSION;
  out.set(nonce, 1);
  out.set(ciphertext, 33);
  out.set(mac(hmacKey, nonce, ciphertext), 33 + ciphertext.length);
  return toBase64(out);
}

function decrypt(payload: string, key: Uint8Array): string {
  const data = fromBase64(payload);
  if (data.length < 99) throw new Error('invalid data length');
  if (data[0] !== VERSION) throw new Error(`unknown encryption version ${data[0]}`);
  const nonce = data.subarray(1, 33);
  // A copy that starts on a 4-byte boundary: ChaCha20 works a word at a time only on aligned
  // buffers, and byte by byte (twice the time) on the view at offset 33. It is then decrypted in place.
  const ciphertext = data.slice(33, -32);
  const { chachaKey, chachaNonce, hmacKey } = messageKeys(key, nonce);
  if (!equalBytes(mac(hmacKey, nonce, ciphertext), data.subarray(-32))) throw new Error('invalid MAC');
  return v2.utils.unpad(chacha20(chachaKey, chachaNonce, ciphertext, ciphertext));
}

/**
 * The largest NIP-44 plaintext the kit writes by default: 65,535 bytes, the limit before the
 * 2026 extension, which deployed signers and readers still enforce. Larger payloads are split
 * into record parts instead.
 */
export const INTEROP_MAX_PLAINTEXT = 65535;

/**
 * Length of the shortest NIP-44 v2 payload in base64: version, nonce, the smallest padded
 * plaintext with its length, MAC (99 bytes). Anything shorter is not a payload at all.
 */
export const NIP44_MIN_PAYLOAD_CHARS = 132;

/**
 * The largest record content the kit reads: as much as fits in the longest storage-server message
 * it reads at all (512 K characters of base64, see relay/limits.ts), so nothing a read can bring
 * is refused for its size. Another app may write one part above {@link INTEROP_MAX_PLAINTEXT} in
 * NIP-44's longer form (a 4-byte length); the kit still writes no more than that.
 */
export const READ_MAX_PLAINTEXT = 384 * 1024;

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

/**
 * Keys are bytes, never text: a hex or nsec string (or a short key) is refused as a bad key before
 * any use, and the message names only what was expected, never what was given.
 */
function keyBytes(key: unknown, what: string): void {
  if (!(key instanceof Uint8Array) || key.length !== 32) throw new RecordError('bad-key', `${what} must be 32 bytes (a Uint8Array), not text.`);
}

/** A NIP-44 conversation key between a secret key and a public key, after checking the point. */
export function conversationKey(secretKey: Uint8Array, publicKeyHex: string): Uint8Array {
  keyBytes(secretKey, 'A secret key');
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
  keyBytes(key, 'A conversation key');
  if (bytes === 0) throw new RecordError('invalid-input', 'Nothing to encrypt.');
  if (bytes > max) throw new RecordError('too-large', `The payload is ${bytes} bytes; the limit is ${max}.`);
  return encrypt(plaintext, key, nonce);
}

/** Decrypts a NIP-44 v2 payload; any failure is a `decrypt-failed` RecordError. */
export function nip44Decrypt(payload: string, key: Uint8Array, policy: Nip44Policy = {}): string {
  keyBytes(key, 'A conversation key');
  const max = policy.maxPlaintextBytes ?? INTEROP_MAX_PLAINTEXT;
  if (typeof payload !== 'string' || payload.length < NIP44_MIN_PAYLOAD_CHARS) {
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
 * Parses decrypted key material: exactly 64 hex characters naming a valid secp256k1 scalar.
 * Another app may write the hex in capitals (the key is the same): it is read in either case;
 * the kit itself writes lowercase. Returns fresh bytes the caller owns (and should wipe).
 */
export function parseSecretKeyHex(text: string): Uint8Array {
  const hex = typeof text === 'string' ? text.toLowerCase() : '';
  if (!isHex64(hex)) throw new RecordError('bad-key', 'The shared key is not 64 hex characters.');
  const bytes = hexToBytes(hex);
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

/** Overwrites key bytes with zeros. Best effort: JavaScript cannot promise no copies remain. */
export function wipe(...keys: (Uint8Array | undefined)[]): void {
  for (const k of keys) k?.fill(0);
}
