/**
 * Two sessions on one page whose sign-in card could not be fetched (scripts/wtr-lost-module-plugin.mjs):
 * "Try again" pressed in one brings the card to both, and the other no longer says it could not be
 * loaded once it has been.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { relayUrl } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';

const CARD_MODULE = '/components/session/sign-in-card';

describe('<nip82-session>: a sign-in card found again by another session on the page', function () {
  this.timeout(30000);

  it('shows in every session that could not load it, not only in the one whose "Try again" was pressed', async () => {
    const url = await relayUrl('main');
    await executeServerCommand('lose-module', { path: CARD_MODULE });
    const page = await fixture<HTMLElement>(html`<div><nip82-session relays=${url}></nip82-session><nip82-session relays=${url}></nip82-session></div>`);
    const [first, second] = [...page.querySelectorAll<Nip82Session>('nip82-session')];
    await waitUntil(() => buttonByText(first!, 'Try again') && buttonByText(second!, 'Try again'), 'never offered to try again', { timeout: 10000 });

    await executeServerCommand('find-module', { path: CARD_MODULE });
    buttonByText(first!, 'Try again')!.click();
    await waitUntil(() => buttonByText(first!, 'Use my browser extension'), 'the card never showed where it was asked for', { timeout: 10000 });
    await waitUntil(() => buttonByText(second!, 'Use my browser extension'), `the other session still says: ${text(second!.shadowRoot!)}`, { timeout: 10000 });
    expect($(second!, '[role=alert]')).to.equal(null);
    expect(buttonByText(second!, 'Try again')).to.equal(undefined);
  });
});
