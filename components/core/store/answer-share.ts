/**
 * What became of an approval: the shares it granted, and whether its access was revoked since. Read
 * by the answer prompt's history, apart from history.ts so that pages that never show it do not
 * carry it.
 */
import type { ConsentMessage } from '../nip82/requests.js';
import type { ShareCopy } from './share-copies.js';

/**
 * The shares an approval granted, among `shares` (by the addresses the answer names): one per record
 * it gave; none for a denial, or shares not loaded. Their status says whether the approval still gives access.
 */
export function sharesOfAnswer(answer: ConsentMessage, shares: readonly ShareCopy[]): ShareCopy[] {
  if (answer.status !== 'active') return [];
  const named = new Set(answer.records);
  return shares.filter((s) => s.record.naddrs.some((n) => named.has(n)));
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
