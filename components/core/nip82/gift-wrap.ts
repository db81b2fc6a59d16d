/**
 * NIP-59 gift wraps composed through a {@link Signer}: the user's key stays in their signer, so
 * the seal is encrypted and signed by it, and only the outer wrap uses a one-time local key.
 */
import { finalizeEvent, generateSecretKey, verifyEvent } from 'nostr-tools/pure';
import { RecordError, SignerError, safeCause } from '../errors.js';
import { type NostrEvent, type UnsignedEvent, cleanEvent, eventBytes, eventHash, isEventTime, isHex64, nowSeconds } from '../events.js';
import { NIP44_MIN_PAYLOAD_CHARS, conversationKey, nip44Encrypt, wipe } from '../crypto.js';
import { type Signer, signChecked } from '../signers/signer.js';
import { DEFAULT_MAX_EVENT_BYTES, GIFT_WRAP_KIND, SEAL_KIND } from './constants.js';

export { GIFT_WRAP_KIND, SEAL_KIND } from './constants.js';
const TWO_DAYS = 2 * 24 * 60 * 60;

/** What to send: an unsigned event (the rumor) without its author, which the signer supplies. */
export interface RumorTemplate {
  kind: number;
  tags: string[][];
  content: string;
  created_at?: number;
}

/** A gift wrap opened by its recipient. */
export interface Unwrapped {
  /** The rumor: authored by `sender`, unsigned, with a checked id. */
  rumor: UnsignedEvent;
  /** Who sealed it (the seal's verified signer, equal to the rumor's author). */
  sender: string;
  /** Id of the wrap it came in. */
  wrapId: string;
}

function randomPast(now: number): number {
  return now - Math.floor(Math.random() * TWO_DAYS);
}

/** Builds the rumor for `template` as authored by `pubkey`. */
export function makeRumor(template: RumorTemplate, pubkey: string): UnsignedEvent {
  const base = { kind: template.kind, tags: template.tags, content: template.content, created_at: template.created_at ?? nowSeconds(), pubkey };
  return { ...base, id: eventHash(base) };
}

/** What {@link giftWrap} asks of the signer for `recipients`: a lock and a signature per recipient, the wraps signed by keys of their own. */
export function signerCallsToWrap(recipients: readonly string[]): number {
  return 2 * new Set(recipients).size;
}

/**
 * Gift-wraps `rumor` for each recipient: one wrap each, seals encrypted and signed by `signer`
 * (two signer calls per recipient), wraps signed by one-time keys. Seal and wrap times are
 * randomised up to two days into the past, as NIP-59 asks.
 */
export async function giftWrap(
  signer: Signer,
  rumor: UnsignedEvent,
  recipients: readonly string[],
  options: { maxEventBytes?: number } = {},
): Promise<NostrEvent[]> {
  const max = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  const rumorJson = JSON.stringify(rumor);
  const wraps: NostrEvent[] = [];
  for (const recipient of new Set(recipients)) {
    if (!isHex64(recipient)) throw new RecordError('invalid-input', 'A recipient public key is not 64 lowercase hex characters.');
    let sealed: string;
    try {
      sealed = await signer.nip44Encrypt(recipient, rumorJson);
    } catch (cause) {
      throw new RecordError('signer', cause instanceof SignerError ? cause.message : 'The signer could not encrypt the message.', { cause: safeCause(cause) });
    }
    const now = nowSeconds();
    const seal = await signChecked(signer, { kind: SEAL_KIND, created_at: randomPast(now), tags: [], content: sealed }).catch((cause) => {
      throw new RecordError('signer', cause instanceof SignerError ? cause.message : 'The signer could not sign the seal.', { cause: safeCause(cause) });
    });
    const ephemeral = generateSecretKey();
    const conv = conversationKey(ephemeral, recipient);
    try {
      const wrap = finalizeEvent(
        { kind: GIFT_WRAP_KIND, created_at: randomPast(now), tags: [['p', recipient]], content: nip44Encrypt(JSON.stringify(seal), conv) },
        ephemeral,
      ) as NostrEvent;
      if (eventBytes(wrap) > max) throw new RecordError('too-large', `The message is too large to send in one gift wrap (${eventBytes(wrap)} bytes; the budget is ${max}).`);
      wraps.push(wrap);
    } finally {
      wipe(ephemeral, conv);
    }
  }
  return wraps;
}

/**
 * Opens a gift wrap addressed to `signer`'s user (two signer calls). Verifies the wrap and the
 * seal, and that the rumor's author is the seal's signer. Throws a {@link RecordError}.
 */
