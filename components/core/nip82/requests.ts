/**
 * Access requests and one-off sends, as NIP-59 gift-wrapped kind-82 events.
 *
 * A request is a FHIR Consent with status `proposed`: who asks (`provision.actor`), for which
 * resource types (`provision.class`), why (`provision.purpose`) and for how long
 * (`provision.period`). The answer is the same Consent, possibly narrowed, as `active` (with the
 * granted records' naddrs in `provision.data`) or `rejected`. Each side keeps a copy wrapped to
 * itself: the patient's copies are the consent history.
 */
import { decode, naddrEncode } from 'nostr-tools/nip19';
import { RecordError } from '../errors.js';
import { type NostrEvent, type UnsignedEvent, isHex64, utf8Length } from '../events.js';
import { INTEROP_MAX_PLAINTEXT, nip44PayloadLength } from '../crypto.js';
import type { Signer } from '../signers/signer.js';
import { createBundle, fhirString, readBundle } from '../fhir/bundle.js';
import { periodDay, periodEnd } from './grant.js';
import { periodEndOf } from './grant-create.js';
import { nostrIdentifier, nostrPubkeyOf } from '../fhir/patient.js';
import type { FhirBundle, FhirResource } from '../fhir/types.js';
import { DEFAULT_MAX_EVENT_BYTES, MEDICAL_DATA_KIND, RECORD_KIND } from './constants.js';
import { giftWrap, makeRumor, signerCallsToWrap, unwrapMany, type Unwrapped } from './gift-wrap.js';
import { type OpenedRecord, createRecord, openRecord } from './record.js';
import type { RecordKeyCache } from './keys.js';
import { MAX_PARTS } from './parts.js';

/**
 * The FHIR extension that carries free text on a resource that has no `note` element (R4's
 * Consent has none): the "Note" extension of HL7's extensions pack, valued as an Annotation.
 */
export const NOTE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/note';
/** Marks the pointer that announces a send too large for one gift wrap. */
export const LARGE_SEND_TAG = { system: 'urn:nip82:send', code: 'record-pointer', display: 'Sent as a record' } as const;
/** At most this many large sends are fetched per call: each costs a relay query and a signer call. */
const MAX_POINTERS_RESOLVED = 16;
/** At most this many events are read for one of them (about 45 MB of content at the default event budget). */
const MAX_SENT_RECORD_EVENTS = 1000;
/** Longest period a request may ask for, in days: a hundred years, beyond which it is a typo. */
const MAX_REQUEST_DAYS = 36_500;
/** A day in milliseconds, to date the end of the asked period. */
const DAY_MS = 86_400_000;
/** A seal's JSON around its encrypted rumor: id, pubkey, sig, kind, created_at, field names, with room to spare. */
const SEAL_EVENT_BYTES = 320;
/** A gift wrap's JSON around its encrypted seal: as a seal's, plus the recipient's `p` tag. */
const WRAP_EVENT_BYTES = 420;

/** A request's or answer's state. */
export type ConsentStatus = 'proposed' | 'active' | 'rejected';

/** A request or answer, read from a gift wrap. */
export interface ConsentMessage {
  /** Id of the rumor (stable across the copies of one message). */
  id: string;
  /** Who sent it (verified seal signer). */
  from: string;
  /** The other party: the patient for a request, the requester for an answer. */
  to: string;
  status: ConsentStatus;
  /** The requester (the actor the Consent names). */
  requester: string;
  /** The patient the Consent is about. */
  patient: string;
  resourceTypes: string[];
  purpose?: string;
  /** The period asked for or granted: only R4 dateTimes, a start before the end; an end year or month as its last day. */
  period?: { start?: string; end?: string };
  /** Free text from the requester or the patient. */
  note?: string;
  /** Records granted (NIP-19 naddrs), on an `active` answer. */
  records: string[];
  /** The request this answers, on an answer. */
  answers?: string;
  createdAt: number;
  consent: FhirResource;
}

