import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';
import { generateSecretKey } from 'nostr-tools/pure';
import { secretKeySigner, type SecretKeySigner } from '../components/core/signers/secret-key.js';
import { isAttestation } from '../components/core/attest/format.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { NostrEvent } from '../components/core/events.js';
import type { FhirBundle, FhirResource } from '../components/core/fhir/types.js';
import { naddrEncode, npubEncode } from 'nostr-tools/nip19';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import type { Signer } from '../components/core/signers/signer.js';
import { SignerError } from '../components/core/errors.js';
import { createAccessRequest, readConsentMessages, type ConsentMessage } from '../components/core/nip82/requests.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';

/**
 * The real relays the test runner starts: main, second, auth, auth-write (reads open, writes need AUTH), small, slow, sluggish (answers after
 * 5 s), silent, restricted
 * (reads of gift wraps need AUTH, 500 events per filter, NIP-11 names only the message length), hostile
 * (floods bad events and oversized messages, ignoring limits) flaky (refuses the first copy of
 * each record part, deletion and gift wrap it is sent) and picky (accepts only as many events as a
 * test allows).
 */
export type RelayName = 'main' | 'second' | 'auth' | 'auth-write' | 'small' | 'slow' | 'sluggish' | 'silent' | 'restricted' | 'hostile' | 'flaky' | 'picky';

/** URL of one of the real relays the test runner started. */
export async function relayUrl(name: RelayName = 'main'): Promise<string> {
  const url = await executeServerCommand<string, { name: string }>('relay-url', { name });
  if (!url) throw new Error(`no relay named ${name}`);
  return url;
}

/**
 * Makes this test file's picky relay accept only `count` more events, refusing the rest (`null`:
 * every one again) with `reason` as its OK message's text (by default "blocked: ..."); other files' are untouched.
 */
export async function relayAcceptsOnly(name: 'picky', count: number | null, reason?: string): Promise<void> {
  await executeServerCommand('relay-accept-only', { name, count, reason });
}

/** Makes the relay store each event at once but answer it `ms` later (0: at once again). */
export async function relayAnswersLate(name: 'picky', ms: number): Promise<void> {
  await executeServerCommand('relay-late-ok', { name, ms });
}

/** A loopback address where nothing listens. */
export async function downRelayUrl(): Promise<string> {
  return (await executeServerCommand<string, undefined>('relay-down-url'))!;
}

/**
 * The filters of every REQ the named relay has received that name `author` among their
 * `authors` or `#p`, oldest first: what a test asserts on to know what reached a relay.
 */
export async function relayRequests(name: RelayName, author: string): Promise<Record<string, unknown>[][]> {
  return (await executeServerCommand<Record<string, unknown>[][], { name: string; author: string }>('relay-requests', { name, author })) ?? [];
}

/** Like {@link relayRequests}, for the subscriptions still open on the relay. */
export async function relayLiveRequests(name: RelayName, author: string): Promise<Record<string, unknown>[][]> {
  return (await executeServerCommand<Record<string, unknown>[][], { name: string; author: string }>('relay-live-requests', { name, author })) ?? [];
}

/**
 * The keys that signed in (NIP-42 AUTH) at the named relay, in order, and the REQs it served that
 * name `author` in `authors` or `#p`, each with the key its connection was signed in as (null: none).
 */
export async function relaySignIns(name: RelayName, author?: string): Promise<{ signIns: string[]; served: { as: string | null; filters: Record<string, unknown>[] }[] }> {
  return (await executeServerCommand<{ signIns: string[]; served: { as: string | null; filters: Record<string, unknown>[] }[] }, { name: string; author?: string }>('relay-sign-ins', { name, author })) ?? { signIns: [], served: [] };
}

/** Whether any of `requests` asks for events of `kind`. */
export const asksForKind = (requests: readonly Record<string, unknown>[][], kind: number) =>
  requests.some((filters) => filters.some((f) => Array.isArray(f.kinds) && f.kinds.includes(kind)));

