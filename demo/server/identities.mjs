// The demo identities: secret keys made once per install and kept in the git-ignored data folder,
// so every page and every restart sees the same people. They are demo keys only: pages label them
// as such, and the server serves them only to requests for its own loopback address (any local
// process could still ask).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { npubEncode } from 'nostr-tools/nip19';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/** Who the demo needs: role → name shown in the pages (always marked as a demo). */
export const PEOPLE = {
  patient: { name: 'Alex (demo patient)', about: 'Patient in the demo portal.' },
  family: { name: "Alex's family member (demo)", about: 'May read part of Alex\'s history.' },
  hospital: { name: 'Lakeside Hospital (demo)', about: "Published Alex's health history." },
  clinic: { name: 'Harbor Clinic (demo clinician)', about: 'A clinic with its own EHR.' },
  owner: { name: 'Pet owner (demo)', about: "Holds their dog's records." },
  vet: { name: 'Hillside Vet Clinic (demo)', about: 'Vaccinates and treats pets.' },
  kennel: { name: 'Meadow Kennel (demo)', about: 'Asks for proof of vaccination.' },
};

/**
 * Reads the identities from `dataDir`, making any that are missing.
 * @returns {Record<string, { role: string, name: string, about: string, secret: Uint8Array, pubkey: string, npub: string }>}
 */
export function loadIdentities(dataDir) {
  const file = join(dataDir, 'identities.json');
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).secrets ?? {} : {};
  let changed = false;
  const out = {};
  for (const [role, person] of Object.entries(PEOPLE)) {
    if (!/^[0-9a-f]{64}$/.test(stored[role] ?? '')) {
      stored[role] = bytesToHex(generateSecretKey());
      changed = true;
    }
    const secret = hexToBytes(stored[role]);
    const pubkey = getPublicKey(secret);
    out[role] = { role, ...person, secret, pubkey, npub: npubEncode(pubkey) };
  }
  if (changed) {
    const note = 'Demo identities for this install of the nip82-elements demo. Never use them for real data.';
    writeFileSync(file, JSON.stringify({ note, secrets: stored }, null, 2) + '\n', { mode: 0o600 });
  }
  return out;
}

/**
 * What a demo page receives: everyone's name and public keys (a page shows and shares with people
 * it does not sign in as), and the secret keys in hex only for `roles`, the ones it signs in as.
 */
export function forPages(identities, roles = []) {
  return {
    note: 'Demo identities generated for this install. Never use them for real data.',
    identities: Object.values(identities).map(({ role, name, pubkey, npub, secret }) =>
      roles.includes(role) ? { role, name, pubkey, npub, secret: bytesToHex(secret) } : { role, name, pubkey, npub }),
  };
}
