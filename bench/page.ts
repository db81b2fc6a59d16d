/**
 * Benchmark page (bundled by bench/run.mjs, run in Chromium): opens records from a real local relay
 * through an in-page NIP-07 signer, and measures the crypto floor on the same events.
 *
 * Everything here runs on the page's main thread; the relay is the Node process that drives it.
 */
import {
  RecordKeyCache,
  RelayClient,
  createRecord,
  grantAccess,
  groupRecords,
  isAttestation,
  nip07Signer,
  openRecord,
  revokeAccess,
  secretKeySigner,
  type NostrEvent,
  type OpenedRecord,
  type Signer,
} from '../components/core/index.js';
import { finalizeEvent, generateSecretKey, getPublicKey, verifyEvent } from 'nostr-tools/pure';
import { decrypt, encrypt, getConversationKey } from 'nostr-tools/nip44';
import { npubEncode, naddrEncode } from 'nostr-tools/nip19';
import { hexToBytes } from 'nostr-tools/utils';
import { SimplePool } from 'nostr-tools/pool';

export interface BenchOptions {
  /** Records opened in the main measurement. */
  records?: number;
  /** Target size of each record's FHIR Bundle JSON, in bytes. */
  recordBytes?: number;
  /** Records used for the grant / revoke measurements. */
  changeSample?: number;
  /** Target size of the large multi-part record's Bundle JSON, in bytes. */
  largeBytes?: number;
  /** Repetitions of the large-record measurements (the best is reported). */
  largeRounds?: number;
  /** Interleaved kit and floor rounds, each on events never opened before (medians are reported). */
  rounds?: number;
  /** Events published concurrently during setup. */
  publishBatch?: number;
}

type Template = { kind: number; created_at: number; tags: string[][]; content: string };

interface Provider {
  getPublicKey(): Promise<string>;
  signEvent(t: Template): Promise<NostrEvent>;
  nip44: { encrypt(pub: string, text: string): Promise<string>; decrypt(pub: string, ct: string): Promise<string> };
}

/** A NIP-07 "extension" living in the page: a secret key, zero prompt latency, no caching. */
function installProvider(sk: Uint8Array): Provider {
  const provider = makeProvider(sk);
  (window as unknown as { nostr: Provider }).nostr = provider;
  return provider;
}

