// The demo as a user meets it: `node demo/serve.mjs` (real relay, seeded data, the pages) on free
// ports with a temporary data folder, clicked through in a real headless browser. Everything started
// here is stopped in `after`, also when a step fails; every wait is bounded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { hexToBytes } from '@noble/hashes/utils.js';
import { generateSecretKey } from 'nostr-tools/pure';
import { secretKeySigner } from '../../dist/core/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// No network beyond loopback: the same switches as the browser tests.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--disable-default-apps',
  '--disable-extensions', '--metrics-recording-only', '--mute-audio',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider',
];
const STEP = { timeout: 120_000 };

const dataDir = mkdtempSync(join(tmpdir(), 'nip82-demo-'));
let demo;
let browser;

/** Starts the demo server and waits for the URLs it prints. */
async function startDemo() {
  const child = spawn(process.execPath, ['demo/serve.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: '0', RELAY_PORT: '0', DEMO_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start in 30 s:\n${output}`)), 30_000);
    const read = (chunk) => {
      output += chunk;
      if (!output.includes('Press Ctrl+C')) return;
      clearTimeout(timer);
      resolve({ home: output.match(/home:\s+(\S+)/)[1].replace(/\/$/, ''), relay: output.match(/relay:\s+(\S+)/)[1] });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the demo exited (${code}):\n${output}`)); });
  });
  // Stop the child even when it never printed its URLs.
  const handle = { child, output: () => output, stop: () => stopChild(child) };
  try {
    return Object.assign(handle, await started);
  } catch (error) {
    await handle.stop();
    throw error;
  }
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(kill);
}

/**
 * A fresh browser context and page (fresh memory: nothing unlocked carries over). A portal page
 * opened with `?as=` is awaited until it says who signed in, unless `signedIn` is false.
 */
async function openPage(path, setup, { signedIn = path.includes('?as=') } = {}) {
  const context = await browser.newContext();
  context.setDefaultTimeout(20_000);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    if (setup) await setup(page);
    await page.goto(demo.home + path);
    // A portal page signs in as it loads; a user sees this line before doing anything.
    if (signedIn) await page.locator('#signed-in').getByText('Signed in as').waitFor();
    return { page, errors, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Runs `fn` with a page, closing it whatever happens. */
async function withPage(path, fn, setup, options) {
  const opened = await openPage(path, setup, options);
  try {
    await fn(opened.page);
    assert.deepEqual(opened.errors, [], 'no uncaught errors in the page');
    await assertNoSecretsInDom(opened.page);
  } catch (error) {
    // What the page was saying when the step failed, to make the failure readable.
    const said = await opened.page.locator('[role="status"]').allTextContents().catch(() => []);
    error.message += `\n  page ${path} said: ${JSON.stringify(said.map((t) => t.trim()).filter(Boolean))}`;
    throw error;
  } finally {
    await opened.close();
  }
}

/** The demo keys live in page memory only: never in the DOM, its attributes or shadow roots. */
async function assertNoSecretsInDom(page) {
  const markup = await page.evaluate(() => {
    const parts = [];
    const walk = (root) => {
      parts.push(root.innerHTML ?? root.documentElement?.outerHTML ?? '');
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return parts.join('\n');
  });
  for (const [role, secret] of Object.entries(secrets())) assert.ok(!markup.includes(secret), `the ${role} key is not in the DOM`);
  assert.doesNotMatch(markup, /nsec1/);
}

/** What has the keyboard's focus, shadow roots included, named (`body` when it fell to the page). */
const focusOf = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.localName}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 50)}"` : 'nothing';
  });

/** Waits until what has the focus (see {@link focusOf}) matches `selector`, then names it. */
async function focusReaches(page, selector, step) {
  try {
    await page.waitForFunction((selector) => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return !!el?.matches(selector);
    }, selector, { timeout: 10_000 });
  } catch {
    assert.fail(`${step}: the focus is on ${await focusOf(page)}, not on ${selector}`);
  }
}

/**
 * Unlocks the viewer's records from the keyboard, as the review did: the focus stays on the button
 * while it works, then lands on the first record's heading (or stays on the button when none is found).
 */
async function unlock(page) {
  const viewer = page.locator('nip82-record-viewer');
  await viewer.getByRole('button', { name: /Unlock my records|Unlock the records shared with you|Try again/ }).focus();
  await page.keyboard.press('Enter');
  const status = viewer.locator('[role="status"]').filter({ hasText: /records? unlocked|No records were found/ });
  await status.waitFor();
  const opened = /unlocked/.test(await status.textContent());
  await focusReaches(page, opened ? 'article[part=record] h2' : 'button.unlock', 'after unlocking');
  return viewer;
}

/**
 * The test browser has no extension: this stands in for one, a NIP-07 `window.nostr` whose calls
 * go to a signer over a key on the Node side (real keys, real signatures, as an extension).
 * `exposeExtension` connects the page to the signer; `installExtension` is what the extension's
 * injected script does, run by the page at start (`extensionFor`) or by a test when it chooses.
 */
const exposeExtension = (page, secretKey) => {
  const signer = secretKeySigner(secretKey);
  return page.exposeFunction('testExtension', (method, args) => signer[method](...args));
};
function installExtension() {
  const call = (method, ...args) => window.testExtension(method, args);
  window.nostr = {
    getPublicKey: () => call('getPublicKey'),
    signEvent: (template) => call('signEvent', template),
    nip44: { encrypt: (pk, text) => call('nip44Encrypt', pk, text), decrypt: (pk, text) => call('nip44Decrypt', pk, text) },
  };
}
const extensionWith = (secretKey) => async (page) => {
  await exposeExtension(page, secretKey);
  await page.addInitScript(installExtension);
};
const extensionFor = (role) => (page) => extensionWith(hexToBytes(secrets()[role]))(page);

/** A visit note longer than one base64 slice in clinic.js, with characters of two and three bytes. */
const NOTE = 'Rest, ice and review in two weeks; naïve résumé ✓. '.repeat(250) + 'End of the note.';

const secrets = () => JSON.parse(readFileSync(join(dataDir, 'identities.json'), 'utf8')).secrets;

before(async () => {
  demo = await startDemo();
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}, { timeout: 60_000 });

after(async () => {
  await browser?.close().catch(() => undefined);
  await demo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, { timeout: 30_000 });

// Last resort should the runner stop before `after` ran: never leave the server behind.
process.on('exit', () => demo?.child.kill('SIGKILL'));

test('the server prints the relay, every page and where the data lives', () => {
  const out = demo.output();
  assert.match(demo.relay, /^ws:\/\/127\.0\.0\.1:\d+$/);
  for (const page of ['patient', 'clinic', 'vet', 'drop-in']) assert.match(out, new RegExp(`${page}:\\s+http://127\\.0\\.0\\.1:\\d+/demo/${page}\\.html`));
  assert.ok(out.includes(dataDir), 'names the data folder');
  assert.match(out, /seeded profiles, history, request, pet/);
});

/** A raw GET (the path sent as written, not normalised by a URL parser): its status, headers and body. */
const get = (path, headers = {}) =>
  new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: new URL(demo.home).port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    }).on('error', reject);
  });

