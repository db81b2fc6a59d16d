/**
 * The digests an attestation signs: one salted SHA-256 per entry (over a random salt and the
 * entry's RFC 8785 canonical JSON), placed at random leaves of a binary hash tree whose unused
 * leaves are pseudo-random padding. The author signs only the tree's root, so a signature stays
 * small whatever the record's size, and each entry can later be shown alone with its salt and the
 * hashes beside its path (SD-JWT's salted-digest idea, with the digest list folded into a tree).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { RecordError } from '../errors.js';
import type { BundleEntry } from '../fhir/types.js';
import { canonicalJson } from './canonical.js';

/** Bytes of a per-entry salt. */
export const SALT_BYTES = 16;
/** Bytes of a digest (SHA-256). */
export const DIGEST_BYTES = 32;
/** The smallest tree: a record of 1 to 16 entries shows as 16 leaves. */
export const MIN_DEPTH = 4;
/** The largest tree (about a million entries): bounds the work a hostile attestation can cause. */
export const MAX_DEPTH = 20;

const encoder = new TextEncoder();

/** The RFC 8785 canonical JSON of what an entry's digest covers: its `fullUrl` and its `resource`. */
export function canonicalEntry(entry: BundleEntry): string {
  let text: string | undefined;
  try {
    text = canonicalJson({ fullUrl: entry.fullUrl, resource: entry.resource });
  } catch (cause) {
    throw new RecordError('malformed', 'An entry cannot be put in canonical JSON (a lone surrogate or a number out of range).', { cause });
  }
  if (text === undefined) throw new RecordError('malformed', 'An entry has no JSON form.');
  return text;
}

/** The UTF-8 bytes of an entry's canonical JSON (worth keeping when one entry is checked against several attestations). */
export function canonicalBytes(entry: BundleEntry): Uint8Array {
  return encoder.encode(canonicalEntry(entry));
}

/** SHA-256(salt ‖ UTF-8 canonical JSON of the entry); `body` may be given as {@link canonicalBytes} already computed. */
export function entryDigest(salt: Uint8Array, entry: BundleEntry, body: Uint8Array = canonicalBytes(entry)): Uint8Array {
  return sha256.create().update(salt).update(body).digest();
}

/** An inner node: SHA-256(left ‖ right). The tree's fixed depth keeps leaves and nodes apart. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(DIGEST_BYTES * 2);
  input.set(left, 0);
  input.set(right, DIGEST_BYTES);
  return sha256(input);
}

/** The padding leaf at `index`: HMAC-SHA256(seed, index), indistinguishable from a digest without the seed. */
export function paddingLeaf(seed: Uint8Array, index: number): Uint8Array {
  const i = new Uint8Array(4);
  new DataView(i.buffer).setUint32(0, index);
  return hmac(sha256, seed, i);
}

/** Hashes between two steps of a tree built in steps (a few hundred microseconds of work). */
const HASHES_PER_STEP = 256;

/** {@link treeLevels} as steps of a few hundred hashes: a tree of 2^15 leaves is about 32,000 of them. */
export function* treeLevelsInSteps(leaves: Uint8Array[]): Generator<void, Uint8Array[][], void> {
  const levels = [leaves];
  while (levels[levels.length - 1]!.length > 1) {
    const below = levels[levels.length - 1]!;
    const level: Uint8Array[] = [];
    for (let i = 0; i < below.length; i += 2) {
      level.push(nodeHash(below[i]!, below[i + 1]!));
      if (level.length % HASHES_PER_STEP === 0) yield;
    }
    levels.push(level);
  }
  return levels;
}

/** {@link leafRow} as steps of a few hundred padding leaves (each an HMAC). */
export function* leafRowInSteps(depth: number, seed: Uint8Array, digests: ReadonlyMap<number, Uint8Array>): Generator<void, Uint8Array[], void> {
  const size = 2 ** depth;
  const row: Uint8Array[] = new Array(size);
  for (let i = 0; i < size; i++) {
    row[i] = digests.get(i) ?? paddingLeaf(seed, i);
    if (i % HASHES_PER_STEP === HASHES_PER_STEP - 1) yield;
  }
  return row;
}

/** The root reached from a leaf at `index` through its path. */
export function rootFromPath(leaf: Uint8Array, index: number, path: Uint8Array): Uint8Array {
  let node = leaf;
  let i = index;
  for (let off = 0; off < path.length; off += DIGEST_BYTES) {
    const sibling = path.subarray(off, off + DIGEST_BYTES);
    node = i & 1 ? nodeHash(sibling, node) : nodeHash(node, sibling);
    i >>= 1;
  }
  return node;
}

/** Constant-length comparison of two digests. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
