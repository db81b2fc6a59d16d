/**
 * The consent history: every share, approval, denial, revocation and end date the reader's
 * records and consent messages show, each saying whether it is in force now. Derived afresh from
 * what the store holds, so a fresh page (another device) shows the same history as the session
 * that made it; revocations of records that carry no grant note are known to the session alone.
 */
import type { ConsentMessage } from '../nip82/requests.js';
import { grantEnd, periodDay, periodEnd } from '../nip82/grant.js';
import { shareOpen, shareSince, type ShareCopy } from './share-copies.js';

/** One moment of the consent history. */
export interface ConsentEvent {
  kind: 'shared' | 'approved' | 'denied' | 'revoked' | 'ended';
  /** The other person (public key). */
  who: string;
  /** When it happened, in seconds. */
  at: number;
  /** Last day of access, YYYY-MM-DD, for a grant. */
  until?: string;
  /** Kinds of items granted (FHIR resource types): those an answer names, or a share carries. */
  types?: string[];
  purpose?: string;
  /** The record it concerns (sign public key), when known. */
  record?: string;
  /** For a share or an approval: whether it still gives access now. */
  inForce: boolean;
  /** In force only because it was not revoked: its end date has passed, and the share can still be opened. */
  overdue?: true;
}

export interface HistoryInput {
  reader?: string;
  shares: readonly ShareCopy[];
  messages: readonly ConsentMessage[];
  /** Events only this session knows (revocations of records without a grant note). */
  session: readonly ConsentEvent[];
  now: Date;
}

/** The consent history from a store's shares and messages, newest first (see {@link RecordStore.history}). */
export function consentHistory(input: HistoryInput): ConsentEvent[] {
  const events: ConsentEvent[] = [];
  const answers = input.messages.filter((m) => m.from === input.reader && (m.status === 'active' || m.status === 'rejected'));
  const byNaddr = new Map<string, ShareCopy>();
  for (const share of input.shares) for (const naddr of share.record.naddrs) byNaddr.set(naddr, share);
  const answered = new Set<ShareCopy>();
  const now = Math.floor(input.now.getTime() / 1000);

  for (const answer of answers) {
    const share = answer.records.map((n) => byNaddr.get(n)).find((s): s is ShareCopy => !!s);
    if (share) answered.add(share);
    const end = answer.period?.end;
    // The day the patient was shown (their calendar), not the UTC day of the requester's moment.
    const until = periodDay(end) || undefined;
    const ends = end ? periodEnd(end) : undefined;
    events.push({
      kind: answer.status === 'active' ? 'approved' : 'denied',
      who: answer.requester,
      at: answer.createdAt,
      ...(until && answer.status === 'active' ? { until } : {}),
      types: [...answer.resourceTypes],
      ...(answer.purpose ? { purpose: answer.purpose } : {}),
      ...(share ? { record: share.record.signPubkey } : {}),
      inForce: answer.status === 'active' && (share ? shareOpen(share) : ends === undefined || now < ends),
      ...(answer.status === 'active' && share?.status === 'overdue' ? { overdue: true as const } : {}),
    });
  }
  for (const share of input.shares) {
    const { grant, record } = share;
    if (!answered.has(share)) {
      events.push({
        kind: 'shared', who: grant.recipient, at: shareSince(share), record: record.signPubkey, inForce: shareOpen(share), types: [...share.types],
        ...(share.status === 'overdue' ? { overdue: true as const } : {}),
        ...(grant.until ? { until: grant.until } : {}), ...(grant.purpose ? { purpose: grant.purpose } : {}),
      });
    }
    if (share.status === 'revoked') events.push({ kind: 'revoked', who: grant.recipient, at: record.createdAt, record: record.signPubkey, inForce: false });
    const end = grantEnd(grant);
    if ((share.status === 'ended' || share.status === 'overdue') && grant.until && end !== undefined) {
      // Its last second, so the day shown is the last day (the patient's midnight is the next one's).
      events.push({ kind: 'ended', who: grant.recipient, at: end - 1, until: grant.until, record: record.signPubkey, inForce: false });
    }
  }
  for (const e of input.session) {
    if (!events.some((k) => k.kind === e.kind && k.who === e.who && k.record === e.record)) events.push({ ...e });
  }
  return events.sort((a, b) => b.at - a.at);
}


