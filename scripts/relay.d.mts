// Types for relay.mjs, for the TypeScript that starts it (the story relays in .storybook/).
export interface RelayOptions {
  host?: string;
  port?: number;
  dbPath?: string;
  maxContentLength?: number;
  authRequired?: boolean | 'writes';
  delayMs?: number;
  name?: string;
  authReadKinds?: number[];
  maxLimit?: number;
  maxEventBytes?: number;
  limitation?: Record<string, unknown>;
  /** Refuse the first copy of each event of these kinds; accept the same event sent again. */
  rejectFirstKinds?: number[];
  acceptLimit?: number;
  /** Store each EVENT at once, send its OK this many milliseconds later. */
  lateOkMs?: number;
  keepRequests?: number;
}

export interface RunningRelay {
  url: string;
  port: number;
  acceptOnly(n: number | undefined, reason?: string): void;
  lateOk(ms: number | undefined): void;
  /** Ends every open connection (a restart), or with `silently` stops answering on them. */
  drop(silently?: boolean): void;
  /** With `keepRequests`: the keys that signed in, and the REQs served with the key signed in as then. */
  signIns(): { signIns: string[]; served: { as: string | null; filters: Record<string, unknown>[] }[] };
  close(): Promise<void>;
}

export function startRelay(options?: RelayOptions): Promise<RunningRelay>;
