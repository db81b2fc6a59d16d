/**
 * Reading what a user pasted or typed as a recipient. Private keys are recognised (so they can be
 * refused) but never decoded or returned.
 */
import { decode } from 'nostr-tools/nip19';
import { NIP05_REGEX } from 'nostr-tools/nip05';
import { schnorr } from '@noble/curves/secp256k1.js';
import { plain, SECRET, WHOLE_SECRET } from './secret-key.js';

export type ParsedRecipient =
  | { kind: 'empty' }
  | { kind: 'key'; pubkey: string }
  | { kind: 'nip05'; name: string }
  /** A private key (nsec or ncryptsec); `complete` once it is whole, not just begun. */
  | { kind: 'secret'; complete: boolean }
  | { kind: 'invalid' };

const HEX64 = /^[0-9a-f]{64}$/i;

/** Whether `hex` (64 lowercase hex) is a usable public key: an x coordinate on secp256k1. */
export function isPublicKey(hex: unknown): hex is string {
  if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) return false;
  try {
    schnorr.utils.lift_x(BigInt(`0x${hex}`));
    return true;
  } catch {
    return false;
  }
}

/** Classifies an npub, nprofile, 64-hex key, `nostr:` URI or `name@domain`; refuses to read secrets. */
export function parseRecipient(input: string): ParsedRecipient {
  const text = plain(input);
  if (!text) return { kind: 'empty' };
  if (SECRET.test(text)) return { kind: 'secret', complete: WHOLE_SECRET.test(text) };
  const bare = text.replace(/^nostr:/i, '');
  if (HEX64.test(bare)) {
    const pubkey = bare.toLowerCase();
    return isPublicKey(pubkey) ? { kind: 'key', pubkey } : { kind: 'invalid' };
  }
  if (/^n(?:pub|profile)1/i.test(bare)) {
    try {
      // Bech32 is all-lowercase or all-uppercase; decode rejects mixed case.
      const decoded = decode(bare);
      const pubkey = decoded.type === 'npub' ? decoded.data : decoded.type === 'nprofile' ? decoded.data.pubkey : undefined;
      if (isPublicKey(pubkey)) return { kind: 'key', pubkey };
    } catch {
      // falls through to invalid
    }
    return { kind: 'invalid' };
  }
  if (bare.includes('@') && bare.length <= 254 && NIP05_REGEX.test(bare)) return { kind: 'nip05', name: bare.toLowerCase() };
  return { kind: 'invalid' };
}
