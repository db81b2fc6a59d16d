/**
 * Attestation: provenance that survives sharing. When a record is made, its author signs one
 * Nostr event over salted digests of every entry; a share carries, for each entry it keeps, that
 * signature with the entry's salt and path, so the recipient checks each item against whoever
 * attested it, and learns nothing about the entries left out. One signer call per record, whatever
 * its size. Format and worked example: README, "Attestation".
 */
import { RecordError } from '../errors.js';
import type { Signer } from '../signers/signer.js';
import { signChecked } from '../signers/signer.js';
import type { BundleEntry, FhirBundle, FhirResource } from '../fhir/types.js';
import {
  type AttestationEvent,
  type AttestationProvenance,
  type AttestationRole,
  type LeafClaim,
  attestationTemplate,
  isAttestation,
  provenanceResource,
  readProvenance,
} from './format.js';
import {
  SALT_BYTES,
  canonicalBytes,
  depthFor,
  entryDigest,
  leafRow,
  pathOf,
  randomPositions,
  rootFromPath,
  sameBytes,
  treeLevels,
} from './merkle.js';

export { isAttestation, ATTESTATION_KIND, type AttestationRole } from './format.js';

/** An attestation Provenance is kept to about this many bytes by default, so it fits one record part. */
const PROVENANCE_BYTES = 16000;

/** The Provenance size that fits a part of a record whose events may be `maxEventBytes` long. */
export function provenanceBudget(maxEventBytes: number): number {
  // The entry is escaped once inside the inner event and grows by a third under NIP-44's base64.
  return Math.max(1500, Math.min(PROVENANCE_BYTES, Math.floor(maxEventBytes / 4)));
}
/** Attestations read per Bundle; more are ignored (bounds the work a hostile Bundle can cause). */
const MAX_ATTESTATIONS = 32;

/** What a reader can say about one entry. */
export type ItemProvenance =
  /** An author's signature covers the entry as it is. */
  | { status: 'verified'; attester: string; signedAt: number }
  /** An author signed this entry, and it has changed since. */
  | { status: 'changed'; attester: string; signedAt: number }
  /** No author's signature covers it; `addedBy` is whoever passed it on (the sharer), when they signed for it. */
  | { status: 'unattested'; addedBy?: string; signedAt?: number };

/** Per-entry provenance of a Bundle, by `fullUrl`. */
export interface ProvenanceReport {
  items: Map<string, ItemProvenance>;
  /**
   * The attestation the Bundle itself was made with (its signer), when its signature holds;
   * `holds` says its digests add up to what was signed, which can only be known when `complete`
   * (every attested entry at hand: none is while parts of a record are missing).
   */
  sealedBy?: { pubkey: string; signedAt: number; role: AttestationRole; holds: boolean; complete: boolean };
  verified: number;
  changed: number;
  unattested: number;
}

/** Options for {@link attestBundle}. */
export interface AttestOptions {
  /** `created_at` of the signed event. */
  createdAt: number;
  /** `author` (default) for a record one writes, `sharer` for a share one passes on. */
  role?: AttestationRole;
  /** Largest Provenance JSON to write (see {@link provenanceBudget}). */
  maxProvenanceBytes?: number;
}

/** The entries an attestation covers: every entry but attestations themselves. */
function attestable(bundle: FhirBundle): BundleEntry[] {
  return (bundle.entry ?? []).filter((e) => typeof e.fullUrl === 'string' && e.fullUrl && !isAttestation(e.resource));
}

/**
 * Signs `bundle`'s entries with ONE signer call and returns a copy carrying the attestation
 * Provenance(s). Earlier attestations of the record itself are replaced; those carried from
 * other records (a share's) are kept, each still covering what it covered.
 */
export async function attestBundle(bundle: FhirBundle, signer: Signer, options: AttestOptions): Promise<FhirBundle> {
  const kept = (bundle.entry ?? []).filter((e) => !isAttestation(e.resource) || !readProvenance(e.resource)?.tree);
  const entries = attestable({ ...bundle, entry: kept });
  const fullUrls = new Set<string>();
  for (const e of entries) {
    if (fullUrls.has(e.fullUrl!)) throw new RecordError('invalid-input', 'Two entries share one fullUrl; each attested entry needs its own.');
    fullUrls.add(e.fullUrl!);
  }
  const depth = depthFor(entries.length);
  const positions = randomPositions(entries.length, depth);
  const seed = crypto.getRandomValues(new Uint8Array(32));
  const leaves: LeafClaim[] = entries.map((entry, i) => {
    const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
    return { reference: entry.fullUrl!, index: positions[i]!, salt, digest: entryDigest(salt, entry) };
  });
  const levels = treeLevels(leafRow(depth, seed, new Map(leaves.map((l) => [l.index, l.digest!]))));
  const root = levels[levels.length - 1]![0]!;
  const event = await signChecked(signer, attestationTemplate(root, depth, options.role ?? 'author', options.createdAt));
  const provenances = chunkBySize(leaves, depth, options.maxProvenanceBytes).map((part) => provenanceResource(event, options.role ?? 'author', part, { seed, count: entries.length }));
  // First in the Bundle, so that the first part of a large record names its author.
  // First, so the first part names the author; after the Composition of a document, which must lead.
  const head = bundle.type === 'document' && kept[0]?.resource?.resourceType === 'Composition' ? kept.slice(0, 1) : [];
  return { ...bundle, entry: [...head, ...provenances.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })), ...kept.slice(head.length)] };
}

