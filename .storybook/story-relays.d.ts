/**
 * The addresses of the relays the story dev server started (see relays.ts), or nulls in a static
 * build, which has no server to run them.
 */
declare module 'virtual:nip82-story-relays' {
  export const storyRelays: {
    /** Stores and serves events, as any relay. */
    main: string | null;
    /** Answers every EVENT with `OK false` and its own reason. */
    refusing: string | null;
  };
}
