/**
 * Signing in at a storage server that asks for it (NIP-42) is a part of the relay client fetched
 * the first time a server asks (sign-in.ts). While it is on its way (held here by
 * scripts/wtr-lost-module-plugin.mjs, as a slow connection would), another person may sign in:
 * once it arrives, the last person's sign-in tries nothing on the connection of the next, who
 * signs in there once and reads.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { SimplePool } from 'nostr-tools/pool';
import { RelayClient, type DeclineScope } from '../components/core/relay/client.js';
import type { Signer } from '../components/core/signers/signer.js';
import { person, relaySignIns, relayUrl } from './helpers.js';
import { waitUntil } from './wait.js';

const SIGN_IN_MODULE = '/components/core/relay/sign-in';
const held = async () => (await executeServerCommand<string[], undefined>('held-module-requests'))!.some((url) => url.includes(SIGN_IN_MODULE));

/** A signer over whichever key was chosen last (`use`). */
function switchable(first: Signer) {
  let current = first;
  const signer: Signer = {
    getPublicKey: () => current.getPublicKey(),
    signEvent: (template) => current.signEvent(template),
    nip44Encrypt: (pubkey, text) => current.nip44Encrypt(pubkey, text),
    nip44Decrypt: (pubkey, text) => current.nip44Decrypt(pubkey, text),
  };
  return { signer, use: (next: Signer) => { current = next; } };
}

/** `scope`, noting each relay whose sign-in it was asked for. */
function watched(scope: DeclineScope): { scope: DeclineScope; asked: string[] } {
  const asked: string[] = [];
  const signIn = scope.signIn.bind(scope);
  scope.signIn = (relay, attempt) => {
    asked.push(relay);
    return signIn(relay, attempt);
  };
  return { scope, asked };
}

describe('relay sign-in on its way', function () {
  this.timeout(60000);

  before(async () => {
    // Before anything in this page fetched the sign-in.
    await executeServerCommand('hold-module', { path: SIGN_IN_MODULE });
  });

  it('the last person\'s sign-in arriving after another signed in on a pool the host shares leaves the next person\'s sign-in alone', async () => {
    const relay = await relayUrl('auth');
    const [a, b] = [await person(), await person()];
    const user = switchable(a.signer);
    const pool = new SimplePool();
    const client = new RelayClient({ relays: [relay], signer: user.signer, pool, queryTimeoutMs: 20_000 });
    try {
      const last = client.query({ kinds: [1059], '#p': [a.pubkey] });
      await waitUntil(held, 'the sign-in was never asked for', { timeout: 20000 });
      user.use(b.signer);
      client.forgetSignIns();
      const next = watched(client.declineScope());
      const reading = client.query({ kinds: [1059], '#p': [b.pubkey] }, { declined: next.scope });
      await waitUntil(() => next.asked.length > 0, 'the next person\'s read was never asked to sign in', { timeout: 20000 });
      await executeServerCommand('release-module', { path: SIGN_IN_MODULE });
      await last;
      const { reports } = await reading;
      expect(reports.map((r) => [r.status, r.signIn]), 'the next person\'s read').to.deep.equal([['complete', undefined]]);
      const { signIns } = await relaySignIns('auth', b.pubkey);
      expect(signIns.filter((k) => k === b.pubkey), 'the next person\'s sign-ins the relay saw').to.have.length(1);
    } finally {
      client.close();
      pool.destroy();
    }
  });
});
