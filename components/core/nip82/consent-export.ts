/**
 * Consent history an EHR can file: the requests and answers a user sent and received (their
 * gift-wrapped copies, see {@link readConsentMessages}) as one FHIR R4 `collection` Bundle of
 * `Consent` resources, each followed by a `Provenance` naming who signed it. The patient exports
 * what they were asked and what they granted or refused; a clinician exports what they asked for
 * and what each patient granted them.
 *
 * Each Consent is written anew from what the kit read out of the message (parties, status, period,
 * purpose, resource types, granted records), not copied: a message comes from someone else, and the
 * export must be valid R4 whatever they sent.
 */
import { nostrIdentifier } from '../fhir/patient.js';
import { createBundle } from '../fhir/bundle.js';
import type { FhirBundle, FhirResource } from '../fhir/types.js';
import { type ConsentMessage, consentResource, isFhirDateTime } from './requests.js';

const PARTICIPANT_TYPE = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
const DATA_OPERATION = 'http://terminology.hl7.org/CodeSystem/v3-DataOperation';

/** Options for {@link consentHistoryBundle}. */
export interface ConsentHistoryOptions {
  /** The export's own time (default now). */
  timestamp?: string;
}

/**
 * Builds the consent history Bundle from consent messages (oldest first): for each message a
 * Consent (`proposed` for a request, `active` or `rejected` for an answer) with the patient, the
 * requester as the recipient actor, the period, purpose, resource types and granted records; and a
 * Provenance whose agent is the message's verified sender, linked to the request it answers.
 */
export function consentHistoryBundle(messages: readonly ConsentMessage[], options: ConsentHistoryOptions = {}): FhirBundle {
  // Oldest first; an answer given within the second of its request still follows it.
  const ordered = [...messages].sort((a, b) => a.createdAt - b.createdAt || Number(a.status !== 'proposed') - Number(b.status !== 'proposed'));
  const urlOf = new Map<string, string>();
  const resources: FhirResource[] = [];
  for (const m of ordered) {
    const recorded = new Date(m.createdAt * 1000).toISOString();
    const consent = consentResource({
      status: m.status, requester: m.requester, patient: m.patient, types: m.resourceTypes, purpose: m.purpose,
      period: { start: validDateTime(m.period?.start), end: validDateTime(m.period?.end) }, note: m.note, records: m.records,
      dateTime: recorded, performer: m.status === 'proposed' ? undefined : m.patient,
    });
    urlOf.set(m.id, `urn:uuid:${consent.id}`);
    const provenance: FhirResource = {
      resourceType: 'Provenance',
      id: crypto.randomUUID(),
      target: [{ reference: `urn:uuid:${consent.id}` }],
      recorded,
      activity: { coding: [{ system: DATA_OPERATION, code: 'CREATE', display: 'create' }] },
      agent: [{
        type: { coding: [{ system: PARTICIPANT_TYPE, code: 'author', display: 'Author' }] },
        // The sender proven by the message's seal signature, checked when it was read.
        who: { identifier: nostrIdentifier(m.from) },
      }],
    };
    const answered = m.answers ? urlOf.get(m.answers) : undefined;
    if (answered) provenance.entity = [{ role: 'revision', what: { reference: answered } }];
    resources.push(consent, provenance);
  }
  return createBundle(resources, { timestamp: options.timestamp });
}

/** A period bound as read, when it is an R4 dateTime (a message handed in by a host may carry anything). */
function validDateTime(value: string | undefined): string | undefined {
  return isFhirDateTime(value) ? value : undefined;
}