/** Options for {@link createAccessRequest}. */
export interface AccessRequestOptions {
  /** The requester's signer (a clinician). */
  signer: Signer;
  /** The patient's public key (hex). */
  patient: string;
  /** FHIR resource types wanted, e.g. `['AllergyIntolerance', 'MedicationRequest']`. */
  resourceTypes: string[];
  /** Why, in words the patient will read. */
  purpose: string;
  /** How long access is wanted, in days from now. */
  days?: number;
  note?: string;
  maxEventBytes?: number;
}

const CONSENT_SCOPE = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }] };
const CONSENT_CATEGORY = [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }];
const OPT_IN = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] }];
const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;
/**
 * The most kinds one request may name: FHIR R4 defines 145 resource types. A request read with more
 * is not one a clinic wrote, and would set how much the patient's screen and screen reader must say.
 */
export const MAX_REQUESTED_KINDS = 150;
/**
 * The most characters a request's purpose, or its note, is read with: a paragraph's worth. The
 * answer restates the purpose, and must fit one gift wrap beside 100 granted records; and the
 * patient reads it whole at the consent moment. A longer one is cut there and marked so.
 */
export const MAX_REQUEST_TEXT = 2000;

/** `text` cut to `max` whole characters, an ellipsis marking the cut (a request's purpose as read, and as a list shows it). */
export function cutText(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : text;
}

const boundedText = (text: string): string => cutText(text, MAX_REQUEST_TEXT);

/** R4's dateTime, as its JSON Schema writes it: a year, year-month, date, or date and time with seconds and a zone. */
const FHIR_DATE_TIME = /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;

/**
 * Whether `value` is an R4 dateTime naming a real day ("2026-02-30" matches R4's pattern but is
 * no date: R4 says dates SHALL be valid). A message's dates come from someone else, and may be anything.
 */
export function isFhirDateTime(value: unknown): value is string {
  if (typeof value !== 'string' || !FHIR_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) return false;
  if (value.length < 10) return true;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const day = new Date(0);
  day.setUTCFullYear(y!, m! - 1, d!);
  return day.getUTCDate() === d;
}

/** A period's end as a day or a moment: a year or a month ends on its last day, which the date checks read. */
function lastDayOf(end: string): string {
  if (end.length >= 10) return end;
  const [y, m] = end.split('-').map(Number);
  const last = new Date(0);
  last.setUTCFullYear(y!, m ?? 12, 0);
  return last.toISOString().slice(0, 10);
}

/**
 * A period from what someone else wrote: each bound kept only when it is an R4 dateTime, and the
 * start dropped when it is not before the end (R4's per-1), so what the patient signs from it is valid.
 */
function periodOf(value: unknown): ConsentMessage['period'] {
  if (!value || typeof value !== 'object') return undefined;
  const { start: from, end: to } = value as { start?: unknown; end?: unknown };
  const end = isFhirDateTime(to) ? lastDayOf(to) : undefined;
  let start = isFhirDateTime(from) ? from : undefined;
  if (start && end && Date.parse(start) >= periodEnd(end)! * 1000) start = undefined;
  return start || end ? { ...(start ? { start } : {}), ...(end ? { end } : {}) } : undefined;
}

/**
 * Whether the period a request asked for is over (an old request, or one replayed): it can then
 * only be denied or left. Computed when asked, since a request ends while a page stays open.
 */
export function requestEnded(request: Pick<ConsentMessage, 'period'>, now = Date.now()): boolean {
  const end = periodOf(request.period)?.end;
  const after = end ? periodEnd(end) : undefined;
  return after !== undefined && after * 1000 <= now;
}

