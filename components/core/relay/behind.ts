/**
 * Which relays missed a change: apart from the store, so that only the elements that offer to
 * send it there again download it.
 */
import type { NostrEvent } from '../events.js';
import type { WalkResult } from './client.js';

/**
 * The relays, read to the end by `read`, that did not send every event of a record's current
 * version (`events`) while another relay sent them all, and sent an older version of it: they still
 * serve that to whoever reads them (a change that reached only some relays, one that was away
 * then). Sending the same events there again finishes it; nothing new is signed. None when no
 * relay sent them all (the read did not reach the record). A relay that sent nothing of the record
 * never held it (one added since, or one that dropped it): it serves nothing to anyone.
 */
export function relaysBehind(read: Pick<WalkResult, 'reports' | 'sentBy' | 'signersBy'> | undefined, events: readonly NostrEvent[]): string[] {
  if (!read || read.reports.length < 2 || !events.length) return [];
  const has = (relay: string) => events.every((e) => read.sentBy.get(relay)?.has(e.id));
  if (!read.reports.some((r) => has(r.relay))) return [];
  const holdsSome = (relay: string) => read.signersBy.get(relay)?.has(events[0]!.pubkey);
  return read.reports.filter((r) => r.status === 'complete' && !has(r.relay) && holdsSome(r.relay)).map((r) => r.relay);
}
