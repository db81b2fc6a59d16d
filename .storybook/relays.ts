/**
 * Real relays for the stories that need one to answer (a share accepted or refused, records
 * found and unlocked): the project's own NIP-01 relay (scripts/relay.mjs: @nostr-relay and
 * SQLite in memory) on loopback, started when a Vite dev server starts. That is `storybook dev`
 * and the browser-mode server `vitest` runs the stories on (its storybook plugin applies the
 * plugins `viteFinal` adds).
 *
 * Stories read the addresses from `virtual:nip82-story-relays`. A static build (`storybook
 * build`) has no server to run a relay, so there the module exports nulls and those stories show
 * a note instead.
 */
import type { Plugin, ViteDevServer } from 'vite';
import type { RunningRelay } from '../scripts/relay.mjs';

/** The relays the stories use, by name. */
const KINDS = {
  main: {},
  // Every EVENT the kit sends has content longer than one character, so this relay answers each
  // with `OK false` and its own reason. (The kit ignores advertised limits this small when it
  // sizes events, so the events are really sent and really refused.)
  refusing: { maxContentLength: 1 },
} as const;

type Name = keyof typeof KINDS;
export type StoryRelays = Record<Name, string>;

const ID = 'virtual:nip82-story-relays';
const RESOLVED = `\0${ID}`;

/**
 * One set of relays per process, however many dev servers share it: vitest runs a server for the
 * project and another for the browser, both with this plugin, and Storybook may load its config
 * more than once. Kept on `globalThis` so that every copy of this module sees the same set.
 */
interface Started {
  relays: RunningRelay[];
  urls: StoryRelays;
  onExit: () => void;
}
interface Shared {
  users: number;
  started?: Promise<Started>;
}
const KEY = Symbol.for('nip82-elements.story-relays');
const shared: Shared = ((globalThis as Record<symbol, unknown>)[KEY] as Shared | undefined) ?? { users: 0 };
(globalThis as Record<symbol, unknown>)[KEY] = shared;

async function start(): Promise<Started> {
  // Loaded here, not at the top, so that a static build never loads the relay and its SQLite.
  const { startRelay } = await import('../scripts/relay.mjs');
  const relays: RunningRelay[] = [];
  const urls: Partial<StoryRelays> = {};
  try {
    for (const [name, options] of Object.entries(KINDS) as [Name, object][]) {
      const relay = await startRelay({ ...options, host: '127.0.0.1', port: 0, name: `nip82-elements story relay (${name})` });
      relays.push(relay);
      urls[name] = relay.url;
    }
  } catch (error) {
    await Promise.allSettled(relays.map((r) => r.close()));
    throw error;
  }
  // The relays live in this process, so they end with it; closing them on exit also ends their
  // connections at once instead of leaving browsers to time out.
  const onExit = () => void Promise.allSettled(relays.map((r) => r.close()));
  process.once('exit', onExit);
  return { relays, urls: urls as StoryRelays, onExit };
}

async function stop(): Promise<void> {
  const started = shared.started;
  shared.started = undefined;
  if (!started) return;
  const running = await started.catch(() => undefined);
  if (!running) return;
  process.off('exit', running.onExit);
  await Promise.allSettled(running.relays.map((r) => r.close()));
}

/** Starts the story relays with each dev server and stops them when the last one closes. */
export function storyRelays(): Plugin {
  return {
    name: 'nip82-story-relays',
    configureServer(server: ViteDevServer) {
      shared.users++;
      if (!shared.started) {
        shared.started = start();
        // Stories that import the relay addresses then fail to load, with this as the reason.
        shared.started.catch((error: unknown) => server.config.logger.error(`The story relays did not start: ${String(error)}`));
      }
      let released = false;
      const release = async () => {
        if (released) return;
        released = true;
        if (--shared.users === 0) await stop();
      };
      // Storybook runs Vite in middleware mode and vitest's project server listens on nothing, so
      // neither has an httpServer: closing the Vite server is the signal there. The httpServer's
      // 'close' covers a server whose socket is closed some other way.
      server.httpServer?.on('close', () => void release());
      const close = server.close.bind(server);
      server.close = async () => {
        await close();
        await release();
      };
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      const urls: Record<Name, string | null> = shared.started ? (await shared.started).urls : { main: null, refusing: null };
      return `export const storyRelays = ${JSON.stringify(urls)};\n`;
    },
  };
}