test("demo identities are served only to requests for this server's loopback address", async () => {
  const { port } = new URL(demo.home);
  assert.equal((await get('/demo-identities.json', { host: `127.0.0.1:${port}` })).status, 200);
  assert.equal((await get('/demo-identities.json', { host: `rebound.example:${port}` })).status, 403);
  // The server's code and the seed data are not served.
  for (const path of ['/demo/server/identities.mjs', '/demo/data/pet-biscuit.json', '/package.json']) {
    assert.equal((await fetch(demo.home + path)).status, 404, path);
  }
});

test('a page gets every public key but only the secret keys of the roles it asks for', STEP, async () => {
  const { identities } = JSON.parse((await get('/demo-identities.json?roles=clinic')).body);
  assert.deepEqual(identities.map((i) => i.role).sort(), Object.keys(secrets()).sort(), 'everyone is listed');
  for (const { role, pubkey, npub, secret } of identities) {
    assert.match(pubkey, /^[0-9a-f]{64}$/, role);
    assert.match(npub, /^npub1/, role);
    assert.equal(secret, role === 'clinic' ? secrets().clinic : undefined, `the ${role} secret`);
  }
  const none = JSON.parse((await get('/demo-identities.json')).body).identities;
  assert.ok(none.every((i) => i.secret === undefined), 'no roles asked, no secret keys');

  // What the clinic page itself receives: its own key, not the patient's.
  let body;
  const watch = async (page) => {
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/demo-identities.json') body = response.text();
    });
  };
  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    await page.locator('#signed-in').getByText('Harbor Clinic').waitFor();
    const received = await body;
    assert.ok(received.includes(secrets().clinic), 'the clinic page got the clinic key');
    for (const role of ['patient', 'family', 'hospital', 'owner', 'vet', 'kennel']) assert.ok(!received.includes(secrets()[role]), `not the ${role} key`);
  }, watch);
});

test('malformed paths and folders get 400 or 404, and the server keeps running', async () => {
  const answers = {
    '/%E0%A4%A': 400, '/demo/%E0%A4%A.html': 400, '/demo/%00.html': 400,
    '/demo/server': 404, '/demo/data': 404, '/demo/server/': 404, '/demo/data/': 404, '/demo/server/seed.mjs': 404,
    '/demo/%73erver/identities.mjs': 404, '/demo/server%2fidentities.mjs': 404, '/demo/data/../server/seed.mjs': 404,
    '/demo': 404, '/dist': 404, '/dist/': 404, '/dist/core': 404, '/..%2fpackage.json': 404,
  };
  for (const [path, status] of Object.entries(answers)) assert.equal((await get(path)).status, status, path);
  assert.equal(demo.child.exitCode, null, 'the server is still running');
  assert.equal((await get('/')).status, 200, 'and still answers');
});

test('every answer forbids framing and type sniffing', async () => {
  for (const path of ['/', '/demo/clinic.html', '/demo/portal.js', '/config.json', '/demo-identities.json', '/missing', '/%E0%A4%A']) {
    const { headers } = await get(path);
    assert.equal(headers['x-frame-options'], 'DENY', path);
    assert.equal(headers['x-content-type-options'], 'nosniff', path);
    assert.match(headers['content-security-policy'] ?? '', /frame-ancestors 'none'/, path);
  }
});

test('the drop-in page renders the elements from the embed bundle alone, and works with a NIP-07 extension', STEP, async () => {
  const scripts = [];
  const extension = async (page) => {
    page.on('request', (request) => { if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname); });
    await extensionFor('patient')(page);
  };
  await withPage('/demo/drop-in.html', async (page) => {
    await page.getByRole('heading', { name: 'My medical records' }).waitFor();
    const prompt = page.locator('nip82-consent-prompt');
    await prompt.getByRole('button', { name: 'Share records…' }).or(prompt.getByRole('button', { name: 'Unlock my records' })).waitFor();
    await page.locator('nip82-access-list').getByRole('button', { name: 'Unlock my records' }).waitFor();
    await page.getByRole('button', { name: 'Use my browser extension' }).click();
    await page.locator('nip82-session').getByText('Signed in as').waitFor();
    const viewer = await unlock(page);
    await viewer.getByText('1 record unlocked.').waitFor();
    await viewer.getByRole('heading', { name: 'Vaccinations (17)' }).waitFor();
    assert.deepEqual(scripts, ['/dist/cdn/nip82-elements.js'], 'the page loads the embed bundle and nothing else');
  }, extension);
});

test('the drop-in page, signed in with records locked, keeps its "Unlock my records" buttons apart on a phone', STEP, async () => {
  await withPage('/demo/drop-in.html', async (page) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.getByRole('button', { name: 'Use my browser extension' }).click();
    await page.locator('nip82-session').getByText('Signed in as').waitFor();
    const unlocks = page.getByRole('button', { name: 'Unlock my records' });
    await page.locator('nip82-access-list').getByRole('button', { name: 'Unlock my records' }).waitFor();
    const boxes = (await Promise.all((await unlocks.all()).map((b) => b.boundingBox()))).filter(Boolean).sort((a, b) => a.y - b.y);
    assert.ok(boxes.length >= 1, 'an unlock button');
    // A finger on a phone needs space between two buttons (8 CSS px at least) to press the one it means.
    for (let i = 1; i < boxes.length; i++) {
      const gap = boxes[i].y - (boxes[i - 1].y + boxes[i - 1].height);
      assert.ok(gap >= 8, `buttons ${i} and ${i + 1} are ${Math.round(gap)} px apart`);
    }
  }, extensionFor('patient'));
});