/** The same "extension" without installing it (the floor calls it directly). */
function makeProvider(sk: Uint8Array): Provider {
  const pub = getPublicKey(sk);
  const provider: Provider = {
    async getPublicKey() {
      return pub;
    },
    async signEvent(t) {
      return finalizeEvent({ kind: t.kind, created_at: t.created_at, tags: t.tags.map((x) => [...x]), content: t.content }, sk) as NostrEvent;
    },
    nip44: {
      async encrypt(peer, text) {
        return encrypt(text, getConversationKey(sk, peer));
      },
      async decrypt(peer, ct) {
        return decrypt(ct, getConversationKey(sk, peer));
      },
    },
  };
  return provider;
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// ------------------------------------------------------------------------------------------
// FHIR content

const LOREM =
  'Patient reports intermittent symptoms over the past weeks; reviewed history, medication adherence and lifestyle factors. ' +
  'Plan discussed with the patient, follow-up arranged, and written advice given. No acute distress on examination. ';

function text(n: number, seed: number): string {
  let out = `[${seed}] `;
  while (out.length < n) out += LOREM;
  return out.slice(0, n);
}

function uuid(): string {
  return crypto.randomUUID();
}

function observation(patientUrl: string, i: number, noteChars: number) {
  const vitals = [
    ['8867-4', 'Heart rate', 60 + (i % 40), '/min'],
    ['8480-6', 'Systolic blood pressure', 100 + (i % 50), 'mm[Hg]'],
    ['29463-7', 'Body weight', 50 + (i % 60), 'kg'],
    ['8310-5', 'Body temperature', 36 + (i % 3), 'Cel'],
    ['2339-0', 'Glucose [Mass/volume] in Blood', 70 + (i % 90), 'mg/dL'],
  ] as const;
  const [code, display, value, unit] = vitals[i % vitals.length]!;
  const id = uuid();
  return {
    fullUrl: `urn:uuid:${id}`,
    resource: {
      resourceType: 'Observation',
      id,
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs', display: 'Vital Signs' }] }],
      code: { coding: [{ system: 'http://loinc.org', code, display }], text: display },
      subject: { reference: patientUrl },
      effectiveDateTime: new Date(Date.UTC(2024, i % 12, 1 + (i % 28), 9, 30)).toISOString(),
      valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
      note: [{ text: text(noteChars, i) }],
    },
  };
}

function condition(patientUrl: string, i: number, noteChars: number) {
  const conditions = [
    ['44054006', 'Diabetes mellitus type 2'],
    ['38341003', 'Hypertensive disorder'],
    ['195967001', 'Asthma'],
  ] as const;
  const [code, display] = conditions[i % conditions.length]!;
  const id = uuid();
  return {
    fullUrl: `urn:uuid:${id}`,
    resource: {
      resourceType: 'Condition',
      id,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
      code: { coding: [{ system: 'http://snomed.info/sct', code, display }], text: display },
      subject: { reference: patientUrl },
      onsetDateTime: '2019-06-0' + (1 + (i % 9)) + 'T00:00:00Z',
      note: [{ text: text(noteChars, i) }],
    },
  };
}

function patientEntry(patientPub: string, i: number) {
  const id = uuid();
  return {
    fullUrl: `urn:uuid:${id}`,
    resource: {
      resourceType: 'Patient',
      id,
      identifier: [{ system: 'urn:ietf:rfc:3986', value: `nostr:${npubEncode(patientPub)}` }],
      name: [{ use: 'official', family: `Rivera-${i}`, given: ['Ana', 'Maria'] }],
      gender: 'female',
      birthDate: '1990-04-02',
      telecom: [{ system: 'email', value: `ana.${i}@example.org` }],
      address: [{ line: [`${i} Example Street`], city: 'Springfield', postalCode: '12345', country: 'US' }],
    },
  };
}

/** A Bundle of about `bytes` bytes of JSON: a Patient, then Observations and Conditions. */
function makeBundle(patientPub: string, i: number, bytes: number, perEntryNote = 300) {
  const patient = patientEntry(patientPub, i);
  const entry: unknown[] = [patient];
  const bundle = { resourceType: 'Bundle', type: 'collection', timestamp: new Date().toISOString(), entry };
  let size = JSON.stringify(bundle).length;
  for (let k = 0; ; k++) {
    const next = k % 4 === 3 ? condition(patient.fullUrl, i + k, perEntryNote) : observation(patient.fullUrl, i + k, perEntryNote);
    const cost = JSON.stringify(next).length + 1;
    if (size + cost > bytes) break;
    entry.push(next);
    size += cost;
  }
  // lengthen the last note so the Bundle lands on the target size
  const notes = (entry[entry.length - 1] as { resource: { note?: { text: string }[] } }).resource.note;
  const gap = bytes - JSON.stringify(bundle).length;
  if (notes && gap > 0) notes[0]!.text = text(notes[0]!.text.length + gap, i);
  return bundle;
}

// ------------------------------------------------------------------------------------------
// Helpers

const now = () => performance.now();

function progress(message: string): void {
  console.log(`[bench] ${message}`);
}

async function publishInBatches(client: RelayClient, events: NostrEvent[], batch: number): Promise<void> {
  for (let i = 0; i < events.length; i += batch) {
    const slice = events.slice(i, i + batch);
    await Promise.all(slice.map((e) => client.publishAll([e])));
  }
}

function keyTagFor(event: NostrEvent, pubkey: string): string {
  const tag = event.tags.find((t) => t[0] === 'key' && t[1] === pubkey);
  if (!tag || !tag[2]) throw new Error('no key tag for the reader');
  return tag[2];
}

/** A fresh seven-field copy, without anything nostr-tools may have cached on the object. */
function fresh(e: NostrEvent): NostrEvent {
  return { id: e.id, pubkey: e.pubkey, created_at: e.created_at, kind: e.kind, tags: e.tags, content: e.content, sig: e.sig };
}

/**
 * The crypto floor of opening one single-part record as a viewer: one signer decrypt of the key
 * tag, the outer signature, the content key and decrypt, the inner signature, the Bundle parse.
 */
async function floorOpen(event: NostrEvent, provider: Provider, readerPub: string): Promise<unknown> {
  const viewKeyHex = await provider.nip44.decrypt(event.pubkey, keyTagFor(event, readerPub));
  if (!verifyEvent(fresh(event))) throw new Error('floor: outer signature');
  const viewKey = hexToBytes(viewKeyHex);
  const conv = getConversationKey(viewKey, event.pubkey);
  const innerJson = decrypt(event.content, conv);
  const inner = JSON.parse(innerJson) as NostrEvent;
  if (inner.kind !== 82 || !verifyEvent(inner)) throw new Error('floor: inner signature');
  return JSON.parse(inner.content);
}

async function rawFetch(url: string, filter: object): Promise<{ count: number; ms: number }> {
  const t0 = now();
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error('raw websocket failed'));
  });
  const count = await new Promise<number>((resolve, reject) => {
    let n = 0;
    const timer = setTimeout(() => reject(new Error('raw fetch timeout')), 30000);
    ws.onmessage = (m) => {
      const msg = JSON.parse(m.data as string) as unknown[];
      if (msg[0] === 'EVENT') n++;
      else if (msg[0] === 'EOSE') {
        clearTimeout(timer);
        resolve(n);
      }
    };
    ws.send(JSON.stringify(['REQ', 'raw', filter]));
  });
  const ms = now() - t0;
  ws.close();
  return { count, ms };
}

