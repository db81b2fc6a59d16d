// Types for relay.mjs, for the TypeScript that starts it (the story relays in .storybook/).
export interface RelayOptions {
  host?: string;
  port?: number;
  dbPath?: string;
  maxContentLength?: number;
  authRequired?: boolean;
  delayMs?: number;
  name?: string;
  acceptLimit?: number;
}

export interface RunningRelay {
  url: string;
  port: number;
  acceptOnly(n: number | undefined): void;
  close(): Promise<void>;
}

export function startRelay(options?: RelayOptions): Promise<RunningRelay>;
