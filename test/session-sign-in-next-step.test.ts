/**
 * A sign-in that fails because the signer answered something unusable says what to do next, not
 * only what went wrong: try again, and if it happens again, update the signer or use another one
 * (English and Spanish).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { loadLanguage } from '../components/shared/language-packs.js';
import { relayUrl } from './helpers.js';
import { $, text } from './element-helpers.js';

/** An extension that says the user's key is something that is no key. */
const garbled: Nip07Provider = {
  getPublicKey: () => Promise.resolve('not a key'),
  signEvent: () => Promise.reject(new Error('no')),
  nip44: { encrypt: () => Promise.reject(new Error('no')), decrypt: () => Promise.reject(new Error('no')) },
};

describe('<nip82-session>: a signer whose answer cannot be used', function () {
  this.timeout(60000);
  afterEach(() => {
    delete (window as { nostr?: unknown }).nostr;
  });

  for (const [lang, next] of [
    ['en', 'Your signer answered something this page cannot use. Try again; if it happens again, update your signer or use another one.'],
    ['es', 'Su firmador respondió algo que esta página no puede usar. Vuelva a intentarlo; si vuelve a ocurrir, actualícelo o use otro firmador.'],
  ] as const) {
    it(`${lang}: says what to do next`, async () => {
      await loadLanguage('es');
      (window as { nostr?: Nip07Provider }).nostr = garbled;
      const el = await fixture<Nip82Session>(html`<nip82-session lang=${lang} relays=${await relayUrl('main')}></nip82-session>`);
      const use = () => [...el.shadowRoot!.querySelectorAll('button')].find((b) => /extension|extensión/i.test(b.textContent ?? ''));
      await waitUntil(() => use() && !use()!.disabled, 'the extension is never offered', { timeout: 10000 });
      use()!.click();
      await waitUntil(() => !['idle', 'waiting-signer', 'working'].includes(el.status), 'the sign-in never ended', { timeout: 10000 });
      await el.updateComplete;
      expect(text($(el, '[part=status]'))).to.equal(next);
      // The buttons to try again are there.
      expect(use()!.disabled).to.equal(false);
    });
  }
});