/** The same query through a bare nostr-tools pool that trusts the relay (no checks at all). */
async function poolFetch(url: string, filter: { kinds: number[]; '#p': string[]; limit: number }): Promise<{ count: number; ms: number }> {
  const pool = new SimplePool({ enablePing: false, enableReconnect: false });
  pool.verifyEvent = () => true;
  const t0 = now();
  let count = 0;
  let sub: { close(): void } | undefined;
  await new Promise<void>((resolve) => {
    sub = pool.subscribe([url], filter, {
      onevent: () => {
        count++;
      },
      oneose: () => resolve(),
    });
  });
  const ms = now() - t0;
  sub?.close();
  await new Promise((r) => setTimeout(r, 50));
  pool.destroy();
  return { count, ms };
}

/** Like {@link perOp}, for async work; `reset` runs before each pass, untimed. */
async function perRecord(iterations: number, run: (i: number) => Promise<void>, reset?: () => void): Promise<number> {
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    reset?.();
    const t0 = now();
    for (let i = 0; i < iterations; i++) await run(i);
    best = Math.min(best, (now() - t0) / iterations);
  }
  return best;
}

/** Lets the driver start and stop a CPU profile around a phase (only when it asked for one). */
async function hook(phase: string): Promise<void> {
  const h = (window as unknown as { benchHook?: (p: string) => Promise<void> }).benchHook;
  if (h) await h(phase);
}

/** Mean time of one call, in ms: the best of three passes over `iterations` inputs. */
function perOp(iterations: number, run: (i: number) => void): number {
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = now();
    for (let i = 0; i < iterations; i++) run(i);
    best = Math.min(best, (now() - t0) / iterations);
  }
  return best;
}

// ------------------------------------------------------------------------------------------
// The benchmark

