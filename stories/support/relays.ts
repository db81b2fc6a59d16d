/**
 * Stories that need a relay to answer use the real relays the dev server starts (see
 * .storybook/relays.ts): `main` stores and serves events, `refusing` answers every EVENT with
 * `OK false` and its own reason. A story's data is published there by its loader, before it
 * renders, under new keys for every load (`freshCast`), because every story and every rerun of it
 * shares those relays.
 *
 * A static build has no relays; there these stories show a note saying so instead.
 * Tag them `relay` as well, so that the static smoke check leaves them out.
 */
import { html, type TemplateResult } from 'lit';
import { expect } from 'storybook/test';
import { storyRelays } from 'virtual:nip82-story-relays';
import type { NostrEvent } from '../../components/core/events.js';
import { RelayClient } from '../../components/core/relay/client.js';
import { text } from './dom.js';
import { freshCast, type Cast } from './signers.js';

export interface StoryRelayUrls {
  main: string;
  refusing: string;
}

/** The relays' addresses, or undefined in a static build. */
export const RELAYS: StoryRelayUrls | undefined = storyRelays.main && storyRelays.refusing ? { main: storyRelays.main, refusing: storyRelays.refusing } : undefined;

/** What the `refusing` relay's validator says about every event's content (the limit is one character): its own text, which the elements never show. */
export const REFUSAL = 'must be less than or equal to 1 chars';

/** The note a relay story shows where there is no relay. */
export const NEEDS_RELAY = 'This story needs the local relay that npm run storybook starts.';

/** What a relay story's loader hands to its render and play: its relays, its people, and what its seed returned. */
export type RelayLoaded<T> = { relays: StoryRelayUrls; cast: Cast } & T;

/** What a relay story's seed gets: its relays and people, and a way to publish to `main`. */
export interface RelaySeed {
  relays: StoryRelayUrls;
  cast: Cast;
  /** Publishes events to the `main` relay in order, as the kit does, and fails if it refuses any. */
  publish(events: readonly NostrEvent[]): Promise<void>;
}

interface StoryContextLike {
  canvasElement: HTMLElement;
  loaded: Record<string, unknown>;
}

async function publishTo(relay: string, events: readonly NostrEvent[]): Promise<void> {
  // Setting a story up is not what it shows: give a loaded machine's relay all the time a story has.
  const client = new RelayClient({ relays: [relay], publishTimeoutMs: 20_000 });
  try {
    await client.publishAll(events);
  } finally {
    client.close();
  }
}

const KEY = 'relayStory';
const data = <T>(context: { loaded: Record<string, unknown> }) => context.loaded[KEY] as RelayLoaded<T>;

/**
 * Story annotations for a story on the relays: `seed` runs in the loader (publishing with
 * `publish`, or just making things in memory) and what it returns reaches `render` and `play`
 * with the relays and the story's people. Without relays: the note, and a play that checks it.
 */
export function onRelays<T extends object = object>(story: {
  seed?: (setup: RelaySeed) => Promise<T>;
  render: (loaded: RelayLoaded<T>) => TemplateResult;
  play: (context: StoryContextLike & { data: RelayLoaded<T> }) => Promise<void>;
}) {
  const relays = RELAYS;
  // A dev server (storybook dev, the story tests) always starts the relays: without them there,
  // the note would quietly stand in for the story's real checks.
  if (!relays && import.meta.env.DEV) throw new Error('The story relays are missing: is the nip82-story-relays plugin in .storybook/main.ts?');
  if (!relays) {
    return {
      render: () => html`<p role="note">This story needs the local relay that <code>npm run storybook</code> starts.</p>`,
      play: async ({ canvasElement }: StoryContextLike) => {
        expect(text(canvasElement.querySelector('[role="note"]'))).toBe(NEEDS_RELAY);
      },
    };
  }
  return {
    loaders: [
      async () => {
        const cast = freshCast();
        const seeded = story.seed ? await story.seed({ relays, cast, publish: (events) => publishTo(relays.main, events) }) : ({} as T);
        return { [KEY]: { ...seeded, relays, cast } };
      },
    ],
    render: (_: unknown, context: { loaded: Record<string, unknown> }) => story.render(data<T>(context)),
    play: (context: StoryContextLike) => story.play({ ...context, data: data<T>(context) }),
  };
}
