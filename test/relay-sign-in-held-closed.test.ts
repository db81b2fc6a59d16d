/**
 * Signing in at a storage server that asks for it (NIP-42) is a part of the relay client fetched
 * the first time a server asks (sign-in.ts). While it is on its way (held here by
 * scripts/wtr-lost-module-plugin.mjs, as a slow connection would), the page may close the client:
 * once it arrives, it asks the signer nothing for a page that left.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { RelayClient } from '../components/core/relay/client.js';
import { counting, person, relaySignIns, relayUrl } from './helpers.js';
import { waitUntil } from './wait.js';

const SIGN_IN_MODULE = '/components/core/relay/sign-in';
const held = async () => (await executeServerCommand<string[], undefined>('held-module-requests'))!.some((url) => url.includes(SIGN_IN_MODULE));

describe('relay sign-in on its way', function () {
  this.timeout(60000);

  before(async () => {
    // Before anything in this page fetched the sign-in.
    await executeServerCommand('hold-module', { path: SIGN_IN_MODULE });
  });

  it('a client closed while the sign-in is on its way asks the signer nothing once it arrives', async () => {
    const relay = await relayUrl('auth');
    const reader = await person();
    const signer = counting(reader.signer);
    const client = new RelayClient({ relays: [relay], signer, queryTimeoutMs: 20_000 });
    const reading = client.query({ kinds: [1059], '#p': [reader.pubkey] });
    await waitUntil(held, 'the sign-in was never asked for', { timeout: 20000 });
    // The page's element went away meanwhile.
    client.close();
    await executeServerCommand('release-module', { path: SIGN_IN_MODULE });
    const { reports } = await reading;
    expect(reports.map((r) => r.status)).to.deep.equal(['auth-required']);
    expect(signer.calls.signEvent ?? 0, 'the signer was asked to sign in for a page that left').to.equal(0);
    const { signIns } = await relaySignIns('auth', reader.pubkey);
    expect(signIns.filter((k) => k === reader.pubkey), 'sign-ins the relay saw').to.have.length(0);
  });
});
