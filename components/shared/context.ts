/**
 * What `<nip82-session>` provides to the elements inside it: relays, the signer, and the one
 * record store every element reads from.
 */
import { createContext } from '@lit/context';
import type { Signer } from '../core/signers/signer.js';
import type { RecordStore } from '../core/store/record-store.js';

export interface SessionValue {
  /** The relay addresses the session was given that it uses. */
  relays: string[];
  /** Entries of the session's list that are no relay addresses, dropped (the developer was told). */
  rejectedRelays?: string[];
  signer?: Signer;
  /** The signed-in user's public key, once known. */
  pubkey?: string;
  /** The signed-in user's records, consent mail and history, for every element (while signed in with relays set). */
  store?: RecordStore;
}

export const sessionContext = createContext<SessionValue | undefined>(Symbol.for('nip82-session'));