/** Sends an access request to a patient: gift wraps for the patient and a copy for the requester. */
export async function createAccessRequest(options: AccessRequestOptions): Promise<{ events: NostrEvent[]; request: ConsentMessage }> {
  if (!isHex64(options.patient)) throw new RecordError('invalid-input', 'The patient public key is not 64 lowercase hex characters.');
  const types = [...new Set(options.resourceTypes)];
  if (types.length === 0 || !types.every((t) => RESOURCE_TYPE.test(t))) throw new RecordError('invalid-input', 'Name at least one FHIR resource type.');
  if (types.length > MAX_REQUESTED_KINDS) throw new RecordError('invalid-input', `Name at most ${MAX_REQUESTED_KINDS} FHIR resource types.`);
  if (typeof options.purpose !== 'string' || !options.purpose.trim()) throw new RecordError('invalid-input', 'Say why access is requested.');
  for (const text of [options.purpose.trim(), options.note?.trim() ?? '']) {
    if ([...text].length > MAX_REQUEST_TEXT) throw new RecordError('invalid-input', `Say why, and any note, in at most ${MAX_REQUEST_TEXT.toLocaleString('en')} characters each.`);
  }
  if (options.days !== undefined && !(Number.isSafeInteger(options.days) && options.days > 0 && options.days <= MAX_REQUEST_DAYS)) {
    throw new RecordError('invalid-input', 'The period must be a whole number of days, from 1 to 36,500.');
  }
  const me = await options.signer.getPublicKey();
  const start = new Date();
  const end = options.days ? new Date(start.getTime() + options.days * DAY_MS) : undefined;
  const consent = consentResource({
    status: 'proposed', requester: me, patient: options.patient, types, purpose: options.purpose.trim(),
    period: { start: start.toISOString(), end: end?.toISOString() }, note: options.note, records: [],
  });
  const rumor = makeRumor({ kind: MEDICAL_DATA_KIND, tags: [['p', options.patient]], content: JSON.stringify(createBundle([consent])) }, me);
  const events = await giftWrap(options.signer, rumor, [options.patient, me], options);
  return { events, request: toMessage({ rumor, sender: me, wrapId: events[0]!.id })! };
}

/** Options for {@link answerRequest}. */
export interface AnswerOptions {
  /** The patient's signer. */
  signer: Signer;
  decision: 'active' | 'rejected';
  /** naddrs of the records granted (for `active`). */
  records?: string[];
  /** Narrowed resource types (default: as requested). */
  resourceTypes?: string[];
  /** Narrowed period end (ISO date, or a moment on the patient's asked day). */
  until?: string;
  note?: string;
  maxEventBytes?: number;
}

/** What {@link answerRequest} asks of the patient's signer: the answer wrapped for the requester and for the patient's own copy. */
export function answerSignerCalls(request: Pick<ConsentMessage, 'requester' | 'patient'>): number {
  return signerCallsToWrap([request.requester, request.patient]);
}

/** Answers a request: gift wraps for the requester and a copy kept by the patient (the consent history). */
export async function answerRequest(request: ConsentMessage, options: AnswerOptions): Promise<{ events: NostrEvent[]; answer: ConsentMessage }> {
  if (request.status !== 'proposed') throw new RecordError('invalid-input', 'Only a proposed request can be answered.');
  const me = await options.signer.getPublicKey();
  if (me !== request.patient) throw new RecordError('invalid-input', 'Only the patient a request is addressed to can answer it.');
  const records = (options.decision === 'active' ? options.records ?? [] : []).map((r) => String(r).replace(/^nostr:/, ''));
  for (const r of records) {
    const d = safeDecode(r);
    if (d?.type !== 'naddr' || d.data.kind !== RECORD_KIND) throw new RecordError('invalid-input', 'A granted record is not a kind-32225 naddr.');
  }
  const active = options.decision === 'active';
  // Read again: a request handed in by a host may not have come through readConsentMessages.
  const asked = periodOf(request.period);
  if (active && requestEnded(request)) throw new RecordError('invalid-input', 'The period this request asked for has ended: it can only be denied.');
  if (options.until !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.until.slice(0, 10)) || !isFhirDateTime(options.until.slice(0, 10)) || periodEnd(options.until) === undefined) {
      throw new RecordError('invalid-input', 'The end date is not a date.');
    }
    // An answer may narrow what was asked, never widen it (compared by day, the patient's: the day they were shown).
    const last = periodDay(asked?.end);
    // A moment on the last day (left as asked) no later than the asked one.
    if (last && (options.until.slice(0, 10) > last || (options.until.length > 10 && periodEnd(options.until)! > periodEnd(asked!.end!)!))) throw new RecordError('invalid-input', 'An answer cannot grant access for longer than was asked.');
  }
  const types = options.resourceTypes ? request.resourceTypes.filter((t) => options.resourceTypes!.includes(t)) : request.resourceTypes;
  // A day the patient chose ends at their own midnight, as a share's end does (grant.ts). The
  // request's own dates were checked when it was read (periodOf): nothing unchecked is signed.
  const end = options.until !== undefined ? periodEndOf(options.until) : asked?.end;
  if (active && end && periodEnd(end)! * 1000 <= Date.now()) throw new RecordError('invalid-input', 'The end date has passed.');
  // An approval grants from now, when the share it names opens; a denial restates what was asked.
  let start = active ? new Date().toISOString() : asked?.start;
  if (start && end && Date.parse(start) >= periodEnd(end)! * 1000) start = undefined;
  const consent = consentResource({
    // Bounded again: a request handed in by a host may not have come through readConsentMessages.
    status: options.decision, requester: request.requester, patient: me, types, purpose: request.purpose && boundedText(request.purpose), period: { start, end }, note: options.note, records,
  });
  const rumor = makeRumor(
    { kind: MEDICAL_DATA_KIND, tags: [['p', request.requester], ['e', request.id]], content: JSON.stringify(createBundle([consent])) },
    me,
  );
  const events = await giftWrap(options.signer, rumor, [request.requester, me], options);
  return { events, answer: toMessage({ rumor, sender: me, wrapId: events[0]!.id })! };
}

