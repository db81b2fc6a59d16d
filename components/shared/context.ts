/**
 * What `<nip82-session>` provides to the elements inside it: relays, the signer, and the
 * session's record-key cache and version memory.
 */
import { createContext } from '@lit/context';
import type { Signer } from '../core/signers/signer.js';
import type { RecordKeyCache } from '../core/nip82/keys.js';
import type { VersionTracker } from '../core/nip82/versions.js';

export interface SessionValue {
  relays: string[];
  signer?: Signer;
  /** The signed-in user's public key, once known. */
  pubkey?: string;
  keyCache: RecordKeyCache;
  versions: VersionTracker;
}

export const sessionContext = createContext<SessionValue | undefined>(Symbol.for('nip82-session'));