export async function unwrapGift(wrapInput: unknown, signer: Pick<Signer, 'nip44Decrypt'>): Promise<Unwrapped> {
  const wrap = cleanEvent(wrapInput);
  if (wrap.kind !== GIFT_WRAP_KIND) throw new RecordError('unsupported', 'Not a gift wrap.');
  if (!verifyEvent({ ...wrap })) throw new RecordError('bad-signature', 'The gift wrap signature does not verify.');
  const sealJson = await decryptWithSigner(signer, wrap.pubkey, wrap.content);
  const seal = cleanEvent(parseJson(sealJson, 'seal'));
  if (seal.kind !== SEAL_KIND) throw new RecordError('malformed', 'The gift wrap does not hold a seal.');
  if (!verifyEvent({ ...seal })) throw new RecordError('bad-signature', 'The seal signature does not verify.');
  const rumorJson = await decryptWithSigner(signer, seal.pubkey, seal.content);
  const raw = parseJson(rumorJson, 'message') as Record<string, unknown>;
  if (!raw || typeof raw !== 'object' || typeof raw.content !== 'string' || !Array.isArray(raw.tags) || !Number.isSafeInteger(raw.kind) || !isEventTime(raw.created_at)) {
    throw new RecordError('malformed', 'The sealed message is not an event.');
  }
  if (raw.pubkey !== seal.pubkey) throw new RecordError('bad-signature', 'The sealed message claims another author than the one who sealed it.');
  const tags = (raw.tags as unknown[]).filter((t): t is string[] => Array.isArray(t) && t.every((x) => typeof x === 'string'));
  const base = { kind: raw.kind as number, tags, content: raw.content, created_at: raw.created_at as number, pubkey: seal.pubkey };
  const id = eventHash(base);
  if (raw.id !== undefined && raw.id !== id) throw new RecordError('malformed', 'The sealed message id does not match its content.');
  return { rumor: { ...base, id }, sender: seal.pubkey, wrapId: wrap.id };
}

async function decryptWithSigner(signer: Pick<Signer, 'nip44Decrypt'>, peer: string, payload: string): Promise<string> {
  if (payload.length < NIP44_MIN_PAYLOAD_CHARS) throw new RecordError('decrypt-failed', 'The encrypted payload is too short.');
  try {
    return await signer.nip44Decrypt(peer, payload);
  } catch (cause) {
    if (cause instanceof SignerError && cause.code !== 'failed') throw new RecordError('signer', cause.message, { cause });
    throw new RecordError('decrypt-failed', 'This message could not be decrypted with your key.', { cause: safeCause(cause) });
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // No cause: the parser's message quotes the start of the decrypted text.
    throw new RecordError('malformed', `The ${what} is not JSON.`);
  }
}

/**
 * Unwraps many wraps, keeping the ones that open and counting the rest (never throws for bad wraps).
 * `stillCurrent`, when given, is asked before every signer call: once it says false, nothing more
 * is decrypted and what was opened so far comes back with `stopped`, for the caller to drop. Asked
 * between the two decrypts of a wrap too, since a sign-out may come at its first prompt: the
 * signer must not prompt the next person at the screen for the last one's mail.
 */
export async function unwrapMany(
  wraps: readonly unknown[],
  signer: Signer,
  options: { stillCurrent?: () => boolean } = {},
): Promise<{ opened: Unwrapped[]; failed: RecordError[]; stopped: boolean }> {
  const opened: Unwrapped[] = [];
  const failed: RecordError[] = [];
  const current = options.stillCurrent ?? (() => true);
  const asked: Pick<Signer, 'nip44Decrypt'> = {
    nip44Decrypt: (pubkey, ciphertext) => (current() ? signer.nip44Decrypt(pubkey, ciphertext) : Promise.reject(new SignerError('failed', 'The read is no longer current.'))),
  };
  for (const w of wraps) {
    if (!current()) return { opened, failed, stopped: true };
    try {
      opened.push(await unwrapGift(w, asked));
    } catch (error) {
      // The refusal of a signer that was no longer asked is no failure of the wrap.
      if (!current()) return { opened, failed, stopped: true };
      if (error instanceof RecordError && error.code === 'signer' && (error.cause as SignerError)?.code !== 'failed') throw error;
      failed.push(error instanceof RecordError ? error : new RecordError('malformed', 'A message could not be read.'));
    }
  }
  return { opened, failed, stopped: false };
}
