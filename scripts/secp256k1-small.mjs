// What the embed bundles use in place of `@noble/curves/secp256k1.js` (see rollup-secp256k1.mjs):
// the same functions, by the same names, from `@noble/secp256k1`, the small library of the same
// family. Only what the kit and the nostr-tools modules it bundles call is here; a call to
// anything else fails the build (Rollup: "not exported"), never at run time.
//
// Nothing is computed here: each function is the library's, renamed where the two differ.
// test/node/secp256k1-small.test.mjs holds this module to `@noble/curves` on the official NIP-44
// vectors and on signatures made by either.
import { getSharedSecret, hashes, Point, schnorr as small, utils } from '@noble/secp256k1';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

// The library's synchronous functions hash with what they are given (the asynchronous ones use WebCrypto).
hashes.sha256 = sha256;
hashes.hmacSha256 = (key, message) => hmac(sha256, key, message);

export const schnorr = {
  getPublicKey: small.getPublicKey,
  sign: small.sign,
  verify: small.verify,
  utils: {
    randomSecretKey: utils.randomSecretKey,
    /** BIP-340's lift_x: the point with x coordinate `x` and an even y; throws when there is none. */
    lift_x: (x) => Point.fromHex(`02${x.toString(16).padStart(64, '0')}`),
  },
};

export const secp256k1 = {
  getSharedSecret,
  utils: { isValidSecretKey: utils.isValidSecretKey },
};