/** A committed test fixture, parsed. */
export async function fixture<T = unknown>(name: string): Promise<T> {
  const res = await fetch(new URL(`./fixtures/${name}`, import.meta.url));
  if (!res.ok) throw new Error(`missing fixture ${name}`);
  return (await res.json()) as T;
}

/** A fresh person with a secret-key signer. */
export interface Person {
  signer: SecretKeySigner;
  pubkey: string;
}

export async function person(): Promise<Person> {
  const signer = secretKeySigner(generateSecretKey());
  return { signer, pubkey: await signer.getPublicKey() };
}

/** Counts calls to a signer's methods (one unlock should be one decrypt). */
export function counting<T extends object>(signer: T): T & { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const wrapped = new Proxy(signer, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(prop)] = (calls[String(prop)] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return Object.assign(wrapped, { calls }) as T & { calls: Record<string, number> };
}

/** Expects `work` to reject with an error of class `type` and, if given, `code`. */
export async function rejects(work: Promise<unknown> | (() => unknown), type: new (...a: never[]) => Error, code?: string): Promise<Error & { code?: string }> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (!(error instanceof type)) throw new Error(`expected ${type.name}, got ${String(error)}`, { cause: error });
    if (code !== undefined && (error as { code?: string }).code !== code) {
      throw new Error(`expected code ${code}, got ${(error as { code?: string }).code}: ${(error as Error).message}`, { cause: error });
    }
    return error as Error & { code?: string };
  }
  throw new Error(`expected a ${type.name}${code ? ` (${code})` : ''}, but it succeeded`);
}

/** A record about one person named `name` (keyed to `who`'s npub when given) with one condition named `label`. */
export function recordAbout(name: string, label: string, who?: Person): FhirBundle {
  const [me, item] = [crypto.randomUUID(), crypto.randomUUID()];
  const key = who ? { identifier: [{ system: 'urn:ietf:rfc:3986', value: `nostr:${npubEncode(who.pubkey)}` }] } : {};
  return {
    resourceType: 'Bundle', type: 'collection',
    entry: [
      { fullUrl: `urn:uuid:${me}`, resource: { resourceType: 'Patient', id: me, name: [{ text: name }], ...key } },
      { fullUrl: `urn:uuid:${item}`, resource: { resourceType: 'Condition', id: item, code: { text: label }, subject: { reference: `urn:uuid:${me}` } } },
    ],
  } as FhirBundle;
}

/** Ana Lopez's record, her details at `urn:uuid:p`, holding `items` (each at `urn:uuid:<its id>`); `meta` labels the whole record. */
export function anaWith(items: FhirResource[], meta?: FhirResource['meta']): FhirBundle {
  const ana = { resourceType: 'Patient', id: 'p', name: [{ given: ['Ana'], family: 'Lopez' }] };
  return { resourceType: 'Bundle', type: 'collection', ...(meta ? { meta } : {}), entry: [ana, ...items].map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })) } as FhirBundle;
}

/** The reference by which an item in `anaWith`'s record names her. */
export const ANA = { reference: 'urn:uuid:p' };

