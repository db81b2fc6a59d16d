/**
 * Reading and writing FHIR R4 Bundles: strict when writing, lenient when reading (the NIP-82
 * draft's own example puts resources straight into `entry[]`, uses bare-id references and nulls).
 */
import { RecordError } from '../errors.js';
import { atOnce } from '../slices.js';
import type { BundleEntry, FhirBundle, FhirResource } from './types.js';

/** Free text as an R4 string may hold it: other spaces and breaks (no-break space, form feed, line separator) as a plain space. */
export const fhirString = (text: string): string => text.replace(/[^\S \t\r\n]/g, ' ');

/** A random `urn:uuid:` URI. */
export function uuidUrn(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}

/** Deeper than any real FHIR resource; deeper input is refused rather than exhausting the stack. */
const MAX_DEPTH = 64;

/**
 * Sets `out[key]` as the copy's own field, even for the key "__proto__" (JSON text can hold one):
 * set plainly, it would become what the copy inherits from, and its words would read as the
 * record's fields (a concept's text) in the copy alone.
 */
function put(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** Removes `null`s, which FHIR JSON forbids, at any depth. Returns a new value. */
export function withoutNulls<T>(value: T, depth = 0): T {
  if (depth > MAX_DEPTH) throw new RecordError('malformed', 'The FHIR content is nested too deeply.');
  if (Array.isArray(value)) return value.filter((v) => v !== null).map((v) => withoutNulls(v, depth + 1)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) put(out, k, withoutNulls(v, depth + 1));
    return out as T;
  }
  return value;
}

function isResource(value: unknown): value is FhirResource {
  return !!value && typeof value === 'object' && !Array.isArray(value) && typeof (value as FhirResource).resourceType === 'string';
}

/**
 * The same value without `null`s, sharing every part that holds none: only what leads to a null is
 * copied. For a value nobody changes afterwards (a Bundle a page hands in to be shown).
 */
function nullsDropped<T>(value: T, depth = 0): T {
  if (depth > MAX_DEPTH) throw new RecordError('malformed', 'The FHIR content is nested too deeply.');
  if (!value || typeof value !== 'object') return value;
  // A text, number or flag is kept as it is without a call (most of a record's values are), unless
  // it lies deeper than allowed: the call then refuses it, as for any value there.
  const shallow = depth < MAX_DEPTH;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const kept = v === null ? undefined : shallow && typeof v !== 'object' ? v : nullsDropped(v, depth + 1);
      if (!out && (v === null || kept !== v)) out = value.slice(0, i);
      if (out && v !== null) out.push(kept);
    }
    return (out ?? value) as T;
  }
  let out: Record<string, unknown> | undefined;
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j]!;
    const v = source[k];
    const kept = v === null ? undefined : shallow && typeof v !== 'object' ? v : nullsDropped(v, depth + 1);
    if (!out && (v === null || kept !== v)) {
      out = {};
      for (let i = 0; i < j; i++) put(out, keys[i]!, source[keys[i]!]);
    }
    if (out && v !== null) put(out, k, kept);
  }
  return (out ?? value) as T;
}

/** Entries read between two pauses of `readingBundle`. */
const READ_STEP_ENTRIES = 25;

/**
 * Reads an untrusted Bundle (object or JSON text) into conformant R4 shape: every entry has a
 * `resource` and a `fullUrl`, no nulls. Entries that are not resources are dropped.
 * Throws `RecordError('malformed')` when the value is not a Bundle at all.
 */
export function readBundle(value: unknown): FhirBundle {
  return atOnce(readingBundle(value));
}

/**
 * `readBundle` as steps (a pause every few entries), for a caller that spreads a large Bundle over
 * several tasks. With `share`, the result shares every part of `value` that holds no null instead of
 * copying it: for a Bundle that is only read, where the copy would be most of the work.
 */
