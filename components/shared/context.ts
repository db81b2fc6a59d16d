/**
 * What `<nip82-session>` provides to the elements inside it: relays, the signer, and the one
 * record store every element reads from.
 */
import { createContext } from '@lit/context';
import type { Signer } from '../core/signers/signer.js';
import type { RecordStore } from '../core/store/record-store.js';
import type { KnownNames } from './identity.js';

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
  /**
   * Called by an element as a user action with `signer` begins, before the signer is asked
   * anything. The session's own signer forgets the key it remembers when the page got the focus
   * back since the last action began (the user may have switched keys in their extension), or
   * the key question then asked was refused or is still open, so this action asks once; actions
   * beginning before the answer share that question; a focus while it runs waits for the next one.
   */
  actionBegins?: (signer: Signer) => void;
  /**
   * Whether the next action with `signer` asks who the user is (see {@link actionBegins}): then an
   * action that shows or saves records already on screen (a dialog listing them, a download, a
   * print) asks first, as a signing action would, so that someone who switched accounts meanwhile
   * is never shown the last user's records.
   */
  keyToAsk?: (signer: Signer) => boolean;
  /**
   * Called by an element whose action got an answer signed by another key than the user's (the
   * account was switched in the signer, with no focus to tell): the session closes the store at
   * once (every element resets) and asks the signer who is there now.
   */
  accountChanged?: (signer: Signer) => void;
  /**
   * The page the user's remote signer asks them to confirm on (https only, offered by the session
   * as a link) while a call of it waits for that. An element whose modal dialog is open shows the
   * same link in it: the session's own is behind the dialog's backdrop, where it cannot be tapped.
   */
  signerPage?: { href: string; host: string };
  /**
   * The session's `knownNames`: names the portal vouches for, which every element inside shows
   * for those people (an element's own `knownNames` names them first).
   */
  knownNames?: KnownNames;
  /** The signed-in user's name, as the session's bar greets them ('' or absent when none is known). */
  name?: string;
}

export const sessionContext = createContext<SessionValue | undefined>(Symbol.for('nip82-session'));