/** A sample record for `reader` that `author` (a new clinic when not given) saved on `relay`; its address. */
export async function recordFor(relay: string, reader: Person, author?: Person): Promise<string> {
  const by = author ?? (await person());
  const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(reader.pubkey)}`), author: by.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] });
  await publishTo(relay, events, by.signer);
  return naddrEncode({ kind: RECORD_KIND, pubkey: events[0]!.pubkey, identifier: events[0]!.tags.find((t) => t[0] === 'd')![1]! });
}

/** A small, conformant R4 bundle for a patient. */
export function sampleBundle(patientPubkeyNpubValue?: string) {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: 'urn:uuid:6a1f0bb2-6f0e-4c3a-9a43-000000000001',
        resource: {
          resourceType: 'Patient',
          id: '6a1f0bb2-6f0e-4c3a-9a43-000000000001',
          name: [{ family: 'Rivera', given: ['Ana'] }],
          birthDate: '1990-04-02',
          ...(patientPubkeyNpubValue ? { identifier: [{ system: 'urn:ietf:rfc:3986', value: patientPubkeyNpubValue }] } : {}),
        },
      },
      {
        fullUrl: 'urn:uuid:6a1f0bb2-6f0e-4c3a-9a43-000000000002',
        resource: {
          resourceType: 'AllergyIntolerance',
          id: '6a1f0bb2-6f0e-4c3a-9a43-000000000002',
          clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
          code: { text: 'Penicillin' },
          patient: { reference: 'urn:uuid:6a1f0bb2-6f0e-4c3a-9a43-000000000001' },
        },
      },
      {
        fullUrl: 'urn:uuid:6a1f0bb2-6f0e-4c3a-9a43-000000000003',
        resource: {
          resourceType: 'Condition',
          id: '6a1f0bb2-6f0e-4c3a-9a43-000000000003',
          code: { text: 'Chlamydia infection (2016)' },
          subject: { reference: 'urn:uuid:6a1f0bb2-6f0e-4c3a-9a43-000000000001' },
        },
      },
      {
        fullUrl: 'urn:uuid:6a1f0bb2-6f0e-4c3a-9a43-000000000004',
        resource: {
          resourceType: 'Immunization',
          id: '6a1f0bb2-6f0e-4c3a-9a43-000000000004',
          status: 'completed',
          vaccineCode: { text: 'Tetanus' },
          occurrenceDateTime: '2021-05-01',
          patient: { reference: 'urn:uuid:6a1f0bb2-6f0e-4c3a-9a43-000000000001' },
        },
      },
    ],
  };
}

/**
 * Collects Lit's development warnings (other than the one-off "dev mode" notice) while `run`
 * runs, so element tests can assert there are none.
 */
export async function litWarnings(run: () => Promise<unknown> | unknown): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (!/dev mode|dev-mode/i.test(text)) seen.push(text);
    original.apply(console, args as []);
  };
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

/** Lit issues each warning once per page: forgets that change-in-update was issued, so it shows again. */
function reissueChangeInUpdate(): void {
  const issued = (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings;
  for (const warning of [...(issued ?? [])]) if (warning.includes('change-in-update')) issued!.delete(warning);
}

/** An element with a `relays` list a host sets as text, as `<nip82-session>` and the kit's elements have. */
type WithRelays = HTMLElement & { relays: string[] | string; updateComplete: Promise<boolean> };

/**
 * A `nip82-error` handler that fixes `relays` in answer to the bad-address report: the fix lands
 * within the same update (no change-in-update warning, no second update) and the list is reported
 * once. `mount` renders the element with `bad` and the handler; `fixed` checks the element then.
 * After it, with the handler no longer fixing, two bad lists set in turn are each reported once.
 */
export async function expectRelayFixWithinUpdate<E extends WithRelays>(
  mount: (bad: string, onError: (e: Event) => void) => Promise<E>,
  fixed: (el: E, good: string) => Promise<void> | void,
): Promise<void> {
  reissueChangeInUpdate();
  const good = 'ws://127.0.0.1:1';
  const reported: string[] = [];
  let fixing = true;
  const onError = (e: Event) => {
    reported.push((e as CustomEvent<{ message: string }>).detail.message);
    if (fixing) (e.currentTarget as E).relays = good;
  };
  let el!: E;
  const warnings = await litWarnings(async () => {
    el = await mount(`${good} relay.example.com`, onError);
    // Done in one update: none scheduled by the handler's change.
    expect(await el.updateComplete).to.equal(true);
  });
  expect(warnings.filter((w) => w.includes('change-in-update'))).to.deep.equal([]);
  expect(reported).to.have.length(1);
  expect(el.relays).to.deep.equal([good]);
  await fixed(el, good);

  fixing = false;
  await litWarnings(async () => {
    for (const list of [`${good} relay.example.com`, `${good} https://relay.example.org`, `${good} relay.example.com`, `${good} https://relay.example.org`]) {
      el.relays = list;
      await el.updateComplete;
    }
  });
  expect(reported).to.have.length(2);
  expect(reported[1]).to.contain('https://relay.example.org');
}

