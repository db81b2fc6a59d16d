/**
 * When the page's server cannot give the session's remote sign-in (the code to scan, the remote
 * signer's address), the fetch fails for real here (scripts/wtr-lost-module-plugin.mjs): the
 * session says so and that trying again is enough, as it is: pressing the same button again
 * fetches the part again, and once the connection is back the code shows. No reload needed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82Event } from '../components/shared/events.js';
import { relayUrl } from './helpers.js';
import { text } from './element-helpers.js';

const REMOTE_MODULE = '/components/session/remote-sign-in';
const statusLine = (el: Element) => text(el.shadowRoot!.querySelector('[part="status"]'));

describe('<nip82-session> when its remote sign-in could not be fetched', function () {
  this.timeout(30000);
  let url: string;
  before(async () => {
    url = await relayUrl('main');
    // Before anything in this page fetched the remote sign-in.
    await executeServerCommand('lose-module', { path: REMOTE_MODULE });
  });

  it('says to try again, in Spanish too, and pressing the same button again shows the code once the connection is back', async () => {
    const es = await fixture<Nip82Session>(html`<nip82-session lang="es" relays=${url}></nip82-session>`);
    await waitUntil(() => es.shadowRoot!.querySelector('.show-code'), 'the sign-in controls never rendered', { timeout: 10000 });
    es.shadowRoot!.querySelector<HTMLButtonElement>('.show-code')!.click();
    await waitUntil(() => es.status === 'relay-error', `status ${es.status}`, { timeout: 10000 });
    await es.updateComplete;
    expect(statusLine(es)).to.equal('No se pudo cargar el inicio de sesión con su aplicación de firmador. Compruebe su conexión a internet y vuelva a intentarlo.');

    const el = await fixture<Nip82Session>(html`<nip82-session relays=${url}></nip82-session>`);
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('.show-code'), 'the sign-in controls never rendered', { timeout: 10000 });
    const reported = new Promise<string>((resolve) => el.addEventListener('nip82-error', (e) => resolve((e as Nip82Event<'nip82-error'>).detail.code), { once: true }));
    root.querySelector<HTMLButtonElement>('.show-code')!.click();
    expect(await reported).to.equal('part-unavailable');
    await waitUntil(() => el.status === 'relay-error', `status ${el.status}`, { timeout: 10000 });
    await el.updateComplete;
    expect(statusLine(el)).to.equal('The sign-in with your signer app could not be loaded. Check your internet connection, then try again.');
    expect(statusLine(el)).not.to.match(/reload/i);

    await executeServerCommand('find-module', { path: REMOTE_MODULE });
    root.querySelector<HTMLButtonElement>('.show-code')!.click();
    await waitUntil(() => root.querySelector('svg[part="qr"]'), `the code never showed: ${statusLine(el)}`, { timeout: 10000 });
  });
});
