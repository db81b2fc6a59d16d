/**
 * Reading the decrypted pieces of one record: the inner kind-82 event of each part, the key tags
 * an editor decrypts (roles and the view key), the editor note, and the parts' Bundles merged.
 */
import { RecordError } from '../errors.js';
import { type NostrEvent, isEventTime, isHex64 } from '../events.js';
import { READ_MAX_PLAINTEXT, conversationKey, nip44Decrypt, parseSecretKeyHex, publicKeyHex, wipe } from '../crypto.js';
import { timeSlicer } from '../slices.js';
import { readBundle } from '../fhir/bundle.js';
import type { BundleEntry, FhirBundle } from '../fhir/types.js';
import { MEDICAL_DATA_KIND } from './constants.js';
import { innerSignatureHolds } from './inner-signature.js';
import { MAX_PARTS, boundAddress } from './parts.js';
import { MAX_EDITOR_NOTE, type Participant } from './record-types.js';

/** NIP-44 base64 grows text by about 4/3: a payload longer than twice a maximal note is not read. */
const MAX_EDITOR_NOTE_PAYLOAD = MAX_EDITOR_NOTE * 2;

/** One part as its inner kind 82 tells it, once decrypted. */
export interface InnerPart {
  index: number;
  total: number;
  inner: string;
  author: string;
  verified: boolean;
  subject?: string;
  bundle: FhirBundle;
  event: NostrEvent;
  /** The record part address the inner event names, if any. */
  bound?: string;
  /** The inner event's `created_at`: when the author signed it. */
  signedAt: number;
}

/** The editor note of a record (editors only), when it carries one that decrypts; never throws. */
export function readEditorNote(event: NostrEvent, signKey: Uint8Array, author: string): string | undefined {
  const tag = event.tags.find((t) => t[0] === 'editor-note');
  if (!tag || typeof tag[1] !== 'string' || tag[1].length > MAX_EDITOR_NOTE_PAYLOAD) return undefined;
  let conv: Uint8Array | undefined;
  try {
    conv = conversationKey(signKey, author);
    const text = nip44Decrypt(tag[1], conv);
    return text.length <= MAX_EDITOR_NOTE ? text : undefined;
  } catch {
    return undefined;
  } finally {
    wipe(conv);
  }
}

/** An editor decrypts every key tag: the roles, and the view key (at most one distinct). */
export async function readParticipants(event: NostrEvent, signKey: Uint8Array): Promise<{ participants: Participant[]; viewKey?: Uint8Array; unreadable: number }> {
  const signPubkey = event.pubkey;
  const participants: Participant[] = [];
  let viewKey: Uint8Array | undefined;
  let viewPub: string | undefined;
  let unreadable = 0;
  // One key exchange per tag (their number is capped): in slices, so the page stays responsive.
  const pause = timeSlicer();
  for (const t of event.tags) {
    if (t[0] !== 'key') continue;
    await pause();
    let conv: Uint8Array | undefined;
    let secret: Uint8Array;
    try {
      conv = conversationKey(signKey, t[1]!);
      secret = parseSecretKeyHex(nip44Decrypt(t[2]!, conv).trim());
    } catch {
      unreadable++; // gives that person no access; counted so no change silently drops them
      continue;
    } finally {
      wipe(conv);
    }
    const pub = publicKeyHex(secret);
    if (pub === signPubkey) {
      participants.push({ pubkey: t[1]!, role: 'editor' });
      wipe(secret);
    } else {
      if (viewPub && viewPub !== pub) {
        wipe(secret, viewKey);
        throw new RecordError('malformed', 'This record hands out more than one view key.');
      }
      if (!viewKey) {
        viewKey = secret;
        viewPub = pub;
      } else wipe(secret);
      participants.push({ pubkey: t[1]!, role: 'viewer' });
    }
  }
  return { participants: dedupeParticipants(participants), viewKey, unreadable };
}

/** One entry per person: an editor's key tag wins over a viewer's. */
function dedupeParticipants(list: Participant[]): Participant[] {
  const map = new Map<string, Participant>();
  for (const p of list) if (!map.has(p.pubkey) || p.role === 'editor') map.set(p.pubkey, p);
  return [...map.values()];
}

/** Decrypts one part and reads its inner kind 82 (part number, author, subject, Bundle); refuses (`malformed`) anything else. */
export function readInner(event: NostrEvent, contentKey: Uint8Array): InnerPart {
  // Read in the longer form too (another app's large part); the kit writes at most 65,535 bytes.
  const text = nip44Decrypt(event.content, contentKey, { maxPlaintextBytes: READ_MAX_PLAINTEXT });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // No cause: the parser's message quotes the start of the decrypted text.
    throw new RecordError('malformed', 'The record content is not a JSON event.');
  }
  const inner = parsed as Record<string, unknown>;
  if (!inner || typeof inner !== 'object' || inner.kind !== MEDICAL_DATA_KIND) {
    throw new RecordError('malformed', 'The record does not contain a kind-82 medical data event.');
  }
  if (!isHex64(inner.pubkey) || typeof inner.content !== 'string' || !Array.isArray(inner.tags)) {
    throw new RecordError('malformed', 'The inner medical data event is incomplete.');
  }
  const verified = innerSignatureHolds(inner, event);
  const tags = (inner.tags as unknown[]).filter((t): t is string[] => Array.isArray(t) && t.every((x) => typeof x === 'string'));
  const part = tags.find((t) => t[0] === 'part');
  const index = part ? Number(part[1]) : 1;
  const total = part ? Number(part[2]) : 1;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(total) || index < 1 || total < index || total > MAX_PARTS) {
    throw new RecordError('malformed', 'The part numbering of this record is invalid.');
  }
  const subject = tags.find((t) => t[0] === 'p' && isHex64(t[1]))?.[1];
  // A signing time no one can read as a date is not shown rather than the record refused.
  const signedAt = isEventTime(inner.created_at) ? inner.created_at : 0;
  return { index, total, inner: text, author: inner.pubkey, verified, subject, bundle: readBundle(inner.content), event, bound: boundAddress(tags), signedAt };
}

/** The parts' Bundles as one: the first part's fields, each entry once (by `fullUrl`). */
export function mergeBundles(bundles: FhirBundle[]): FhirBundle {
  const seen = new Set<string>();
  const entry: BundleEntry[] = [];
  for (const b of bundles) {
    for (const e of b.entry ?? []) {
      const key = e.fullUrl ?? '';
      if (key && seen.has(key)) continue;
      seen.add(key);
      entry.push(e);
    }
  }
  return { ...bundles[0]!, entry };
}
