/**
 * Reading attestations: each entry's verdict (verified by whom and when, changed since, or not
 * attested). Apart from making them (attestation.ts), so a page that only reads records loads
 * only this.
 */
import type { BundleEntry, FhirBundle } from '../fhir/types.js';
import { type AttestationEvent, type AttestationRole, type LeafClaim, isAttestation, readingProvenance, signatureData } from './format.js';
import { canonicalBytes, entryDigest, leafRowInSteps, rootFromPath, sameBytes, treeLevelsInSteps } from './merkle.js';
import { SLICE_MS, atOnce, inSlices } from '../slices.js';

/** Attestations read per Bundle; more are ignored (bounds the work a hostile Bundle can cause). */
const MAX_ATTESTATIONS = 32;

/** What a reader can say about one entry. */
export type ItemProvenance =
  /** An author's signature covers the entry as it is. */
  | { status: 'verified'; attester: string; signedAt: number }
  /**
   * An author signed this entry, and it has changed since; or, `otherPatient`, it is as signed but
   * the patient it names is not one that signature covers here (an item moved into another's record).
   */
  | { status: 'changed'; attester: string; signedAt: number; otherPatient?: true }
  /** No author's signature covers it; `addedBy` is whoever passed it on (the sharer), when they signed for it. */
  | { status: 'unattested'; addedBy?: string; signedAt?: number };