/** A Bundle's entries without its attestation Provenances (what a reader shows as items). */
export function itemsOf<E extends { resource: { resourceType: string } }>(bundle: { entry?: E[] }): E[] {
  return (bundle.entry ?? []).filter((e) => !isAttestation(e.resource as never));
}

/** Publishes `events` to `relay` (signed in as `signer` where it asks), as someone else's page would, and closes the connection. */
export async function publishTo(relay: string, events: readonly NostrEvent[], signer?: Signer): Promise<void> {
  const client = new RelayClient({ relays: [relay], signer });
  try {
    await client.publishAll(events);
  } finally {
    client.close();
  }
}

/** Publishes to a relay that refuses first copies (`flaky`): the same events again until each is in. */
export async function publishAnyway(relay: string, events: readonly NostrEvent[]): Promise<void> {
  const flaky = new RelayClient({ relays: [relay] });
  try {
    for (const e of events) if ((await flaky.publish(e)).some((r) => r.status !== 'accepted')) await flaky.publish(e);
  } finally {
    flaky.close();
  }
}

/** `base`, with the calls in `overrides` answered another way (a slow key, a signer app out of reach). */
export function signerWith(base: Signer, overrides: Partial<Signer>): Signer {
  return {
    getPublicKey: () => base.getPublicKey(),
    signEvent: (t) => base.signEvent(t),
    nip44Encrypt: (p, x) => base.nip44Encrypt(p, x),
    nip44Decrypt: (p, c) => base.nip44Decrypt(p, c),
    ...overrides,
  };
}

/** A signer whose decrypting waits until released, and that says when it was first asked to. */
export function heldDecrypt(base: Signer) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  let asked = false;
  const signer: Signer = {
    getPublicKey: () => base.getPublicKey(),
    signEvent: (t) => base.signEvent(t),
    nip44Encrypt: (p, x) => base.nip44Encrypt(p, x),
    nip44Decrypt: async (p, c) => {
      asked = true;
      await gate;
      return base.nip44Decrypt(p, c);
    },
  };
  return { signer, release, asked: () => asked };
}

/**
 * `base`, except that once armed, its k-th signer call from then on is never answered until
 * released (a remote signer gone quiet), and answered late then. Its calls are signatures,
 * encryptions and decryptions; with `countKey`, asking for the public key too (as a record store
 * does before a change, to know who is signed in); with `signInsOnly`, only the signatures that
 * sign the user in to a storage server (NIP-42), whatever was signed before them. `calls` counts
 * the calls that count.
 */
export function silentAt(base: Signer, options: { countKey?: boolean; signInsOnly?: boolean } = {}) {
  let count = 0;
  let at = 0;
  let asked = false;
  let answered = false;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    count += 1;
    if (count !== at) return work();
    asked = true;
    await gate;
    try {
      return await work();
    } finally {
      answered = true;
    }
  };
  const only = options.signInsOnly;
  const signer: Signer = {
    getPublicKey: () => (options.countKey && !only ? call(() => base.getPublicKey()) : base.getPublicKey()),
    signEvent: (t) => (only && t.kind !== 22242 ? base.signEvent(t) : call(() => base.signEvent(t))),
    nip44Encrypt: (p, x) => (only ? base.nip44Encrypt(p, x) : call(() => base.nip44Encrypt(p, x))),
    nip44Decrypt: (p, c) => (only ? base.nip44Decrypt(p, c) : call(() => base.nip44Decrypt(p, c))),
  };
  return {
    signer,
    arm: (k: number) => { at = count + k; },
    release,
    asked: () => asked,
    answered: () => answered,
    calls: () => count,
  };
}