test('a portal page with no signer and no demo identity says so in the kit\'s words, with no protocol name', STEP, async () => {
  // What a page opened at another address than 127.0.0.1 receives: no demo identity.
  const noIdentities = (page) => page.route('**/demo-identities.json*', (route) => route.fulfill({ status: 403, body: '' }));
  await withPage('/demo/patient.html', async (page) => {
    const status = page.locator('#signed-in');
    await status.getByText('No signer was found').waitFor();
    const said = (await status.textContent()).trim();
    assert.match(said, /^No signer was found: add a signer extension to this browser, or open this page at 127\.0\.0\.1 to use the demo identities/);
    assert.doesNotMatch(said, /Nostr|NIP/);
  }, noIdentities);
});

test('a portal page signs in with the browser extension when there is one', STEP, async () => {
  await withPage('/demo/patient.html', async (page) => {
    const status = page.locator('#signed-in');
    await status.getByText('Not signed in').waitFor();
    await page.getByLabel('Sign in as').selectOption({ label: 'My browser extension' });
    await page.getByRole('button', { name: 'Switch' }).click();
    await status.getByText('Signed in as your browser extension').waitFor();
    assert.equal(await status.getByText('demo identity').count(), 0, 'not labelled as a demo identity');
    const viewer = await unlock(page);
    await viewer.getByRole('heading', { name: 'Vaccinations (17)' }).waitFor();
  }, extensionFor('patient'));
});

test('an extension that arrives after the page looked still signs the user in, never replaced by a demo identity', STEP, async () => {
  await withPage('/demo/patient.html?as=extension', async (page) => {
    const status = page.locator('#signed-in');
    await status.getByText('Waiting for your browser extension').waitFor();
    // The extension injects its script only now, after the page's own script ran.
    await page.evaluate(installExtension);
    await status.getByText('Signed in as your browser extension').waitFor();
    assert.equal(await status.getByText('demo identity').count(), 0);
    // The extension holds Alex's key here: the page says where the history came from.
    await page.locator('#whose-records').getByText('published to you by Lakeside Hospital').waitFor();
  }, (page) => exposeExtension(page, hexToBytes(secrets().patient)), { signedIn: false });
});

test('an extension that arrives after a demo identity signed in is offered in the chooser, and Switch uses it', STEP, async () => {
  const setup = async (page) => {
    await exposeExtension(page, hexToBytes(secrets().patient));
    // The page's background look for an extension ends at once: only the click below can find it.
    await page.addInitScript(() => { window.demoExtensionWatchMs = 0; });
    // After Switch the page loads again, and the extension is there from the start.
    await page.addInitScript(`if (location.search.includes('as=extension')) (${installExtension})();`);
  };
  await withPage('/demo/patient.html', async (page) => {
    const status = page.locator('#signed-in');
    await status.getByText('Alex (demo patient)').waitFor();
    await page.locator('#identity-form[data-extension-watch="ended"]').waitFor({ state: 'attached' });
    await page.evaluate(installExtension);
    const chooser = page.getByLabel('Sign in as');
    await chooser.click();
    await page.locator('#extension-ready').getByText('Your browser extension is ready').waitFor();
    await chooser.selectOption({ label: 'My browser extension' });
    await page.getByRole('button', { name: 'Switch' }).click();
    await status.getByText('Signed in as your browser extension').waitFor();
  }, setup);
});

test('signed in with their own key, a user is offered no demo person as a default, and no hospital that sent them nothing', STEP, async () => {
  const ownKey = generateSecretKey();
  await withPage('/demo/patient.html?as=extension', async (page) => {
    await page.locator('#signed-in').getByText('Signed in as your browser extension').waitFor();
    assert.equal(await page.locator('#share-with').inputValue(), '', 'nobody chosen to share with');
    await page.locator('#share-with-note').getByText('nobody is chosen for you').waitFor();
    assert.equal(await page.locator('nip82-consent-prompt[mode="share"]').evaluate((p) => p.recipient), undefined);
    const lede = await page.locator('.lede').textContent();
    assert.doesNotMatch(lede, /Lakeside Hospital/);
    assert.match(lede, /Records published to you appear below once you unlock them\./);
  }, extensionWith(ownKey));
  await withPage('/demo/clinic.html?as=extension', async (page) => {
    await page.locator('#patient-note').getByText('no patient is chosen for you').waitFor();
    const pickers = page.locator('nip82-npub-picker');
    assert.deepEqual(await pickers.evaluateAll((all) => all.map((p) => [p.value, p.recent?.length ?? 0])), [['', 0], ['', 0]]);
  }, extensionWith(ownKey));
  await withPage('/demo/vet.html?as=extension', async (page) => {
    await page.locator('#kennel-name').getByText('the demo kennel is not chosen for you').waitFor();
    assert.equal(await page.locator('nip82-consent-prompt[mode="share"]').evaluate((p) => p.recipient), undefined);
  }, extensionWith(ownKey));
});

test('a sign-in the extension refuses is told once', STEP, async () => {
  const refusing = (page) => page.addInitScript(() => {
    window.nostr = { getPublicKey: () => Promise.reject(new Error('The user declined.')), signEvent: () => Promise.reject(new Error('The user declined.')) };
  });
  await withPage('/demo/patient.html?as=extension', async (page) => {
    await page.locator('#signed-in').getByText('Your extension did not sign you in').waitFor();
    await page.locator('nip82-session').evaluate((session) => session.updateComplete);
    assert.equal(await page.getByText(/did not sign you in: you said no in it\. Press Switch to try again\./).count(), 1);
  }, refusing, { signedIn: false });
});

test('a locked extension is told as such, with what to do', STEP, async () => {
  // As a locked extension answers: an error of its own for every question.
  const locked = (page) => page.addInitScript(() => {
    const no = () => Promise.reject(new Error('Vault is locked'));
    window.nostr = { getPublicKey: no, signEvent: no };
  });
  await withPage('/demo/patient.html?as=extension', async (page) => {
    await page.locator('#signed-in').getByText('Your browser extension is locked. Unlock it, then press Switch to try again.').waitFor();
    assert.equal(await page.getByText(/could not finish/).count(), 0);
  }, locked, { signedIn: false });
});

test('patient portal: the seeded history, split into parts', STEP, async () => {
  await withPage('/demo/patient.html?as=patient', async (page) => {
    await page.locator('#signed-in').getByText('Alex (demo patient)').waitFor();
    await page.locator('#signed-in').getByText('never use it for real data').waitFor();
    const viewer = await unlock(page);
    await viewer.getByText('1 record unlocked.').waitFor();
    await viewer.getByRole('heading', { name: 'Vaccinations (17)' }).waitFor();
    await viewer.getByRole('heading', { name: 'Conditions (3)' }).waitFor();
    const parts = await page.locator('#parts li').first().textContent();
    const [, have, total] = parts.match(/Record 1: (\d+) of (\d+) parts/) ?? [];
    assert.ok(Number(total) >= 2 && have === total, `the record is stored as several parts, all present: ${parts}`);
  });
});

