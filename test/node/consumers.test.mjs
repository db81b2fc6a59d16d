// The frameworks the README promises, as a user meets them: the packed package (`npm pack`) installed
// with React 19 and Vue 3.5 into a fresh folder, the README's examples (test/consumers/, kept equal
// to the README's code) bundled with esbuild and opened in Chromium against two real relays that
// hold the user's record. The React example is also type-checked against the packed types.
// Runs after the build (it packs dist/). Everything started here is stopped in `after`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright';
import WebSocket from 'ws';
import { useWebSocketImplementation } from 'nostr-tools/pool';
import { generateSecretKey } from 'nostr-tools/pure';
import { npubEncode } from 'nostr-tools/nip19';
import { bytesToHex } from '@noble/hashes/utils.js';
import { startRelay } from '../../scripts/relay.mjs';
import { RelayClient, createRecord, secretKeySigner } from '../../dist/core/index.js';

useWebSocketImplementation(WebSocket);

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const run = promisify(execFile);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-extensions', '--no-first-run'];
/** The Vite setting the README gives Vue users; the SFC is compiled with the same test. */
const IS_CUSTOM_ELEMENT = "isCustomElement: (tag) => tag.startsWith('nip82-')";
const isCustomElement = (tag) => tag.startsWith('nip82-');
/** The relay addresses in the README's Vue example, swapped for the test relays': the one change made to it. */
const README_RELAYS = 'wss://relay-a.example wss://relay-b.example';
const STEP = { timeout: 60_000 };

const work = mkdtempSync(join(tmpdir(), 'nip82-consumers-'));
const timings = {};
let relays = [];
let server;
let browser;
let origin;
let typecheck;
/** What `npm install` warned about, read by its test. */
let installWarnings = [];
const user = generateSecretKey();

/** Times one step of the setup, for the report printed at the end. */
async function timed(name, step) {
  const start = performance.now();
  try {
    return await step();
  } finally {
    timings[name] = Math.round(performance.now() - start);
  }
}

/** The versions this project installed (and so `npm ci` cached): the consumers get exactly those. */
const installed = (name) => `${name}@${JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version}`;

async function packAndInstall() {
  const { stdout } = await timed('npm pack', () => run('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root }));
  const tarball = stdout.trim().split('\n').pop();
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'nip82-consumers', private: true, type: 'module' }));
  cpSync(join(root, 'test/consumers'), work, { recursive: true });
  const { stderr } = await timed('npm install', () => run('npm', [
    'install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`,
    ...['react', 'react-dom', '@types/react', '@types/react-dom', 'vue'].map(installed),
  ], { cwd: work }));
  // What the user reads while installing the kit: no warning about it (an unsupported engine, a
  // peer it conflicts with, a deprecated dependency, its install scripts). Lines about this
  // machine's own npm settings are not the kit's.
  installWarnings = stderr.split('\n').filter((line) => /\bwarn\b/i.test(line) && !/Unknown (user|env|global|builtin|project) config/.test(line));
}

/** Compiles `.vue` files as a Vue build plugin does, with the README's custom-element setting. */
function vueFiles() {
  const compiler = createRequire(join(work, 'package.json'))('vue/compiler-sfc');
  return {
    name: 'vue-sfc',
    setup(build) {
      build.onLoad({ filter: /\.vue$/ }, async ({ path }) => {
        // The setting reaches the template's parse too, as Vue's Vite plugin passes it.
        const { descriptor, errors } = compiler.parse(await readFile(path, 'utf8'), { filename: path, templateParseOptions: { isCustomElement } });
        if (errors.length) return { errors: errors.map((e) => ({ text: String(e.message ?? e) })) };
        const script = compiler.compileScript(descriptor, { id: 'my-records', inlineTemplate: true, templateOptions: { compilerOptions: { isCustomElement } } });
        return { contents: script.content, loader: 'js', resolveDir: dirname(path) };
      });
    },
  };
}