/** Leaves in groups whose Provenance stays near {@link PROVENANCE_BYTES} of JSON. */
function chunkBySize(leaves: readonly LeafClaim[], depth: number, maxBytes = PROVENANCE_BYTES): LeafClaim[][] {
  const out: LeafClaim[][] = [[]];
  let used = 0;
  for (const leaf of leaves) {
    // The target's JSON around its reference, salt and index, plus its digest or its path in base64.
    const cost = 240 + leaf.reference.length + (leaf.path ? Math.ceil((depth * 32) / 3) * 4 : 44);
    // Besides its targets, a Provenance carries the signed event (about 1 KB in base64) and its agent.
    if (used + cost > maxBytes - 1400 && out[out.length - 1]!.length > 0) {
      out.push([]);
      used = 0;
    }
    out[out.length - 1]!.push(leaf);
    used += cost;
  }
  return out;
}

interface Group {
  attestation: AttestationEvent;
  tree?: { seed: Uint8Array; count: number };
  leaves: Map<string, LeafClaim>;
}

/** The attestations of a Bundle, one group per signed event, Provenances of one event merged. */
function groupsOf(bundle: FhirBundle): Group[] {
  const groups = new Map<string, Group>();
  for (const entry of bundle.entry ?? []) {
    if (!isAttestation(entry.resource)) continue;
    const read: AttestationProvenance | undefined = readProvenance(entry.resource);
    if (!read) continue;
    const id = read.attestation.event.id + (read.tree ? ':tree' : ':path');
    let group = groups.get(id);
    if (!group) {
      if (groups.size >= MAX_ATTESTATIONS) continue;
      group = { attestation: read.attestation, tree: read.tree, leaves: new Map() };
      groups.set(id, group);
    }
    // One tree per signed event: a second seed would let leaves be re-placed at will.
    if (read.tree && group.tree && !sameBytes(read.tree.seed, group.tree.seed)) continue;
    for (const leaf of read.leaves) if (!group.leaves.has(leaf.reference)) group.leaves.set(leaf.reference, leaf);
  }
  return [...groups.values()];
}

/** Whether a record-form group's stored digests add up to the signed root (every leaf present, no two at one place). */
function treeHolds(group: Group): boolean {
  const { tree, attestation } = group;
  if (!tree || group.leaves.size !== tree.count) return false;
  const digests = new Map<number, Uint8Array>();
  for (const leaf of group.leaves.values()) {
    if (digests.has(leaf.index)) return false;
    digests.set(leaf.index, leaf.digest!);
  }
  const levels = treeLevels(leafRow(attestation.depth, tree.seed, digests));
  return sameBytes(levels[levels.length - 1]![0]!, attestation.root);
}

interface Finding {
  ok: boolean;
  attestation: AttestationEvent;
}

/**
 * Checks every attestation in a Bundle and gives each entry its verdict: verified (by whom,
 * when), changed after it was signed, or not attested (and who passed it on, when they signed).
 * Never throws: what cannot be read attests nothing.
 */