test('share with the clinic with one item hidden; the clinic sees the hidden-item flag; revoking ends it', STEP, async () => {
  // Nothing is shared with the clinic yet.
  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    // Clinic staff are told of the records shared with them, not of "my records".
    await page.getByRole('button', { name: 'Unlock the records shared with you' }).waitFor();
    const viewer = await unlock(page);
    await viewer.getByText('No records were found for you').waitFor();
  });

  await withPage('/demo/patient.html?as=patient', async (page) => {
    await page.locator('#signed-in').getByText('Alex (demo patient)').waitFor();
    assert.match(await page.locator('#share-with option:checked').textContent(), /Harbor Clinic/);
    const prompt = page.locator('nip82-consent-prompt[mode="share"]');
    await prompt.getByRole('button', { name: 'Unlock my records' }).click();
    await prompt.getByRole('button', { name: 'Share records…' }).click();
    const dialog = prompt.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Hide Fracture of ankle' }).click();
    await dialog.getByRole('button', { name: 'Review' }).click();
    await dialog.getByText('1 hidden item is left out.').waitFor();
    await dialog.getByRole('button', { name: /^Share with/ }).click();
    await dialog.getByText(/Shared with .*1 of 1 storage server accepted it/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.locator('#log').getByText(/shared with Harbor Clinic \(demo clinician\) as viewer, 1 item\(s\) hidden/).waitFor();
  });

  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    const viewer = await unlock(page);
    await viewer.getByText('1 record unlocked.').waitFor();
    await viewer.locator('nip82-hidden-flag').getByText('Some items were withheld by the patient').waitFor();
    // The clinic's viewer speaks as the clinic does (audience="clinician"): the hidden-item flag's words.
    await viewer.getByRole('heading', { name: 'Immunizations (17)' }).waitFor();
    // Alex's history has three problems; the hidden one is not in the share.
    await viewer.getByRole('heading', { name: 'Problems (2)' }).waitFor();
  });

  await withPage('/demo/patient.html?as=patient', async (page) => {
    const list = page.locator('nip82-access-list');
    // The session's records may be loaded already (by the viewer): then there is nothing to ask.
    const show = list.getByRole('button', { name: 'Unlock my records' });
    const share = list.locator('[part=share]', { hasText: 'Harbor Clinic' });
    await show.or(share).first().waitFor();
    if (await show.isVisible()) await show.click();
    // The copy made for the clinic is a share, with what was hidden, not another record.
    // The name sits between invisible direction isolates (U+2068…U+2069), as every name in a sentence does.
    await share.getByText(/You hid some items from \u2068?Harbor Clinic/).waitFor();
    assert.equal(await list.locator('[part=record]').count(), 1, 'one record the patient holds; the copy is listed as a share');
    await share.getByRole('button', { name: /Revoke access for Harbor Clinic/ }).click();
    const dialog = list.getByRole('dialog');
    await dialog.getByText('cannot be taken back').waitFor();
    await dialog.getByText(/^Record: /).waitFor();
    await dialog.getByRole('button', { name: /^Revoke access for \u2068?Harbor Clinic/ }).click();
    await dialog.getByText(/Access revoked for \u2068?Harbor Clinic.*1 of 1 storage server accepted the change/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await share.getByText(/^Revoked on /).waitFor();
  });

  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    const viewer = await unlock(page);
    await viewer.getByText('No records were found for you').waitFor();
  });
});

test('the patient approves the seeded request; the clinic opens what was granted, with no flag', STEP, async () => {
  await withPage('/demo/patient.html?as=patient', async (page) => {
    const prompt = page.locator('nip82-consent-prompt[mode="answer"]');
    await prompt.getByRole('button', { name: 'Check for requests' }).click();
    await prompt.getByText(/Harbor Clinic \(demo clinician\).* asks for/).waitFor();
    await prompt.getByRole('button', { name: /Review and answer the request from Harbor Clinic/ }).click();
    const dialog = prompt.getByRole('dialog');
    await dialog.getByText('Preparing your first appointment at Harbor Clinic').waitFor();
    // The records are loaded here unless this page's session already has them.
    const load = dialog.getByRole('button', { name: 'Unlock my records' });
    const review = dialog.getByRole('button', { name: /^Review: approve and share \d+ items/ });
    await load.or(review).first().waitFor();
    if (await load.isVisible()) await load.click();
    await review.click();
    // The same exact preview as a share, naming the clinic, then approve.
    await dialog.getByText(/^What \u2068?Harbor Clinic .* will be able to open$/).waitFor();
    await dialog.getByRole('button', { name: /^Approve and share with \u2068?Harbor Clinic/ }).click();
    await dialog.getByText(/^Approved\./).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await prompt.getByRole('table', { name: 'Your consent history' }).getByText('Harbor Clinic').waitFor();
  });

  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    const viewer = await unlock(page);
    await viewer.getByText('1 record unlocked.').waitFor();
    await viewer.getByRole('heading', { name: 'Immunizations (17)' }).waitFor();
    await viewer.getByRole('heading', { name: /^Medications/ }).waitFor();
    // The hospital's signature came through the patient's share, on every item it wrote.
    const vaccines = viewer.locator('[data-section="immunizations"] li.item');
    assert.equal(await vaccines.count(), 17);
    for (const text of await vaccines.locator('.item-provenance').allTextContents()) {
      assert.match(text, /^from \u2068?Lakeside Hospital \(demo\)\u2069? · signed .+ · signature checked$/);
    }
    assert.equal(await vaccines.locator('.item-provenance.signed').count(), 17);
    assert.equal(await viewer.locator('nip82-hidden-flag').count(), 0, 'nothing was withheld from this share');
    assert.equal(await viewer.getByRole('heading', { name: /^Problems/ }).count(), 0, 'only the kinds asked for were granted');
    // Approved as asked, the share ends at the asked hour: the clinic's list of answers says that
    // hour, as the viewer does, not only the day.
    const until = (await viewer.locator('[part=share-until]').textContent()).match(/until (.+, \d{1,2}:\d{2}\s?[AP]M)/)?.[1];
    assert.ok(until, 'the viewer says the hour the share ends');
    await page.getByRole('button', { name: 'Check for answers' }).click();
    const answers = page.getByRole('list', { name: "Answers to the clinic's requests" });
    await answers.getByText(`Approved (Immunizations, Medications, until ${until}).`).waitFor();
  });
});

