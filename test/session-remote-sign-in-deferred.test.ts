/**
 * The session's remote sign-in (remote-sign-in.ts: the code to scan, copy or open, the page a remote
 * signer asks for, their words) is fetched only once the user asks for it: a signed-out session
 * renders its controls without it. Fetched, it shows in full, with the host's overrides of its words
 * and in the page's language, follows a later change of `.strings`, and takes the focus to its Cancel
 * as the code appears.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { relayUrl } from './helpers.js';
import { waitUntil } from './wait.js';

/** Whether this page fetched the remote sign-in's module. */
const remotePartFetched = () =>
  performance.getEntriesByType('resource').some((e) => /\/components\/session\/remote-sign-in\.(ts|js)$/.test(new URL(e.name).pathname));

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<nip82-session>: the remote sign-in loads when the user asks for it', function () {
  this.timeout(60000);

  it('not before; then the code shows with the host\'s words, Spanish for the others, and the focus on its Cancel', async () => {
    const relay = await relayUrl('main');
    const page = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-session relays=${relay}
      .strings=${{ copyCode: 'Copy it', cancel: 'Stop' }}></nip82-session></div>`);
    const el = page.querySelector<Nip82Session>('nip82-session')!;
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('details .show-code'), 'the sign-in controls never rendered');
    await el.updateComplete;
    expect(remotePartFetched(), 'fetched before the user asked').to.equal(false);
    expect(root.querySelector('svg[part="qr"]')).to.equal(null);

    root.querySelector('details')!.open = true;
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('.show-code')!.focus();
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => root.querySelector('svg[part="qr"]') && root.activeElement?.matches('.cancel-code'), 'the code and its Cancel never came, focused', { timeout: 5000 });
    expect(remotePartFetched(), 'fetched once asked for').to.equal(true);
    // Its own words in Spanish (their pack comes with it), the host's where it gave some.
    const scan = 'Escanee este código con su aplicación de firmador remoto, o copie el texto en ella:';
    expect(text(root.querySelector('svg[part="qr"]')!.previousElementSibling)).to.equal(scan);
    expect(root.querySelector('svg[part="qr"]')!.getAttribute('aria-label')).to.equal(scan);
    expect(text(root.querySelector('.copy-code'))).to.equal('Copy it');
    expect(text(root.querySelector('a.open-app'))).to.equal('Abrir mi aplicación de firmador en este dispositivo');
    expect(text(root.querySelector('.cancel-code'))).to.equal('Stop');
    const code = text(root.querySelector('.uri code'));
    expect(code).to.match(/^nostrconnect:\/\//);
    expect(root.querySelector('a.open-app')!.getAttribute('href')).to.equal(code);
    expect(new URL(code).searchParams.get('name')).to.equal(document.title || 'Historial médico');

    // A later override reaches the part already shown.
    el.strings = { copyCode: 'Copy the text', openInApp: 'Open the app', cancel: 'Stop' };
    await waitUntil(() => text(root.querySelector('.copy-code')) === 'Copy the text' && text(root.querySelector('a.open-app')) === 'Open the app', 'the new words never reached the code');

    root.querySelector<HTMLButtonElement>('.cancel-code')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !root.querySelector('svg[part="qr"]') && root.activeElement?.matches('.show-code'), 'Cancel did not take the code away and the focus back');
  });
});