/** Per-entry provenance of a Bundle. */
export interface ProvenanceReport {
  /**
   * By `fullUrl`. Where entries share one (a Bundle can carry a forged entry under a signed one's
   * address), the least trusted of their verdicts: an address never vouches for a stranger.
   */
  items: Map<string, ItemProvenance>;
  /** By the entry itself (as it is in the Bundle checked): each entry's own verdict. */
  entries: Map<BundleEntry, ItemProvenance>;
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

/** The entries an attestation covers: every entry but attestations themselves. */
export function attestable(bundle: FhirBundle): BundleEntry[] {
  return (bundle.entry ?? []).filter((e) => typeof e.fullUrl === 'string' && e.fullUrl && !isAttestation(e.resource));
}

export interface Group {
  attestation: AttestationEvent;
  tree?: { seed: Uint8Array; count: number };
  leaves: Map<string, LeafClaim>;
}

/** The attestations of a Bundle, one group per signed event, Provenances of one event merged. */
export function groupsOf(bundle: FhirBundle): Group[] {
  return atOnce(grouping(bundle));
}

/** {@link groupsOf} as steps: one after each attestation's signature check, and every few dozen of its targets. */
function* grouping(bundle: FhirBundle): Generator<void, Group[], void> {
  const groups = new Map<string, Group>();
  // Each signature check costs the reader: a Bundle of thousands of Provenances, each with an event
  // of its own, would make it check them all. Only so many distinct events are tried (a few more
  // than are kept, for some that do not hold); past that, only Provenances of an event already tried.
  const tried = new Set<unknown>();
  for (const entry of bundle.entry ?? []) {
    if (!isAttestation(entry.resource)) continue;
    const data = signatureData(entry.resource);
    if (!tried.has(data)) {
      if (tried.size >= 2 * MAX_ATTESTATIONS) continue;
      tried.add(data);
    }
    const read = yield* readingProvenance(entry.resource);
    yield;
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
export function treeHolds(group: Group): boolean {
  return atOnce(checkingTree(group));
}

/** {@link treeHolds} in steps: a tree of 2^15 leaves is about 65,000 hashes and HMACs, too long for one task. */
function* checkingTree(group: Group): Generator<void, boolean, void> {
  const { tree, attestation } = group;
  if (!tree || group.leaves.size !== tree.count) return false;
  const digests = new Map<number, Uint8Array>();
  for (const leaf of group.leaves.values()) {
    if (digests.has(leaf.index)) return false;
    digests.set(leaf.index, leaf.digest!);
  }
  const levels = yield* treeLevelsInSteps(yield* leafRowInSteps(attestation.depth, tree.seed, digests));
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
  return atOnce(verifyingAttestations(bundle));
}

/**
 * {@link verifyAttestations} in slices of about `budgetMs`, yielding to the event loop between
 * them: checking a record of thousands of entries is hundreds of milliseconds of hashing, which a
 * page opening it should not spend in one task. Stops with the signal's reason once aborted.
 */
export function verifyAttestationsInSlices(bundle: FhirBundle, budgetMs = SLICE_MS, signal?: AbortSignal): Promise<ProvenanceReport> {
  return inSlices(verifyingAttestations(bundle), budgetMs, signal);
}

/**
 * The verification's steps, for a caller that runs them with other work in slices: one after each
 * entry's digest and every few hundred tree hashes.
 */
export function* verifyingAttestations(bundle: FhirBundle): Generator<void, ProvenanceReport, void> {
  const entries = attestable(bundle);
  const groups = yield* grouping(bundle);
  // Entries by address, for the leaves of a signature: a record that carries none (most of them,
  // and the largest) skips the map.
  const byUrl = new Map<string, BundleEntry[]>();
  if (groups.length) {
    for (const e of entries) {
      const same = byUrl.get(e.fullUrl!);
      if (same) same.push(e);
      else byUrl.set(e.fullUrl!, [e]);
    }
  }
  const findings = new Map<BundleEntry, Finding[]>();
  const note = (entry: BundleEntry, finding: Finding) => {
    const list = findings.get(entry) ?? [];
    list.push(finding);
    findings.set(entry, list);
  };
  // Each entry is put in canonical form once, however many attestations name it.
  const bodies = new Map<BundleEntry, Uint8Array | null>();
  const digest = (leaf: LeafClaim, entry: BundleEntry): Uint8Array | undefined => {
    let body = bodies.get(entry);
    if (body === undefined) {
      try {
        body = canonicalBytes(entry);
      } catch {
        body = null;
      }
      bodies.set(entry, body);
    }
    return body ? entryDigest(leaf.salt, entry, body) : undefined;
  };
  let sealedBy: ProvenanceReport['sealedBy'];
  // A record-form tree bigger than the Bundle could justify is not rebuilt (bounded work).
  const maxLeaves = Math.max(16, 2 * entries.length);
  for (const group of groups) {
    const { attestation } = group;
    if (group.tree) {
      const complete = group.leaves.size === group.tree.count;
      const seal = { pubkey: attestation.attester, signedAt: attestation.signedAt, role: attestation.role, holds: false, complete };
      if (!sealedBy || sealedBy.signedAt < seal.signedAt) sealedBy = seal;
      if (2 ** attestation.depth > maxLeaves) continue;
      // Without every leaf (a missing part) the root cannot be rebuilt: nothing is claimed either way.
      if (!complete) continue;
      const holds = yield* checkingTree(group);
      // The Bundle's own signature holds only when every entry it covers is as it was signed.
      let allMatch = true;
      for (const leaf of group.leaves.values()) {
        const named = byUrl.get(leaf.reference) ?? [];
        if (named.length !== 1) allMatch = false;
        for (const entry of named) {
          const found = digest(leaf, entry);
          const ok = holds && !!found && sameBytes(found, leaf.digest!);
          if (!ok) allMatch = false;
          note(entry, { ok, attestation });
        }
        yield;
      }
      seal.holds = holds && allMatch;
    } else {
      for (const leaf of group.leaves.values()) {
        for (const entry of byUrl.get(leaf.reference) ?? []) {
          const found = digest(leaf, entry);
          note(entry, { ok: !!found && sameBytes(rootFromPath(found, leaf.index, leaf.path!), attestation.root), attestation });
        }
        yield;
      }
    }
  }
  const items = new Map<string, ItemProvenance>();
  const byEntry = new Map<BundleEntry, ItemProvenance>();
  const report: ProvenanceReport = { items, entries: byEntry, sealedBy, verified: 0, changed: 0, unattested: 0 };
  // Each entry by its address and by type/id, for the patient an item names: made when the first
  // verified item names one (an unsigned record never needs it).
  let namedMap: Map<string, BundleEntry> | undefined;
  const named = () => {
    if (!namedMap) {
      namedMap = new Map();
      for (const e of entries) for (const key of [e.fullUrl!, `${e.resource?.resourceType}/${e.resource?.id}`]) if (!namedMap.has(key)) namedMap.set(key, e);
    }
    return namedMap;
  };
  for (const [i, entry] of entries.entries()) {
    if (i % 256 === 255) yield;
    let verdict = verdictOf(findings.get(entry) ?? []);
    // A signature vouches for an item about the patient it names: where that patient is missing, or
    // is not as the same signer signed them, the item was signed for someone else (one it contains is signed with it).
    const r = entry.resource as { patient?: { reference?: unknown }; subject?: { reference?: unknown } } | undefined;
    const ref = r?.patient?.reference ?? r?.subject?.reference;
    if (verdict.status === 'verified' && typeof ref === 'string' && ref[0] !== '#') {
      const about = named().get(ref);
      const attester = verdict.attester;
      const patient = about ? about.resource?.resourceType === 'Patient' : !/^[A-Z]\w*\//.test(ref) || ref.startsWith('Patient/');
      if (patient && !(findings.get(about!) ?? []).some((f) => f.ok && f.attestation.attester === attester)) verdict = { ...verdict, status: 'changed', otherPatient: true };
    }
    byEntry.set(entry, verdict);
    const before = items.get(entry.fullUrl!);
    if (!before || TRUST[verdict.status] < TRUST[before.status]) items.set(entry.fullUrl!, verdict);
    report[verdict.status]++;
  }
  return report;
}

/** Lower is less trusted: what one address says when several entries share it. */
const TRUST: Record<ItemProvenance['status'], number> = { changed: 0, unattested: 1, verified: 2 };

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