test('the clinic publishes a visit record and asks for access; the patient reads the visit and denies the request', STEP, async () => {
  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    const visit = page.locator('#visit-form');
    await visit.getByLabel('Reason for the visit').fill('Sprained wrist');
    await visit.getByLabel('Visit note').fill(NOTE);
    await visit.getByRole('button', { name: 'Sign and publish to the patient' }).click();
    await visit.getByText('Visit record published to the patient. 1 of 1 storage server accepted it.', { exact: true }).waitFor();
    const request = page.locator('#request-form');
    await request.getByLabel('Why (the patient reads this)').fill('Checking your allergies before surgery');
    await request.getByRole('button', { name: 'Send the request' }).click();
    await request.getByText(/^Request sent; .* 1 of 1 storage server accepted it\.$/).waitFor();
    // The clinic sees the request waiting, and the seeded one the patient approved.
    await page.getByRole('button', { name: 'Check for answers' }).click();
    const answers = page.getByRole('list', { name: "Answers to the clinic's requests" });
    await answers.getByText(/^Alex \(demo patient\): Allergies, Medications, until .+\. No answer yet\.$/).waitFor();
    await answers.getByText(/^Alex \(demo patient\): Immunizations, Medications, until .+\. Approved \(Immunizations, Medications, until .+\)\.$/).waitFor();
  });
  await withPage('/demo/patient.html?as=patient', async (page) => {
    const viewer = await unlock(page);
    await viewer.getByText('Sprained wrist').first().waitFor();
    const note = viewer.locator('pre', { hasText: 'End of the note.' });
    await note.waitFor({ state: 'attached' });
    assert.equal(await note.textContent(), NOTE, 'the note reads back exactly');
    const prompt = page.locator('nip82-consent-prompt[mode="answer"]');
    await prompt.getByRole('button', { name: 'Check for requests' }).click();
    await prompt.getByRole('button', { name: /Review and answer the request from Harbor Clinic/ }).click();
    const dialog = prompt.getByRole('dialog');
    await dialog.getByText('Checking your allergies before surgery').waitFor();
    await dialog.getByLabel('Your note to them (optional)').fill('Please ask me at the desk.');
    await dialog.getByRole('button', { name: 'Deny' }).click();
    await dialog.getByText(/^Denied\./).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await prompt.getByText('No open requests.').first().waitFor();
  });
  // The clinic learns the answer, with the patient's note, in its own words.
  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    await page.getByRole('button', { name: 'Check for answers' }).click();
    const answers = page.getByRole('list', { name: "Answers to the clinic's requests" });
    const denied = answers.getByRole('listitem').filter({ hasText: /^Alex \(demo patient\): Allergies, Medications, until .+\. Denied\./ });
    await denied.getByText('The patient wrote: “Please ask me at the desk.”').waitFor();
    await answers.getByText(/Immunizations, Medications, until .+\. Approved \(/).waitFor();
    await page.locator('#answers-status').getByText(/^2 requests sent\.$/).waitFor();
    assert.equal(await answers.getByText('No answer yet').count(), 0, 'every request has its answer');
  });
});

test('the clinic downloads its consent history as FHIR: the requests it sent and the answers it got', STEP, async () => {
  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download consent history (FHIR JSON)' }).click();
    const download = await downloaded;
    assert.match(download.suggestedFilename(), /^consent-history-\d{4}-\d{2}-\d{2}\.json$/);
    const bundle = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(bundle.resourceType, 'Bundle');
    const consents = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Consent');
    const provenances = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Provenance');
    // The seeded request and its approval, the allergy request and its denial.
    assert.deepEqual(consents.map((c) => c.status).sort(), ['active', 'proposed', 'proposed', 'rejected']);
    assert.equal(provenances.length, consents.length);
    for (const p of provenances) assert.match(p.agent[0].who.identifier.value, /^nostr:npub1/);
    await page.getByText(/^Downloaded 4 requests and answers\.$/).waitFor();
  });
});

test('a consent history download says which storage server did not answer', STEP, async () => {
  // The relay refuses every read of the clinic's messages.
  const refuseMail = (page) => page.routeWebSocket((url) => url.href.startsWith(demo.relay), (ws) => {
    const relay = ws.connectToServer();
    ws.onMessage((message) => {
      const [type, id, ...filters] = JSON.parse(message);
      if (type === 'REQ' && filters.some((f) => f.kinds?.includes(1059))) ws.send(JSON.stringify(['CLOSED', id, 'blocked: refused by the test']));
      else relay.send(message);
    });
  });
  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download consent history (FHIR JSON)' }).click();
    await downloaded;
    await page.locator('#consent-export-status')
      .getByText(/^Downloaded 0 requests and answers\. Not complete: storage server ws:\/\/127\.0\.0\.1:\d+\/? did not answer\.$/).waitFor();
  }, refuseMail);
});

test('the request form refuses a number of days other than 1 to 365, at the field, before anything is signed', STEP, async () => {
  let published = 0;
  const countEvents = (page) => page.routeWebSocket((url) => url.href.startsWith(demo.relay), (ws) => {
    const relay = ws.connectToServer();
    ws.onMessage((message) => {
      if (JSON.parse(message)[0] === 'EVENT') published++;
      relay.send(message);
    });
  });
  const family = JSON.parse((await get('/demo-identities.json')).body).identities.find((i) => i.role === 'family').pubkey;
  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    const request = page.locator('#request-form');
    await request.locator('nip82-npub-picker').evaluate((picker, pubkey) => { picker.value = pubkey; }, family);
    const days = request.getByLabel('For how many days');
    for (const value of ['', '0', '366', '2.5', '-3']) {
      await days.fill(value);
      await request.getByRole('button', { name: 'Send the request' }).click();
      const message = request.getByText('Enter a number of days from 1 to 365');
      await message.waitFor();
      assert.equal(await days.getAttribute('aria-invalid'), 'true', `"${value}" is marked wrong`);
      assert.equal(await days.getAttribute('aria-describedby'), await message.getAttribute('id'), 'the field is described by its message');
      await focusReaches(page, '#request-days', `after "${value}"`);
      assert.equal(await request.locator('#request-status').textContent(), '', 'nothing was signed or sent');
    }
    assert.equal(published, 0, 'nothing was published');
    await days.fill('14');
    await request.getByRole('button', { name: 'Send the request' }).click();
    await request.getByText(/^Request sent; /).waitFor();
    assert.equal(await request.getByText('Enter a number of days from 1 to 365').isVisible(), false);
    assert.equal(await days.getAttribute('aria-invalid'), null);
  }, countEvents);
});

