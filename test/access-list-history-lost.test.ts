/**
 * When the page's server cannot give the reading of messages (mail-read.ts: a dropped connection),
 * the fetch fails for real here (scripts/wtr-lost-module-plugin.mjs): "Show consent history" says
 * the history was not read and to try again, in Spanish too, as the same button is enough: once the
 * connection is back, it reads the history. No reload needed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82Event } from '../components/shared/events.js';
import { waitUntil } from './wait.js';
import { person, relayUrl } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';

const MAIL_MODULE = '/components/core/store/mail-read';
const said = (el: Element) => text($(el, '[role=status]'));

describe('<nip82-access-list> when its reading of messages could not be fetched', function () {
  this.timeout(30000);

  it('the history says it was not read and to try again; once the connection is back, the same button reads it', async () => {
    await executeServerCommand('lose-module', { path: MAIL_MODULE });
    const patient = await person();
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${await relayUrl('main')}></nip82-access-list>`);
    const codes: string[] = [];
    el.addEventListener('nip82-error', (e) => codes.push((e as Nip82Event<'nip82-error'>).detail.code));
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => el.status === 'relay-error', `status ${el.status}`, { timeout: 15000 });
    await el.updateComplete;
    expect(codes).to.deep.equal(['part-unavailable']);
    expect(said(el)).to.equal('Part of this page could not be loaded, so your consent history was not read. Check your internet connection, then try again.');

    el.lang = 'es';
    await waitUntil(() => said(el) === 'No se pudo cargar una parte de esta página, así que no se leyó su historial de consentimientos. Compruebe su conexión a internet y vuelva a intentarlo.', `in Spanish: ${said(el)}`);
    el.lang = 'en';

    await executeServerCommand('find-module', { path: MAIL_MODULE });
    await waitUntil(() => buttonByText(el, 'Show consent history'), 'the button went');
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => el.status === 'done', `status ${el.status}: ${said(el)}`, { timeout: 15000 });
    // A new patient's history, read whole: nothing yet.
    expect(said(el)).to.equal('You have not shared anything or answered any requests yet.');
  });
});
