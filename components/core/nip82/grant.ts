/**
 * The Consent a share carries to document its own grant: who may open it, in which role, until
 * when and why. Relays cannot enforce an end date; the Consent records the patient's terms so the
 * recipient (and the patient's own copy) can read them, and so the patient's session can tell a
 * share it made from a record it holds.
 */
import type { FhirBundle, FhirResource } from '../fhir/types.js';
import { createBundle } from '../fhir/bundle.js';
import { RecordError } from '../errors.js';
import { nostrIdentifier, nostrPubkeyOf } from '../fhir/patient.js';
import type { OpenedRecord, Role } from './record.js';

/** Marks the kit's grant Consent, so a later share does not offer it as an item. */
export const GRANT_TAG = { system: 'urn:nip82:consent', code: 'share-grant', display: 'Share grant' } as const;

const RECIPIENT_ROLE = { system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' };
const CONSENT_ACTION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentaction';

/** The terms of one share. */
export interface GrantTerms {
  patient: string;
  recipient: string;
  role: Role;
  /** Last day of access, YYYY-MM-DD, in the patient's calendar. */
  until?: string;
  purpose?: string;
}

/** The terms as read back from a share, with when they were given. */
export interface Grant extends GrantTerms {
  /** When the grant was given (ISO date-time). */
  since: string;
  /**
   * The first second without access, when the Consent's end carries the patient's time zone; a
   * share made before it did only names the day (see {@link grantEnd}).
   */
  ends?: number;
}

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
 * The NIP-40 expiration of a grant whose last day is `until` (YYYY-MM-DD): the first second after
 * that day ends in the local time zone of the device this runs on. In the consent prompt that is
 * the patient's, so "until 5 Dec" lasts until their own midnight, and a day the date picker allows
 * (today, in local time) always ends after now.
 */
export function grantExpiration(until: string): number {
  const [y, m, d] = until.slice(0, 10).split('-').map(Number);
  // Local midnight, not UTC: UTC midnight falls in the evening of the day before in the Americas.
  const ms = new Date(y!, m! - 1, d! + 1).getTime();
  if (!/^\d{4}-\d{2}-\d{2}/.test(until) || !Number.isFinite(ms)) throw new RecordError('invalid-input', 'The end date is not a YYYY-MM-DD date.');
  return ms / 1000;
}

/**
 * The Consent's `period.end` for a last day: its last second in local time, with the offset, as an
 * R4 dateTime ("2026-12-05T23:59:59-05:00"). The day stays readable as the first ten characters,
 * the end is the same moment as the expiration wherever it is read, and it stays after the
 * period's start (a UTC time that may already be the next day) for the period to be valid.
 */
export function periodEndOf(until: string): string {
  const last = new Date((grantExpiration(until) - 1) * 1000);
  const offset = -last.getTimezoneOffset();
  const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  const time = `${String(last.getHours()).padStart(2, '0')}:${String(last.getMinutes()).padStart(2, '0')}:${String(last.getSeconds()).padStart(2, '0')}`;
  return `${localDay(last)}T${time}${offset < 0 ? '-' : '+'}${hhmm}`;
}

/** YYYY-MM-DD of a date in the local time zone of the device this runs on (the patient's, in the consent prompt). */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * The first second after a FHIR period's `end` (inclusive): a dateTime with its zone ends at the
 * next second; a bare date ends at local midnight after it (FHIR leaves its zone unsaid, and the
 * reader's own calendar is the least surprising guess). Undefined when it is neither.
 */
export function periodEnd(end: string): number | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(end)) return grantExpiration(end);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(end)) return undefined;
  const ms = Date.parse(end);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) + 1 : undefined;
}

/** The first second a grant no longer gives access: its Consent's end moment, else local midnight after its last day. */
export function grantEnd(grant: Pick<Grant, 'until' | 'ends'>): number | undefined {
  return grant.ends ?? (grant.until ? grantExpiration(grant.until) : undefined);
}

/** The NIP-40 expiration an event carries, in seconds, when it has a valid one. */
export function expirationOf(event: { tags: readonly (readonly string[])[] }): number | undefined {
  const value = event.tags.find((t) => t[0] === 'expiration')?.[1];
  const seconds = value && /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(seconds) ? seconds : undefined;
}

/** The Consent the kit writes into a share to document the grant: not an item to pass on. */
export function isGrantConsent(resource: FhirResource): boolean {
  if (resource.resourceType !== 'Consent') return false;
  const tags = resource.meta?.tag ?? [];
  return tags.some((t) => t.system === GRANT_TAG.system && t.code === GRANT_TAG.code);
}

/** The grant a share documents, read back from its Bundle; undefined when it carries none (or an unreadable one). */
export function readGrant(bundle: FhirBundle): Grant | undefined {
  const consent = (bundle.entry ?? []).map((e) => e.resource).find((r) => r && isGrantConsent(r)) as Record<string, unknown> | undefined;
  if (!consent) return undefined;
  const provision = consent.provision as { period?: { start?: unknown; end?: unknown }; actor?: { reference?: { identifier?: unknown } }[]; action?: { coding?: { code?: unknown }[] }[]; purpose?: { display?: unknown }[] } | undefined;
  const recipient = pubkeyOfIdentifier(provision?.actor?.[0]?.reference?.identifier);
  const patient = pubkeyOfIdentifier((consent.patient as { identifier?: unknown } | undefined)?.identifier);
  if (!recipient || !patient) return undefined;
  const since = typeof provision?.period?.start === 'string' ? provision.period.start : typeof consent.dateTime === 'string' ? consent.dateTime : '';
  const end = provision?.period?.end;
  const ends = typeof end === 'string' ? periodEnd(end) : undefined;
  const purpose = provision?.purpose?.[0]?.display;
  const discloses = (provision?.action ?? []).some((a) => a.coding?.some((c) => c.code === 'disclose'));
  return {
    patient,
    recipient,
    role: discloses ? 'editor' : 'viewer',
    since,
    // The day as the patient wrote it (their calendar), whatever the reader's time zone.
    ...(typeof end === 'string' && /^\d{4}-\d{2}-\d{2}/.test(end) ? { until: end.slice(0, 10) } : {}),
    ...(typeof end === 'string' && end.length > 10 && ends !== undefined ? { ends } : {}),
    ...(typeof purpose === 'string' && purpose.trim() ? { purpose: purpose.trim() } : {}),
  };
}

function pubkeyOfIdentifier(identifier: unknown): string | undefined {
  return identifier ? nostrPubkeyOf({ resourceType: 'Basic', identifier: [identifier] }) : undefined;
}

/**
 * `createShare` draws entries only from opened records, so the grant Consent travels as one more
 * source: a copy of the first record's view holding just the Consent (no keys are involved).
 */
export function consentSource(first: OpenedRecord, consent: FhirResource): { source: OpenedRecord; fullUrl: string } {
  const bundle: FhirBundle = createBundle([consent]);
  return { source: { ...first, bundle, withheld: undefined }, fullUrl: bundle.entry![0]!.fullUrl! };
}