export function* readingBundle(value: unknown, options: { share?: boolean } = {}): Generator<void, FhirBundle, void> {
  // Text is parsed here into objects nobody else holds: copying them would only make garbage
  // (a whole second copy of a large record, for the collector to sweep while the page renders it).
  const clean = options.share || typeof value === 'string' ? nullsDropped : withoutNulls;
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      // No cause: the parser's message quotes the start of the text.
      throw new RecordError('malformed', 'The record content is not JSON.');
    }
  }
  if (!isResource(parsed) || parsed.resourceType !== 'Bundle') {
    throw new RecordError('malformed', 'The record content is not a FHIR Bundle.');
  }
  // The rest of the Bundle at once, its keys in their order; the entries (the bulk of the work) one by one.
  const source = parsed as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in source) {
    if (!Object.hasOwn(source, k) || source[k] === null) continue;
    put(out, k, k === 'entry' ? undefined : clean(source[k], 1));
  }
  const rawEntries: unknown[] = Array.isArray(source.entry) ? source.entry : [];
  const entry: BundleEntry[] = [];
  for (let i = 0; i < rawEntries.length; i++) {
    if (i > 0 && i % READ_STEP_ENTRIES === 0) yield;
    const item = rawEntries[i];
    if (item === null) continue;
    const raw = clean(item, 2);
    const r = raw as { resource?: unknown; fullUrl?: unknown };
    const resource = isResource(r?.resource) ? r.resource : isResource(raw) ? raw : undefined;
    if (!resource) continue;
    const fullUrl: string = typeof r?.fullUrl === 'string' ? r.fullUrl : resource.id ? `${resource.resourceType}/${resource.id}` : uuidUrn();
    entry.push({ fullUrl, resource });
  }
  out.type = typeof out.type === 'string' ? out.type : 'collection';
  out.entry = entry;
  return out as unknown as FhirBundle;
}

/** The resources of a Bundle, in order. */
export function resourcesOf(bundle: FhirBundle): FhirResource[] {
  return (bundle.entry ?? []).map((e) => e.resource);
}

/** Builds a conformant R4 `collection` Bundle from resources or entries. */
export function createBundle(
  items: readonly (FhirResource | BundleEntry)[],
  options: { identifier?: string; timestamp?: string } = {},
): FhirBundle {
  const entry = items.map((item): BundleEntry => {
    if ('resource' in item && isResource(item.resource)) {
      const e = item as BundleEntry;
      return { fullUrl: e.fullUrl ?? uuidUrn(), resource: withoutNulls(e.resource) };
    }
    const resource = withoutNulls(item as FhirResource);
    return { fullUrl: resource.id ? `urn:uuid:${resource.id}` : uuidUrn(), resource };
  });
  return {
    resourceType: 'Bundle',
    type: 'collection',
    identifier: { system: 'urn:ietf:rfc:3986', value: options.identifier ?? uuidUrn() },
    timestamp: options.timestamp ?? new Date().toISOString(),
    entry,
  };
}

/** Resolves references inside one Bundle: `Type/id`, `urn:uuid:…`, absolute URLs, bare ids and `#contained`. */
export class ReferenceIndex {
  private readonly byKey = new Map<string, FhirResource>();

  /** Indexes every entry of `bundle`; without one, entries are added with `include`. */
  constructor(bundle?: FhirBundle) {
    for (const entry of bundle?.entry ?? []) this.include(entry);
  }

  /** Indexes one more entry (for a caller that builds the index in steps; the first entry for a key wins). */
  include({ fullUrl, resource }: BundleEntry): void {
    if (fullUrl) this.add(fullUrl, resource);
    if (resource.id) {
      this.add(`${resource.resourceType}/${resource.id}`, resource);
      this.add(resource.id, resource);
    }
  }

  private add(key: string, resource: FhirResource): void {
    if (!this.byKey.has(key)) this.byKey.set(key, resource);
  }

  /**
   * The resource a reference points to, if it is in the Bundle. `from` is the resource holding
   * the reference, needed for `#id` references to its contained resources.
   */
  resolve(reference: string | { reference?: string } | undefined, from?: FhirResource): FhirResource | undefined {
    const ref = typeof reference === 'string' ? reference : reference?.reference;
    if (!ref) return undefined;
    if (ref.startsWith('#')) {
      const contained = Array.isArray(from?.contained) ? (from!.contained as unknown[]) : [];
      return contained.filter(isResource).find((r) => r.id === ref.slice(1));
    }
    const direct = this.byKey.get(ref);
    if (direct) return direct;
    const match = /([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/.exec(ref);
    return match ? this.byKey.get(`${match[1]}/${match[2]}`) : undefined;
  }
}