test('a request that only partly reaches the relay says what was accepted, and finishing sends the same signed event', STEP, async () => {
  // The relay refuses the second event (the clinic's own copy of the request) once, and takes the rest.
  const sent = [];
  const refuseSecondEvent = async (page) => {
    await page.routeWebSocket((url) => url.href.startsWith(demo.relay), (ws) => {
      const relay = ws.connectToServer();
      ws.onMessage((message) => {
        const [type, event] = JSON.parse(message);
        if (type === 'EVENT') sent.push(event.id);
        if (type === 'EVENT' && sent.length === 2) ws.send(JSON.stringify(['OK', event.id, false, 'blocked: refused by the test']));
        else relay.send(message);
      });
    });
  };
  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    const request = page.locator('#request-form');
    await request.getByLabel('Why (the patient reads this)').fill('Reviewing your vaccinations');
    await request.getByRole('button', { name: 'Send the request' }).click();
    await request.getByText(/^Only partly published: ws:\/\/127\.0\.0\.1:\d+\/? accepted 1 of 2 event\(s\)\. Event 2 of 2 was not accepted/).waitFor();
    await request.getByRole('button', { name: 'Finish sending' }).click();
    await request.getByText(/^Request sent; the patient will see it in their portal\. 1 of 1 storage server accepted it\.$/).waitFor();
    assert.equal(await request.getByRole('button', { name: 'Finish sending' }).isVisible(), false, 'nothing left to finish');
    // Only the refused event went again, and it was the one signed the first time: no second request.
    assert.equal(sent.length, 3);
    assert.equal(sent[2], sent[1]);
  }, refuseSecondEvent);
  await withPage('/demo/patient.html?as=patient', async (page) => {
    const prompt = page.locator('nip82-consent-prompt[mode="answer"]');
    await prompt.getByRole('button', { name: 'Check for requests' }).click();
    await prompt.getByRole('button', { name: /Review and answer the request from Harbor Clinic/ }).click();
    const dialog = prompt.getByRole('dialog');
    await dialog.getByText('Reviewing your vaccinations').waitFor();
    await dialog.getByRole('button', { name: 'Deny' }).click();
    await dialog.getByText(/^Denied\./).waitFor();
  });
});

test("the clinic's request, declined at any one signer prompt, publishes nothing and says so", STEP, async () => {
  // A NIP-07 extension over the clinic's key whose user declines the k-th prompt after sign-in.
  const declining = (k, calls) => async (page) => {
    const signer = secretKeySigner(hexToBytes(secrets().clinic));
    await page.exposeFunction('testExtension', async (method, args) => {
      // Only the prompts of the request count: signing in is not part of it.
      if (calls.armed && ++calls.count === k) throw new Error('The user declined.');
      return signer[method](...args);
    });
    await page.addInitScript(() => {
      const call = (method, ...args) => window.testExtension(method, args);
      window.nostr = {
        getPublicKey: () => call('getPublicKey'),
        signEvent: (template) => call('signEvent', template),
        nip44: { encrypt: (pk, text) => call('nip44Encrypt', pk, text), decrypt: (pk, text) => call('nip44Decrypt', pk, text) },
      };
    });
    await page.routeWebSocket((url) => url.href.startsWith(demo.relay), (ws) => {
      const relay = ws.connectToServer();
      ws.onMessage((message) => {
        if (JSON.parse(message)[0] === 'EVENT') calls.published++;
        relay.send(message);
      });
    });
  };
  const family = JSON.parse((await get('/demo-identities.json')).body).identities.find((i) => i.role === 'family').pubkey;
  const ask = async (k) => {
    const calls = { armed: false, count: 0, published: 0 };
    await withPage('/demo/clinic.html?as=extension', async (page) => {
      const request = page.locator('#request-form');
      // Asked of the family member, so the patient's requests stay as the other steps leave them.
      await request.locator('nip82-npub-picker').evaluate((picker, pubkey) => { picker.value = pubkey; }, family);
      calls.armed = true;
      await request.getByRole('button', { name: 'Send the request' }).click();
      await request.getByText(k ? /^Nothing was published: / : /^Request sent; /).waitFor();
    }, declining(k, calls));
    return calls;
  };
  // One request that goes through counts the prompts; then each one is declined in turn.
  const { count, published } = await ask(0);
  assert.ok(count > 0 && published > 0);
  for (let k = 1; k <= count; k++) {
    const calls = await ask(k);
    assert.equal(calls.published, 0, `nothing published when prompt ${k} of ${count} is declined`);
  }
});

test("the clinic's forms keep a keyboard user on the button pressed while they sign and publish", STEP, async () => {
  const family = JSON.parse((await get('/demo-identities.json')).body).identities.find((i) => i.role === 'family').pubkey;
  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    for (const [form, name, done] of [
      ['#visit-form', 'Sign and publish to the patient', /^Visit record published to the patient\. 1 of 1 storage server accepted it\.$/],
      ['#request-form', 'Send the request', /^Request sent; .* 1 of 1 storage server accepted it\.$/],
    ]) {
      const section = page.locator(form);
      // To the family member, so the patient's records and requests stay as the other steps leave them.
      await section.locator('nip82-npub-picker').evaluate((picker, pubkey) => { picker.value = pubkey; }, family);
      const button = section.getByRole('button', { name });
      await button.focus();
      await page.keyboard.press('Enter');
      await section.getByText(done).waitFor();
      await focusReaches(page, `${form} button[type=submit]`, `after "${name}"`);
      assert.equal(await button.getAttribute('aria-disabled'), 'false', `"${name}" is ready again`);
    }
  });
});

test('the patient portal never offers the person signed in as someone to share with', STEP, async () => {
  const people = Object.fromEntries(JSON.parse((await get('/demo-identities.json')).body).identities.map((i) => [i.role, i]));
  for (const [role, offered] of [['family', [people.clinic]], ['patient', [people.clinic, people.family]]]) {
    await withPage(`/demo/patient.html?as=${role}`, async (page) => {
      const options = (await page.locator('#share-with option').allTextContents()).filter((o) => !o.startsWith('Someone else'));
      // Each by name, short enough to show whole on a phone: "Harbor Clinic" for "Harbor Clinic (demo clinician)".
      assert.deepEqual(options, offered.map((p) => p.name.replace(/ \(demo[^)]*\)$/, '')), `offered to ${role}`);
      const chosen = await page.locator('nip82-consent-prompt[mode="share"]').evaluate((p) => p.recipient);
      assert.equal(chosen, people.clinic.npub, `the clinic is chosen for ${role}, never the person signed in`);
    });
  }
});

