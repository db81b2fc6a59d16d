/**
 * A connection outlives one read only as long as it serves: one a relay refused a read on (CLOSED)
 * still closes when left unused, so a later read connects afresh; and a host's pool that reconnects
 * after a drop gets the user asked to sign in again on the relay's new socket.
 */
import { expect } from '@open-wc/testing';
import { SimplePool } from 'nostr-tools/pool';
import { RelayClient } from '../../components/core/relay/client.js';
import { person, relaySignIns, relayUrl } from '../helpers.js';
import { waitUntil } from '../wait.js';

/** The client's own connection to `url`, as its pool keeps it. */
type Connection = { connected: boolean; idleTimeout: number };
const connectionOf = (client: RelayClient, url: string): Promise<Connection> =>
  (client as unknown as { pool: { ensureRelay(u: string, p: { connectionTimeout: number }): Promise<Connection> } }).pool.ensureRelay(url, { connectionTimeout: 5000 });

describe('relay connections over a long session', () => {
  it('a connection the relay refused a read on (CLOSED) closes once unused, and the next read connects afresh', async () => {
    const url = await relayUrl('restricted');
    const me = await person();
    // No signer: the relay's "auth-required" CLOSED ends the read.
    const client = new RelayClient({ relays: [url], idleTimeoutMs: 300 });
    try {
      const refused = await client.query({ kinds: [1059], '#p': [me.pubkey] });
      expect(refused.reports[0]!.status).to.equal('auth-required');
      const connection = await connectionOf(client, url);
      // ensureRelay above is no operation: the connection is idle now, and closes.
      await waitUntil(() => !connection.connected, 'the refused connection closes once unused');
      const { reports } = await client.query({ kinds: [1], authors: [me.pubkey] });
      expect(reports[0]!.status).to.equal('complete');
    } finally {
      client.close();
    }
  });

  it('a connection the user signed in on stays open 15 times as long', async () => {
    const url = await relayUrl('auth');
    const me = await person();
    // Long enough that a busy machine's sign-in never outlasts an idle connection before the read.
    const client = new RelayClient({ relays: [url], signer: me.signer, idleTimeoutMs: 3000 });
    try {
      const { reports } = await client.query({ kinds: [1], authors: [me.pubkey] });
      expect(reports[0]!.status).to.equal('complete');
      expect((await connectionOf(client, url)).idleTimeout).to.equal(45000);
    } finally {
      client.close();
    }
  });

  it('a host pool that reconnects after a drop: the user signs in again, and reads and sends still work', async () => {
    const url = await relayUrl('auth');
    const me = await person();
    const pool = new SimplePool({ enableReconnect: true });
    const client = new RelayClient({ relays: [url], signer: me.signer, pool });
    try {
      const first = await client.query({ kinds: [1], authors: [me.pubkey] });
      expect(first.reports[0]!.status).to.equal('complete');
      // The socket drops; nostr-tools reconnects with the same connection object.
      const connection = await pool.ensureRelay(url);
      (Reflect.get(connection, 'ws') as WebSocket | undefined)?.close();
      await waitUntil(() => !connection.connected, 'the socket dropped');
      const again = await client.query({ kinds: [1], authors: [me.pubkey] });
      expect(again.reports[0]!.signIn).to.equal(undefined);
      expect(again.reports[0]!.status).to.equal('complete');
      expect((await relaySignIns('auth')).signIns.filter((k) => k === me.pubkey)).to.have.length(2);
    } finally {
      client.close();
      pool.destroy();
    }
  });
});