/**
 * Reads requests and answers from gift wraps addressed to the signer's user: requests to me,
 * answers to my requests, and my own copies (my consent history). Newest first. Wraps that are
 * not consent messages, or do not open, are skipped. `stillCurrent`: see {@link unwrapMany}; once
 * it says false the signer is asked nothing more, and what comes back is partial, to be dropped.
 */
export async function readConsentMessages(wraps: readonly unknown[], signer: Signer, options: { stillCurrent?: () => boolean } = {}): Promise<ConsentMessage[]> {
  const { opened } = await unwrapMany(wraps, signer, options);
  const byId = new Map<string, ConsentMessage>();
  for (const u of opened) {
    const m = toMessage(u);
    if (m && !byId.has(m.id)) byId.set(m.id, m);
  }
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt);
}

/** Options for {@link sendBundle}. */
export interface SendBundleOptions {
  signer: Signer;
  recipients: string[];
  bundle: unknown;
  /** Also wrap a copy to the sender. Default true. */
  copyToSelf?: boolean;
  maxEventBytes?: number;
}

/**
 * A one-off send of a FHIR Bundle to each recipient as a gift-wrapped kind 82. A Bundle too large
 * for one gift wrap goes out as a record (kind 32225, in parts as needed) listing the recipients as
 * viewers and the sender as editor, announced to each recipient by a gift-wrapped pointer to it;
 * {@link receiveBundles} fetches and opens it, so both sides see one Bundle either way.
 * Returns every event to publish, all signed: the record's parts first, then the wraps.
 */
export async function sendBundle(options: SendBundleOptions): Promise<NostrEvent[]> {
  const bundle = readBundle(options.bundle);
  const recipients = [...new Set(options.recipients)];
  if (recipients.length === 0 || !recipients.every(isHex64)) throw new RecordError('invalid-input', 'Name at least one recipient by a 64-character hex public key.');
  const me = await options.signer.getPublicKey();
  const to = options.copyToSelf === false ? recipients : [...recipients, me];
  const tags = recipients.map((p) => ['p', p]);
  const rumor = makeRumor({ kind: MEDICAL_DATA_KIND, tags, content: JSON.stringify(bundle) }, me);
  const max = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  if (fitsGiftWrap(rumor, max)) return giftWrap(options.signer, rumor, to, options);

  const parts = await createRecord({
    bundle, author: options.signer, participants: recipients.map((pubkey) => ({ pubkey, role: 'viewer' as const })), maxEventBytes: max,
  });
  // One address is enough, and keeps the pointer small however many parts there are: every part
  // shares the record's sign key, and each says which part of how many it is.
  const first = parts[0]!;
  const pointer = makeRumor({
    kind: MEDICAL_DATA_KIND,
    tags: [...tags, ['a', `${RECORD_KIND}:${first.pubkey}:${first.tags.find((t) => t[0] === 'd')![1]}`]],
    content: JSON.stringify(createBundle([pointerResource(bundle, [naddrOf(first)])])),
  }, me);
  const wraps = await giftWrap(options.signer, pointer, to, options);
  return [...parts, ...wraps];
}