test("a patient's and a pet owner's page speak in their words: no key format or record standard named", STEP, async () => {
  // The page's own words, as a patient or owner reads them; the activity log is the developer's view.
  const jargon = /\b(npub|nsec|R4|FHIR|NIP-?\d*|Nostr|relays?|events?)\b|animal extension/i;
  for (const path of ['/demo/patient.html?as=patient', '/demo/vet.html?as=owner']) {
    await withPage(path, async (page) => {
      const said = await page.locator('main').evaluate((main) => {
        const copy = main.cloneNode(true);
        copy.querySelector('.activity')?.remove();
        // A key shown beside a name is the person's key, not a word about keys.
        for (const code of copy.querySelectorAll('code')) code.remove();
        return [copy.textContent, ...[...main.querySelectorAll('option')].map((o) => o.textContent)].join(' ').replace(/\s+/g, ' ');
      });
      const found = said.match(jargon);
      assert.equal(found?.[0], undefined, `${path} says "${found && said.slice(Math.max(0, found.index - 60), found.index + 40)}"`);
    });
  }
});

/**
 * What a person on a phone 320 CSS px wide meets (WCAG 2.2 reflow): the page scrolling sideways,
 * controls sticking out of the screen, or a control whose centre is covered by something else.
 */
const reflowProblems = (page, state) =>
  page.evaluate((state) => {
    const problems = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push(`${state}: the page scrolls sideways (${doc.scrollWidth} > ${doc.clientWidth})`);
    const roots = [document];
    for (let i = 0; i < roots.length; i++) for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    const open = roots.flatMap((root) => [...root.querySelectorAll('dialog')]).find((d) => d.open);
    for (const root of roots) {
      for (const control of root.querySelectorAll('button, a[href], input, select, textarea, summary')) {
        // The skip link sits off screen until focused; with a modal open only its controls can be reached.
        if (control.closest('.skip') || !control.getClientRects().length || getComputedStyle(control).visibility === 'hidden') continue;
        if (open && !open.contains(control) && !open.contains(root.host ?? null)) continue;
        if (control.closest('details:not([open])') && control.tagName !== 'SUMMARY') continue;
        control.scrollIntoView({ block: 'center', inline: 'center' });
        const r = control.getBoundingClientRect();
        const name = `${control.tagName.toLowerCase()} "${(control.textContent || control.getAttribute('aria-label') || control.id || '').trim().slice(0, 40)}"`;
        if (r.left < -0.5 || r.right > innerWidth + 0.5) problems.push(`${state}: ${name} sticks out (${Math.round(r.left)}..${Math.round(r.right)})`);
        const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!hit || !(hit === control || control.contains(hit) || hit.contains(control) && hit.tagName === 'LABEL')) {
          problems.push(`${state}: ${name} is covered by ${hit ? hit.outerHTML.slice(0, 60) : 'nothing'}`);
        }
      }
    }
    return problems;
  }, state);

const PHONE = async (page) => page.setViewportSize({ width: 320, height: 640 });

test('every demo page works on a phone 320 CSS px wide: no sideways scrolling, nothing covered', STEP, async () => {
  for (const path of ['/', '/demo/drop-in.html', '/demo/clinic.html?as=clinic', '/demo/vet.html?as=owner']) {
    await withPage(path, async (page) => {
      await page.locator('h1').first().waitFor();
      assert.deepEqual(await reflowProblems(page, path), []);
    }, PHONE);
  }
  await withPage('/demo/patient.html?as=patient', async (page) => {
    assert.deepEqual(await reflowProblems(page, 'patient portal'), []);
    const viewer = await unlock(page);
    await viewer.getByText(/records? unlocked/).waitFor();
    const list = page.locator('nip82-access-list');
    await list.locator('[part=record]').first().waitFor();
    await list.getByRole('button', { name: 'Show consent history' }).click();
    await list.locator('table.history, [role=status]:has-text("You have not")').first().waitFor();
    assert.deepEqual(await reflowProblems(page, 'patient portal, records unlocked'), []);
    // Alex's seeded record lists others only once shared; the revoke dialog is checked when there is one.
    if (await list.locator('button.revoke').count()) {
      await list.locator('button.revoke').first().click();
      await list.getByRole('dialog').waitFor();
      assert.deepEqual(await reflowProblems(page, 'patient portal, revoke dialog'), []);
      await list.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    }
  }, PHONE);
});

/**
 * Each choice of a page's drop-down lists as a phone 320 CSS px wide shows it closed: a list cannot
 * wrap its words, so a choice wider than the list is cut ("…demo ic"). Measured as the same list
 * would be unconstrained, showing that choice.
 */
const cutChoices = (page) =>
  page.evaluate(() => {
    const cut = [];
    for (const select of document.querySelectorAll('select')) {
      if (!select.getClientRects().length) continue;
      for (const option of select.options) {
        const alone = select.cloneNode(false);
        alone.append(new Option(option.text));
        alone.style.cssText = 'position: absolute; inline-size: auto; max-inline-size: none; visibility: hidden';
        select.after(alone);
        const needed = alone.getBoundingClientRect().width;
        alone.remove();
        const shown = select.getBoundingClientRect().width;
        if (needed > shown + 0.5) cut.push(`#${select.id} "${option.text}" needs ${Math.round(needed)} px, has ${Math.round(shown)}`);
      }
    }
    return cut;
  });

test('on a phone 320 CSS px wide, "Sign in as" and "Share with" show each choice whole', STEP, async () => {
  for (const path of ['/demo/patient.html?as=patient', '/demo/patient.html?as=family', '/demo/clinic.html?as=clinic', '/demo/vet.html?as=owner']) {
    await withPage(path, async (page) => {
      assert.ok(await page.locator('select').count() > 0, `${path} has a list to choose from`);
      assert.deepEqual(await cutChoices(page), [], path);
    }, PHONE);
  }
});

test('a visit note too long for any record part is refused with the reason, not a crash', STEP, async () => {
  // NIP-44 encrypts at most 64 KB per part and the kit never splits one resource, so a 150,000-character
  // note cannot be published; the page must say so rather than fail while encoding it.
  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    const visit = page.locator('#visit-form');
    await visit.getByLabel('Visit note').fill('x'.repeat(150_000));
    await visit.getByRole('button', { name: 'Sign and publish to the patient' }).click();
    await visit.getByText(/^Nothing was published: One DocumentReference is too large to fit in any record part/).waitFor();
  });
});