/** The user behind `base` declines every sign-in to a storage server (NIP-42 AUTH) and signs everything else. */
export function decliningSignIn(base: Signer): Signer {
  return {
    getPublicKey: () => base.getPublicKey(),
    signEvent: async (template) => {
      if (template.kind === 22242) throw new SignerError('refused', 'User said no.');
      return base.signEvent(template);
    },
    nip44Encrypt: (peer, text) => base.nip44Encrypt(peer, text),
    nip44Decrypt: (peer, text) => base.nip44Decrypt(peer, text),
  };
}

/** The user behind `base` declines every signature until `signs()` is called, then signs as `base`. */
export function decliningSignatures(base: Signer): { signer: Signer; signs: () => void } {
  let refuse = true;
  const signer: Signer = {
    getPublicKey: () => base.getPublicKey(),
    signEvent: async (template) => {
      if (refuse) throw new SignerError('refused', 'User said no.');
      return base.signEvent(template);
    },
    nip44Encrypt: (peer, text) => base.nip44Encrypt(peer, text),
    nip44Decrypt: (peer, text) => base.nip44Decrypt(peer, text),
  };
  return { signer, signs: () => { refuse = false; } };
}

/** `who`'s profile (kind 0) naming them `name`, signed, for a test to publish. */
export function profileEvent(who: Person, name: string): Promise<NostrEvent> {
  return who.signer.signEvent({ kind: 0, created_at: Math.floor(Date.now() / 1000), tags: [], content: JSON.stringify({ name }) });
}

/**
 * A referral request (`Condition`, 30 days) from `clinician` to `patient`, published through `client`
 * and read back from the patient's mail, as a page hands it to the answer prompt (`.request`).
 */
export async function receivedRequest(client: RelayClient, patient: Person, clinician: Person): Promise<ConsentMessage> {
  const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'Referral', days: 30 });
  await client.publishAll(events);
  return (await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
}

/**
 * A patient's share to a clinic of a record a hospital wrote for them, until a day in 2099, for a
 * check-up, published to `client`'s relays: a clinician's page then has a share to show.
 */
export async function publishedShare(client: RelayClient): Promise<{ patient: Person; clinic: Person; events: NostrEvent[] }> {
  const [patient, clinic, hospital] = await Promise.all([person(), person(), person()]);
  const held = await openRecord(await createRecord({ bundle: sampleBundle(), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] }), patient.signer);
  const { source, fullUrl } = consentSource(held, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until: '2099-01-31', purpose: 'Check-up' }));
  const include = [...held.bundle.entry!.map((e) => e.fullUrl!), fullUrl];
  const events = await createShare({ from: [held, source], include, author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
  await client.publishAll(events);
  return { patient, clinic, events };
}

/** The words every element says after a storage server refused a sign-in for this device's clock. */
export const CLOCK_OFF_WORDS = {
  en: 'It refused the sign-in because the date and time on this device differ from its own: correct this device\'s clock, then try again.',
  es: 'Rechazó el inicio de sesión porque la fecha y la hora de este dispositivo no coinciden con las suyas: corrija el reloj de este dispositivo y vuelva a intentarlo.',
};

/**
 * Sets the page's clock `ms` ahead (negative: behind), as on a device whose clock is wrong: `Date.now()`
 * and `new Date()` both; returns what puts the true clock back. Intervals stay true, so waits still work.
 */
export function skewClock(ms: number): () => void {
  const RealDate = Date;
  class Skewed extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length) super(...(args as [number]));
      else super(RealDate.now() + ms);
    }

    static override now() {
      return RealDate.now() + ms;
    }
  }
  globalThis.Date = Skewed as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}
