/**
 * What became of an approval: the shares it granted, and whether its access was revoked since. Read
 * by the answer prompt's history, apart from history.ts so that pages that never show it do not
 * carry it.
 */
import type { ConsentMessage } from '../nip82/requests.js';
import type { ShareCopy } from './share-copies.js';

/**
 * The shares each approval granted, among `shares` (by the addresses the answer names): one per
 * record it gave, in the order of `shares`; none for a denial, or shares not loaded. Their status
 * says whether the approval still gives access. The list is read once, here, so a history of many
 * answers over many shares is looked up, not each answer against every share; a list that changes
 * later is a new lookup to make (the answer prompt makes one each render).
 */
export function answerShares(shares: readonly ShareCopy[]): (answer: ConsentMessage) => ShareCopy[] {
  const byAddress = new Map<string, number[]>();
  shares.forEach((s, i) => {
    for (const n of s.record.naddrs) {
      const at = byAddress.get(n);
      if (!at) byAddress.set(n, [i]);
      else if (at[at.length - 1] !== i) at.push(i);
    }
  });
  return (answer) => {
    if (answer.status !== 'active') return [];
    const found = new Set<number>();
    for (const n of answer.records ?? []) for (const i of byAddress.get(n) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b).map((i) => shares[i]!);
  };
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
