// `npm start`: a local relay (its data kept in .demo-data/, so a restart keeps the records) and
// the demo pages, on loopback. Prints the URLs. Stop with Ctrl+C.
import http from 'node:http';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRelay } from '../scripts/relay.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dataDir = join(root, '.demo-data');
mkdirSync(dataDir, { recursive: true });
const relayPort = Number(process.env.RELAY_PORT ?? 7447);
const webPort = Number(process.env.PORT ?? 8082);

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
// Only these folders are served: the demo pages and the built kit.
const SERVED = ['demo', 'dist'];

async function listen(server, port) {
  try {
    await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error;
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  }
  return server.address().port;
}

const relay = await startRelay({ port: relayPort, dbPath: join(dataDir, 'relay.sqlite'), name: 'nip82-elements demo relay' }).catch(() =>
  startRelay({ port: 0, dbPath: join(dataDir, 'relay.sqlite'), name: 'nip82-elements demo relay' }),
);

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/config.json') {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ relays: [relay.url] }));
    return;
  }
  let path = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
  if (path === '' || path === '.') path = 'demo/index.html';
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(root, path);
  const allowed = SERVED.some((dir) => file.startsWith(join(root, dir) + '/'));
  if (!allowed || !existsSync(file)) {
    res.statusCode = 404;
    res.end('Not found');
    return;
  }
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Content-Security-Policy', `default-src 'self'; connect-src 'self' ${relay.url} ws://127.0.0.1:*; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'`);
  res.setHeader('Cache-Control', 'no-store');
  res.end(readFileSync(file));
});
const port = await listen(server, webPort);

console.log(`nip82-elements demo
  relay:  ${relay.url}   (data in .demo-data/)
  demo:   http://127.0.0.1:${port}/
Press Ctrl+C to stop.`);

const stop = async () => {
  server.close();
  await relay.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
