// `npm start`: a local relay (its data kept in .demo-data/, so a restart keeps the records), the
// demo identities and records seeded on first start, and the demo pages, on loopback. Prints the
// URLs. Stop with Ctrl+C.
//
// Environment: PORT (pages, default 8082), RELAY_PORT (default 7447), 0 for any free port;
// DEMO_DATA_DIR (default .demo-data/ in the checkout). A busy port falls back to a free one.
import http from 'node:http';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRelay } from '../scripts/relay.mjs';
import { loadIdentities, forPages } from './server/identities.mjs';
import { seed } from './server/seed.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dataDir = resolve(process.env.DEMO_DATA_DIR || join(root, '.demo-data'));
mkdirSync(dataDir, { recursive: true });
const relayPort = Number(process.env.RELAY_PORT ?? 7447);
const webPort = Number(process.env.PORT ?? 8082);
// The demo relay accepts smaller events than most (32 KB of content), so the kit's automatic
// split of a large record into parts is visible with the seeded patient.
const MAX_CONTENT = 32 * 1024;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
// Only these folders are served: the demo pages and the built kit; never the server's own code,
// the seed data or the data folder.
const SERVED = ['demo', 'dist'];
const NOT_SERVED = ['demo/server', 'demo/data'];
const inside = (file, dir) => file === join(root, dir) || file.startsWith(join(root, dir) + '/');

/** Ports that were busy, to say so beside the addresses (a bookmark to the usual one would reach another program). */
const busy = [];

async function listen(server, port, what = 'pages') {
  try {
    await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error;
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    busy.push(`port ${port} (${what}) was busy, so the ${what} are on port ${server.address().port} instead`);
  }
  return server.address().port;
}

const people = loadIdentities(dataDir);
const relayOptions = { dbPath: join(dataDir, 'relay.sqlite'), name: 'nip82-elements demo relay', maxContentLength: MAX_CONTENT };
// The usual port when it is free, any free port when it is not (another demo may be running).
const relay = await startRelay({ ...relayOptions, port: relayPort }).catch(async (error) => {
  if (error.code !== 'EADDRINUSE') throw error;
  const moved = await startRelay({ ...relayOptions, port: 0 });
  busy.push(`port ${relayPort} (relay) was busy, so the relay is on ${moved.url} instead`);
  return moved;
});
// A failed seed is reported and retried at the next start; the pages work without it.
const seeding = await seed({ relayUrl: relay.url, dataDir, people }).catch((error) => ({ seeded: [], skipped: [], error }));

let port = 0;

/**
 * The demo identities are served only to requests for this server's own loopback address: the
 * request must come from 127.0.0.1, name this server as its host (a page elsewhere that rebinds a
 * name to 127.0.0.1 cannot), and, where the browser says so, be same-origin. Any local process can
 * still ask: they are demo keys, never for real data.
 */
function mayHaveIdentities(req) {
  const local = ['127.0.0.1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');
  const host = req.headers.host === `127.0.0.1:${port}`;
  const site = req.headers['sec-fetch-site'];
  return local && host && (site === undefined || site === 'same-origin');
}

function sendJson(res, status, value) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(value));
}

/** The drop-in page is plain HTML: its `relays` attribute is filled in here, as a host's templates would. */
function dropIn(file) {
  const escaped = relay.url.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return readFileSync(file, 'utf8').replaceAll('relays="{{RELAY}}"', `relays="${escaped}"`);
}

function send(res, status, text) {
  res.statusCode = status;
  res.end(text);
}

/** The file a request path names, or undefined when the path is malformed (`/%E0%A4%A`, a NUL). */
function fileFor(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  path = normalize(path).replace(/^([/\\])+/, '');
  if (path === '' || path === '.') path = 'demo/index.html';
  if (path.endsWith('/')) path += 'index.html';
  return resolve(root, path);
}

function route(req, res) {
  if (!URL.canParse(req.url ?? '/', 'http://localhost')) return send(res, 400, 'Bad request');
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/config.json') return sendJson(res, 200, { relays: [relay.url] });
  if (url.pathname === '/demo-identities.json') {
    // Every page needs everyone's name and public key; a secret key only for the roles it signs in as.
    const roles = url.searchParams.get('roles')?.split(',') ?? [];
    return mayHaveIdentities(req) ? sendJson(res, 200, forPages(people, roles)) : sendJson(res, 403, { error: "Demo identities are served only to requests for this server's loopback address." });
  }
  const file = fileFor(url.pathname);
  if (!file) return send(res, 400, 'Bad request');
  const allowed = SERVED.some((dir) => inside(file, dir)) && !NOT_SERVED.some((dir) => inside(file, dir));
  // Files only: reading a folder would throw.
  if (!allowed || !statSync(file, { throwIfNoEntry: false })?.isFile()) return send(res, 404, 'Not found');
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', 'no-store');
  res.end(file === join(root, 'demo/drop-in.html') ? dropIn(file) : readFileSync(file));
}

// The relay's http URL is its NIP-11 document: the kit reads the relay's size limit from it.
const CSP = `default-src 'self'; connect-src 'self' ${relay.url} ${relay.url.replace(/^ws/, 'http')} ws://127.0.0.1:*; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`;

const server = http.createServer((req, res) => {
  // No framing and no type sniffing, on every answer: the pages sign in from the URL
  // (`?as=patient`), so a site framing one could trick the user into clicking Share or Revoke.
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  try {
    route(req, res);
  } catch (error) {
    // Any page the user visits can send requests here: a bad one must not stop the demo.
    console.error(error);
    if (res.headersSent) res.destroy();
    else send(res, 500, 'Server error');
  }
});
port = await listen(server, webPort);

const web = `http://127.0.0.1:${port}`;
const seeded = seeding.error
  ? `seeding failed, will retry at the next start: ${seeding.error.message}`
  : seeding.seeded.length ? `seeded ${seeding.seeded.join(', ')}` : 'already seeded';
console.log(`nip82-elements demo
  relay:    ${relay.url}   (events up to ${MAX_CONTENT / 1024} KB, so large records are split into parts)
  data:     ${dataDir}   (${seeded}; delete the folder to start over)
  home:     ${web}/
  patient:  ${web}/demo/patient.html
  clinic:   ${web}/demo/clinic.html
  vet:      ${web}/demo/vet.html
  drop-in:  ${web}/demo/drop-in.html
The demo identities are generated for this install; never use them for real data.
Press Ctrl+C to stop.`);
// After the addresses, so it is the last thing read: another program (perhaps another demo) holds the usual port.
for (const line of busy) console.log(`Note: ${line}. Set PORT / RELAY_PORT to choose.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  server.close();
  await relay.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
