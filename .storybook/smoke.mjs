// Opens the static story site (storybook-static/, from `npm run build-storybook`) in the headless
// browser, one story per element, and checks that the element was registered and rendered and
// that the story's play function threw nothing. The story tests run on the dev server; this
// catches what only the production bundle can break. Exit code 1 on any failure.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright';

const root = new URL('../storybook-static/', import.meta.url).pathname;
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
const firstPerElement = new Map();
for (const entry of Object.values(index.entries)) {
  // Stories tagged `relay` need the relays the dev server starts; a static build only shows a note for them.
  if (entry.type === 'story' && !entry.tags?.includes('relay') && !firstPerElement.has(entry.title)) firstPerElement.set(entry.title, entry.id);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const failures = [];
try {
  const page = await browser.newPage();
  for (const [title, id] of firstPerElement) {
    const errors = [];
    const onError = (e) => errors.push(String(e));
    // A relay address that refuses connections is part of some stories; the browser logs each attempt.
    const onConsole = (m) => {
      const text = m.text();
      if (m.type() === 'error' && /Error|threw|exception/i.test(text) && !text.startsWith('WebSocket connection to')) errors.push(text.split('\n')[0]);
    };
    page.on('pageerror', onError);
    page.on('console', onConsole);
    await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`);
    const rendered = await page
      .waitForFunction(() => {
        const el = document.querySelector('#storybook-root [status], #storybook-root nip82-hidden-flag');
        return !!el?.shadowRoot && el.shadowRoot.childNodes.length > 0;
      }, undefined, { timeout: 15_000 })
      .then(() => true, () => false);
    // The story's play function has run (or thrown) once the preview's render reaches its last phase.
    const settled = await page
      .waitForFunction(() => ['completed', 'finished', 'errored', 'aborted'].includes(window.__STORYBOOK_PREVIEW__?.currentRender?.phase), undefined, { timeout: 30_000 })
      .then(() => true, () => false);
    if (!settled) errors.push('the story never finished rendering and playing');
    page.off('pageerror', onError);
    page.off('console', onConsole);
    if (!rendered) failures.push(`${title} (${id}): the element was not registered or did not render`);
    for (const e of errors) failures.push(`${title} (${id}): ${e}`);
    console.log(`${rendered && errors.length === 0 ? 'ok' : 'FAIL'}  ${title}: ${id}`);
  }
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`static stories: ${firstPerElement.size} elements render`);
