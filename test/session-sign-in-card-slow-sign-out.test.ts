/**
 * A sign-out on a slow connection, the first time the sign-in card is needed (a host that handed
 * the session its signer): the card is held on its way (scripts/wtr-lost-module-plugin.mjs,
 * 'hold-module'), and the last user's name and Sign out button must not stay meanwhile.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { person, relayUrl } from './helpers.js';
import { buttonByText } from './element-helpers.js';

const CARD_MODULE = '/components/session/sign-in-card';
const barText = (session: Nip82Session) => session.shadowRoot!.querySelector('[part="bar"]')?.textContent ?? '';
const statusText = (session: Nip82Session) => session.shadowRoot!.querySelector('[part="status"]')?.textContent ?? '';
const held = async () => (await executeServerCommand<string[], undefined>('held-module-requests'))!;

describe('the session signed out while its sign-in card is still on its way', function () {
  this.timeout(30000);

  it('clears the last user from the bar at once, and shows the card once it arrives', async () => {
    await executeServerCommand('hold-module', { path: CARD_MODULE });
    const user = await person();
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${await relayUrl('main')} .signer=${user.signer} .knownNames=${{ [user.pubkey]: 'Ana Ruiz' }}></nip82-session>`);
    await waitUntil(() => !!buttonByText(session, /Sign out/), 'signed in');
    try {
      buttonByText(session, /Sign out/)!.click();
      await waitUntil(async () => (await held()).some((url) => url.includes(CARD_MODULE)), 'the card was never asked for');
      await waitUntil(() => !barText(session).includes('Ana Ruiz') && !buttonByText(session, /Sign out/), `the last user stayed on the bar: "${barText(session).replace(/\s+/g, ' ').trim()}"`);
      expect(statusText(session)).to.include('Signed out.');
    } finally {
      await executeServerCommand('release-module', { path: CARD_MODULE });
    }
    await waitUntil(() => !!buttonByText(session, /browser extension/), 'the sign-in card never showed');
  });
});
