// A Rollup plugin for the embed bundles: secp256k1 (Schnorr signatures and the NIP-44 key
// agreement) from `@noble/secp256k1`, about 3 KB gzip, instead of `@noble/curves`, about 10 KB,
// which the kit and nostr-tools import. Both are by the same authors; the small one checks a
// signature about 40% slower (2.1 ms against 1.5: `npm run bench`, crypto), a few milliseconds on a
// patient's page, which pays the 7 KB on every visit; pages opening thousands of records opt in to
// the WASM verifier, faster than either.
// The library build keeps `@noble/curves`, as nostr-tools does: a host's bundler shares it.
import { fileURLToPath } from 'node:url';

const SMALL = fileURLToPath(new URL('./secp256k1-small.mjs', import.meta.url));
const CURVES = /^@noble\/curves\/secp256k1(\.js)?$/;

export function smallSecp256k1() {
  return {
    name: 'small-secp256k1',
    resolveId: (id) => (CURVES.test(id) ? SMALL : null),
  };
}