/** Whether `rumor` fits one gift wrap: NIP-44 plaintext limits for rumor and seal, the event budget for the wrap. */
function fitsGiftWrap(rumor: UnsignedEvent, maxEventBytes: number): boolean {
  const rumorBytes = utf8Length(JSON.stringify(rumor));
  // The seal and the wrap around an encrypted payload: ids, keys, signature, tags, field names.
  const sealBytes = nip44PayloadLength(Math.min(rumorBytes, INTEROP_MAX_PLAINTEXT)) + SEAL_EVENT_BYTES;
  const wrapBytes = nip44PayloadLength(Math.min(sealBytes, INTEROP_MAX_PLAINTEXT)) + WRAP_EVENT_BYTES;
  return rumorBytes <= INTEROP_MAX_PLAINTEXT && sealBytes <= INTEROP_MAX_PLAINTEXT && wrapBytes <= maxEventBytes;
}

function naddrOf(event: NostrEvent): string {
  return naddrEncode({ kind: RECORD_KIND, pubkey: event.pubkey, identifier: event.tags.find((t) => t[0] === 'd')![1]! });
}

/** The pointer's one resource: a DocumentReference whose attachment is the record. */
function pointerResource(bundle: FhirBundle, naddrs: string[]): FhirResource {
  const resource: FhirResource = {
    resourceType: 'DocumentReference',
    id: crypto.randomUUID(),
    meta: { tag: [{ ...LARGE_SEND_TAG }] },
    status: 'current',
    description: 'A FHIR Bundle too large for one message, sent as an encrypted record.',
    content: naddrs.map((naddr) => ({ attachment: { contentType: 'application/fhir+json', url: `nostr:${naddr}` } })),
  };
  if (bundle.identifier?.value) resource.masterIdentifier = { ...bundle.identifier };
  return resource;
}

/** The record parts a large send's pointer names, or undefined when the Bundle is not such a pointer. */
function pointedRecord(bundle: FhirBundle): string[] | undefined {
  const resource = bundle.entry?.length === 1 ? bundle.entry[0]!.resource : undefined;
  if (resource?.resourceType !== 'DocumentReference') return undefined;
  const tags = (resource.meta?.tag ?? []) as { system?: unknown; code?: unknown }[];
  if (!tags.some((t) => t?.system === LARGE_SEND_TAG.system && t?.code === LARGE_SEND_TAG.code)) return undefined;
  const content = Array.isArray(resource.content) ? (resource.content as { attachment?: { url?: unknown } }[]) : [];
  const naddrs = content.map((c) => c?.attachment?.url).filter((u): u is string => typeof u === 'string' && u.startsWith('nostr:naddr1')).map((u) => u.slice('nostr:'.length));
  if (!naddrs.length || naddrs.length > MAX_PARTS) return undefined;
  const decoded = naddrs.map(safeDecode);
  // Every part of one record: kind 32225 under one sign key.
  const pubkeys = new Set(decoded.map((d) => (d?.type === 'naddr' && d.data.kind === RECORD_KIND ? d.data.pubkey : '')));
  if (pubkeys.size !== 1 || pubkeys.has('')) return undefined;
  return naddrs;
}

/** A Bundle received by gift wrap. */
export interface ReceivedBundle {
  id: string;
  from: string;
  createdAt: number;
  bundle: FhirBundle;
  /** For a send too large for one gift wrap: the addresses of the record it came in. */
  record?: string[];
}

