/**
 * When the page's server cannot give the session's sign-in card (a dropped connection), the fetch
 * fails for real here (scripts/wtr-lost-module-plugin.mjs): the session says calmly that the
 * sign-in could not be loaded and offers "Try again", which fetches the card again, and the card
 * shows once the connection is back, with the focus in it. No reload needed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { person, relayUrl } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';

const CARD_MODULE = '/components/session/sign-in-card';
const aborted = async () => (await executeServerCommand<string[], undefined>('lost-module-requests'))!.filter((url) => url.includes(CARD_MODULE)).length;

describe('<nip82-session> when its sign-in card could not be fetched', function () {
  this.timeout(30000);
  let url: string;
  before(async () => {
    url = await relayUrl('main');
    // Before anything in this page fetched the card.
    await executeServerCommand('lose-module', { path: CARD_MODULE });
  });

  it('says so in plain words, in Spanish too, and offers to try again rather than to reload', async () => {
    const en = await fixture<Nip82Session>(html`<nip82-session relays=${url}></nip82-session>`);
    await waitUntil(() => buttonByText(en, 'Try again'), 'never offered to try again', { timeout: 10000 });
    const alert = $(en, '[role=alert]');
    expect(text(alert)).to.equal('The sign-in could not be loaded. Check your internet connection, then try again.');
    expect(text(alert)).not.to.match(/reload/i);
    expect(await aborted()).to.be.greaterThan(0);
    await expect(en).to.be.accessible();

    const es = await fixture<Nip82Session>(html`<nip82-session lang="es" relays=${url}></nip82-session>`);
    await waitUntil(() => buttonByText(es, 'Reintentar'), `never offered it in Spanish: ${text(es.shadowRoot!)}`, { timeout: 10000 });
    expect(text($(es, '[role=alert]'))).to.equal('No se pudo cargar el inicio de sesión. Compruebe su conexión a internet y vuelva a intentarlo.');
  });

  // Before the card is found again below: the module is still lost here.
  it('signing out of the host\'s sign-in while the card cannot be fetched puts the keyboard user on "Try again"', async () => {
    const user = await person();
    const el = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${user.signer}></nip82-session>`);
    await waitUntil(() => buttonByText(el, /Sign out/), 'never signed in');
    const signOut = buttonByText(el, /Sign out/)!;
    signOut.focus();
    signOut.click();
    await waitUntil(() => buttonByText(el, 'Try again'), `never offered to try again: ${text(el.shadowRoot!)}`, { timeout: 10000 });
    await el.updateComplete;
    const focused = el.shadowRoot!.activeElement;
    expect(focused ? text(focused) : `nothing in the session (the page's ${document.activeElement?.localName})`).to.equal('Try again');
  });

  it('"Try again" fetches the card again: still lost, it says so again and keeps the focus; found, the card shows with the focus in it', async () => {
    const el = await fixture<Nip82Session>(html`<nip82-session relays=${url}></nip82-session>`);
    await waitUntil(() => buttonByText(el, 'Try again'), 'never offered to try again', { timeout: 10000 });
    const retry = buttonByText(el, 'Try again')!;
    retry.focus();

    const before = await aborted();
    retry.click();
    await waitUntil(async () => (await aborted()) > before, 'the card was not asked for again');
    await waitUntil(() => retry.getAttribute('aria-disabled') === 'false' && text($(el, '[role=alert]')) !== '', 'the failure was not said again');
    await el.updateComplete;
    expect(buttonByText(el, 'Try again')).to.equal(retry);
    expect(el.shadowRoot!.activeElement).to.equal(retry);

    await executeServerCommand('find-module', { path: CARD_MODULE });
    retry.click();
    await waitUntil(() => buttonByText(el, 'Use my browser extension'), 'the card never showed', { timeout: 10000 });
    await el.updateComplete;
    expect(buttonByText(el, 'Try again')).to.equal(undefined);
    expect($(el, '[role=alert]')).to.equal(null);
    // No extension in this browser: the way in is the remote signer's section.
    await waitUntil(() => el.shadowRoot!.activeElement?.localName === 'summary', `the focus went to ${el.shadowRoot!.activeElement?.localName ?? document.activeElement?.localName}`);
    await expect(el).to.be.accessible();
  });
});
