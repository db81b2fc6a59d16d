/**
 * Viewer benchmark page (bundled by bench/run.mjs, run in Chromium, one fresh page per case):
 * mounts <nip82-record-viewer> with a large Bundle handed in, or with a record to unlock from
 * the local relay, and reports when its content was first painted and when the main thread went
 * quiet. The scrolling and typing are real input from the driver (bench/viewer.mjs); this page
 * only times phases and reads the long tasks the browser reported during them.
 */
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { RelayClient, createRecord, secretKeySigner } from '../components/core/index.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { growBundle } from './viewer-data.js';
import { afterPaint, longTasks, quietSince, settle, statsBetween, watchMainThread, type PhaseStats } from './main-thread.js';

watchMainThread();

/** Quiet main thread for this long after the first paint counts as interactive. */
const QUIET_MS = 500;
const MAX_WAIT_MS = 30_000;

export interface MountResult {
  resources: number;
  bundleBytes: number;
  parts?: number;
  /** Element connected (or unlock clicked) → first items painted. */
  firstRenderMs: number;
  /** Element connected (or unlock clicked) → main thread quiet for QUIET_MS. */
  interactiveMs: number;
  /** Long tasks from connection until interactive. */
  load: PhaseStats;
  itemsShown: number;
}

let bundle: FhirBundle | undefined;
let bundleBytes = 0;
let reader: Uint8Array | undefined;
let parts: number | undefined;
let phaseStart = 0;
/** What the driver was doing from when: long tasks are told by the step they followed. */
let steps: { at: number; step: string }[] = [];

async function source(): Promise<FhirBundle> {
  const res = await fetch('/fixture.json');
  if (!res.ok) throw new Error(`fixture: HTTP ${res.status}`);
  return (await res.json()) as FhirBundle;
}

/** Builds the Bundle for this case (not timed). */
async function prepare(resources: number): Promise<{ resources: number; bundleBytes: number }> {
  bundle = growBundle(await source(), resources);
  bundleBytes = JSON.stringify(bundle).length;
  return { resources: bundle.entry?.length ?? 0, bundleBytes };
}

/** Builds the Bundle, makes it a record shared with a fresh reader key, publishes it (not timed). */
async function prepareRecord(relayUrl: string, resources: number): Promise<{ resources: number; bundleBytes: number; parts: number }> {
  const made = await prepare(resources);
  const author = secretKeySigner(generateSecretKey());
  reader = generateSecretKey();
  const events = await createRecord({ bundle: bundle!, author, participants: [{ pubkey: getPublicKey(reader), role: 'viewer' }] });
  const client = new RelayClient({ relays: [relayUrl] });
  try {
    await client.publishAll(events);
  } finally {
    client.close();
  }
  author.forget();
  parts = events.length;
  return { ...made, parts };
}

function viewerOf(): Nip82RecordViewer {
  const el = document.querySelector('nip82-record-viewer');
  if (!el) throw new Error('no viewer mounted');
  return el as Nip82RecordViewer;
}

function itemsIn(el: Nip82RecordViewer): Element[] {
  return [...(el.shadowRoot?.querySelectorAll('[part="item"]') ?? [])];
}

/** The first frame that painted an item inside the viewport, as a time after that paint. */
async function firstItemsPainted(el: Nip82RecordViewer): Promise<number> {
  const deadline = performance.now() + MAX_WAIT_MS;
  for (;;) {
    const shown = itemsIn(el).some((li) => {
      const r = li.getBoundingClientRect();
      return r.height > 0 && r.top < innerHeight;
    });
    const t = await afterPaint();
    if (shown) return t;
    if (el.status === 'bad-data' || el.status === 'relay-error') throw new Error(`viewer ended in ${el.status}`);
    if (t > deadline) throw new Error('the viewer showed no items');
  }
}

async function measureFrom(el: Nip82RecordViewer, t0: number): Promise<MountResult> {
  const painted = await firstItemsPainted(el);
  const quiet = await quietSince(painted, QUIET_MS, MAX_WAIT_MS);
  return {
    resources: bundle?.entry?.length ?? 0,
    bundleBytes,
    parts,
    firstRenderMs: painted - t0,
    interactiveMs: quiet - t0,
    load: statsBetween(t0, Number.isFinite(quiet) ? quiet + 1 : performance.now()),
    itemsShown: itemsIn(el).length,
  };
}

/** Hands the Bundle to a new viewer and connects it; times the first paint and the quiet. */
async function mount(): Promise<MountResult> {
  if (!bundle) throw new Error('prepare first');
  const el = document.createElement('nip82-record-viewer');
  el.bundle = bundle;
  await afterPaint();
  const t0 = performance.now();
  document.body.append(el);
  return measureFrom(el, t0);
}

/** Connects a viewer for the relay with the reader's signer, then presses its unlock button. */
async function mountRecord(relayUrl: string): Promise<MountResult> {
  if (!reader) throw new Error('prepareRecord first');
  const el = document.createElement('nip82-record-viewer');
  el.relays = [relayUrl];
  el.signer = secretKeySigner(reader);
  document.body.append(el);
  await el.updateComplete;
  await settle(100);
  const unlock = el.shadowRoot?.querySelector<HTMLButtonElement>('button.unlock');
  if (!unlock) throw new Error('no unlock button');
  const t0 = performance.now();
  unlock.click();
  return measureFrom(el, t0);
}

function startPhase(): void {
  phaseStart = performance.now();
  steps = [];
}

/** The driver is about to do `step`. */
function step(name: string): void {
  steps.push({ at: performance.now(), step: name });
}

/** Statistics since startPhase, once the last frames have been reported, with each long task's step. */
async function endPhase(): Promise<PhaseStats & { itemsShown: number; tasks: { ms: number; step: string }[] }> {
  const end = await settle();
  const tasks = longTasks(phaseStart, end).map((t) => ({
    ms: Math.round(t.duration),
    step: steps.filter((s) => s.at <= t.start).at(-1)?.step ?? '(start)',
  }));
  return { ...statsBetween(phaseStart, end), itemsShown: itemsIn(viewerOf()).length, tasks };
}

/** Whether the page is scrolled to its end. */
function atBottom(): boolean {
  const s = document.scrollingElement!;
  return s.scrollTop + innerHeight >= s.scrollHeight - 4;
}

const api = { prepare, prepareRecord, mount, mountRecord, startPhase, step, endPhase, atBottom };
export type ViewerBench = typeof api;
(window as unknown as { viewerBench: ViewerBench }).viewerBench = api;
