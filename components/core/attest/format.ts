/**
 * How an attestation travels in a FHIR R4 Bundle: `Provenance` resources whose `signature` holds
 * the author's signed Nostr event (base64 JSON) and whose `target`s are the attested entries,
 * each target carrying its leaf position, salt, and either its digest (in the attested record
 * itself) or the hashes along its path to the root (in a share). Written strictly, read strictly:
 * anything malformed is ignored, and an item it claims to cover is then simply not attested.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { fromBase64 } from '../base64.js';
import { RecordError } from '../errors.js';
import { type NostrEvent, isHex64, verifiedEvent } from '../events.js';
import type { FhirResource } from '../fhir/types.js';
import { atOnce } from '../slices.js';
import { DIGEST_BYTES, MAX_DEPTH, MIN_DEPTH, SALT_BYTES } from './merkle.js';

/** Kind of the signed attestation event. It is never published alone: it lives inside encrypted records. */
export const ATTESTATION_KIND = 1082;
/** `Signature.sigFormat` of a signature that is a signed Nostr event. */
export const NOSTR_SIG_FORMAT = 'application/nostr+json';
/** Extension on each `Provenance.target`: where the entry sits in the tree and how to check it. */
export const LEAF_EXTENSION = 'urn:nip82:attestation:leaf';
/** Extension on an attested record's own `Provenance`: the padding seed and the number of entries. */
export const TREE_EXTENSION = 'urn:nip82:attestation:tree';

/** What the signer meant: "I wrote these" (a clinic, a vet) or "I passed these on" (a patient's share). */
export type AttestationRole = 'author' | 'sharer';

/** One target as read: an entry's leaf, and how to check it. */
export interface LeafClaim {
  reference: string;
  index: number;
  salt: Uint8Array;
  /** Record form: the digest itself. */
  digest?: Uint8Array;
  /** Share form: sibling hashes from the leaf up (depth × 32 bytes). */
  path?: Uint8Array;
}

/** A signed attestation event, checked. */
export interface AttestationEvent {
  event: NostrEvent;
  attester: string;
  signedAt: number;
  root: Uint8Array;
  depth: number;
  role: AttestationRole;
}

/** One attestation Provenance as read. */
export interface AttestationProvenance {
  attestation: AttestationEvent;
  /** Present on the attested record's own Provenances. */
  tree?: { seed: Uint8Array; count: number };
  leaves: LeafClaim[];
}

// ---------------------------------------------------------------------------------------------
// Bytes

/** A `base64Binary` value of `length` bytes (any, when not given); undefined unless it is canonical base64 within bounds. */
function bytesOf(text: unknown, length?: number): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length > 65536) return undefined;
  try {
    const out = fromBase64(text);
    return length === undefined || out.length === length ? out : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** True for a Provenance that carries a Nostr-signed attestation (shown as provenance, not as an item). */
export function isAttestation(resource: FhirResource | undefined): boolean {
  return resource?.resourceType === 'Provenance' && list(resource.signature).some((s) => isObject(s) && s.sigFormat === NOSTR_SIG_FORMAT);
}

/** Signed events already read, by the exact `Signature.data` text (many Provenances repeat one). */
const eventMemo = new Map<string, AttestationEvent | null>();
const MAX_MEMO = 1000;

/** Forgets every attestation event read: they come from the records a user opened. */
export function forgetAttestationEvents(): void {
  eventMemo.clear();
}

/** How many attestation events read are remembered. */
export function attestationEventCount(): number {
  return eventMemo.size;
}

/** The signed attestation event of a `Signature.data`, verified; undefined when anything is off. */
export function readAttestationEvent(data: unknown): AttestationEvent | undefined {
  if (typeof data !== 'string' || data.length > 8192) return undefined;
  const known = eventMemo.get(data);
  if (known !== undefined) return known ?? undefined;
  let result: AttestationEvent | null = null;
  try {
    const bytes = bytesOf(data);
    if (!bytes) throw new RecordError('malformed', 'Not base64.');
    const event = verifiedEvent(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    const tag = (name: string) => event.tags.find((t) => t[0] === name)?.[1];
    const depth = Number(tag('depth'));
    const root = tag('root');
    const role = tag('role');
    if (
      event.kind === ATTESTATION_KIND && tag('alg') === 'sha-256' && Number.isInteger(depth) && depth >= MIN_DEPTH && depth <= MAX_DEPTH &&
      isHex64(root) && (role === 'author' || role === 'sharer')
    ) {
      result = { event, attester: event.pubkey, signedAt: event.created_at, root: hexToBytes(root), depth, role };
    }
  } catch {
    result = null;
  }
  if (eventMemo.size >= MAX_MEMO) eventMemo.delete(eventMemo.keys().next().value!);
  eventMemo.set(data, result);
  return result ?? undefined;
}

function subValue(ext: unknown, url: string): unknown {
  const sub = list(isObject(ext) ? ext.extension : undefined).find((x) => isObject(x) && x.url === url) as Json | undefined;
  return sub ? sub.valueUnsignedInt ?? sub.valueBase64Binary : undefined;
}

/** Reads an attestation Provenance; undefined when its signature or shape does not hold. */
export function readProvenance(resource: FhirResource): AttestationProvenance | undefined {
  return atOnce(readingProvenance(resource));
}

/** Targets read between two steps of {@link readingProvenance}. */
const TARGETS_PER_STEP = 32;

/**
 * {@link readProvenance} as steps, for a caller that runs it in slices: an attested record's own
 * Provenance names every entry, thousands of targets each with a salt and a digest to decode.
 */
/** The signed attestation event a Provenance carries, as written (unchecked). */
export function signatureData(resource: FhirResource): unknown {
  return (list(resource.signature).find((s) => isObject(s) && s.sigFormat === NOSTR_SIG_FORMAT) as Json | undefined)?.data;
}

export function* readingProvenance(resource: FhirResource): Generator<void, AttestationProvenance | undefined, void> {
  const attestation = readAttestationEvent(signatureData(resource));
  if (!attestation) return undefined;
  const size = 2 ** attestation.depth;
  let tree: AttestationProvenance['tree'];
  const treeExt = list(resource.extension).find((e) => isObject(e) && e.url === TREE_EXTENSION);
  if (treeExt) {
    const seed = bytesOf(subValue(treeExt, 'seed'), 32);
    const count = subValue(treeExt, 'count');
    if (!seed || !Number.isSafeInteger(count) || (count as number) < 0 || (count as number) > size) return undefined;
    tree = { seed, count: count as number };
  }
  const leaves: LeafClaim[] = [];
  let read = 0;
  for (const target of list(resource.target)) {
    if (++read % TARGETS_PER_STEP === 0) yield;
    if (!isObject(target) || typeof target.reference !== 'string') continue;
    const ext = list(target.extension).find((e) => isObject(e) && e.url === LEAF_EXTENSION);
    if (!ext) continue;
    const index = subValue(ext, 'index');
    const salt = bytesOf(subValue(ext, 'salt'), SALT_BYTES);
    if (!Number.isSafeInteger(index) || (index as number) < 0 || (index as number) >= size || !salt) continue;
    const digest = tree ? bytesOf(subValue(ext, 'digest'), DIGEST_BYTES) : undefined;
    const path = tree ? undefined : bytesOf(subValue(ext, 'path'), attestation.depth * DIGEST_BYTES);
    if (!digest && !path) continue;
    leaves.push({ reference: target.reference, index: index as number, salt, digest, path });
  }
  return { attestation, tree, leaves };
}
