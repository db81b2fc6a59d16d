/**
 * Writing the Consent a share carries (see grant.ts, which reads it back): only the consent prompt
 * and the core's share and request paths make one, so a page that only shows records does not load this.
 */
import type { FhirBundle, FhirResource } from '../fhir/types.js';
import { createBundle, fhirString } from '../fhir/bundle.js';
import { nostrIdentifier } from '../fhir/patient.js';
import { GRANT_TAG, type GrantTerms, grantExpiration, localDay } from './grant.js';
import type { OpenedRecord } from './record.js';

const RECIPIENT_ROLE = { system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' };
const CONSENT_ACTION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentaction';

/** A FHIR R4 Consent (status active) documenting a share. */
export function grantConsent(terms: GrantTerms): FhirResource {
  const provision: Record<string, unknown> = {
    type: 'permit',
    period: { start: new Date().toISOString(), ...(terms.until ? { end: periodEndOf(terms.until) } : {}) },
    actor: [{ role: { coding: [RECIPIENT_ROLE] }, reference: { identifier: nostrIdentifier(terms.recipient) } }],
    // An editor may also pass the record on (add people), which FHIR calls disclosing it.
    action: (terms.role === 'editor' ? ['access', 'disclose'] : ['access']).map((code) => ({
      coding: [{ system: CONSENT_ACTION_SYSTEM, code }],
    })),
  };
  // The patient's own words: no coded purpose fits every audience (a clinic, a relative).
  if (terms.purpose) provision.purpose = [{ display: fhirString(terms.purpose) }];
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
 * The Consent's `period.end` for a last day: its last second in local time, with the offset, as an
 * R4 dateTime ("2026-12-05T23:59:59-05:00"); for a moment (a request's "until 17:00"), that moment
 * written with the local offset. The day stays readable as the first ten characters,
 * the end is the same moment as the expiration wherever it is read, and it stays after the
 * period's start (a UTC time that may already be the next day) for the period to be valid.
 */
export function periodEndOf(until: string): string {
  const last = new Date(until.length > 10 ? Math.floor(Date.parse(until) / 1000) * 1000 : (grantExpiration(until) - 1) * 1000);
  const offset = -last.getTimezoneOffset();
  const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  const time = `${String(last.getHours()).padStart(2, '0')}:${String(last.getMinutes()).padStart(2, '0')}:${String(last.getSeconds()).padStart(2, '0')}`;
  return `${localDay(last)}T${time}${offset < 0 ? '-' : '+'}${hhmm}`;
}

/**
 * `createShare` draws entries only from opened records, so the grant Consent travels as one more
 * source: a copy of the first record's view holding just the Consent (no keys are involved).
 */
export function consentSource(first: OpenedRecord, consent: FhirResource): { source: OpenedRecord; fullUrl: string } {
  const bundle: FhirBundle = createBundle([consent]);
  return { source: { ...first, bundle, withheld: undefined }, fullUrl: bundle.entry![0]!.fullUrl! };
}
