// Benchmark: open 1,000 ~4 KB records from a real local relay through an in-page NIP-07 signer in
// Chromium, against the crypto floor measured in the same run; plus create / grant / revoke costs.
// Then the viewer: first render, interactive and long tasks while scrolling and filtering with
// 100, 1,000 and 10,000 resources (bench/viewer.mjs). Then the size table, when there is one.
//
//   node bench/run.mjs
//   CHROME_PATH  Chromium binary (default /usr/bin/chromium)
//   BENCH_ONLY   phases to run, comma-separated: open, viewer, crypto, size (default all)
//   (crypto: bench/crypto.mjs in Node on the built core: NIP-44 64 KB against raw ChaCha20 + HMAC, 1 MB / 5 MB records,
//    open rates of small records with the JS and the WASM verifier against the crypto floor)
//   BENCH_RECORDS records to open (default 1000), BENCH_ROUNDS interleaved kit/floor rounds, each on
//                 records never opened before (default 3; medians reported)
//   BENCH_VIEWER_SIZES resources per handed-in Bundle (default 100,1000,10000)
//   BENCH_VIEWER_RELAY resources per record unlocked from the relay (default 1000; empty for none)
//   BENCH_PROFILE=1  also print a V8 CPU profile summary of the first kit and floor rounds, and of
//                    each viewer load, scroll and filter phase
//   BENCH_VERBOSE=1  list every long task of the viewer phases with the step it followed
//   BENCH_CPU=1      also trace each viewer load and report the CPU (thread) time of its longest
//                    task: on a machine busy with other work, wall-clock long tasks mostly measure the wait
//
// Everything stays on 127.0.0.1: the relay, the page server, and Chromium (which may not resolve
// any other host). The run stops by itself: a hard deadline ends the process whatever happens.
// Exit code 0 when the run completed (targets met or not), non-zero when anything failed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { chromium } from 'playwright';
import { startRelay } from '../scripts/relay.mjs';
import { reportViewer, runViewerBench } from './viewer.mjs';

const HARD_TIMEOUT_MS = 12 * 60 * 1000;
const RUN_TIMEOUT_MS = 7 * 60 * 1000;
const VIEWER_TIMEOUT_MS = 4 * 60 * 1000;
const SIZE_TIMEOUT_MS = 2 * 60 * 1000;
const TARGET_PER_SEC = 250;
const TARGET_RATIO = 1.5;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
if (!(RECORDS >= 1 && ROUNDS >= 1)) throw new Error('BENCH_RECORDS and BENCH_ROUNDS must be positive numbers');
const PHASES = ['open', 'viewer', 'crypto', 'size'];
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((x) => x.trim()).filter(Boolean);
for (const p of ONLY) if (!PHASES.includes(p)) throw new Error(`BENCH_ONLY: unknown phase ${p} (phases: ${PHASES.join(', ')})`);
const runs = (p) => ONLY.length === 0 || ONLY.includes(p);
const sizesOf = (value, fallback) =>
  (value ?? fallback).split(',').map((x) => x.trim()).filter(Boolean).map((x) => {
    const n = Number(x);
    if (!(Number.isInteger(n) && n >= 2)) throw new Error(`viewer sizes must be whole numbers of at least 2: ${x}`);
    return n;
  });
const VIEWER_SIZES = sizesOf(process.env.BENCH_VIEWER_SIZES, '100,1000,10000');
const VIEWER_RELAY = sizesOf(process.env.BENCH_VIEWER_RELAY, '1000');
// BENCH_PROFILE=1: take a V8 CPU profile of the kit and floor phases and print where the time went
// (sampling slows the run a little, so the figures of a profiled run are not the reference ones).
const PROFILE = !!process.env.BENCH_PROFILE;

const hardStop = setTimeout(() => {
  console.error(`bench: hard timeout (${HARD_TIMEOUT_MS / 1000} s) reached, aborting`);
  process.exit(3);
}, HARD_TIMEOUT_MS);
hardStop.unref();

const log = (line = '') => process.stdout.write(`${line}\n`);
const note = (line) => process.stderr.write(`${line}\n`);
const f = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : String(n));
const round = (n, d) => Math.round(n * 10 ** d) / 10 ** d;