/** Options for {@link receiveBundles}. */
export interface ReceiveBundlesOptions {
  /** Where to fetch the record a large send came in (a {@link RelayClient}); without it such sends are skipped. */
  relays?: { recordByNaddr(naddr: string, options?: { maxEvents?: number }): Promise<{ events: NostrEvent[] }> };
  /** Session key cache for those records. */
  keyCache?: RecordKeyCache;
}

/**
 * Opens gift-wrapped kind-82 bundles (consent messages excluded). A send too large for one gift
 * wrap arrives as a pointer to a record: given `relays`, the record is fetched and opened and its
 * Bundle returned in the pointer's place, when it is whole and its content is signed by the pointer's
 * sender. Anything else (a missing part, another author) is skipped, as a wrap that does not open is.
 */
export async function receiveBundles(wraps: readonly unknown[], signer: Signer, options: ReceiveBundlesOptions = {}): Promise<ReceivedBundle[]> {
  const { opened } = await unwrapMany(wraps, signer);
  const out = new Map<string, ReceivedBundle>();
  let resolved = 0;
  for (const { rumor, sender } of opened) {
    if (rumor.kind !== MEDICAL_DATA_KIND || out.has(rumor.id)) continue;
    let bundle: FhirBundle;
    try {
      bundle = readBundle(rumor.content);
    } catch {
      continue; // not a Bundle: not for us
    }
    if (consentOf(bundle)) continue;
    const naddrs = pointedRecord(bundle);
    if (!naddrs) {
      out.set(rumor.id, { id: rumor.id, from: sender, createdAt: rumor.created_at, bundle });
      continue;
    }
    if (!options.relays || resolved >= MAX_POINTERS_RESOLVED) continue;
    resolved++;
    const sent = await openSentRecord(naddrs, sender, signer, options).catch(() => undefined);
    if (sent) out.set(rumor.id, { id: rumor.id, from: sender, createdAt: rumor.created_at, bundle: sent.bundle, record: sent.naddrs });
  }
  return [...out.values()].sort((a, b) => b.createdAt - a.createdAt);
}

async function openSentRecord(naddrs: string[], sender: string, signer: Signer, options: ReceiveBundlesOptions): Promise<OpenedRecord | undefined> {
  const { events } = await options.relays!.recordByNaddr(naddrs[0]!, { maxEvents: MAX_SENT_RECORD_EVENTS });
  if (events.length === 0) return undefined;
  const record = await openRecord(events, signer, { keyCache: options.keyCache });
  // The pointer's seal proves who sent it; the record's inner signature must prove the same author.
  if (!record.authorVerified || record.author !== sender) return undefined;
  if (record.parts.have < record.parts.total || !naddrs.every((n) => record.naddrs.includes(n))) return undefined;
  return record;
}

/** What a Consent the kit writes says. @internal */
export interface ConsentInput {
  status: ConsentStatus | 'inactive';
  requester: string;
  patient: string;
  types: string[];
  purpose?: string;
  period: { start?: string; end?: string };
  note?: string;
  records: string[];
  /** When it was decided (default now). */
  dateTime?: string;
  /** Who agreed (the patient, on an answer); a request names nobody yet. */
  performer?: string;
}

/** A FHIR R4 Consent for a request, an answer or an exported grant. @internal */
export function consentResource(c: ConsentInput): FhirResource {
  const period: Record<string, string> = {};
  if (c.period.start) period.start = c.period.start;
  if (c.period.end) period.end = c.period.end;
  const provision: Record<string, unknown> = {
    type: 'permit',
    actor: [{
      role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] },
      reference: { identifier: nostrIdentifier(c.requester) },
    }],
    action: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code: 'access' }] }],
    class: c.types.map((code) => ({ system: 'http://hl7.org/fhir/resource-types', code })),
  };
  if (Object.keys(period).length) provision.period = period;
  // Free text names no coded reason: a code (TREAT) would tell the recipient's system a purpose nobody chose.
  if (c.purpose) provision.purpose = [{ display: fhirString(c.purpose) }];
  if (c.records.length) provision.data = c.records.map((naddr) => ({ meaning: 'instance', reference: { reference: `nostr:${naddr}` } }));
  const consent: FhirResource = {
    resourceType: 'Consent',
    id: crypto.randomUUID(),
    status: c.status,
    scope: CONSENT_SCOPE,
    category: CONSENT_CATEGORY,
    patient: { identifier: nostrIdentifier(c.patient) },
    dateTime: c.dateTime ?? new Date().toISOString(),
    policyRule: OPT_IN[0],
    provision,
  };
  if (c.performer) consent.performer = [{ identifier: nostrIdentifier(c.performer) }];
  if (c.note?.trim()) consent.extension = [{ url: NOTE_EXTENSION, valueAnnotation: { text: fhirString(c.note.trim()) } }];
  return consent;
}

