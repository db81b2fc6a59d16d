/**
 * Event shapes and the checks every event passes before the core trusts a byte of it.
 */
import { getEventHash } from 'nostr-tools/pure';
import { schnorr } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { RecordError } from './errors.js';

/** A signed Nostr event (NIP-01). */
export interface NostrEvent {
  id: string;
  pubkey: string;
  created_at: number;
  kind: number;
  tags: string[][];
  content: string;
  sig: string;
}

/** What a signer is asked to sign. */
export interface EventTemplate {
  kind: number;
  created_at: number;
  tags: string[][];
  content: string;
}

/** An event with an id and author but no signature (a NIP-59 rumor). */
export interface UnsignedEvent extends EventTemplate {
  id: string;
  pubkey: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
const HEX128 = /^[0-9a-f]{128}$/;

/** True for a 32-byte lowercase hex string (an event id or a public key). */
export function isHex64(value: unknown): value is string {
  return typeof value === 'string' && HEX64.test(value);
}

/** Current time in NIP-01 seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * The last second a date can be written in four-digit years (9999-12-31T23:59:59Z). A signed time
 * past it is a valid number, but no date a browser, FHIR or a person can read.
 */
export const LAST_EVENT_TIME = 253_402_300_799;

/** A signed event time every reader can show as a date: whole seconds from 1970 to the year 9999. */
export function isEventTime(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= LAST_EVENT_TIME;
}

/**
 * Checks an untrusted value is shaped like a signed event and copies exactly its seven fields.
 * The copy matters: nostr-tools caches a verification result on the object it was handed, and a
 * host could hand over an object already marked as verified.
 */
export function cleanEvent(value: unknown): NostrEvent {
  if (typeof value !== 'object' || value === null) throw new RecordError('malformed', 'Not an event.');
  const v = value as Record<string, unknown>;
  if (!isHex64(v.id) || !isHex64(v.pubkey) || typeof v.sig !== 'string' || !HEX128.test(v.sig)) {
    throw new RecordError('malformed', 'The event has no valid id, author or signature.');
  }
  if (!Number.isSafeInteger(v.kind) || (v.kind as number) < 0 || (v.kind as number) > 65535) {
    throw new RecordError('malformed', 'The event kind is not a number in range.');
  }
  if (!isEventTime(v.created_at)) {
    throw new RecordError('malformed', 'The event time is not a date between 1970 and the year 9999.');
  }
  if (typeof v.content !== 'string') throw new RecordError('malformed', 'The event content is not text.');
  if (!Array.isArray(v.tags) || !v.tags.every((t) => Array.isArray(t) && t.every((x) => typeof x === 'string'))) {
    throw new RecordError('malformed', 'The event tags are not lists of strings.');
  }
  return {
    id: v.id,
    pubkey: v.pubkey,
    created_at: v.created_at as number,
    kind: v.kind as number,
    tags: (v.tags as string[][]).map((t) => [...t]),
    content: v.content,
    sig: v.sig,
  };
}

/**
 * Signatures already checked, by event id. The id is the hash of every other field, so an event
 * whose recomputed hash equals a remembered id and carries the remembered signature is the same
 * event: the costly Schnorr check is skipped, the cheap hash never is.
 */
const checkedSignatures = new Map<string, string>();
const MAX_CHECKED = 20000;

/** Forgets every signature checked: their ids tell which events (records, their parts) a user opened. */
export function forgetCheckedSignatures(): void {
  checkedSignatures.clear();
}

/** How many checked signatures are remembered. */
export function checkedSignatureCount(): number {
  return checkedSignatures.size;
}

/**
 * A whole-event check (id and signature) a host chose over the JavaScript one: the WASM verifier
 * of ./wasm-verifier.ts, once a host opts in. Undefined: the JavaScript check below.
 */
let eventCheck: ((event: NostrEvent) => boolean) | undefined;

/** Installs a whole-event check in place of the JavaScript one, or with undefined goes back to it. */
export function setEventCheck(check: ((event: NostrEvent) => boolean) | undefined): void {
  eventCheck = check;
}

/** The id is the event's hash and the Schnorr signature over it holds: each computed once. */
function jsEventCheck(event: NostrEvent): boolean {
  if (getEventHash(event) !== event.id) return false;
  try {
    return schnorr.verify(hexToBytes(event.sig), hexToBytes(event.id), hexToBytes(event.pubkey));
  } catch {
    return false;
  }
}

/** True when the event's id is the hash of its fields and its signature verifies (memoised). */
export function hasValidSignature(event: NostrEvent): boolean {
  const { id, pubkey, created_at, kind, tags, content, sig } = event;
  if (checkedSignatures.get(id) === sig) return getEventHash(event) === id;
  // A fresh seven-field object: nothing the caller attached (a cached "verified" mark) carries over.
  const fresh = { id, pubkey, created_at, kind, tags, content, sig };
  if (!(eventCheck ?? jsEventCheck)(fresh)) return false;
  if (checkedSignatures.size >= MAX_CHECKED) checkedSignatures.delete(checkedSignatures.keys().next().value!);
  checkedSignatures.set(id, sig);
  return true;
}

/** Shape-checks and verifies the id and Schnorr signature of an untrusted event. */
export function verifiedEvent(value: unknown): NostrEvent {
  const event = cleanEvent(value);
  if (!hasValidSignature(event)) throw new RecordError('bad-signature', 'The event signature does not verify.');
  return event;
}

/** True when `value` is a well-formed event whose id and signature verify. */
export function isValidSignedEvent(value: unknown): value is NostrEvent {
  try {
    verifiedEvent(value);
    return true;
  } catch {
    return false;
  }
}

/** Computes the NIP-01 id of an unsigned event. */
export function eventHash(event: Omit<UnsignedEvent, 'id'>): string {
  return getEventHash(event);
}

/** The first value of the first tag named `name`. */
export function tagValue(event: { tags: string[][] }, name: string): string | undefined {
  return event.tags.find((t) => t[0] === name)?.[1];
}

/** Byte length of an event as JSON on the wire. */
export function eventBytes(event: unknown): number {
  return utf8Length(JSON.stringify(event));
}

const encoder = new TextEncoder();
/** UTF-8 byte length of a string. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
