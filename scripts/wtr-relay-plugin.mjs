// Starts real relays for the browser tests and hands their URLs to the tests by a server command:
// executeServerCommand('relay-url', { name }) with name main | second | auth | auth-write | small | slow | silent | flaky | picky |
// restricted, hostile (floods, oversized messages: scripts/hostile-relay.mjs), and 'relay-down-url'
// for an address where nothing listens.
// 'relay-requests' ({ name, author }) reports the filters of the REQs a relay received that name
// `author` in `authors` or `#p`, so a test can check what was asked without waiting for anything.
// 'relay-live-requests' ({ name, author }) does the same for the subscriptions still open on the relay.
// 'relay-sign-ins' ({ name, author }) reports the keys that signed in (NIP-42 AUTH), in order, and
// the REQs served that name `author`, each with the key its connection was signed in as (or null).
// 'relay-accept-only' ({ name, count, reason }) makes a relay accept only `count` more events (null: all again),
// refusing the rest with `reason` as its OK message's text (by default a `blocked:` one).
// 'relay-late-ok' ({ name, ms }) makes a relay store each EVENT at once but send its OK `ms` later (0: at once).
// 'relay-drop' ({ name, silently }) ends every connection open at a relay now (a restart), or with
// `silently` stops answering on them while new ones are served (connections gone dark).
// 'picky' is one relay per test file: files run side by side, and one file's "accept nothing now"
// must never reach another's send.
import net from 'node:net';
import { startRelay } from './relay.mjs';
import { startHostileRelay } from './hostile-relay.mjs';

const KINDS = {
  main: {},
  second: {},
  auth: { authRequired: true },
  // Lets anyone read; takes events only from a client signed in (NIP-42), as a members' relay does.
  'auth-write': { authRequired: 'writes' },
  small: { maxContentLength: 16000 },
  slow: { delayMs: 1500 },
  // Slower than nostr-tools' own 4.4 s publish deadline, within the client's.
  sluggish: { delayMs: 5000 },
  // Behaves like the relays clinics commonly run: gift wraps only for authenticated readers (with
  // "ERROR: auth-required: ..." as the CLOSED reason), at most 500 events per filter, events up to
  // 65,536 bytes, and a NIP-11 document naming only the message length.
  restricted: { authReadKinds: [1059], maxLimit: 500, maxEventBytes: 65536, maxContentLength: 131072, limitation: { max_message_length: 131072 } },
  silent: { silent: true },
  // Refuses the first copy of each record part, deletion and gift wrap: a retry must send the same events.
  flaky: { rejectFirstKinds: [32225, 5, 1059] },
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
  const pickyByFile = new Map();
  let downUrl;
  /** The relay `name` as the test file of `session` sees it. */
  const relayFor = async (name, session) => {
    if (name !== 'picky') return relays[name];
    const file = session?.testFile ?? '';
    if (!pickyByFile.has(file)) pickyByFile.set(file, startRelay({ name: 'picky', keepRequests: 5000 }));
    return pickyByFile.get(file);
  };
  return {
    name: 'nostr-relays',
    async serverStart() {
      for (const [name, options] of Object.entries(KINDS)) relays[name] = await startRelay({ ...options, name, keepRequests: 5000 });
      relays.hostile = await startHostileRelay();
      downUrl = `ws://127.0.0.1:${await freePort()}`;
    },
    async serverStop() {
      await Promise.all([...Object.values(relays), ...(await Promise.all(pickyByFile.values()))].map((r) => r.close()));
    },
    async executeCommand({ command, payload, session }) {
      if (command === 'relay-url') return (await relayFor(payload?.name ?? 'main', session))?.url ?? null;
      if (command === 'relay-down-url') return downUrl;
      if (command === 'relay-requests' || command === 'relay-live-requests') {
        const relay = await relayFor(payload?.name ?? 'main', session);
        if (!relay) return null;
        const about = (filter) => !payload?.author || [filter?.authors, filter?.['#p']].some((keys) => Array.isArray(keys) && keys.includes(payload.author));
        return (command === 'relay-requests' ? relay.requests() : relay.liveRequests()).filter((filters) => filters.some(about));
      }
      if (command === 'relay-sign-ins') {
        const relay = await relayFor(payload?.name ?? 'auth', session);
        if (!relay?.signIns) return null;
        const { signIns, served } = relay.signIns();
        const about = (filter) => !payload?.author || [filter?.authors, filter?.['#p']].some((keys) => Array.isArray(keys) && keys.includes(payload.author));
        return { signIns, served: served.filter((r) => r.filters.some(about)) };
      }
      if (command === 'relay-late-ok') {
        (await relayFor(payload?.name ?? 'picky', session))?.lateOk(payload?.ms ?? 0);
        return true;
      }
      if (command === 'relay-drop') {
        (await relayFor(payload?.name ?? 'picky', session))?.drop(!!payload?.silently);
        return true;
      }
      if (command === 'relay-accept-only') {
        (await relayFor(payload?.name ?? 'picky', session))?.acceptOnly(payload?.count ?? undefined, payload?.reason ?? undefined);
        return true;
      }
      return undefined;
    },
  };
}