export async function runBench(relayUrl: string, options: BenchOptions = {}) {
  const N = options.records ?? 1000;
  const recordBytes = options.recordBytes ?? 4000;
  const changeSample = Math.min(options.changeSample ?? 100, N);
  const largeBytes = options.largeBytes ?? 300_000;
  const largeRounds = options.largeRounds ?? 3;
  const publishBatch = options.publishBatch ?? 50;
  const rounds = Math.max(1, options.rounds ?? 3);
  const result: Record<string, unknown> = { userAgent: navigator.userAgent, hardwareConcurrency: navigator.hardwareConcurrency };

  // People: a clinic (author, editor), the patient (reader, a viewer, through NIP-07).
  const authorSk = generateSecretKey();
  const author = secretKeySigner(authorSk);
  const authorPub = await author.getPublicKey();
  const readerSk = generateSecretKey();
  const provider = installProvider(readerSk);
  const readerPub = getPublicKey(readerSk);
  const reader: Signer = nip07Signer({ provider: () => (window as unknown as { nostr: Provider }).nostr });

  // ---- Setup: create (timed) and publish N records.
  const bundles = Array.from({ length: N }, (_, i) => makeBundle(readerPub, i, recordBytes));
  const bundleBytes = bundles.reduce((s, b) => s + JSON.stringify(b).length, 0) / N;
  progress(`creating ${N} records (bundle ~${Math.round(bundleBytes)} B)`);
  const created: NostrEvent[][] = [];
  let t0 = now();
  for (const bundle of bundles) {
    created.push(await createRecord({ bundle, author, participants: [{ pubkey: readerPub, role: 'viewer' }] }));
  }
  const createMs = now() - t0;
  const createdEvents = created.flat();
  const eventBytes = createdEvents.reduce((s, e) => s + JSON.stringify(e).length, 0) / createdEvents.length;
  result.create = { records: N, parts: createdEvents.length, ms: createMs, msPerRecord: createMs / N, msPerPart: createMs / createdEvents.length, bundleBytes, eventBytes };

  progress(`publishing ${createdEvents.length} events`);
  const publisher = new RelayClient({ relays: [relayUrl] });
  t0 = now();
  await publishInBatches(publisher, createdEvents, publishBatch);
  const publishMs = now() - t0;
  publisher.close();
  result.publish = { events: createdEvents.length, ms: publishMs, msPerEvent: publishMs / createdEvents.length, batch: publishBatch };

  // ---- Fresh events for every measured round. The kit memoises signature checks and nostr-tools
  // marks the objects it checked, so reopening the same events would skip the very Schnorr
  // checks the floor pays for. Each round gets a kit set (published, for its own reader) and a
  // floor set (in memory, for another reader), none of them opened before.
  type RoundSet = { sk: Uint8Array; pub: string; provider: Provider; events: NostrEvent[][] };
  const makeSet = async (offset: number, publish: boolean): Promise<RoundSet> => {
    const sk = generateSecretKey();
    const pub = getPublicKey(sk);
    const events: NostrEvent[][] = [];
    for (let i = 0; i < N; i++) {
      events.push(await createRecord({ bundle: makeBundle(pub, offset + i, recordBytes), author, participants: [{ pubkey: pub, role: 'viewer' }] }));
    }
    if (publish) {
      const client = new RelayClient({ relays: [relayUrl] });
      await publishInBatches(client, events.flat(), publishBatch);
      client.close();
    }
    return { sk, pub, provider: makeProvider(sk), events };
  };
  const sets: { kit: RoundSet; floor: RoundSet }[] = [];
  for (let round = 0; round < rounds; round++) {
    progress(`round ${round + 1}/${rounds}: creating ${2 * N} fresh records`);
    sets.push({ kit: await makeSet((round + 1) * 2 * N, true), floor: await makeSet((round + 1) * 2 * N + N, false) });
  }

  // ---- Warm-up (not timed): the same code paths on the setup records, so neither side pays for the JIT.
  progress('warming up');
  let groups: Map<string, NostrEvent[]>;
  {
    const warm = new RelayClient({ relays: [relayUrl] });
    const { events } = await warm.recordsFor(readerPub);
    warm.close();
    groups = groupRecords(events);
    const sample = [...groups.values()].slice(0, 100);
    const cache = new RecordKeyCache();
    for (const g of sample) await openRecord(g, reader, { keyCache: cache });
    for (const g of sample) await floorOpen(g[0]!, provider, readerPub);
    cache.wipe();
  }

  // ---- Kit (query + group + open, sequentially, fresh key cache, through NIP-07), then the floor
  // (the same steps without the kit, from memory), interleaved `rounds` times on fresh events each
  // time. Medians are reported: one disturbed round on a shared machine moves neither.
  type KitRound = { ms: number; queryMs: number; groupMs: number; openMs: number; events: number };
  const kitRounds: KitRound[] = [];
  const floorRounds: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const set = sets[round]!;
    progress(`round ${round + 1}/${rounds}: kit`);
    installProvider(set.kit.sk);
    const roundReader: Signer = nip07Signer({ provider: () => (window as unknown as { nostr: Provider }).nostr });
    const keyCache = new RecordKeyCache();
    const client = new RelayClient({ relays: [relayUrl] });
    if (round === 0) await hook('kit-start');
    const tKit0 = now();
    const { events: fetched, reports } = await client.recordsFor(set.kit.pub);
    const tQuery = now();
    const roundGroups = groupRecords(fetched);
    const tGroup = now();
    const opened: OpenedRecord[] = [];
    for (const events of roundGroups.values()) opened.push(await openRecord(events, roundReader, { keyCache }));
    const tKit1 = now();
    if (round === 0) await hook('kit-end');
    client.close();
    const bad = opened.filter((r) => r.role !== 'viewer' || r.parts.have !== r.parts.total || !r.authorVerified || r.author !== authorPub);
    if (opened.length !== N) throw new Error(`kit opened ${opened.length} records, expected ${N} (query reports: ${JSON.stringify(reports)})`);
    if (bad.length) throw new Error(`${bad.length} records opened wrongly`);
    kitRounds.push({ ms: tKit1 - tKit0, queryMs: tQuery - tKit0, groupMs: tGroup - tQuery, openMs: tKit1 - tGroup, events: fetched.length });
    keyCache.wipe();

    progress(`round ${round + 1}/${rounds}: floor`);
    const firstParts = set.floor.events.map((g) => g[0]!);
    if (round === 0) await hook('floor-start');
    const tFloor0 = now();
    for (const e of firstParts) await floorOpen(e, set.floor.provider, set.floor.pub);
    floorRounds.push(now() - tFloor0);
    if (round === 0) await hook('floor-end');
  }
  installProvider(readerSk);
  const kitMs = median(kitRounds.map((r) => r.ms));
  const floorMs = median(floorRounds);
  result.kit = {
    records: N,
    events: kitRounds[0]!.events,
    ms: kitMs,
    queryMs: median(kitRounds.map((r) => r.queryMs)),
    groupMs: median(kitRounds.map((r) => r.groupMs)),
    openMs: median(kitRounds.map((r) => r.openMs)),
    perSec: (N / kitMs) * 1000,
    concurrency: 'sequential',
    rounds: kitRounds,
  };
  result.floor = { records: N, ms: floorMs, perSec: (N / floorMs) * 1000, rounds: floorRounds };
  result.ratio = kitMs / floorMs;
  result.roundRatios = kitRounds.map((r, i) => r.ms / floorRounds[i]!);
  const firstParts = [...groups.values()].map((g) => g[0]!);

  // ---- Where the time goes: the network alone, and per-operation costs.
  progress('breakdown');
  {
    const raw = await rawFetch(relayUrl, { kinds: [32225], '#p': [readerPub], limit: N });
    const pooled = await poolFetch(relayUrl, { kinds: [32225], '#p': [readerPub], limit: N });
    const sample = firstParts.slice(0, 200);
    const m = sample.length;
    const viewKeys = await Promise.all(sample.map((e) => provider.nip44.decrypt(e.pubkey, keyTagFor(e, readerPub))));
    const convs = sample.map((e, i) => getConversationKey(hexToBytes(viewKeys[i]!), e.pubkey));
    const inners = sample.map((e, i) => decrypt(e.content, convs[i]!));
    const innerEvents = inners.map((s) => JSON.parse(s) as NostrEvent);
    const providerDecrypt = await perRecord(m, async (i) => void (await provider.nip44.decrypt(sample[i]!.pubkey, keyTagFor(sample[i]!, readerPub))));
    const nip07Decrypt = await perRecord(m, async (i) => void (await reader.nip44Decrypt(sample[i]!.pubkey, keyTagFor(sample[i]!, readerPub))));
    const verifyOuter = perOp(m, (i) => verifyEvent(fresh(sample[i]!)));
    const ecdh = perOp(m, (i) => getConversationKey(hexToBytes(viewKeys[i]!), sample[i]!.pubkey));
    const contentDecrypt = perOp(m, (i) => decrypt(sample[i]!.content, convs[i]!));
    const verifyInner = perOp(m, (i) => verifyEvent(fresh(innerEvents[i]!)));
    const parse = perOp(m, (i) => JSON.parse(JSON.parse(inners[i]!).content));
    const pubFromSecret = perOp(m, (i) => getPublicKey(hexToBytes(viewKeys[i]!)));
    const naddr = perOp(m, (i) => naddrEncode({ kind: 32225, pubkey: sample[i]!.pubkey, identifier: sample[i]!.tags[0]![1]! }));
    // the kit's open alone, from memory (no network), with a fresh cache
    const sampleGroups = [...groups.values()].slice(0, m);
    let cache2 = new RecordKeyCache();
    const kitOpenFromMemory = await perRecord(
      m,
      async (i) => void (await openRecord(sampleGroups[i]!, reader, { keyCache: cache2 })),
      () => (cache2 = new RecordKeyCache()),
    );
    // the same again with the keys cached (no signer call)
    const kitOpenCached = await perRecord(m, async (i) => void (await openRecord(sampleGroups[i]!, reader, { keyCache: cache2 })));
    const floorPerRecord = await perRecord(m, async (i) => void (await floorOpen(sample[i]!, provider, readerPub)));
    result.breakdown = {
      sample: m,
      rawFetch: { events: raw.count, ms: raw.ms },
      poolFetch: { events: pooled.count, ms: pooled.ms },
      msPerOp: { providerDecrypt, nip07Decrypt, verifyOuter, ecdh, contentDecrypt, verifyInner, parse, pubFromSecret, naddr },
      kitOpenFromMemory,
      kitOpenCached,
      floorPerRecord,
    };
  }

  // ---- Grant and revoke (a viewer) on single-part records, opened by their author (an editor).
  progress('grant / revoke');
  {
    const sample = created.slice(0, changeSample);
    const m = sample.length;
    const createMs = await perRecord(m, async (i) => void (await createRecord({ bundle: bundles[i]!, author, participants: [{ pubkey: readerPub, role: 'viewer' }] })));
    let cache = new RecordKeyCache();
    const asEditor: OpenedRecord[] = [];
    const openEditorMs = await perRecord(
      m,
      async (i) => void (asEditor[i] = await openRecord(sample[i]!, author, { keyCache: cache })),
      () => (cache = new RecordKeyCache()),
    );
    if (asEditor.some((r) => r.role !== 'editor')) throw new Error('author did not open as editor');
    const newViewer = getPublicKey(generateSecretKey());
    const parts = asEditor.reduce((s, r) => s + r.events.length, 0);
    const granted: OpenedRecord[] = [];
    const grantMs = await perRecord(m, async (i) => void (granted[i] = (await grantAccess(asEditor[i]!, { pubkey: newViewer, role: 'viewer' })).record));
    const revokeMs = await perRecord(m, async (i) => void (await revokeAccess(granted[i]!, newViewer)));
    const perPart = m / parts;
    result.change = {
      records: m,
      parts,
      createMsPerRecord: createMs,
      createMsPerPart: createMs * perPart,
      openEditorMsPerRecord: openEditorMs,
      grantMsPerRecord: grantMs,
      grantMsPerPart: grantMs * perPart,
      revokeMsPerRecord: revokeMs,
      revokeMsPerPart: revokeMs * perPart,
    };
  }

  // ---- A large multi-part record: create, publish, fetch + open (NIP-07 viewer), grant, revoke.
  progress(`large record (~${largeBytes} B) x${largeRounds}`);
  {
    const rows: { parts: number; eventBytes: number; create: number; publish: number; fetch: number; open: number; openEditor: number; grant: number; revoke: number }[] = [];
    let bytes = 0;
    const c = new RelayClient({ relays: [relayUrl] });
    for (let round = 0; round < largeRounds; round++) {
      const bundle = makeBundle(readerPub, 100000 + round, largeBytes, 1200);
      bytes = JSON.stringify(bundle).length;
      let t = now();
      const events = await createRecord({ bundle, author, participants: [{ pubkey: readerPub, role: 'viewer' }] });
      const create = now() - t;
      t = now();
      await c.publishAll(events);
      const publish = now() - t;
      t = now();
      const got = await c.query({ kinds: [32225], authors: [events[0]!.pubkey] });
      const fetch = now() - t;
      t = now();
      const opened = await openRecord(got.events, reader, { keyCache: new RecordKeyCache() });
      const open = now() - t;
      if (opened.parts.have !== events.length || opened.parts.total !== events.length) throw new Error('large record: parts missing');
      // The author's attestation travels beside the entries: count the entries themselves.
      const entries = (opened.bundle.entry ?? []).filter((e) => !isAttestation(e.resource));
      if (entries.length !== bundle.entry.length) throw new Error('large record: entries missing');
      t = now();
      const asEditor = await openRecord(events, author);
      const openEditor = now() - t;
      const newViewer = getPublicKey(generateSecretKey());
      t = now();
      const g = await grantAccess(asEditor, { pubkey: newViewer, role: 'viewer' });
      const grant = now() - t;
      t = now();
      await revokeAccess(g.record, newViewer);
      const revoke = now() - t;
      const eventBytes = events.reduce((s, e) => s + JSON.stringify(e).length, 0) / events.length;
      rows.push({ parts: events.length, eventBytes, create, publish, fetch, open, openEditor, grant, revoke });
    }
    c.close();
    const parts = rows[0]!.parts;
    const best = (k: keyof (typeof rows)[number]) => Math.min(...rows.map((r) => r[k]));
    result.large = {
      bundleBytes: bytes,
      parts,
      eventBytes: best('eventBytes'),
      rounds: rows.length,
      ms: { create: best('create'), publish: best('publish'), fetch: best('fetch'), open: best('open'), openEditor: best('openEditor'), grant: best('grant'), revoke: best('revoke') },
    };
  }

  author.forget();
  progress('done');
  return result;
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;