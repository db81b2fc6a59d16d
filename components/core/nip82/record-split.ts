/**
 * How a Bundle's entries are packed into record parts whose events fit a relay's size budget.
 * Sizes are predicted, not measured (nothing is encrypted or signed yet): from each entry's escaped
 * JSON length, the NIP-44 padding, and the tags around the content.
 */
import { RecordError } from '../errors.js';
import { utf8Length } from '../events.js';
import { INTEROP_MAX_PLAINTEXT, nip44PayloadLength } from '../crypto.js';
import type { BundleEntry, FhirBundle } from '../fhir/types.js';
import { MEDICAL_DATA_KIND, RECORD_KIND } from './constants.js';
import { MAX_KEY_TAGS, PART_ID_BYTES } from './parts.js';
import { MOVE_TAG_BYTES } from './moves.js';
import type { Participant } from './record-types.js';

/** A public or secret key as hex. */
const KEY_HEX_CHARS = 64;
/** A Schnorr signature as hex. */
const SIGNATURE_HEX_CHARS = 128;
/**
 * The record event's JSON around its content and people's tags: field names, id, pubkey, sig,
 * kind, created_at and the `d` tag, with room to spare.
 */
const OUTER_EVENT_BYTES = 420;
/**
 * Room for what the empty inner event below understates: a real `created_at` has ten digits, not
 * one, and part numbers can run longer than four.
 */
const INNER_SLACK_BYTES = 16;
/** An `editor-note` tag around its encrypted note: `,["editor-note",""]`. */
const NOTE_TAG_FRAME_BYTES = 20;
/**
 * Step by which the plaintext budget is lowered until its NIP-44 payload fits the event: small
 * beside the padding of large payloads, and a part wastes less than this.
 */
const PLAINTEXT_STEP_BYTES = 256;
/** Added to an entry's doubly escaped JSON, whose two quotes already outweigh the comma between entries: a margin. */
const ENTRY_MARGIN_BYTES = 2;

/**
 * Packs a Bundle's entries into parts whose events fit `maxEventBytes`. Each part's size is
 * predicted from the entry's escaped JSON length, the NIP-44 padding and the tags' size.
 */
export function splitEntries(bundle: FhirBundle, participants: Participant[], maxEventBytes: number, moves = 0, noteBytes = 0): BundleEntry[][] {
  const entries = bundle.entry ?? [];
  if (participants.length > MAX_KEY_TAGS) {
    throw new RecordError('too-large', `Too many participants: a record can list at most ${MAX_KEY_TAGS} people, and this one lists ${participants.length}.`);
  }
  const budgetFor = partBudget(bundle, participants, maxEventBytes, moves, noteBytes);
  const budget = budgetFor(participants.length);
  const largest = Math.max(1, ...entries.map(entryCost));
  if (largest > budget) explainTooLarge(budgetFor, largest, participants.length, maxEventBytes);
  return packEntries(entries, budget);
}

/**
 * The bytes of entries one part can hold, for a record listing `people` people: what is left of the
 * event once the tags around the content, the inner kind 82 around the Bundle and the NIP-44
 * padding are counted. Per-part overhead: the event around the content (participants' p and key
 * tags, id, sig, d, move proofs), and the inner kind 82 around the Bundle JSON (tags, signature,
 * the Bundle's own fields).
 */
function partBudget(bundle: FhirBundle, participants: Participant[], maxEventBytes: number, moves: number, noteBytes: number): (people: number) => number {
  const keyTagLength = nip44PayloadLength(KEY_HEX_CHARS);
  const tagsBytes = utf8Length(JSON.stringify(participants.flatMap((p) => [['p', p.pubkey, p.relay ?? ''], ['key', p.pubkey, 'x'.repeat(keyTagLength)]])));
  const perParticipant = tagsBytes / Math.max(1, participants.length);
  const key = 'x'.repeat(KEY_HEX_CHARS);
  const emptyInner = JSON.stringify({
    kind: MEDICAL_DATA_KIND, created_at: 0, tags: [['p', key], ['part', '9999', '9999'], ['a', `${RECORD_KIND}:${key}:${'x'.repeat(PART_ID_BYTES * 2)}`]], content: JSON.stringify({ ...bundle, entry: [] }),
    pubkey: key, id: key, sig: 'x'.repeat(SIGNATURE_HEX_CHARS),
  });
  const innerOverhead = utf8Length(emptyInner) + INNER_SLACK_BYTES;
  // An editor note (a share's list of what it hides, up to 16,000 characters) rides, encrypted, on every part.
  const noteTag = noteBytes > 0 ? nip44PayloadLength(noteBytes) + NOTE_TAG_FRAME_BYTES : 0;
  return (people: number): number => {
    const outerOverhead = OUTER_EVENT_BYTES + Math.ceil(people * perParticipant) + moves * MOVE_TAG_BYTES + noteTag;
    let maxInner = INTEROP_MAX_PLAINTEXT;
    while (maxInner > 0 && outerOverhead + nip44PayloadLength(maxInner) > maxEventBytes) maxInner -= PLAINTEXT_STEP_BYTES;
    return maxInner - innerOverhead;
  };
}

/**
 * When the largest entry does not fit a part, says what is wrong: often it is not the data but the
 * key tags of too many people, or a budget too small for any record. (An entry too large on its
 * own is named by {@link packEntries}.)
 */
function explainTooLarge(budgetFor: (people: number) => number, largest: number, people: number, maxEventBytes: number): void {
  let fit = people - 1;
  while (fit >= 1 && budgetFor(fit) < largest) fit--;
  if (fit >= 1) {
    throw new RecordError('too-large', `Too many participants for the relays' event size: with events of at most ${maxEventBytes} bytes, a record holding this data can list at most ${fit} people, and this one lists ${people}.`);
  }
  if (budgetFor(people) <= 0) throw new RecordError('too-large', 'The event size budget is too small for even an empty record with these participants.');
}

/** Fills parts in entry order, each up to `budget` bytes; refuses an entry that fits no part. */
function packEntries(entries: readonly BundleEntry[], budget: number): BundleEntry[][] {
  const groups: BundleEntry[][] = [];
  let current: BundleEntry[] = [];
  let used = 0;
  for (const entry of entries) {
    const cost = entryCost(entry);
    if (cost > budget) {
      throw new RecordError('too-large', `One ${entry.resource.resourceType} is too large to fit in any record part (${cost} bytes).`);
    }
    if (used + cost > budget && current.length > 0) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(entry);
    used += cost;
  }
  groups.push(current);
  return groups;
}

/** Bytes an entry takes in a part: its JSON, escaped once more inside the inner event's content. */
function entryCost(entry: BundleEntry): number {
  return utf8Length(JSON.stringify(JSON.stringify(entry))) + ENTRY_MARGIN_BYTES;
}
