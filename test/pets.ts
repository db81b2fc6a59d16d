/** A pet owner's records, as a vet writes them: an R4 Patient with the patient-animal extension, under the owner's key. */
import { npubEncode } from 'nostr-tools/nip19';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import type { Disclosure } from '../components/core/fhir/withheld.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person, type Person } from './helpers.js';

const ANIMAL = 'http://hl7.org/fhir/StructureDefinition/patient-animal';
const uuid = () => crypto.randomUUID();

/** A vet's record of one pet: the animal, its owner (RelatedPerson), the vet, the clinic, a rabies shot on 18 March 2025. */
export function petBundle(name: string, species: { code: string; display: string }, owner: string, ownerName: [string, string] = ['Sam', 'Lee']): FhirBundle {
  const [pet, ownerId, vet, clinic, shot] = [uuid(), uuid(), uuid(), uuid(), uuid()];
  const ref = { reference: `urn:uuid:${pet}` };
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: `urn:uuid:${pet}`,
        resource: {
          resourceType: 'Patient', id: pet, name: [{ text: name }],
          extension: [{ url: ANIMAL, extension: [{ url: 'species', valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', ...species }] } }] }],
        },
      },
      {
        fullUrl: `urn:uuid:${ownerId}`,
        resource: {
          resourceType: 'RelatedPerson', id: ownerId, patient: ref, name: [{ given: [ownerName[0]], family: ownerName[1] }],
          identifier: [{ system: 'urn:ietf:rfc:3986', value: `nostr:${npubEncode(owner)}` }],
          relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'ONESELF', display: 'self' }], text: 'Owner' }],
        },
      },
      { fullUrl: `urn:uuid:${vet}`, resource: { resourceType: 'Practitioner', id: vet, name: [{ prefix: ['Dr.'], given: ['Vera'], family: 'Vet' }] } },
      { fullUrl: `urn:uuid:${clinic}`, resource: { resourceType: 'Organization', id: clinic, name: 'Happy Paws Clinic' } },
      {
        fullUrl: `urn:uuid:${shot}`,
        resource: {
          resourceType: 'Immunization', id: shot, status: 'completed', vaccineCode: { text: 'Rabies vaccine' }, occurrenceDateTime: '2025-03-18', patient: ref,
          performer: [{ actor: { reference: `urn:uuid:${vet}` } }],
        },
      },
    ],
  } as FhirBundle;
}

export const DOG = { code: '448771007', display: 'Dog' };
export const CAT = { code: '448169003', display: 'Cat' };

/** A vet's record of a pet, under its owner's key (the owner edits it), opened by the owner. */
export async function petRecord(owner: Person, vet: Person, name: string, species: { code: string; display: string }): Promise<OpenedRecord> {
  const events = await createRecord({ bundle: petBundle(name, species, owner.pubkey), author: vet.signer, participants: [{ pubkey: owner.pubkey, role: 'editor' }], subject: owner.pubkey });
  return openRecord(events, owner.signer);
}

/** Rex's record shared by its owner with `vet` (who may share it on), the rabies shot hidden; opened by the vet. */
export async function rexAtVet(disclose: Disclosure): Promise<{ owner: Person; vet: Person; record: OpenedRecord }> {
  const [owner, writer, vet] = await Promise.all([person(), person(), person()]);
  const rex = await petRecord(owner, writer, 'Rex', DOG);
  const shot = rex.bundle.entry!.find((e) => e.resource.resourceType === 'Immunization')!.fullUrl!;
  const { source, fullUrl } = consentSource(rex, grantConsent({ patient: owner.pubkey, recipient: vet.pubkey, role: 'editor' }));
  const events = await createShare({
    from: [rex, source], include: [...rex.bundle.entry!.map((e) => e.fullUrl!), fullUrl], withhold: [shot], disclose, author: owner.signer, participants: [{ pubkey: vet.pubkey, role: 'editor' }],
  });
  return { owner, vet, record: await openRecord(events, vet.signer) };
}
