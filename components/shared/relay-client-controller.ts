/**
 * An element's relay clients: one that may answer NIP-42 AUTH with the user's signer (for what the
 * user asked for), and one without any signer (for lookups nobody asked for, such as profile
 * names). Each is made once per combination of relays and signer (and user, for the signed one),
 * closed when replaced and when the element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RelayClient } from '../core/relay/client.js';
import type { Signer } from '../core/signers/signer.js';
import { noRelayLeft } from './relay-check.js';

/**
 * The relays and signer in effect for a host, read each time a client is asked for; `rejected`,
 * the entries of the page's list that are no relay addresses (already left out of `relays`);
 * `user`, who the signer answers for when the signer alone does not tell (the session's user: the
 * same extension signer answers for another account once it is switched there).
 */
export type RelaySettings = () => { relays: string[]; rejected?: string[]; signer?: Signer; user?: string };

export class RelayClientController implements ReactiveController {
  private signed?: { key: string; signer?: Signer; user?: string; client: RelayClient };
  private passiveOne?: { key: string; client: RelayClient };

  constructor(
    host: ReactiveControllerHost,
    private readonly settings: RelaySettings,
  ) {
    host.addController(this);
  }

  /** The signed client made last, if any (never makes one). */
  get current(): RelayClient | undefined {
    return this.signed?.client;
  }

  /**
   * A relay client for the relays, signer and user in effect. Another user gets another client: the
   * last one's connections are signed in (NIP-42) as them, and a relay must not serve the next
   * person by that sign-in.
   */
  client(): RelayClient {
    const { relays, rejected, signer, user } = this.settings();
    // The page gave relays, none usable: that, not "no relays", is what the developer must fix.
    if (!relays.length && rejected?.length) throw noRelayLeft(rejected);
    const key = relays.join(' ');
    const held = this.signed;
    if (held && held.key === key && held.signer === signer && held.user === user) return held.client;
    // The same signer for another user: a send of the last one's still under way stops rather
    // than sign in with the signer as the next person (see RelayClient.forgetSignIns).
    if (held && held.signer === signer && held.user !== user) held.client.forgetSignIns();
    held?.client.close();
    const client = new RelayClient({ relays, signer });
    this.signed = { key, signer, user, client };
    return client;
  }

  /**
   * The signer answered for another account (switched in it, with nothing else to tell): the
   * signed client's connections, signed in as the last user, are ended, and whatever of theirs was
   * under way on it stops; the next use connects afresh and signs in as whoever it is now.
   */
  forgetSignIns(): void {
    this.signed?.client.forgetSignIns();
  }

  /**
   * A relay client with no signer: a relay that asks for AUTH is simply not read, rather than
   * making the user sign on no action of theirs. Undefined when no relays are in effect.
   */
  passive(): RelayClient | undefined {
    const { relays } = this.settings();
    if (!relays.length) return undefined;
    const key = relays.join(' ');
    if (this.passiveOne?.key === key) return this.passiveOne.client;
    this.passiveOne?.client.close();
    const client = new RelayClient({ relays });
    this.passiveOne = { key, client };
    return client;
  }

  hostDisconnected(): void {
    // A send under way through it finishes first (RelayClient.sending).
    this.signed?.client.close();
    this.signed = undefined;
    this.passiveOne?.client.close();
    this.passiveOne = undefined;
  }
}
