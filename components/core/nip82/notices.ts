/**
 * The notice an owner sends when a record moves to a new sign key (an editor was removed): a
 * gift-wrapped, owner-signed NIP-17 chat message (kind 14) to every remaining participant, naming
 * the new address. Any Nostr messaging client can show it; the kit reads its `a` tags.
 */
import { naddrEncode } from 'nostr-tools/nip19';
import type { NostrEvent } from '../events.js';
import type { Signer } from '../signers/signer.js';
import { giftWrap, makeRumor } from './gift-wrap.js';
import { RECORD_KIND } from './constants.js';
import type { OpenedRecord, Participant } from './record.js';

/** Kind of a NIP-17 chat message. */
export const CHAT_MESSAGE_KIND = 14;

/** Relay hints written into a notice's `naddr`: enough to find the record, short enough to pass around. */
const MAX_NADDR_RELAYS = 3;

/** Gift-wrapped "this record moved" notices, one per remaining participant other than the sender. */
export async function movedNotices(
  signer: Signer,
  from: OpenedRecord,
  to: OpenedRecord,
  participants: readonly Participant[],
  relays: readonly string[] = [],
): Promise<NostrEvent[]> {
  const me = await signer.getPublicKey();
  const recipients = participants.map((p) => p.pubkey).filter((p) => p !== me);
  if (recipients.length === 0) return [];
  const naddr = naddrEncode({ kind: RECORD_KIND, pubkey: to.signPubkey, identifier: to.identifiers[0]!, relays: [...relays].slice(0, MAX_NADDR_RELAYS) });
  const tags: string[][] = [
    ...to.identifiers.map((d) => ['a', `${RECORD_KIND}:${to.signPubkey}:${d}`, relays[0] ?? '', 'moved-to']),
    ...from.identifiers.map((d) => ['a', `${RECORD_KIND}:${from.signPubkey}:${d}`, relays[0] ?? '', 'moved-from']),
  ];
  const out: NostrEvent[] = [];
  for (const recipient of recipients) {
    const rumor = makeRumor(
      { kind: CHAT_MESSAGE_KIND, tags: [['p', recipient], ...tags], content: `A medical record shared with you has moved to a new address: nostr:${naddr}` },
      me,
    );
    out.push(...(await giftWrap(signer, rumor, [recipient])));
  }
  return out;
}

/** Reads a moved notice: the new record's sign pubkey and the old one, or undefined. */
export function readMovedNotice(rumor: { kind: number; tags: string[][] }): { from: string; to: string } | undefined {
  if (rumor.kind !== CHAT_MESSAGE_KIND) return undefined;
  const pick = (marker: string) => rumor.tags.find((t) => t[0] === 'a' && t[3] === marker)?.[1]?.split(':')[1];
  const to = pick('moved-to');
  const from = pick('moved-from');
  return to && from ? { from, to } : undefined;
}
