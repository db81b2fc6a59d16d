/**
 * Writing attestations: the event an author signs and the Provenance that carries it, in the
 * format format.ts reads. Only pages that make records load this.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { npubEncode } from 'nostr-tools/nip19';
import { toBase64 } from '../base64.js';
import type { NostrEvent } from '../events.js';
import { URI_SYSTEM } from '../fhir/patient.js';
import type { FhirResource } from '../fhir/types.js';
import {
  ATTESTATION_KIND,
  LEAF_EXTENSION,
  NOSTR_SIG_FORMAT,
  TREE_EXTENSION,
  type AttestationRole,
  type LeafClaim,
} from './format.js';

/** ASTM E1762 "Author's Signature", the `Signature.type` of an attestation. */
const AUTHOR_SIGNATURE = { system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.1', display: "Author's Signature" };
/** HL7 provenance participant types used for the signer: who wrote it, or who passed it on. */
const PARTICIPANT_TYPE = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';

/** The event template the author signs: the tree's root and depth, and what the signer means. */
export function attestationTemplate(root: Uint8Array, depth: number, role: AttestationRole, createdAt: number) {
  return {
    kind: ATTESTATION_KIND,
    created_at: createdAt,
    tags: [['alg', 'sha-256'], ['depth', String(depth)], ['root', bytesToHex(root)], ['role', role]],
    content: role === 'author' ? 'I attest the entries of this health record.' : 'I attest that I shared these health record entries.',
  };
}

/** A FHIR Reference to a Nostr user. */
function nostrReference(pubkey: string) {
  return { identifier: { system: URI_SYSTEM, value: `nostr:${npubEncode(pubkey)}` } };
}

/** An attestation Provenance over `leaves`, in record form (with `tree`) or share form. */
export function provenanceResource(event: NostrEvent, role: AttestationRole, leaves: readonly LeafClaim[], tree?: { seed: Uint8Array; count: number }): FhirResource {
  const when = new Date(event.created_at * 1000).toISOString();
  const resource: FhirResource = {
    resourceType: 'Provenance',
    id: crypto.randomUUID(),
    target: leaves.map((leaf) => ({
      reference: leaf.reference,
      extension: [{
        url: LEAF_EXTENSION,
        extension: [
          { url: 'index', valueUnsignedInt: leaf.index },
          { url: 'salt', valueBase64Binary: toBase64(leaf.salt) },
          leaf.digest ? { url: 'digest', valueBase64Binary: toBase64(leaf.digest) } : { url: 'path', valueBase64Binary: toBase64(leaf.path!) },
        ],
      }],
    })),
    recorded: when,
    agent: [{ type: { coding: [{ system: PARTICIPANT_TYPE, code: role === 'author' ? 'author' : 'informant' }] }, who: nostrReference(event.pubkey) }],
    signature: [{
      type: [AUTHOR_SIGNATURE],
      when,
      who: nostrReference(event.pubkey),
      sigFormat: NOSTR_SIG_FORMAT,
      data: toBase64(new TextEncoder().encode(JSON.stringify(event))),
    }],
  };
  if (tree) {
    resource.extension = [{
      url: TREE_EXTENSION,
      extension: [{ url: 'seed', valueBase64Binary: toBase64(tree.seed) }, { url: 'count', valueUnsignedInt: tree.count }],
    }];
  }
  return resource;
}