async function bundlePage(file) {
  const bundle = await rollup({
    input: path.join(here, file),
    plugins: [nodeResolve({ browser: true }), esbuild({ target: 'es2022', tsconfig: path.join(root, 'tsconfig.json') })],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  });
  try {
    // One file: the page server serves only it, so the parts the kit loads on demand come inside it.
    const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

const pageHtml = (script) => `<!doctype html><meta charset="utf-8"><title>nip82 bench</title><script type="module" src="/${script}"></script>`;

/** Serves `routes` (path → [content type, body]) on loopback. */
async function servePages(routes) {
  const server = http.createServer((req, res) => {
    const route = routes[req.url === '/' ? '/index.html' : req.url];
    if (route) {
      res.writeHead(200, { 'Content-Type': route[0], 'Cache-Control': 'no-store' });
      res.end(route[1]);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function report(r) {
  const kit = r.kit;
  const floor = r.floor;
  const b = r.breakdown;
  const ms = b.msPerOp;
  log(`nip82-elements benchmark — ${r.userAgent.match(/(HeadlessChrome|Chrome)\/[\d.]+/)?.[0] ?? 'Chromium'}, ${r.hardwareConcurrency} hardware threads`);
  log('');
  log(`Setup: ${r.create.records} records, FHIR Bundle ~${f(r.create.bundleBytes, 0)} B each, event ~${f(r.create.eventBytes, 0)} B (${r.create.parts} parts)`);
  log(`  create (all ${r.create.records}, sequential, secret-key author, 1 viewer + author): ${f(r.create.msPerRecord, 2)} ms/record, ${f(r.create.msPerPart, 2)} ms/part`);
  log(`  publish: ${f(r.publish.msPerEvent, 2)} ms/event (${r.publish.batch} in flight, one relay)`);
  log('');
  log(`Open ${kit.records} records through NIP-07 (window.nostr in the page), sequential, fresh RecordKeyCache;`);
  log(`  new events every round (none opened before, by the kit or the floor), medians of ${kit.rounds.length} interleaved rounds:`);
  log(`  kit:   ${f(kit.perSec)} records/s  (${f(kit.ms, 0)} ms = query ${f(kit.queryMs, 0)} + group ${f(kit.groupMs, 1)} + open ${f(kit.openMs, 0)})`);
  log(`  floor: ${f(floor.perSec)} records/s  (${f(floor.ms, 0)} ms; signer decrypt + outer verify + content decrypt + inner verify + parse, no network)`);
  log(`  ratio: ${f(r.ratio, 2)} (median kit time / median floor time; per round: ${r.roundRatios.map((x) => f(x, 2)).join(', ')})`);
  log(`  rounds: kit ${kit.rounds.map((x) => f((kit.records / x.ms) * 1000)).join(', ')} records/s; floor ${floor.rounds.map((ms) => f((floor.records / ms) * 1000)).join(', ')} records/s`);
  const okRate = kit.perSec >= TARGET_PER_SEC;
  const okRatio = r.ratio <= TARGET_RATIO;
  log(`  target ≥ ${TARGET_PER_SEC} records/s: ${okRate ? 'MET' : 'MISSED'}; target ratio ≤ ${TARGET_RATIO}: ${okRatio ? 'MET' : 'MISSED'}`);
  log('');
  log(`Where the time goes (per record, ms, mean over ${b.sample} records, best of 3 passes):`);
  log(`  network alone (plain WebSocket REQ, ${b.rawFetch.events} events): ${f(b.rawFetch.ms, 0)} ms total, ${f(b.rawFetch.ms / Math.max(1, b.rawFetch.events), 3)} ms/event`);
  log(`  nostr-tools pool alone, no checks (${b.poolFetch.events} events): ${f(b.poolFetch.ms, 0)} ms total, ${f(b.poolFetch.ms / Math.max(1, b.poolFetch.events), 3)} ms/event`);
  log(`  kit query (fetch + kit's per-event checks): ${f(kit.queryMs / kit.events, 3)} ms/event`);
  log(`  kit openRecord from memory: ${f(b.kitOpenFromMemory, 3)} ms; with the key cached (no signer call): ${f(b.kitOpenCached, 3)} ms; floor: ${f(b.floorPerRecord, 3)} ms`);
  log(`  provider decrypt ${f(ms.providerDecrypt, 3)} | via nip07Signer ${f(ms.nip07Decrypt, 3)} | verify outer ${f(ms.verifyOuter, 3)} | ECDH ${f(ms.ecdh, 3)} | content decrypt ${f(ms.contentDecrypt, 3)} | verify inner ${f(ms.verifyInner, 3)} | parse ${f(ms.parse, 3)} | getPublicKey ${f(ms.pubFromSecret, 3)} | naddr ${f(ms.naddr, 3)}`);
  log('');
  const c = r.change;
  log(`Create and access changes on ${c.records} single-part records (${c.parts} parts), best of 3 passes; changes by the author (editor):`);
  log(`  create:         ${f(c.createMsPerRecord, 2)} ms/record, ${f(c.createMsPerPart, 2)} ms/part`);
  log(`  open as editor: ${f(c.openEditorMsPerRecord, 2)} ms/record`);
  log(`  grant viewer:   ${f(c.grantMsPerRecord, 2)} ms/record, ${f(c.grantMsPerPart, 2)} ms/part`);
  log(`  revoke viewer:  ${f(c.revokeMsPerRecord, 2)} ms/record, ${f(c.revokeMsPerPart, 2)} ms/part`);
  log('');
  const L = r.large;
  const per = (x) => `${f(x, 1)} ms (${f(x / L.parts, 2)} ms/part)`;
  log(`Large record: Bundle ${f(L.bundleBytes / 1000, 0)} KB → ${L.parts} parts of ~${f(L.eventBytes / 1000, 1)} KB (best of ${L.rounds}):`);
  log(`  create ${per(L.ms.create)}; publish ${per(L.ms.publish)}; fetch ${per(L.ms.fetch)}`);
  log(`  open (viewer, NIP-07) ${per(L.ms.open)}; open (editor) ${per(L.ms.openEditor)}`);
  log(`  grant viewer ${per(L.ms.grant)}; revoke viewer ${per(L.ms.revoke)}`);
  log('');
  log(`bench-open: ${JSON.stringify({ records: kit.records, kitPerSec: round(kit.perSec, 1), floorPerSec: round(floor.perSec, 1), ratio: round(r.ratio, 2) })}`);
}

/** Self and inclusive time per function of a V8 CPU profile, in ms. */
function summariseProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => {
    const cf = n.callFrame;
    const name = cf.functionName || '(anonymous)';
    if (!cf.url) return name;
    return `${name} ${cf.url.replace(/^.*\//, '')}:${cf.lineNumber + 1}`;
  };
  const self = new Map();
  const total = new Map();
  let all = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    all += dt;
    let node = byId.get(samples[i]);
    self.set(label(node), (self.get(label(node)) ?? 0) + dt);
    const seen = new Set();
    while (node) {
      const l = label(node);
      if (!seen.has(l)) {
        seen.add(l);
        total.set(l, (total.get(l) ?? 0) + dt);
      }
      node = byId.get(parent.get(node.id));
    }
  }
  const top = (m, k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
  return { all, self: top(self, 18), total: top(total, 40) };
}

function printProfile(name, p) {
  log(`CPU profile of the ${name} phase (${f(p.all, 0)} ms sampled):`);
  log('  self time:');
  for (const [l, ms] of p.self) log(`    ${f(ms, 0).padStart(6)} ms  ${l}`);
  log('  inclusive time:');
  for (const [l, ms] of p.total) log(`    ${f(ms, 0).padStart(6)} ms  ${l}`);
  log('');
}

/** The open phase: the existing page, one evaluate that does everything, then its report. */
async function runOpenPhase(context, url, relayUrl) {
  const page = await context.newPage();
  const profiles = {};
  if (PROFILE) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.exposeFunction('benchHook', async (phase) => {
      const [name, edge] = phase.split('-');
      if (edge === 'start') await cdp.send('Profiler.start');
      else profiles[name] = summariseProfile((await cdp.send('Profiler.stop')).profile);
    });
  }
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning' || m.text().startsWith('[bench]')) note(`page ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => note(`page error: ${e.message}`));
  try {
    await page.goto(url, { timeout: 30_000 });
    await page.waitForFunction(() => typeof window.runBench === 'function', null, { timeout: 30_000 });
    const result = await withTimeout(
      page.evaluate(([r, options]) => window.runBench(r, options), [relayUrl, { records: RECORDS, rounds: ROUNDS }]),
      RUN_TIMEOUT_MS,
      'the benchmark page',
    );
    for (const [name, p] of Object.entries(profiles)) printProfile(name, p);
    report(result);
  } finally {
    await page.close();
  }
}

/**
 * The size table of another tool, when the checkout has it: its output passed through as is. Its
 * exit code is its own verdict on the size budget (a missed target, not a failed run), so it is
 * printed rather than turned into the benchmark's exit code; only a failure to run it fails.
 */
async function runSizeHook() {
  const script = path.join(root, 'scripts', 'size.mjs');
  if (!existsSync(script)) {
    note('bench: no scripts/size.mjs, no size table');
    return true;
  }
  const child = spawn(process.execPath, [script], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const timer = setTimeout(() => child.kill('SIGTERM'), SIZE_TIMEOUT_MS);
  const { code, signal, error } = await new Promise((resolve) => {
    child.on('error', (e) => resolve({ error: e }));
    child.on('exit', (c, s) => resolve({ code: c, signal: s }));
  }).finally(() => clearTimeout(timer));
  if (error || signal) {
    console.error(`bench: scripts/size.mjs did not run: ${error?.message ?? `ended by ${signal}`}`);
    return false;
  }
  if (code !== 0) log(`bench: scripts/size.mjs exited with ${code}`);
  return true;
}

async function main() {
  const cleanups = [];
  let failed = false;
  try {
    const started = Date.now();
    if (runs('open') || runs('viewer')) {
      const relay = await startRelay({});
      cleanups.push(() => relay.close());
      if (!/^ws:\/\/127\.0\.0\.1:\d+$/.test(relay.url)) throw new Error(`relay is not on loopback: ${relay.url}`);

      const js = 'text/javascript; charset=utf-8';
      const html = 'text/html; charset=utf-8';
      const routes = {};
      if (runs('open')) Object.assign(routes, { '/index.html': [html, pageHtml('page.js')], '/page.js': [js, await bundlePage('page.ts')] });
      if (runs('viewer')) {
        Object.assign(routes, {
          '/viewer.html': [html, pageHtml('viewer.js')],
          '/viewer.js': [js, await bundlePage('viewer-page.ts')],
          '/fixture.json': ['application/fhir+json', readFileSync(path.join(root, 'test', 'fixtures', 'synthea-patient.json'))],
        });
      }
      const { server, url } = await servePages(routes);
      cleanups.push(() => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }));

      const browser = await chromium.launch({
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        timeout: 60_000,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
          '--no-first-run',
          // nothing but loopback can be resolved
          '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        ],
      });
      cleanups.push(() => browser.close());
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await context.route('**/*', (route) => {
        const u = new URL(route.request().url());
        return u.hostname === '127.0.0.1' ? route.continue() : route.abort();
      });

      if (runs('open')) {
        await runOpenPhase(context, url, relay.url);
        note(`bench: open phase finished at ${f((Date.now() - started) / 1000, 1)} s`);
        log('');
      }
      if (runs('viewer')) {
        const rows = await withTimeout(
          runViewerBench({ context, url: `${url}viewer.html`, relayUrl: relay.url, sizes: VIEWER_SIZES, relaySizes: VIEWER_RELAY, progress: (l) => note(`[bench] ${l}`), profiling: PROFILE, cpu: !!process.env.BENCH_CPU }),
          VIEWER_TIMEOUT_MS,
          'the viewer phase',
        );
        note(`bench: viewer phase finished at ${f((Date.now() - started) / 1000, 1)} s`);
        for (const r of rows) {
          for (const p of ['load', 'scroll', 'filter']) if (r[p]?.profile) printProfile(`viewer ${r.resources} ${r.source} ${p}`, summariseProfile(r[p].profile));
        }
        reportViewer(rows, log);
        log('');
      }
    }
    if (runs('crypto')) {
      const { runCryptoBench } = await import('./crypto.mjs');
      await runCryptoBench();
      log('');
    }
    if (runs('size') && !(await runSizeHook())) failed = true;
    note(`bench: finished in ${f((Date.now() - started) / 1000, 1)} s`);
  } catch (error) {
    failed = true;
    console.error('bench failed:', error?.stack ?? error);
  } finally {
    for (const close of cleanups.reverse()) {
      try {
        await withTimeout(Promise.resolve().then(close), 15_000, 'cleanup');
      } catch (error) {
        failed = true;
        console.error('bench cleanup:', error?.message ?? error);
      }
    }
  }
  clearTimeout(hardStop);
  process.exit(failed ? 1 : 0);
}

main();
