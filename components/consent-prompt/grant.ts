/**
 * The Consent a share carries to document its own grant: who may open it, in which role, until
 * when and why. Relays cannot enforce an end date; the Consent records the patient's terms so the
 * recipient (and the patient's own copy) can read them.
 */
import type { FhirBundle, FhirResource } from '../core/fhir/types.js';
import type { OpenedRecord, Role } from '../core/nip82/record.js';
import { createBundle } from '../core/fhir/bundle.js';
import { nostrIdentifier } from '../core/fhir/patient.js';
import { GRANT_TAG } from './resources.js';

export interface GrantTerms {
  patient: string;
  recipient: string;
  role: Role;
  /** Last day of access, YYYY-MM-DD. */
  until?: string;
  purpose?: string;
}

/** A FHIR R4 Consent (status active) documenting a share. */
export function grantConsent(terms: GrantTerms): FhirResource {
  const provision: Record<string, unknown> = {
    type: 'permit',
    period: { start: new Date().toISOString(), ...(terms.until ? { end: terms.until } : {}) },
    actor: [{
      role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] },
      reference: { identifier: nostrIdentifier(terms.recipient) },
    }],
    // An editor may also pass the record on (add people), which FHIR calls disclosing it.
    action: (terms.role === 'editor' ? ['access', 'disclose'] : ['access']).map((code) => ({
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code }],
    })),
  };
  // The patient's own words: no coded purpose fits every audience (a clinic, a relative).
  if (terms.purpose) provision.purpose = [{ display: terms.purpose }];
  return {
    resourceType: 'Consent',
    id: crypto.randomUUID(),
    meta: { tag: [{ ...GRANT_TAG }] },
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
    patient: { identifier: nostrIdentifier(terms.patient) },
    dateTime: new Date().toISOString(),
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    provision,
  };
}

/**
 * `createShare` draws entries only from opened records, so the grant Consent travels as one more
 * source: a copy of the first record's view holding just the Consent (no keys are involved).
 */
export function consentSource(first: OpenedRecord, consent: FhirResource): { source: OpenedRecord; fullUrl: string } {
  const bundle: FhirBundle = createBundle([consent]);
  return { source: { ...first, bundle, withheld: undefined }, fullUrl: bundle.entry![0]!.fullUrl! };
}