async function bundle(app, entry, plugins = []) {
  writeFileSync(join(work, app, 'index.html'), `<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,"><title>${app}</title><div id="app"></div><script type="module" src="app.js"></script>`);
  await esbuild.build({
    absWorkingDir: work, entryPoints: [join(work, app, entry)], outfile: join(work, app, 'app.js'),
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'silent', plugins,
    // Development builds, so React and Vue report what they would warn a developer about.
    define: { 'process.env.NODE_ENV': '"development"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  });
}

/** Serves the built consumers (and nothing outside the work folder). */
async function serve() {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
  server = http.createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    try {
      if (path.includes('node_modules') || !types[extname(path)]) throw new Error('not served');
      const body = await readFile(join(work, path));
      res.writeHead(200, { 'Content-Type': types[extname(path)] }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${server.address().port}`;
}

/** Two relays holding one record for the user, published by a hospital. */
async function relaysWithRecord() {
  relays = await Promise.all([startRelay(), startRelay()]);
  const patient = await secretKeySigner(user).getPublicKey();
  const bundleForUser = {
    resourceType: 'Bundle', type: 'collection',
    entry: [
      { fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource: { resourceType: 'Patient', identifier: [{ system: 'urn:ietf:rfc:3986', value: `nostr:${npubEncode(patient)}` }] } },
      { fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource: { resourceType: 'Condition', code: { text: 'Seasonal asthma' }, subject: { reference: 'Patient/x' }, recordedDate: '2024-05-01' } },
    ],
  };
  const events = await createRecord({ bundle: bundleForUser, author: secretKeySigner(generateSecretKey()), participants: [{ pubkey: patient, role: 'editor' }] });
  const client = new RelayClient({ relays: relays.map((r) => r.url) });
  try {
    const receipts = await client.publishAll(events);
    assert.equal(receipts.filter((r) => r.status === 'accepted').length, events.length * relays.length);
  } finally {
    client.close();
  }
}

before(async () => {
  const started = performance.now();
  const setup = Promise.all([
    timed('relays and record', relaysWithRecord),
    timed('browser start', async () => {
      browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
    }),
    (async () => {
      await packAndInstall();
      // The Vue example as written, with the test relays where the README has its example relays.
      const sfc = join(work, 'vue/MyRecords.vue');
      const source = readFileSync(sfc, 'utf8');
      assert.ok(source.includes(README_RELAYS), 'the Vue example names the README relays');
      writeFileSync(sfc, source.replace(README_RELAYS, '{{RELAYS}}'));
      // Type-checked while the browser steps run; its test awaits the outcome.
      const tsc = require.resolve('typescript/bin/tsc');
      typecheck = timed('tsc (React consumer)', () => run(process.execPath, [tsc, '-p', join(work, 'react')]).then(() => ({ ok: true }), (error) => ({ ok: false, output: `${error.stdout}${error.stderr}` })));
    })(),
  ]);
  await setup;
  const sfc = join(work, 'vue/MyRecords.vue');
  writeFileSync(sfc, readFileSync(sfc, 'utf8').replace('{{RELAYS}}', relays.map((r) => r.url).join(' ')));
  await timed('esbuild (3 apps)', () => Promise.all([bundle('react', 'main.tsx'), bundle('vue', 'main.js', [vueFiles()]), bundle('own-tags', 'main.js')]));
  await serve();
  timings['setup total'] = Math.round(performance.now() - started);
}, { timeout: 240_000 });

after(async () => {
  await browser?.close().catch(() => undefined);
  await new Promise((ok) => (server ? server.close(ok) : ok()));
  await Promise.all(relays.map((r) => r.close()));
  rmSync(work, { recursive: true, force: true });
  console.log(`# consumer timings (ms): ${JSON.stringify(timings)}`);
}, { timeout: 30_000 });

/** Opens one consumer in a fresh context with the user's key and the relays; collects what went wrong. */
async function withApp(app, fn) {
  const start = performance.now();
  const context = await browser.newContext();
  context.setDefaultTimeout(20_000);
  const problems = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.text().includes('[Vue warn]')) problems.push(`console ${message.type()}: ${message.text()}`);
    });
    await page.addInitScript((consumer) => { window.consumer = consumer; }, { key: bytesToHex(user), relays: relays.map((r) => r.url) });
    await page.goto(`${origin}/${app}/index.html`);
    try {
      await fn(page);
    } catch (error) {
      // What went wrong in the page explains a step that waited in vain.
      error.message += `\n  the page reported: ${JSON.stringify(problems)}`;
      throw error;
    }
    assert.deepEqual(problems, [], 'no errors or framework warnings in the page');
  } finally {
    await context.close();
    timings[`browser: ${app}`] = Math.round(performance.now() - start);
  }
}

