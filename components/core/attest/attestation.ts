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
  type AttestationRole,
  type LeafClaim,
  isAttestation,
  readProvenance,
} from './format.js';
import { SALT_BYTES, entryDigest } from './merkle.js';
import { depthFor, leafRow, pathOf, randomPositions, treeLevels } from './merkle-build.js';

import { attestable, groupsOf, treeHolds, verifyAttestations } from './verify.js';
import { attestationTemplate, provenanceResource } from './write.js';

export { isAttestation, ATTESTATION_KIND, type AttestationRole } from './format.js';
export { verifyAttestations, verifyAttestationsInSlices, type ItemProvenance, type ProvenanceReport } from './verify.js';

/** An attestation Provenance is kept to about this many bytes by default, so it fits one record part. */
const PROVENANCE_BYTES = 16000;

/** The Provenance size that fits a part of a record whose events may be `maxEventBytes` long. */
export function provenanceBudget(maxEventBytes: number): number {
  // The entry is escaped once inside the inner event and grows by a third under NIP-44's base64.
  return Math.max(1500, Math.min(PROVENANCE_BYTES, Math.floor(maxEventBytes / 4)));
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
  // Another author's signature over an entry kept as it was (an editor adding to a clinic's
  // record) goes on in share form: that entry still reads as theirs, not as the new signer's.
  // Only entries whose verdict comes from a replaced record-form signature: one signature per
  // signer, not one more per round; the signer's own earlier ones give way to this one.
  // A sharer passing on their own record keeps their signature as its author: only one in the same role gives way.
  const sameSigning = (a?: { attester: string; role: string }) => a?.attester === event.pubkey && a.role === (options.role ?? 'author');
  const report = verifyAttestations(bundle);
  const dropped = (bundle.entry ?? []).filter((e) => !kept.includes(e));
  const by = new Set(dropped.map((e) => readProvenance(e.resource)?.attestation.attester));
  const theirs = entries.filter((e) => { const p = report.entries.get(e); return p?.status === 'verified' && p.attester !== event.pubkey && by.has(p.attester); });
  const carried = theirs.length ? discloseEntries([{ ...bundle, entry: [...dropped, ...entries] }], theirs, { maxProvenanceBytes: options.maxProvenanceBytes }).filter((e) => readProvenance(e.resource)?.attestation.attester !== event.pubkey) : [];
  // First in the Bundle, so that the first part of a large record names its author.
  // First, so the first part names the author; after the Composition of a document, which must lead.
  const head = bundle.type === 'document' && kept[0]?.resource?.resourceType === 'Composition' ? kept.slice(0, 1) : [];
  return { ...bundle, entry: [...head, ...provenances.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })), ...carried, ...kept.slice(head.length).filter((e) => !isAttestation(e.resource) || !sameSigning(readProvenance(e.resource)?.attestation))] };
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
