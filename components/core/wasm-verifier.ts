/**
 * An opt-in WebAssembly verifier for event signatures (secp256k1 compiled to WASM: the `nostr-wasm`
 * package, installed through nostr-tools' `nostr-tools/wasm`). Where a host opens records by the
 * thousand, Schnorr checks in JavaScript are most of the cost, and the WASM one is several times
 * faster per check; a page that opens a few records would only pay ~100 KB (gzipped) to load it.
 * So it is its own entry, `nip82-elements/core/wasm-verifier`, outside the core's index and the
 * embed bundle, and even there its WASM arrives by dynamic import only when a host calls
 * `useWasmVerifier()`.
 *
 * Content Security Policy: compiling WebAssembly needs `'wasm-unsafe-eval'` in `script-src`.
 * Where that is refused, or anything else fails, the call rejects and the JavaScript verifier stays.
 */
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import { type NostrEvent, setEventCheck } from './events.js';
import { RecordError } from './errors.js';

type EventCheck = (event: NostrEvent) => boolean;
let loading: Promise<EventCheck> | undefined;

/**
 * Loads the WASM verifier (once) and has every later signature check use it. Resolves once it is
 * in use. Rejects with a `RecordError` ('unsupported') when it cannot be loaded here, and the
 * JavaScript verifier goes on as before.
 */
export async function useWasmVerifier(): Promise<void> {
  loading ??= load().catch((cause: unknown) => {
    loading = undefined;
    throw new RecordError('unsupported', 'The WebAssembly signature verifier could not be loaded here; signatures are checked in JavaScript.', { cause });
  });
  setEventCheck(await loading);
}

/** Goes back to the JavaScript verifier; a later `useWasmVerifier()` switches again without reloading. */
export function stopWasmVerifier(): void {
  setEventCheck(undefined);
}

async function load(): Promise<EventCheck> {
  const [{ initNostrWasm }, wasm] = await Promise.all([import('nostr-wasm/gzipped'), import('nostr-tools/wasm')]);
  wasm.setNostrWasm(await initNostrWasm());
  const check: EventCheck = (event) => wasm.verifyEvent(event);
  // Trusted only once it tells a good event from a forged signature and from altered content.
  const good = finalizeEvent({ kind: 1, created_at: 0, tags: [], content: 'wasm verifier self-check' }, generateSecretKey()) as NostrEvent;
  const fresh = (e: NostrEvent): NostrEvent => ({ id: e.id, pubkey: e.pubkey, created_at: e.created_at, kind: e.kind, tags: e.tags, content: e.content, sig: e.sig });
  const forged = { ...fresh(good), sig: good.sig.slice(0, -2) + (good.sig.endsWith('00') ? '01' : '00') };
  const altered = { ...fresh(good), content: `${good.content}.` };
  if (!check(fresh(good)) || check(forged) || check(altered)) throw new Error('The WebAssembly verifier failed its self-check.');
  return check;
}
