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
import { type NostrEvent, setEventCheck } from './events.js';
import { RecordError } from './errors.js';

type EventCheck = (event: NostrEvent) => boolean;

/**
 * A known-answer event for the self-check, signed once by a throwaway key. Fixed rather than
 * signed here, so that loading the verifier does not bring the signing code to a page that only
 * reads (test/core/wasm-verifier.test.ts fails if the verifier does not accept it).
 */
const SELF_CHECK = {
  id: '37f3be8a4e1d7470bc4af8df2a06e9d155488ac3cff68c8c53649f11d9128758',
  pubkey: '9fd2ac1c17e9bf40cc48355b7949d24ab8b461cbf0f8835a85c27e55eb26183c',
  created_at: 1764720000,
  kind: 1,
  content: 'wasm verifier self-check',
  sig: 'd091bfcb9456f209db8ed4cc2a4180b765d4f0d5cdaf1c2dd2f35eef7b8699b92749432dbd3a675571c6f8c4ee0559574a40aba544bb0a2d2563972d59723f7d',
} as const;
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
  const good = (): NostrEvent => ({ ...SELF_CHECK, tags: [] });
  const forged = { ...good(), sig: SELF_CHECK.sig.slice(0, -2) + (SELF_CHECK.sig.endsWith('00') ? '01' : '00') };
  const altered = { ...good(), content: `${SELF_CHECK.content}.` };
  if (!check(good()) || check(forged) || check(altered)) throw new Error('The WebAssembly verifier failed its self-check.');
  return check;
}