export function verifyAttestations(bundle: FhirBundle): ProvenanceReport {
  const entries = attestable(bundle);
  const byUrl = new Map(entries.map((e) => [e.fullUrl!, e]));
  const findings = new Map<string, Finding[]>();
  const note = (url: string, finding: Finding) => {
    const list = findings.get(url) ?? [];
    list.push(finding);
    findings.set(url, list);
  };
  // Each entry is put in canonical form once, however many attestations name it.
  const bodies = new Map<string, Uint8Array | null>();
  const digest = (leaf: LeafClaim, entry: BundleEntry): Uint8Array | undefined => {
    let body = bodies.get(leaf.reference);
    if (body === undefined) {
      try {
        body = canonicalBytes(entry);
      } catch {
        body = null;
      }
      bodies.set(leaf.reference, body);
    }
    return body ? entryDigest(leaf.salt, entry, body) : undefined;
  };
  let sealedBy: ProvenanceReport['sealedBy'];
  // A record-form tree bigger than the Bundle could justify is not rebuilt (bounded work).
  const maxLeaves = Math.max(16, 2 * entries.length);
  for (const group of groupsOf(bundle)) {
    const { attestation } = group;
    if (group.tree) {
      const complete = group.leaves.size === group.tree.count;
      const seal = { pubkey: attestation.attester, signedAt: attestation.signedAt, role: attestation.role, holds: false, complete };
      if (!sealedBy || sealedBy.signedAt < seal.signedAt) sealedBy = seal;
      if (2 ** attestation.depth > maxLeaves) continue;
      // Without every leaf (a missing part) the root cannot be rebuilt: nothing is claimed either way.
      if (!complete) continue;
      const holds = treeHolds(group);
      // The Bundle's own signature holds only when every entry it covers is as it was signed.
      let allMatch = true;
      for (const leaf of group.leaves.values()) {
        const entry = byUrl.get(leaf.reference);
        const found = entry ? digest(leaf, entry) : undefined;
        const ok = holds && !!found && sameBytes(found, leaf.digest!);
        if (!ok) allMatch = false;
        if (entry) note(leaf.reference, { ok, attestation });
      }
      seal.holds = holds && allMatch;
    } else {
      for (const leaf of group.leaves.values()) {
        const entry = byUrl.get(leaf.reference);
        if (!entry) continue;
        const found = digest(leaf, entry);
        note(leaf.reference, { ok: !!found && sameBytes(rootFromPath(found, leaf.index, leaf.path!), attestation.root), attestation });
      }
    }
  }
  const items = new Map<string, ItemProvenance>();
  const report: ProvenanceReport = { items, sealedBy, verified: 0, changed: 0, unattested: 0 };
  for (const entry of entries) {
    const verdict = verdictOf(findings.get(entry.fullUrl!) ?? []);
    items.set(entry.fullUrl!, verdict);
    report[verdict.status]++;
  }
  return report;
}

/** A change caught by an author wins; then the earliest author's signature; then the sharer's. */
function verdictOf(found: Finding[]): ItemProvenance {
  const authors = found.filter((f) => f.attestation.role === 'author').sort((a, b) => a.attestation.signedAt - b.attestation.signedAt);
  const broken = authors.find((f) => !f.ok);
  if (broken) return { status: 'changed', attester: broken.attestation.attester, signedAt: broken.attestation.signedAt };
  const good = authors.find((f) => f.ok);
  if (good) return { status: 'verified', attester: good.attestation.attester, signedAt: good.attestation.signedAt };
  const sharer = found.find((f) => f.attestation.role === 'sharer' && f.ok);
  return sharer ? { status: 'unattested', addedBy: sharer.attestation.attester, signedAt: sharer.attestation.signedAt } : { status: 'unattested' };
}

/**
 * For a share: the attestations covering `shared` entries in the `sources` Bundles, re-issued in
 * share form (each entry's salt, position and path; no seed, no count, nothing about the other
 * entries). Only authors' attestations whose signature holds are carried.
 */
export function discloseEntries(sources: readonly FhirBundle[], shared: readonly BundleEntry[], options: { maxProvenanceBytes?: number } = {}): BundleEntry[] {
  const wanted = new Set(shared.map((e) => e.fullUrl).filter((u): u is string => !!u));
  const out = new Map<string, { attestation: AttestationEvent; leaves: LeafClaim[] }>();
  const take = (attestation: AttestationEvent, leaf: LeafClaim) => {
    const slot = out.get(attestation.event.id) ?? { attestation, leaves: [] };
    if (slot.leaves.some((l) => l.reference === leaf.reference)) return;
    slot.leaves.push(leaf);
    out.set(attestation.event.id, slot);
  };
  for (const source of sources) {
    for (const group of groupsOf(source)) {
      if (group.attestation.role !== 'author') continue;
      const chosen = [...group.leaves.values()].filter((l) => wanted.has(l.reference));
      if (chosen.length === 0) continue;
      if (group.tree) {
        if (!treeHolds(group)) continue;
        const digests = new Map([...group.leaves.values()].map((l) => [l.index, l.digest!]));
        const levels = treeLevels(leafRow(group.attestation.depth, group.tree.seed, digests));
        for (const l of chosen) take(group.attestation, { reference: l.reference, index: l.index, salt: l.salt, path: pathOf(levels, l.index) });
      } else {
        for (const l of chosen) take(group.attestation, { reference: l.reference, index: l.index, salt: l.salt, path: l.path });
      }
    }
  }
  const entries: BundleEntry[] = [];
  for (const { attestation, leaves } of out.values()) {
    for (const part of chunkBySize(leaves, attestation.depth, options.maxProvenanceBytes)) {
      const resource: FhirResource = provenanceResource(attestation.event, attestation.role, part);
      entries.push({ fullUrl: `urn:uuid:${resource.id}`, resource });
    }
  }
  return entries;
}
