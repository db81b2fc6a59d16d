/**
 * The Consent a share carries to document its own grant: who may open it, in which role, until
 * when and why. Relays cannot enforce an end date; the Consent records the patient's terms so the
 * recipient (and the patient's own copy) can read them, and so the patient's session can tell a
 * share it made from a record it holds. Reading the terms back is here; writing them is in
 * grant-create.ts, which a page that only reads records never loads.
 */
import type { FhirBundle, FhirResource } from '../fhir/types.js';
import { RecordError } from '../errors.js';
import { nostrPubkeyOf } from '../fhir/patient.js';
import type { Role } from './record.js';

/** Marks the kit's grant Consent, so a later share does not offer it as an item. */
export const GRANT_TAG = { system: 'urn:nip82:consent', code: 'share-grant', display: 'Share grant' } as const;

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
  /** The end is an hour of its last day (a request's "until 17:00"), not the day's end: said with its hour. */
  atHour?: true;
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

/** YYYY-MM-DD of a date in the local time zone of the device this runs on (the patient's, in the consent prompt). */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * The patient's calendar day of a period's bound (YYYY-MM-DD): a day as written; a moment (with
 * its offset, as a clinic far away writes it) as the day it falls on where the patient is.
 */
export function periodDay(value: string | undefined): string {
  if (!value) return '';
  if (!value.includes('T')) return value.slice(0, 10);
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? localDay(new Date(ms)) : value.slice(0, 10);
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
    ...(typeof end === 'string' && end.length > 10 && ends !== undefined ? { ends, ...(end.includes('T23:59:59') ? {} : { atHour: true as const }) } : {}),
    ...(typeof purpose === 'string' && purpose.trim() ? { purpose: purpose.trim() } : {}),
  };
}

function pubkeyOfIdentifier(identifier: unknown): string | undefined {
  return identifier ? nostrPubkeyOf({ resourceType: 'Basic', identifier: [identifier] }) : undefined;
}