/** What the user does and sees: unlock, then their record from the relays, never a missing-relays message. */
async function unlockRecord(page, viewerTag = 'nip82-record-viewer') {
  const viewer = page.locator(viewerTag);
  await viewer.getByRole('button', { name: 'Unlock my records' }).click();
  await viewer.getByText('1 record unlocked.').waitFor();
  await viewer.getByText('Seasonal asthma').first().waitFor();
  assert.equal(await page.getByText('No relays are configured').count(), 0);
}

test("the README's React, Vue and own-tag examples are the consumers' code", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const fenced = (lang, file) => `\`\`\`${lang}\n${readFileSync(join(root, 'test/consumers', file), 'utf8')}\`\`\``;
  assert.ok(readme.includes(fenced('tsx', 'react/MyRecords.tsx')), 'README React example = test/consumers/react/MyRecords.tsx');
  assert.ok(readme.includes(fenced('vue', 'vue/MyRecords.vue')), 'README Vue example = test/consumers/vue/MyRecords.vue');
  assert.ok(readme.includes(fenced('js', 'own-tags/register.js')), 'README own-tags example = test/consumers/own-tags/register.js');
  assert.ok(readme.includes(IS_CUSTOM_ELEMENT), 'README Vue compiler setting is the one used here');
});

test('installing the packed kit with React and Vue prints no warning', () => {
  assert.deepEqual(installWarnings, []);
});

test('the React consumer type-checks against the packed JSX typings', STEP, async () => {
  const result = await typecheck;
  assert.ok(result.ok, result.output);
});

test("React 19: the session takes the relays and signer, the viewer opens the record, and React's on<event> handler hears it", STEP, async () => {
  await withApp('react', async (page) => {
    await unlockRecord(page);
    await page.getByText('React heard: 1 record(s) opened.').waitFor();
    assert.deepEqual(await page.locator('nip82-session').evaluate((s) => s.relays), relays.map((r) => r.url));
  });
});

test("Vue 3.5: the README's template (relays as a string attribute, signer as .prop) opens the record, and @event hears it", STEP, async () => {
  await withApp('vue', async (page) => {
    await unlockRecord(page);
    await page.getByText('1 record(s) opened.', { exact: true }).waitFor();
    // Vue set the string as the property (it prefers a property when one exists); the session took it as a list.
    const session = page.locator('nip82-session');
    assert.equal(await session.getAttribute('relays'), null, 'Vue set relays as a property, the way under test, not as an attribute');
    assert.deepEqual(await session.evaluate((s) => s.relays), relays.map((r) => r.url));
  });
});

test("the kit's classes registered under the host's own tags work, and importing them registered nothing else", STEP, async () => {
  await withApp('own-tags', async (page) => {
    await unlockRecord(page, 'clinic-record-viewer');
    const defined = await page.evaluate(() => ['nip82-session', 'nip82-record-viewer', 'nip82-hidden-flag', 'nip82-npub-picker', 'nip82-consent-prompt'].filter((tag) => customElements.get(tag)));
    assert.deepEqual(defined, ['nip82-hidden-flag'], 'only the tag the page registered itself');
  });
});
