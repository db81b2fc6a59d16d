/**
 * The parts of the hash tree (merkle.ts) that only writing an attestation needs: where each entry's
 * digest goes, the whole tree, and each entry's path. Apart from merkle.ts, so that a page that
 * only reads records, which checks paths but never builds a tree, does not download them.
 */
import { RecordError } from '../errors.js';
import { atOnce } from '../slices.js';
import { DIGEST_BYTES, MAX_DEPTH, MIN_DEPTH, leafRowInSteps, treeLevelsInSteps } from './merkle.js';

/** The depth of the tree for `count` entries: the next power of two, at least {@link MIN_DEPTH}. */
export function depthFor(count: number): number {
  let depth = MIN_DEPTH;
  while (2 ** depth < count) depth++;
  if (depth > MAX_DEPTH) throw new RecordError('too-large', `A record of ${count} entries is more than one attestation covers.`);
  return depth;
}

/** Random distinct leaf positions for `count` entries in a tree of `depth` (a partial Fisher–Yates shuffle). */
export function randomPositions(count: number, depth: number): number[] {
  const size = 2 ** depth;
  const slots = new Uint32Array(size);
  for (let i = 0; i < size; i++) slots[i] = i;
  const random = new Uint32Array(count);
  crypto.getRandomValues(random);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + (random[i]! % (size - i));
    const t = slots[i]!;
    slots[i] = slots[j]!;
    slots[j] = t;
    out.push(slots[i]!);
  }
  return out;
}

/** Every level of the tree, leaves first; `leaves` must hold 2^depth digests. */
export function treeLevels(leaves: Uint8Array[]): Uint8Array[][] {
  return atOnce(treeLevelsInSteps(leaves));
}

/** The full leaf row: digests at their positions, padding everywhere else. */
export function leafRow(depth: number, seed: Uint8Array, digests: ReadonlyMap<number, Uint8Array>): Uint8Array[] {
  return atOnce(leafRowInSteps(depth, seed, digests));
}

/** The siblings from leaf `index` up to the root, concatenated (depth × 32 bytes). */
export function pathOf(levels: Uint8Array[][], index: number): Uint8Array {
  const depth = levels.length - 1;
  const path = new Uint8Array(depth * DIGEST_BYTES);
  let i = index;
  for (let level = 0; level < depth; level++) {
    path.set(levels[level]![i ^ 1]!, level * DIGEST_BYTES);
    i >>= 1;
  }
  return path;
}
