/**
 * A remote signer's address names the storage servers the page reaches it through. One naming
 * many (or things that are not storage servers at all) must not have the page open a connection to
 * each: the page keeps the first few real ones, and still signs in.
 */
import { expect } from '@open-wc/testing';
import { generateSecretKey } from 'nostr-tools/pure';
import { MAX_SIGNER_RELAYS, bunkerSigner } from '../components/core/signers/bunker.js';
import { relayUrl } from './helpers.js';
import { runRemoteSigner } from './remote-signer.js';

describe('a remote signer address naming many storage servers', function () {
  this.timeout(60000);

  it('connects through the first few real ones only, and still signs in', async () => {
    const relay = await relayUrl('main');
    const app = runRemoteSigner(relay, generateSecretKey(), generateSecretKey());
    await app.ready;
    // Every storage server the page says something to.
    const spokenTo = new Set<string>();
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
      spokenTo.add(new URL(this.url).href);
      return send.call(this, data);
    };
    const others = await Promise.all((['second', 'small', 'slow', 'flaky', 'picky', 'restricted', 'auth'] as const).map((name) => relayUrl(name)));
    const junk = ['https://example.org/', 'not a server'];
    const address = `bunker://${app.pubkey}?${[relay, ...junk, ...others].map((r) => `relay=${encodeURIComponent(r)}`).join('&')}`;
    // Broken across lines, as a mail or a chat may give it.
    const signer = await bunkerSigner(`${address.slice(0, 40)}\n${address.slice(40)}`, { timeoutMs: 30000 });
    try {
      expect(await signer.getPublicKey()).to.match(/^[0-9a-f]{64}$/);
      // Of the servers named (the test runner has a connection of its own).
      const named = new Set([relay, ...others].map((r) => new URL(r).href));
      const servers = [...spokenTo].filter((u) => named.has(u));
      expect(servers, 'the first named is used').to.include(new URL(relay).href);
      expect(servers.length, servers.join(' ')).to.be.at.most(MAX_SIGNER_RELAYS);
    } finally {
      WebSocket.prototype.send = send;
      app.close();
      await signer.close();
    }
  });
});
