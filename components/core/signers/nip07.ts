/**
 * A {@link Signer} over a NIP-07 browser extension (`window.nostr`).
 */
import type { EventTemplate, NostrEvent } from '../events.js';
import { SignerError } from '../errors.js';
import { type Signer, checkedPublicKey, toSignerError, withTimeout } from './signer.js';

/** The part of NIP-07's `window.nostr` the kit uses. */
export interface Nip07Provider {
  getPublicKey(): Promise<string>;
  signEvent(template: EventTemplate): Promise<NostrEvent>;
  nip44?: {
    encrypt(pubkey: string, plaintext: string): Promise<string>;
    decrypt(pubkey: string, ciphertext: string): Promise<string>;
  };
}

/** Options for {@link nip07Signer}. */
export interface Nip07Options {
  /** Where to find the extension; default `globalThis.nostr`, looked up on every call. */
  provider?: () => Nip07Provider | undefined;
  /** How long to wait for an extension that injects late, in ms. Default 1500. */
  waitMs?: number;
  /** Deadline for each signer call (each may be a prompt the user must answer), in ms. Default 120000. */
  timeoutMs?: number;
}

const defaultProvider = () => (globalThis as { nostr?: Nip07Provider }).nostr;

/** How long an element keeps looking for an extension that injects late, in ms. */
export const NIP07_WATCH_MS = 60_000;
const FIRST_GAP_MS = 50;
const LONGEST_GAP_MS = 1_000;

/**
 * Waits up to `waitMs` for a NIP-07 extension to appear (or until `signal` aborts) and reports
 * whether one did. Extensions inject their script when the document has loaded, possibly after our
 * code runs and some more than a second later; the looks come at growing gaps, so a long watch
 * costs little.
 */
export async function waitForNip07(
  waitMs = 1500,
  provider: () => Nip07Provider | undefined = defaultProvider,
  signal?: AbortSignal,
): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (let gap = FIRST_GAP_MS; !provider(); gap = Math.min(gap * 2, LONGEST_GAP_MS)) {
    const left = deadline - Date.now();
    if (signal?.aborted || left <= 0) return false;
    await new Promise((r) => setTimeout(r, Math.min(gap, left)));
  }
  return true;
}

/** Whether a NIP-07 extension is there now (looked up on every call). */
export const hasNip07 = (provider: () => Nip07Provider | undefined = defaultProvider): boolean => !!provider();

/**
 * A signer over `window.nostr`. Nothing is asked of the extension until a method is called.
 * Errors: `absent` (no extension), `unsupported` (no NIP-44), `refused`, `locked` (it says it is
 * locked), `no-key` (no key added to it yet: its own short answer kept), `timeout`, `bad-response` (and `account-changed`
 * from `signChecked`, for an event signed by another key).
 */
export function nip07Signer(options: Nip07Options = {}): Signer {
  const lookup = options.provider ?? defaultProvider;
  const waitMs = options.waitMs ?? 1500;
  const timeoutMs = options.timeoutMs ?? 120_000;
  let pubkey: Promise<string> | undefined;
  /** The key `pubkey` resolved to, once it has. */
  let known: string | undefined;

  async function provider(): Promise<Nip07Provider> {
    if (!(await waitForNip07(waitMs, lookup))) {
      throw new SignerError('absent', 'No Nostr signer extension (NIP-07) was found in this browser.');
    }
    return lookup()!;
  }
  async function nip44(): Promise<NonNullable<Nip07Provider['nip44']>> {
    const p = await provider();
    if (!p.nip44 || typeof p.nip44.decrypt !== 'function' || typeof p.nip44.encrypt !== 'function') {
      throw new SignerError('unsupported', 'This signer extension does not support NIP-44 encryption; please update it or use another signer.');
    }
    return p.nip44;
  }
  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await withTimeout(run(), timeoutMs, what);
    } catch (error) {
      throw toSignerError(error, what, true);
    }
  }

  return {
    // Remembered, so that one action asks the extension once, not once per event it signs.
    getPublicKey() {
      if (!pubkey) {
        const asked = provider()
          .then((p) => call('share your public key', () => p.getPublicKey()))
          .then(checkedPublicKey);
        pubkey = asked;
        asked.then(
          (key) => { if (pubkey === asked) known = key; },
          () => { if (pubkey === asked) pubkey = undefined; },
        );
      }
      return pubkey;
    },
    forgetPublicKey() {
      pubkey = undefined;
      known = undefined;
    },
    async signEvent(template) {
      const p = await provider();
      const signed = await call('sign', () => p.signEvent(template));
      // Signed with another key than the one remembered: the user switched keys in the extension.
      // The next question asks again (whoever asked for this event still refuses it).
      if (known !== undefined && (signed as { pubkey?: unknown } | null)?.pubkey !== known) {
        pubkey = undefined;
        known = undefined;
      }
      return signed;
    },
    async nip44Encrypt(peer, plaintext) {
      const n = await nip44();
      return call('encrypt', () => n.encrypt(peer, plaintext));
    },
    async nip44Decrypt(peer, ciphertext) {
      const n = await nip44();
      return call('decrypt', () => n.decrypt(peer, ciphertext));
    },
  };
}