test('vet clinic: the owner sends vaccination proof to the kennel, which sees only that', STEP, async () => {
  await withPage('/demo/vet.html?as=kennel', async (page) => {
    const viewer = await unlock(page);
    await viewer.getByText('No records were found for you').waitFor();
  });

  await withPage('/demo/vet.html?as=owner', async (page) => {
    const viewer = await unlock(page);
    await viewer.getByText('1 record unlocked.').waitFor();
    await viewer.getByText('Biscuit').first().waitFor();
    await viewer.getByText('Labrador retriever').first().waitFor();
    const prompt = page.locator('nip82-consent-prompt[mode="share"]');
    // Unlocked once in the viewer: the share prompt has the records without loading them again.
    assert.equal(await prompt.getByRole('button', { name: 'Unlock my records' }).count(), 0);
    await prompt.getByRole('button', { name: 'Share records…' }).click();
    const dialog = prompt.getByRole('dialog');
    await dialog.getByText(/Meadow Kennel/).first().waitFor();
    for (const item of [/Ear infection/, /Annual check-up/, /Body weight/]) await dialog.getByRole('checkbox', { name: item }).uncheck();
    await dialog.getByRole('button', { name: 'Review' }).click();
    await dialog.getByText('Nothing is hidden, so there is no flag.').waitFor();
    await dialog.getByRole('button', { name: /^Share with/ }).click();
    await dialog.getByText(/Shared with .*1 of 1 storage server accepted it/).waitFor();
  });

  await withPage('/demo/vet.html?as=kennel', async (page) => {
    const viewer = await unlock(page);
    await viewer.getByText('1 record unlocked.').waitFor();
    await viewer.getByText('Rabies vaccine (3-year)').waitFor();
    await viewer.getByText('Kennel cough (Bordetella) vaccine').waitFor();
    // Each vaccine carries the vet's signature, not only the owner's who passed it on.
    const vaccines = viewer.locator('[data-section="immunizations"] li.item');
    const signed = await vaccines.locator('.item-provenance').allTextContents();
    assert.ok(signed.length >= 2 && signed.length === await vaccines.count(), 'a line per vaccine');
    for (const text of signed) assert.match(text, /^from \u2068?Hillside Vet Clinic \(demo\)\u2069? · signed .+ · signature checked$/);
    await viewer.getByRole('checkbox', { name: 'Only items signed by someone other than the owner' }).check();
    assert.equal(await viewer.locator('li.item').count(), await viewer.locator('li.item .item-provenance.signed').count(), 'the filter keeps only signed items');
    await viewer.getByText('Biscuit').first().waitFor();
    assert.equal(await viewer.getByText('Ear infection').count(), 0);
    assert.equal(await viewer.getByText('Body weight').count(), 0);
    assert.equal(await page.locator('#share-section').isVisible(), false, 'the kennel is not offered sharing');
  });
});

test('the clinic\'s answers say when each request was asked and why, and never "No answer yet" while messages were left unread', STEP, async () => {
  // The relay serves the clinic's messages until told to refuse every read of them.
  let refusing = false;
  const refuseMailLater = (page) => page.routeWebSocket((url) => url.href.startsWith(demo.relay), (ws) => {
    const relay = ws.connectToServer();
    ws.onMessage((message) => {
      const [type, id, ...filters] = JSON.parse(message);
      if (refusing && type === 'REQ' && filters.some((f) => f.kinds?.includes(1059))) ws.send(JSON.stringify(['CLOSED', id, 'blocked: refused by the test']));
      else relay.send(message);
    });
  });
  await withPage('/demo/clinic.html?as=clinic', async (page) => {
    const request = page.locator('#request-form');
    await request.getByLabel('Why (the patient reads this)').fill('Your flu shot record');
    await request.getByRole('button', { name: 'Send the request' }).click();
    await request.getByText(/^Request sent; .* 1 of 1 storage server accepted it\.$/).waitFor();
    await page.getByRole('button', { name: 'Check for answers' }).click();
    const answers = page.getByRole('list', { name: "Answers to the clinic's requests" });
    // Told apart from the other requests to Alex by when and why it was asked.
    const line = answers.getByRole('listitem').filter({ hasText: /^Alex \(demo patient\): Allergies, Medications, until .+, asked \w{3} \d{1,2}, \d{4} for “Your flu shot record”\. No answer yet\.$/ });
    await line.waitFor();
    // Alex denies it meanwhile.
    await withPage('/demo/patient.html?as=patient', async (patient) => {
      const prompt = patient.locator('nip82-consent-prompt[mode="answer"]');
      await prompt.getByRole('button', { name: 'Check for requests' }).click();
      await prompt.getByRole('button', { name: /Review and answer the request from Harbor Clinic/ }).click();
      const dialog = prompt.getByRole('dialog');
      await dialog.getByText('Your flu shot record').waitFor();
      await dialog.getByRole('button', { name: 'Deny' }).click();
      await dialog.getByText(/^Denied\./).waitFor();
    });
    // Checked again while the storage server refuses: the answer was not read, and the line does not claim there is none.
    refusing = true;
    await page.getByRole('button', { name: 'Check for answers' }).click();
    await page.locator('#answers-status').getByText(/Not complete: storage server .* did not answer\.$/).waitFor();
    await answers.getByRole('listitem').filter({ hasText: /for “Your flu shot record”\. No answer read yet \(not every message was read\)\.$/ }).waitFor();
    assert.equal(await answers.getByText(/No answer yet\.$/).count(), 0, 'no request is said to have no answer');
  }, refuseMailLater);
});

test('a restart keeps the records and seeds nothing twice', STEP, async () => {
  const before = await countRecords('patient');
  await demo.stop();
  demo = await startDemo();
  assert.match(demo.output(), /already seeded/);
  assert.equal(await countRecords('patient'), before, 'the same records after the restart');
  await withPage('/demo/patient.html?as=patient', async (page) => {
    // The seeded request was answered before the restart and has not come back.
    const prompt = page.locator('nip82-consent-prompt[mode="answer"]');
    await prompt.getByRole('button', { name: 'Check for requests' }).click();
    await prompt.getByText('No open requests.').first().waitFor();
  });
});

async function countRecords(role) {
  let count = 0;
  await withPage(`/demo/patient.html?as=${role}`, async (page) => {
    const viewer = await unlock(page);
    const text = await viewer.locator('[role="status"]').filter({ hasText: /records? unlocked/ }).textContent();
    count = Number(text.match(/(\d+) records? unlocked/)[1]);
  });
  // The copies the patient made to share are shares, not more records.
  assert.ok(count >= 2, `the history and the visit at least: ${count}`);
  return count;
}
