/**
 * What became of an approval: the shares it granted, and whether its access was revoked since. Read
 * by the answer prompt's history, apart from history.ts so that pages that never show it do not
 * carry it.
 */
import type { ConsentMessage } from '../nip82/requests.js';
import type { ShareCopy } from './share-copies.js';

/**
 * Where each share of a list is, by the addresses of its record: read once per list, so that a
 * history of many answers over many shares is looked up, not each answer against every share. Kept
 * while the list is (a new list each render, and none once the user is gone).
 */
const byAddress = new WeakMap<readonly ShareCopy[], Map<string, number[]>>();

function sharesByAddress(shares: readonly ShareCopy[]): Map<string, number[]> {
  let index = byAddress.get(shares);
  if (!index) {
    index = new Map();
    shares.forEach((s, i) => {
      for (const n of s.record.naddrs) {
        const at = index!.get(n);
        if (!at) index!.set(n, [i]);
        else if (at[at.length - 1] !== i) at.push(i);
      }
    });
    byAddress.set(shares, index);
  }
  return index;
}

/**
 * The shares an approval granted, among `shares` (by the addresses the answer names): one per record
 * it gave, in the order of `shares`; none for a denial, or shares not loaded. Their status says
 * whether the approval still gives access. Asked of every answer in a history, pass the same list
 * each time (not changed in between): it is read once.
 */
export function sharesOfAnswer(answer: ConsentMessage, shares: readonly ShareCopy[]): ShareCopy[] {
  if (answer.status !== 'active' || !shares.length) return [];
  const index = sharesByAddress(shares);
  const found = new Set<number>();
  for (const n of answer.records ?? []) for (const i of index.get(n) ?? []) found.add(i);
  return [...found].sort((a, b) => a - b).map((i) => shares[i]!);
}

/**
 * When the access an approval granted was revoked, in seconds: once every share it made was (the
 * last revoke, the version that took the recipient off the last record); undefined while one of them
 * still gives access, or none is known. A share revoked of two is not a revoked approval.
 */
export function revokedAt(shares: readonly ShareCopy[]): number | undefined {
  if (!shares.length || shares.some((s) => s.status !== 'revoked')) return undefined;
  return Math.max(...shares.map((s) => s.record.createdAt));
}
