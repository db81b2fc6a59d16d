/**
 * Data the stories render: FHIR Bundles (small, varied, the generated synthetic patient and a huge
 * one made by repeating its entries), NIP-82 records opened in memory (with the demo keys unless
 * a story passes its own people), and the events a story publishes to a relay.
 */
import { npubEncode } from 'nostr-tools/nip19';
import syntheticPatient from '../../test/fixtures/synthea-patient.json';
import type { BundleEntry, FhirBundle, FhirResource } from '../../components/core/fhir/types.js';
import { type Disclosure } from '../../components/core/fhir/withheld.js';
import { markWithheld } from '../../components/core/fhir/withheld-mark.js';
import { createRecord, openRecord, type OpenedRecord, type Role } from '../../components/core/nip82/record.js';
import { createAccessRequest, type ConsentMessage } from '../../components/core/nip82/requests.js';
import { demoCast, type Cast, type DemoPerson } from './signers.js';

/**
 * A loopback address where no relay can ever answer: port 9 is one the browser refuses to
 * connect to, so the connection fails at once, as it does for a relay that is down.
 */
export const DEAD_RELAY = 'ws://127.0.0.1:9';

const urn = (n: number) => `urn:uuid:5b0c1d2e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const entry = (n: number, resource: FhirResource): BundleEntry => ({ fullUrl: urn(n), resource: { id: urn(n).slice(9), ...resource } });

/** A small record of a fictional patient: an allergy, two problems, a medication, a vaccination, a result. */
export function smallBundle(patientPubkey?: string): FhirBundle {
  const patient = urn(1);
  return {
    resourceType: 'Bundle',
    type: 'collection',
    identifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:5b0c1d2e-1111-4222-8333-944455556666' },
    entry: [
      entry(1, {
        resourceType: 'Patient',
        name: [{ family: 'Rivera', given: ['Ana'] }],
        birthDate: '1990-04-02',
        gender: 'female',
        ...(patientPubkey ? { identifier: [{ system: 'urn:ietf:rfc:3986', value: `nostr:${npubEncode(patientPubkey)}` }] } : {}),
      }),
      entry(2, {
        resourceType: 'AllergyIntolerance', code: { text: 'Penicillin' }, criticality: 'high',
        clinicalStatus: { coding: [{ code: 'active' }] }, reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'moderate' }],
        recordedDate: '2019-02-10', patient: { reference: patient },
      }),
      entry(3, { resourceType: 'Condition', code: { text: 'Asthma' }, onsetDateTime: '2005-06', clinicalStatus: { coding: [{ code: 'active' }] }, subject: { reference: patient } }),
      entry(4, { resourceType: 'Condition', code: { text: 'Migraine' }, onsetDateTime: '2012-09-14', clinicalStatus: { coding: [{ code: 'active' }] }, subject: { reference: patient } }),
      entry(5, {
        resourceType: 'MedicationRequest', status: 'active', intent: 'order', authoredOn: '2023-03-15',
        medicationCodeableConcept: { text: 'Salbutamol 100 micrograms inhaler' }, dosageInstruction: [{ text: 'Two puffs when needed' }],
        subject: { reference: patient },
      }),
      entry(6, { resourceType: 'Immunization', status: 'completed', vaccineCode: { text: 'Tetanus' }, occurrenceDateTime: '2021-05-01', patient: { reference: patient } }),
      entry(7, {
        resourceType: 'Observation', status: 'final', code: { text: 'Glucose' }, effectiveDateTime: '2024-01-05T09:30:00Z',
        category: [{ coding: [{ code: 'laboratory' }] }], valueQuantity: { value: 7.8, unit: 'mmol/L' },
        interpretation: [{ coding: [{ code: 'H', display: 'High' }] }],
        referenceRange: [{ low: { value: 3.9, unit: 'mmol/L' }, high: { value: 5.5, unit: 'mmol/L' } }],
        subject: { reference: patient },
        text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Fasting glucose is <b>high</b>.</p></div>' },
      }),
    ],
  };
}

/** The same record with the allergy and one problem withheld, as a share the patient narrowed. */
export function withheldBundle(disclose: Disclosure): FhirBundle {
  const all = smallBundle();
  const hidden = new Set([urn(2), urn(4)]);
  const kept = { ...all, entry: all.entry!.filter((e) => !hidden.has(e.fullUrl!)) };
  return markWithheld(kept, all.entry!.filter((e) => hidden.has(e.fullUrl!)).map((e) => e.resource), disclose);
}

/** A Bundle with nothing in it. */
export function emptyBundle(): FhirBundle {
  return { resourceType: 'Bundle', type: 'collection', entry: [] };
}

/** The generated synthetic patient of the test fixtures (62 resources; no real person). */
export function syntheticBundle(): FhirBundle {
  return structuredClone(syntheticPatient) as unknown as FhirBundle;
}

/**
 * The synthetic patient with every entry but the Patient repeated `copies` times under new ids:
 * `1 + 61 × copies` resources (3,051 for 50 copies).
 */
export function hugeBundle(copies = 50): FhirBundle {
  const source = syntheticBundle();
  const entries = source.entry ?? [];
  const patient = entries.find((e) => e.resource.resourceType === 'Patient');
  const rest = entries.filter((e) => e !== patient);
  const out: BundleEntry[] = patient ? [patient] : [];
  for (let copy = 0; copy < copies; copy++) {
    for (const [i, e] of rest.entries()) {
      const id = `00000000-0000-4000-9${String(copy).padStart(3, '0')}-${String(i).padStart(12, '0')}`;
      out.push({ fullUrl: `urn:uuid:${id}`, resource: { ...structuredClone(e.resource), id } });
    }
  }
  return { ...source, entry: out };
}

/** A Bundle that is not FHIR at all, as a host might hand in by mistake. */
export const NOT_A_BUNDLE = { resourceType: 'Patient', name: [{ text: 'Not a Bundle' }] };

/** Public key (hex) of a demo person (in `cast`, by default the fixed demo keys). */
export async function pubkeyOf(who: DemoPerson, cast: Cast = demoCast()): Promise<string> {
  return cast[who].getPublicKey();
}

/**
 * A record written by `author`, listing `participants`, as `reader` opens it: made and opened in
 * memory (no relay), so the reader's role and view are exactly what a real unlock gives.
 */
export async function openedRecord(options: {
  bundle?: FhirBundle;
  author?: DemoPerson;
  reader?: DemoPerson;
  participants?: { who: DemoPerson; role: Role }[];
  cast?: Cast;
}): Promise<OpenedRecord> {
  const cast = options.cast ?? demoCast();
  const author = cast[options.author ?? 'patient'];
  const reader = cast[options.reader ?? options.author ?? 'patient'];
  const patientKey = await pubkeyOf('patient', cast);
  const participants = await Promise.all((options.participants ?? []).map(async (p) => ({ pubkey: await pubkeyOf(p.who, cast), role: p.role })));
  const events = await createRecord({ bundle: options.bundle ?? smallBundle(patientKey), author, participants });
  return openRecord(events, reader);
}

/** A clinician's request for the patient's allergies and medications, as the patient receives it. */
export async function accessRequest(cast: Cast = demoCast()): Promise<ConsentMessage> {
  const { request } = await createAccessRequest({
    signer: cast.clinician,
    patient: await pubkeyOf('patient', cast),
    resourceTypes: ['AllergyIntolerance', 'MedicationRequest'],
    purpose: 'Preparing your visit to the asthma clinic',
    days: 30,
    note: 'Please include your inhaler prescriptions.',
  });
  return request;
}

/** The events of a record `author` wrote for `reader` (by default the patient), to publish to a relay. */
export async function recordEvents(options: { bundle?: FhirBundle; author?: DemoPerson; reader?: DemoPerson; role?: Role; cast?: Cast } = {}) {
  const cast = options.cast ?? demoCast();
  const reader = await pubkeyOf(options.reader ?? 'patient', cast);
  return createRecord({
    bundle: options.bundle ?? smallBundle(await pubkeyOf('patient', cast)),
    author: cast[options.author ?? 'clinician'],
    participants: [{ pubkey: reader, role: options.role ?? 'viewer' }],
  });
}
