// How long the access list holds the page at a clinic of 1,000 and 5,000 records (two records per
// patient): the longest task while it opens (until every record is on the page) and while a key
// typed in its find field narrows the list ("1", "12", "123") or a cleared field shows it whole
// again (until every record is back), and while a step of an action changes the status line alone
// (the first step also marks every Revoke button busy, the end frees them). Then a revocation at a
// clinic that may edit each record (a Revoke button on each), through a relay of its own: Revoke
// pressed until the dialog shows, its confirm pressed until the signer is asked, and the rest once
// the signer answers. Each task of the page counts, its rendering included (the browser's
// long-animation-frame and long-task timings). Measured in headless Chromium.
// Run: node scripts/access-list-tasks.mjs [records…]   (CHROME_PATH names the browser, /usr/bin/chromium if unset)
// PROFILE=press|confirm|answered writes a CPU profile of that part of the revocation, TRACE=… a
// trace with the browser's own work (style, layout), for Chromium's performance panel.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startRelay } from './relay.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

/** The page's script: makes a clinic's records and measures the list showing them. */
const page = String.raw`
import './components/access-list/define.ts';
import { createRecord, openRecord } from './components/core/nip82/record.ts';
import { secretKeySigner } from './components/core/signers/secret-key.ts';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { RelayClient } from './components/core/relay/client.ts';

const about = (name, i) => ({
  resourceType: 'Bundle', type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:p' + i, resource: { resourceType: 'Patient', id: 'p' + i, name: [{ text: name }] } },
    { fullUrl: 'urn:uuid:c' + i, resource: { resourceType: 'Condition', id: 'c' + i, code: { text: 'Flu' }, subject: { reference: 'urn:uuid:p' + i } } },
  ],
});

/** The longest task and animation frame seen since the last call. */
const longest = { task: 0, frame: 0 };
new PerformanceObserver((list) => { for (const e of list.getEntries()) longest.task = Math.max(longest.task, e.duration); }).observe({ type: 'longtask' });
new PerformanceObserver((list) => { for (const e of list.getEntries()) longest.frame = Math.max(longest.frame, e.duration); }).observe({ type: 'long-animation-frame' });
const taken = async () => {
  // The last frame's timings arrive after it: two frames and a task later.
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))));
  const out = { ...longest };
  longest.task = longest.frame = 0;
  return out;
};
const until = async (done) => { while (!done()) await new Promise((r) => setTimeout(r, 5)); };

window.measure = async (n) => {
  const clinic = secretKeySigner(generateSecretKey());
  const author = secretKeySigner(generateSecretKey());
  const clinicKey = await clinic.getPublicKey();
  const base = await openRecord(await createRecord({ bundle: about('Patient 0', 0), author, participants: [{ pubkey: clinicKey, role: 'viewer' }] }), clinic);
  const patients = n / 2;
  const records = [...Array(n)].map((_, i) => ({
    ...base,
    signPubkey: i.toString(16).padStart(64, 'f'),
    subject: (i % patients).toString(16).padStart(64, '0'),
    bundle: about('Patient ' + (i % patients), i),
  }));
  document.body.replaceChildren();
  await taken();
  const el = document.createElement('nip82-access-list');
  el.lang = 'en';
  el.records = records;
  el.signer = clinic;
  const shown = () => el.shadowRoot?.querySelectorAll('[part=patient]:not([hidden]) article[part=record]').length ?? 0;
  let start = performance.now();
  document.body.append(el);
  await until(() => shown() === n);
  const open = { ...(await taken()), all: performance.now() - start };
  const field = el.shadowRoot.querySelector('input[type=search]');
  const keys = [];
  for (const [value, records] of [['1', null], ['12', null], ['123', null], ['', n]]) {
    field.value = value;
    start = performance.now();
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    if (records !== null) await until(() => shown() === records);
    keys.push({ value, ...(await taken()), all: performance.now() - start });
  }
  // A step of an action: the status line alone changes (the element's own state, set as a revocation's steps set it).
  const steps = [];
  for (const [status, words] of [['working', 'Preparing'], ['working', 'Sending'], ['done', 'Done']]) {
    start = performance.now();
    el.state.set(status, words);
    await el.updateComplete;
    steps.push({ value: words, ...(await taken()), all: performance.now() - start });
  }
  el.remove();
  return { n, patients, open, keys, steps };
};

/**
 * A revocation at a clinic that may edit each of its n records (a colleague on each: a Revoke button
 * on each), one of them a real record on the relay: the press of Revoke until the dialog shows, the
 * press of its confirm until the signer is asked to sign, and the rest of it once the signer answers.
 */
let revoking;
window.revokePrepare = async (n, url) => {
  const clinic = secretKeySigner(generateSecretKey());
  const patient = getPublicKey(generateSecretKey());
  const [colleague, family] = [getPublicKey(generateSecretKey()), getPublicKey(generateSecretKey())];
  // Revoking the patient, who may edit it, moves it to a new key: the family left on it is told, in a notice the signer signs.
  const events = await createRecord({ bundle: about('Ana Rivera', n), author: clinic, participants: [{ pubkey: patient, role: 'editor' }, { pubkey: family, role: 'viewer' }] });
  const client = new RelayClient({ relays: [url] });
  await client.publishAll(events);
  client.close();
  const base = await openRecord(await createRecord({ bundle: about('Patient 0', 0), author: clinic, participants: [{ pubkey: colleague, role: 'viewer' }] }), clinic);
  const patients = n / 2;
  const records = [await openRecord(events, clinic), ...[...Array(n - 1)].map((_, i) => ({
    ...base,
    signPubkey: i.toString(16).padStart(64, 'f'),
    subject: (i % patients).toString(16).padStart(64, '0'),
    bundle: about('Patient ' + (i % patients), i),
  }))];
  // The signer holds its first signature until let go: the prompt a person reads before they answer.
  let asked = false;
  let release;
  const gate = new Promise((r) => (release = r));
  const signer = { ...clinic, getPublicKey: () => clinic.getPublicKey(), nip44Encrypt: (p, x) => clinic.nip44Encrypt(p, x), nip44Decrypt: (p, c) => clinic.nip44Decrypt(p, c),
    signEvent: async (t) => { if (!asked) { asked = true; await gate; } return clinic.signEvent(t); } };
  document.body.replaceChildren();
  const el = document.createElement('nip82-access-list');
  el.lang = 'en';
  el.setAttribute('relays', url);
  el.records = records;
  el.signer = signer;
  document.body.append(el);
  const buttons = () => el.shadowRoot?.querySelectorAll('button.revoke').length ?? 0;
  await until(() => buttons() === n + 1);
  await el.updateComplete;
  await taken();
  revoking = { el, patient, asked: () => asked, release };
};
window.revokePress = async () => {
  const { el, patient } = revoking;
  const start = performance.now();
  el.shadowRoot.querySelector('[part=person][data-pubkey="' + patient + '"] button.revoke').click();
  await until(() => el.shadowRoot.querySelector('dialog').open);
  await el.updateComplete;
  return { ...(await taken()), all: performance.now() - start };
};
window.revokeConfirm = async () => {
  const { el, asked } = revoking;
  const start = performance.now();
  el.shadowRoot.querySelector('dialog button.danger').click();
  await until(() => asked() && el.status === 'waiting-signer');
  await el.updateComplete;
  return { ...(await taken()), all: performance.now() - start };
};
window.revokeAnswered = async () => {
  const { el, release } = revoking;
  const start = performance.now();
  release();
  await until(() => el.status === 'done' || el.status === 'relay-error' || el.status === 'error');
  await el.updateComplete;
  const out = { ...(await taken()), all: performance.now() - start, status: el.status };
  el.remove();
  return out;
};
`;