function consentOf(bundle: FhirBundle): FhirResource | undefined {
  return bundle.entry?.find((e) => e.resource.resourceType === 'Consent')?.resource;
}

/** The note extension's text; messages written before it carried a (non-R4) `note` element, still read. */
function noteOf(consent: FhirResource): unknown {
  const extensions = Array.isArray(consent.extension) ? (consent.extension as { url?: unknown; valueAnnotation?: { text?: unknown } }[]) : [];
  const fromExtension = extensions.find((e) => e?.url === NOTE_EXTENSION)?.valueAnnotation?.text;
  if (fromExtension !== undefined) return fromExtension;
  return Array.isArray(consent.note) ? (consent.note as { text?: unknown }[])[0]?.text : undefined;
}

function safeDecode(value: string): ReturnType<typeof decode> | undefined {
  try {
    return decode(value.replace(/^nostr:/, ''));
  } catch {
    return undefined;
  }
}

function toMessage(u: Unwrapped): ConsentMessage | undefined {
  if (u.rumor.kind !== MEDICAL_DATA_KIND) return undefined;
  let bundle: FhirBundle;
  try {
    bundle = readBundle(u.rumor.content);
  } catch {
    return undefined;
  }
  const consent = consentOf(bundle);
  if (!consent) return undefined;
  const status = consent.status;
  if (status !== 'proposed' && status !== 'active' && status !== 'rejected') return undefined;
  const provision = (consent.provision ?? {}) as Record<string, unknown>;
  const actors = Array.isArray(provision.actor) ? (provision.actor as { reference?: { identifier?: unknown } }[]) : [];
  const requester = nostrPubkeyOf({ resourceType: 'x', identifier: actors.map((a) => a?.reference?.identifier).filter(Boolean) });
  const patient = nostrPubkeyOf({ resourceType: 'x', identifier: [(consent.patient as { identifier?: unknown } | undefined)?.identifier] });
  if (!requester || !patient) return undefined;
  // A request must come from the requester it names, an answer from the patient it names.
  if (status === 'proposed' ? u.sender !== requester : u.sender !== patient) return undefined;
  // Each kind once: a repeated one asks for nothing more, and would only be said again.
  const types = [...new Set((Array.isArray(provision.class) ? (provision.class as { code?: unknown }[]) : [])
    .map((c) => c?.code).filter((c): c is string => typeof c === 'string' && RESOURCE_TYPE.test(c)))];
  if (types.length > MAX_REQUESTED_KINDS) return undefined;
  const purpose = Array.isArray(provision.purpose) ? (provision.purpose as { display?: unknown }[])[0]?.display : undefined;
  const records = (Array.isArray(provision.data) ? (provision.data as { reference?: { reference?: unknown } }[]) : [])
    .map((d) => d?.reference?.reference).filter((r): r is string => typeof r === 'string' && r.startsWith('nostr:naddr1'))
    .map((r) => r.slice('nostr:'.length));
  const note = noteOf(consent);
  return {
    id: u.rumor.id,
    from: u.sender,
    to: status === 'proposed' ? patient : requester,
    status,
    requester,
    patient,
    resourceTypes: types,
    purpose: typeof purpose === 'string' ? boundedText(purpose) : undefined,
    period: periodOf(provision.period),
    note: typeof note === 'string' ? boundedText(note) : undefined,
    records,
    answers: u.rumor.tags.find((t) => t[0] === 'e' && isHex64(t[1]))?.[1],
    createdAt: u.rumor.created_at,
    consent,
  };
}
