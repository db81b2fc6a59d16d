/** Built-in strings of `<nip82-npub-picker>`. */
import { languageTables } from '../shared/language-packs.js';

export type NpubPickerStrings = {
  label: string;
  hint: string;
  lookUp: string;
  clear: string;
  suggestions: string;
  recent: string;
  following: string;
  invalid: string;
  secret: string;
  lookingUp: (name: string) => string;
  lookupFailed: (name: string) => string;
  /** Announced on a choice; `name` once their profile is known. */
  chosen: (fingerprint: string, name?: string) => string;
  profileLabel: string;
  fingerprint: string;
  noName: string;
  loadingProfile: string;
  noProfile: string;
  profileUnreachable: string;
  suspiciousName: string;
  claims: string;
  verify: string;
  verifying: (name: string) => string;
  verified: (name: string) => string;
  mismatch: (name: string) => string;
  verifyFailed: (name: string) => string;
  foundBy: (name: string) => string;
};

const en: NpubPickerStrings = {
  label: 'Recipient',
  hint: 'Paste their public key (it starts with npub), or type their address like alice@example.com and choose Look up.',
  lookUp: 'Look up',
  clear: 'Clear',
  suggestions: 'Suggestions',
  recent: 'Recent',
  following: 'Following',
  invalid: 'This is neither a public key nor an address like alice@example.com. Check it with them.',
  secret: 'That is a private key (nsec). Never share it with anyone; it has not been stored or sent.',
  lookingUp: (name) => `Looking up ${name}…`,
  lookupFailed: (name) => `Could not find ${name}: the name may not exist, or its server did not answer. You can paste their public key instead.`,
  chosen: (fingerprint, name) => (name ? `Chosen: ${name}, key ${fingerprint}` : `Chosen: key ${fingerprint}`),
  profileLabel: 'Chosen recipient',
  fingerprint: 'Key',
  noName: 'No name given',
  loadingProfile: 'Looking for their profile…',
  noProfile: 'No profile found on your storage servers. Check the key with them another way.',
  profileUnreachable: 'Could not reach your storage servers to load their profile.',
  suspiciousName: 'This name contained hidden or direction-changing characters, which can be used to imitate someone. They were removed; compare the key.',
  claims: 'Claims to be',
  verify: 'Verify',
  verifying: (name) => `Checking ${name}…`,
  verified: (name) => `Verified: ${name} points to this key.`,
  mismatch: (name) => `This profile claims ${name}, but that name points to a different key.`,
  verifyFailed: (name) => `Could not confirm ${name}: the name was not found, or its server did not answer.`,
  foundBy: (name) => `Found by looking up ${name}.`,
};

/** English at hand; Spanish (npub-picker.strings.es.ts) once the page speaks it. */
export const npubPickerStrings = languageTables(en, { es: () => import('./npub-picker.strings.es.js').then((m) => m.npubPickerStringsEs) });