const bundled = await build({
  stdin: { contents: page, resolveDir: root, loader: 'ts' },
  bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'error',
  tsconfig: `${root}tsconfig.json`,
});
const script = bundled.outputFiles[0].text;

const relay = await startRelay();
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-features=LocalNetworkAccessChecks'] });
try {
  const tab = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  // A secure origin of its own (localhost), served from memory; served by no address, so the
  // browser's check of pages reaching loopback (the relay) is turned off above.
  await tab.route('http://localhost:9/**', (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: script })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>' }));
  await tab.goto('http://localhost:9/');
  await tab.waitForFunction(() => 'measure' in window);
  const ms = (x) => `${Math.round(x)} ms`;
  for (const n of sizes.length ? sizes : [1000, 5000]) {
    const r = await tab.evaluate((n) => window.measure(n), n);
    console.log(`${r.n} records, ${r.patients} patients`);
    console.log(`  open: longest task ${ms(r.open.task)}, longest frame ${ms(r.open.frame)}, every record shown after ${ms(r.open.all)}`);
    for (const k of r.keys) console.log(`  find "${k.value}": longest task ${ms(k.task)}, longest frame ${ms(k.frame)}, settled after ${ms(k.all)}`);
    for (const k of r.steps) console.log(`  status "${k.value}" (${k.value === 'Done' ? 'the action ended' : 'an action under way'}): longest task ${ms(k.task)}, longest frame ${ms(k.frame)}, settled after ${ms(k.all)}`);
    await tab.evaluate(([n, url]) => window.revokePrepare(n, url), [n, relay.url]);
    console.log(`${n} records the clinic may edit, a Revoke button on each`);
    for (const [part, words] of [['press', 'Revoke pressed, until the dialog shows'], ['confirm', 'its confirm pressed, until the signer is asked'], ['answered', 'the signer answered, until the outcome']]) {
      const cdp = process.env.PROFILE === part ? await tab.context().newCDPSession(tab) : undefined;
      if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
      if (process.env.TRACE === part) await browser.startTracing(tab, { path: `access-list-${part}-${n}.trace.json`, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'] });
      const k = await tab.evaluate((part) => window[`revoke${part[0].toUpperCase()}${part.slice(1)}`](), part);
      if (process.env.TRACE === part) await browser.stopTracing();
      if (cdp) writeFileSync(`access-list-${part}-${n}.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      console.log(`  ${words}: longest task ${ms(k.task)}, longest frame ${ms(k.frame)}, settled after ${ms(k.all)}${k.status && k.status !== 'done' ? ` (${k.status})` : ''}`);
    }
  }
} finally {
  await browser.close();
  await relay.close();
}
