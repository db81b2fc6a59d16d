/**
 * Patient identity: a Patient that belongs to a Nostr user carries a NIP-21 `nostr:npub…` URI as
 * an identifier. Animals carry the R4 `patient-animal` extension; their owner's key controls them.
 */
import { npubEncode, decode } from 'nostr-tools/nip19';
import { isHex64 } from '../events.js';
import type { BundleEntry, FhirBundle, FhirResource } from './types.js';

/** The identifier system for URIs, under which `nostr:` identifiers are written. */
export const URI_SYSTEM = 'urn:ietf:rfc:3986';
/** The R4 extension that makes a Patient an animal. */
export const ANIMAL_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/patient-animal';

/** The Patient identifier for a Nostr public key (hex). */
export function nostrIdentifier(pubkey: string): { system: string; value: string } {
  return { system: URI_SYSTEM, value: `nostr:${npubEncode(pubkey)}` };
}

/** The hex public key a Patient (or any resource with identifiers) names with a `nostr:` identifier. */
export function nostrPubkeyOf(resource: FhirResource | undefined): string | undefined {
  const identifiers = Array.isArray(resource?.identifier) ? (resource!.identifier as { value?: unknown }[]) : [];
  for (const id of identifiers) {
    if (typeof id?.value !== 'string' || !id.value.startsWith('nostr:')) continue;
    try {
      const d = decode(id.value.slice('nostr:'.length));
      if (d.type === 'npub' && isHex64(d.data)) return d.data;
      if (d.type === 'nprofile' && isHex64(d.data.pubkey)) return d.data.pubkey;
    } catch {
      // not a NIP-19 string: not a Nostr identity
    }
  }
  return undefined;
}

/** The entry of a Bundle's first Patient: whom a record is about. */
export function patientEntryOf(bundle: FhirBundle): BundleEntry | undefined {
  return bundle.entry?.find((e) => e.resource.resourceType === 'Patient');
}

/** The first Patient of a Bundle. */
export function patientOf(bundle: FhirBundle): FhirResource | undefined {
  return patientEntryOf(bundle)?.resource;
}

/** Species and breed of an animal Patient, or undefined for a person. */
export function animalOf(patient: FhirResource | undefined): { species?: string; breed?: string } | undefined {
  const extensions = Array.isArray(patient?.extension) ? (patient!.extension as { url?: string; extension?: unknown[] }[]) : [];
  const animal = extensions.find((e) => e?.url === ANIMAL_EXTENSION);
  if (!animal) return undefined;
  const part = (name: string) => {
    const sub = (animal.extension ?? []).find((x) => (x as { url?: string })?.url === name) as
      | { valueCodeableConcept?: { text?: string; coding?: { display?: string; code?: string }[] } }
      | undefined;
    const cc = sub?.valueCodeableConcept;
    return cc?.text ?? cc?.coding?.[0]?.display ?? cc?.coding?.[0]?.code;
  };
  return { species: part('species'), breed: part('breed') };
}
