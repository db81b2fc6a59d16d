/**
 * "Show a code for my signer app" as a keyboard user meets it: the code takes the button's place,
 * and the focus goes to the code's Cancel (as a bunker:// connect takes the user to its own), in
 * English and Spanish; Cancel brings them back to the button.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { generateSecretKey } from 'nostr-tools/pure';
import { relayLiveRequests, relayUrl } from './helpers.js';
import { runRemoteSigner } from './remote-signer.js';
import { waitUntil } from './wait.js';

/** The focused element, named: a failing assertion on a node itself stalls the test runner. */
const named = (node: Element | null | undefined) => (node ? `${node.localName}${node.className ? `.${String(node.className).replace(/ /g, '.')}` : ''} "${(node.textContent ?? '').trim()}"` : 'nothing');

describe('<nip82-session>: the remote signer\'s code and the keyboard', function () {
  this.timeout(60000);

  for (const [lang, showCode, cancel] of [
    ['en', 'Show a code for my signer app', 'Cancel'],
    ['es', 'Mostrar un código para mi aplicación de firmador', 'Cancelar'],
  ] as const) {
    it(`${lang}: pressed with Enter, the focus goes to the code's ${cancel}, and ${cancel} brings it back`, async () => {
      const page = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-session relays=${await relayUrl('main')}></nip82-session></div>`);
      const el = page.querySelector<Nip82Session>('nip82-session')!;
      const focused = () => el.shadowRoot!.activeElement;
      const button = (label: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
      // A Spanish page renders once its language pack is in.
      await waitUntil(() => el.shadowRoot!.querySelector('details'), 'the sign-in controls never rendered');
      el.shadowRoot!.querySelector('details')!.open = true;
      await waitUntil(() => button(showCode), `no "${showCode}" button`);
      button(showCode)!.focus();
      await sendKeys({ press: 'Enter' });

      await waitUntil(() => el.shadowRoot!.querySelector('svg[part="qr"]'), 'no QR code', { timeout: 5000 });
      await el.updateComplete;
      expect(named(focused()), 'focus on the code\'s Cancel').to.equal(named(button(cancel)));
      expect(named(document.activeElement), 'focus dropped to the page').not.to.match(/^body/);

      // On a phone the code cannot be scanned from its own screen: it is copied, or opened in the app.
      const code = el.shadowRoot!.querySelector('.uri code')!.textContent!;
      expect(el.shadowRoot!.querySelector<HTMLAnchorElement>('a.open-app')!.getAttribute('href')).to.equal(code);
      expect(new URL(code).searchParams.get('name')).to.equal(document.title || (lang === 'es' ? 'Historial médico' : 'Medical records'));
      let copied = '';
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => { copied = t; } } });
      try {
        el.shadowRoot!.querySelector<HTMLButtonElement>('.copy-code')!.click();
        await waitUntil(() => copied === code && /^(Copied|Copiado)\./.test(el.shadowRoot!.querySelector('.help[role=status]')?.textContent ?? ''), 'the copy was never said');
      } finally {
        // The page's own clipboard (the prototype's) again.
        delete (navigator as { clipboard?: unknown }).clipboard;
      }
      button(cancel)!.focus();

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !el.shadowRoot!.querySelector('svg[part="qr"]'), 'the code stayed');
      await waitUntil(() => focused()?.matches('.show-code'), 'focus did not come back to the button');
      expect(named(document.activeElement), 'focus dropped to the page after Cancel').not.to.match(/^body/);
    });
  }

  for (const [lang, saidNo] of [['en', 'Your signer said no, so you are not signed in.'], ['es', 'Su firmador dijo que no, así que no ha iniciado sesión.']] as const) it(`${lang}: a code that ends without a sign-in (the signer app will not say who the user is) gives the focus back to the button`, async () => {
    const relay = await relayUrl('main');
    const app = runRemoteSigner(relay, generateSecretKey(), generateSecretKey(), { refuse: ['get_public_key'] });
    await app.ready;
    try {
      const page = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-session relays=${relay}></nip82-session></div>`);
      const el = page.querySelector<Nip82Session>('nip82-session')!;
      const focused = () => el.shadowRoot!.activeElement;
      await waitUntil(() => el.shadowRoot!.querySelector('details .show-code'), 'the sign-in controls never rendered');
      el.shadowRoot!.querySelector('details')!.open = true;
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('.show-code')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot!.querySelector('.uri code') && focused()?.matches('.cancel-code'), 'the code and its Cancel', { timeout: 5000 });
      const uri = el.shadowRoot!.querySelector('.uri code')!.textContent!;
      // The app answers once the page listens for it, as a person scanning the code would.
      await waitUntil(async () => (await relayLiveRequests('main', new URL(uri).hostname)).length > 0, 'the page never listened for the signer app');
      await app.connectTo(uri);
      await waitUntil(() => !['idle', 'waiting-signer', 'working'].includes(el.status), 'the sign-in ended', { timeout: 20000 });
      await waitUntil(() => focused()?.matches('.show-code'), `focus on ${named(focused())}, not back on the button`);
      expect(named(document.activeElement), 'focus dropped to the page').not.to.match(/^body/);
      // Said in the patient's words: no "public key".
      expect(el.shadowRoot!.textContent).to.contain(saidNo);
      expect(el.shadowRoot!.textContent).not.to.match(/public key|clave pública/);
    } finally {
      app.close();
    }
  });
});
