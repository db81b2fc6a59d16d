// Starts real relays for the browser tests and hands their URLs to the tests by a server command:
// executeServerCommand('relay-url', { name }) with name main | second | auth | small | slow | restricted,
// hostile (floods, oversized messages: scripts/hostile-relay.mjs), and 'relay-down-url' for an
// address where nothing listens.
import net from 'node:net';
import { startRelay } from './relay.mjs';
import { startHostileRelay } from './hostile-relay.mjs';

const KINDS = {
  main: {},
  second: {},
  auth: { authRequired: true },
  small: { maxContentLength: 16000 },
  slow: { delayMs: 1500 },
  // Behaves like the relays clinics commonly run: gift wraps only for authenticated readers (with
  // "ERROR: auth-required: ..." as the CLOSED reason), at most 500 events per filter, events up to
  // 65,536 bytes, and a NIP-11 document naming only the message length.
  restricted: { authReadKinds: [1059], maxLimit: 500, maxEventBytes: 65536, maxContentLength: 131072, limitation: { max_message_length: 131072 } },
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
      relays.hostile = await startHostileRelay();
      downUrl = `ws://127.0.0.1:${await freePort()}`;
    },
    async serverStop() {
      await Promise.all(Object.values(relays).map((r) => r.close()));
    },
    async executeCommand({ command, payload }) {
      if (command === 'relay-url') return relays[payload?.name ?? 'main']?.url ?? null;
      if (command === 'relay-down-url') return downUrl;
      return undefined;
    },
  };
}
