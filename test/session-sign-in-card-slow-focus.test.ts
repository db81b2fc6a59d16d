/**
 * A keyboard user signs out (a host's signer) while the sign-in card is slow to come (held by
 * scripts/wtr-lost-module-plugin.mjs, 'hold-module'), and meanwhile goes on typing elsewhere on
 * the page: the card's arrival must not take the focus from them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { person, relayUrl } from './helpers.js';
import { buttonByText } from './element-helpers.js';

const CARD_MODULE = '/components/session/sign-in-card';
const held = async () => (await executeServerCommand<string[], undefined>('held-module-requests'))!;

describe('the sign-in card arriving late after a sign-out', function () {
  this.timeout(30000);

  it('leaves the focus where the user has since put it', async () => {
    await executeServerCommand('hold-module', { path: CARD_MODULE });
    const user = await person();
    const page = await fixture<HTMLElement>(html`<div><nip82-session relays=${await relayUrl('main')} .signer=${user.signer}></nip82-session><label>Note <input id="note"></label></div>`);
    const session = page.querySelector<Nip82Session>('nip82-session')!;
    const note = page.querySelector<HTMLInputElement>('#note')!;
    await waitUntil(() => !!buttonByText(session, /Sign out/), 'signed in');
    try {
      const signOut = buttonByText(session, /Sign out/)!;
      signOut.focus();
      signOut.click();
      await waitUntil(async () => (await held()).some((url) => url.includes(CARD_MODULE)), 'the card was never asked for');
      note.focus();
    } finally {
      await executeServerCommand('release-module', { path: CARD_MODULE });
    }
    await waitUntil(() => !!buttonByText(session, /browser extension/), 'the sign-in card never showed');
    // The focus move the sign-out asked for waits for the same update: it has had its chance after two.
    await session.updateComplete;
    await session.updateComplete;
    const now = session.shadowRoot!.activeElement?.textContent?.trim() ?? document.activeElement?.localName;
    expect(document.activeElement === note, `the focus was taken to "${now}"`).to.equal(true);
  });
});
