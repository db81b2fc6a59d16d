// Starts real relays for the browser tests and hands their URLs to the tests by a server command:
// executeServerCommand('relay-url', { name }) with name main | second | auth | small | slow | picky,
// 'relay-down-url' for an address where nothing listens, and
// 'relay-accept-only', { name, count } to make a relay accept only `count` more events (null: all again).
import net from 'node:net';
import { startRelay } from './relay.mjs';

const KINDS = {
  main: {},
  second: {},
  auth: { authRequired: true },
  small: { maxContentLength: 16000 },
  slow: { delayMs: 1500 },
  picky: {},
};

async function freePort() {
  const server = net.createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

export function relayPlugin() {
  const relays = {};
  let downUrl;
  return {
    name: 'nostr-relays',
    async serverStart() {
      for (const [name, options] of Object.entries(KINDS)) relays[name] = await startRelay({ ...options, name });
      downUrl = `ws://127.0.0.1:${await freePort()}`;
    },
    async serverStop() {
      await Promise.all(Object.values(relays).map((r) => r.close()));
    },
    async executeCommand({ command, payload }) {
      if (command === 'relay-url') return relays[payload?.name ?? 'main']?.url ?? null;
      if (command === 'relay-down-url') return downUrl;
      if (command === 'relay-accept-only') {
        relays[payload?.name ?? 'picky']?.acceptOnly(payload?.count ?? undefined);
        return true;
      }
      return undefined;
    },
  };
}
