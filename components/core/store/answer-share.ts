/**
 * What became of an approval: the share it granted, and whether its access was revoked since. Read
 * by the answer prompt's history, apart from history.ts so that pages that never show it do not
 * carry it.
 */
import type { ConsentMessage } from '../nip82/requests.js';
import type { ShareCopy } from './share-copies.js';

/**
 * The share an approval granted, among `shares` (by the addresses the answer names); undefined for
 * a denial, or a share not loaded. Its status says whether the approval still gives access.
 */
export function shareOfAnswer(answer: ConsentMessage, shares: readonly ShareCopy[]): ShareCopy | undefined {
  return answer.status === 'active' ? shares.find((s) => s.record.naddrs.some((n) => answer.records.includes(n))) : undefined;
}

/**
 * When a revoked share was revoked, in seconds: the version that took the recipient off (the
 * consent history's `revoked` moment too); undefined for a share not revoked.
 */
export function revokedAt(share: ShareCopy | undefined): number | undefined {
  return share?.status === 'revoked' ? share.record.createdAt : undefined;
}
