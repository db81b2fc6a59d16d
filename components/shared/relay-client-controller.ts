/**
 * An element's relay clients: one that may answer NIP-42 AUTH with the user's signer (for what the
 * user asked for), and one without any signer (for lookups nobody asked for, such as profile
 * names). Each is made once per combination of relays and signer, closed when replaced and when
 * the element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RelayClient } from '../core/relay/client.js';
import type { Signer } from '../core/signers/signer.js';
import { noRelayLeft } from './relay-check.js';

/**
 * The relays and signer in effect for a host, read each time a client is asked for; `rejected`,
 * the entries of the page's list that are no relay addresses (already left out of `relays`).
 */
export type RelaySettings = () => { relays: string[]; rejected?: string[]; signer?: Signer };

export class RelayClientController implements ReactiveController {
  private signed?: { key: string; signer?: Signer; client: RelayClient };
  private passiveOne?: { key: string; client: RelayClient };

  constructor(
    host: ReactiveControllerHost,
    private readonly settings: RelaySettings,
  ) {
    host.addController(this);
  }

  /** A relay client for the relays and signer in effect. */
  client(): RelayClient {
    const { relays, rejected, signer } = this.settings();
    // The page gave relays, none usable: that, not "no relays", is what the developer must fix.
    if (!relays.length && rejected?.length) throw noRelayLeft(rejected);
    const key = relays.join(' ');
    if (this.signed && this.signed.key === key && this.signed.signer === signer) return this.signed.client;
    this.signed?.client.close();
    const client = new RelayClient({ relays, signer });
    this.signed = { key, signer, client };
    return client;
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
