/**
 * The computer sleeps while a remote signer's request waits on the user's phone: the page's
 * connection to the storage server drops. Once the page is back, the answer the user gives still
 * arrives: the call does not wait out its deadline and then say the signer never answered.
 */
import { expect } from '@open-wc/testing';
import { generateSecretKey } from 'nostr-tools/pure';
import { bunkerSigner } from '../components/core/signers/bunker.js';
import { relayLiveRequests, relayUrl } from './helpers.js';
import { runRemoteSigner } from './remote-signer.js';
import { waitUntil } from './wait.js';

describe('a remote signer across a sleep of the computer', function () {
  this.timeout(60000);

  it('a signature asked before the connection dropped arrives once the user approves after it came back', async () => {
    const relay = await relayUrl('main');
    const app = runRemoteSigner(relay, generateSecretKey(), generateSecretKey(), { hold: ['sign_event'] });
    await app.ready;
    // The page's own connection is the one that asks for the signer app's answers.
    const listening = `"authors":["${app.pubkey}"]`;
    const pageSockets = new Set<WebSocket>();
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
      if (String(data).includes(listening)) pageSockets.add(this);
      return send.call(this, data);
    };
    const signer = await bunkerSigner(`bunker://${app.pubkey}?relay=${encodeURIComponent(relay)}`, { timeoutMs: 40000 });
    try {
      const pubkey = await signer.getPublicKey();
      const signing = signer.signEvent({ kind: 1, created_at: Math.floor(Date.now() / 1000), tags: [], content: 'note' });
      signing.catch(() => undefined);
      await waitUntil(() => app.asked.includes('sign_event'), 'the signer app is asked');
      const listens = async () => (await relayLiveRequests('main', app.pubkey)).some((filters) => filters.some((f) => JSON.stringify(f).includes(listening)));
      expect(await listens()).to.equal(true);

      // The computer sleeps: the page's connection drops.
      for (const socket of pageSockets) socket.close();
      await waitUntil(() => [...pageSockets].every((s) => s.readyState === WebSocket.CLOSED), 'the connection dropped');
      await waitUntil(async () => !(await listens()), 'the server no longer hears the page');

      // The page is back; it listens again for the answer, and the user approves on the phone.
      await waitUntil(listens, 'the page listens again for the signer app\'s answer');
      await app.release();
      const signed = await signing;
      expect(signed.pubkey).to.equal(pubkey);
      expect(app.asked.filter((m) => m === 'sign_event'), 'asked once').to.have.length(1);
    } finally {
      WebSocket.prototype.send = send;
      app.close();
      await signer.close();
    }
  });
});
