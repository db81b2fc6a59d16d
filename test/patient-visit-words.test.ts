/**
 * A patient with little computer experience meets several elements in one visit: the same action,
 * the same history and the same missing signer are said in the same words wherever they appear, a
 * message that says what went wrong also says what to do next, the sign-in button names what the
 * patient knows (their signer app, not a protocol), and "No open requests." is said once.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { loadLanguage } from '../components/shared/language-packs.js';
import { downRelayUrl, person, relayUrl } from './helpers.js';
import { $, $$, dialogOf, text } from './element-helpers.js';

type Element82 = HTMLElement & { status: string; updateComplete: Promise<boolean> };
const ended = (el: Element82) => !['idle', 'waiting-signer', 'working'].includes(el.status);
const firstButton = (el: Element) => $$<HTMLButtonElement>(el, 'button').map((b) => text(b)).filter(Boolean)[0];

describe('one visit, one set of words', function () {
  this.timeout(90000);
  afterEach(() => {
    delete (window as { nostr?: unknown }).nostr;
  });

  for (const [lang, unlock] of [['en', 'Unlock my records'], ['es', 'Desbloquear mis historiales']] as const) {
    it(`${lang}: unlocking one's records is offered in the same words by the viewer, the access list and the consent prompt`, async () => {
      await loadLanguage('es');
      const patient = await person();
      const session = await fixture<Nip82Session>(html`<nip82-session lang=${lang} relays=${await relayUrl('main')} .signer=${patient.signer}>
        <nip82-record-viewer></nip82-record-viewer><nip82-access-list></nip82-access-list><nip82-consent-prompt></nip82-consent-prompt></nip82-session>`);
      await waitUntil(() => session.pubkey === patient.pubkey, 'never signed in');
      const [viewer, list, prompt] = [...session.children] as Element82[];
      for (const el of [viewer, list, prompt]) await el.updateComplete;
      expect([viewer, list, prompt].map(firstButton)).to.deep.equal([unlock, unlock, unlock]);
    });
  }

  for (const [lang, said, below] of [
    ['en', 'No signer was found: add a signer extension to this browser, or sign in with your signer app.', 'No signer was found: add a signer extension to this browser, or connect a remote signer below.'],
    ['es', 'No se encontró ningún firmador: añada una extensión de firmador a este navegador o inicie sesión con su aplicación de firmador.', 'No se encontró ningún firmador: añada una extensión de firmador a este navegador o conecte un firmador remoto abajo.'],
  ] as const) {
    it(`${lang}: no signer is said in one sentence, with what to do, by the sign-in bar (pointing to its remote signer below, not to itself), the viewer, the access list and the prompt`, async () => {
      await loadLanguage('es');
      const url = await relayUrl('main');
      const session = await fixture<Nip82Session>(html`<nip82-session lang=${lang} relays=${url}></nip82-session>`);
      await waitUntil(() => $(session, 'p.help'), 'the sign-in bar never said no extension was found', { timeout: 15000 });
      const heard = [text($(session, 'p.help'))];
      for (const tag of ['nip82-record-viewer', 'nip82-access-list', 'nip82-consent-prompt']) {
        const el = document.createElement(tag) as Element82;
        el.setAttribute('lang', lang);
        el.setAttribute('relays', url);
        const placed = await fixture<Element82>(html`<div></div>`);
        placed.append(el);
        await el.updateComplete;
        $$<HTMLButtonElement>(el, 'button')[0].click();
        await waitUntil(() => el.status === 'no-signer', `${tag} never said there is no signer`);
        await el.updateComplete;
        heard.push(text($(el, '[role=status]')));
      }
      expect(heard).to.deep.equal([below, said, said, said]);
    });
  }

  for (const [lang, button, override] of [['en', 'Sign in with your signer app', 'Sign in with Nostr'], ['es', 'Inicie sesión con su aplicación de firmador', 'Entrar con Nostr']] as const) {
    it(`${lang}: the sign-in bar names the patient's signer app, not the protocol, and a host can still word it`, async () => {
      await loadLanguage('es');
      const url = await relayUrl('main');
      const session = await fixture<Nip82Session>(html`<nip82-session lang=${lang} relays=${url}></nip82-session>`);
      await session.updateComplete;
      expect(text($(session, '.who'))).to.equal(button);
      expect(text(session.shadowRoot)).not.to.contain('Nostr');
      const worded = await fixture<Nip82Session>(html`<nip82-session lang=${lang} relays=${url} .strings=${{ signIn: override }}></nip82-session>`);
      await worded.updateComplete;
      expect(text($(worded, '.who'))).to.equal(override);
    });
  }

  for (const [lang, title] of [['en', 'Your consent history'], ['es', 'Su historial de consentimientos']] as const) {
    it(`${lang}: the history of a denied request has one name in the consent prompt and in the access list`, async () => {
      await loadLanguage('es');
      const url = await relayUrl('main');
      const [patient, clinician] = [await person(), await person()];
      const client = new RelayClient({ relays: [url] });
      try {
        await client.publishAll((await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up', days: 14 })).events);
      } finally {
        client.close();
      }
      const session = await fixture<Nip82Session>(html`<nip82-session lang=${lang} relays=${url} .signer=${patient.signer}>
        <nip82-consent-prompt mode="answer"></nip82-consent-prompt><nip82-access-list></nip82-access-list></nip82-session>`);
      await waitUntil(() => session.pubkey === patient.pubkey, 'never signed in');
      const prompt = session.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
      const list = session.querySelector<Nip82AccessList>('nip82-access-list')!;
      await prompt.updateComplete;
      $$<HTMLButtonElement>(prompt, 'button')[0].click();
      await waitUntil(() => $(prompt, 'li.request button'), 'the request never listed', { timeout: 20000 });
      $<HTMLButtonElement>(prompt, 'li.request button')!.click();
      await waitUntil(() => dialogOf(prompt).open && $(prompt, 'dialog button.deny'), 'no Deny in the dialog');
      $<HTMLButtonElement>(prompt, 'dialog button.deny')!.click();
      await waitUntil(() => prompt.status === 'done' && $(prompt, 'table.history caption'), 'the denial never reached the history', { timeout: 20000 });
      $$<HTMLButtonElement>(list, 'button')[1].click();
      await waitUntil(() => $(list, 'table.history caption'), 'the access list never showed the history', { timeout: 20000 });
      expect([text($(prompt, 'table.history caption')), text($(list, 'table.history caption'))]).to.deep.equal([title, title]);
    });
  }

  for (const [lang, none] of [['en', 'No open requests.'], ['es', 'No hay solicitudes pendientes.']] as const) {
    it(`${lang}: with no requests, "${none}" is said once`, async () => {
      await loadLanguage('es');
      const patient = await person();
      const prompt = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang=${lang} mode="answer" relays=${await relayUrl('main')} .signer=${patient.signer}></nip82-consent-prompt>`);
      $$<HTMLButtonElement>(prompt, 'button')[0].click();
      await waitUntil(() => prompt.status === 'done', 'the requests never read', { timeout: 20000 });
      await prompt.updateComplete;
      expect(text(prompt.shadowRoot).split(none).length - 1, text(prompt.shadowRoot)).to.equal(1);
      expect(text($(prompt, '[part=status]'))).to.equal(none);
    });
  }

  for (const [lang, next] of [
    ['en', 'The storage servers could not be reached. Check your internet connection, then try again.'],
    ['es', 'No se pudo contactar con los servidores de almacenamiento. Compruebe su conexión a internet y vuelva a intentarlo.'],
  ] as const) {
    it(`${lang}: storage servers out of reach: the viewer says what to do next`, async () => {
      await loadLanguage('es');
      const patient = await person();
      const viewer = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} relays=${await downRelayUrl()} .signer=${patient.signer}></nip82-record-viewer>`);
      $$<HTMLButtonElement>(viewer, 'button')[0].click();
      await waitUntil(() => viewer.status === 'relay-error', 'never failed', { timeout: 20000 });
      await viewer.updateComplete;
      expect(text($(viewer, '[role=status]'))).to.equal(next);
    });
  }

  it('a viewer given no storage servers says the page is set up wrong, as the other elements do', async () => {
    const patient = await person();
    const viewer = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .signer=${patient.signer}></nip82-record-viewer>`);
    $$<HTMLButtonElement>(viewer, 'button')[0].click();
    await waitUntil(() => viewer.status === 'relay-error', 'never failed');
    await viewer.updateComplete;
    expect(text($(viewer, '[role=status]'))).to.equal("This page's storage server settings are wrong; please tell the site's team.");
  });

  for (const [lang, next] of [
    ['en', 'Your signer could not finish signing you in. Check that it is open and unlocked, then try again.'],
    ['es', 'Su firmador no pudo terminar de iniciar su sesión. Compruebe que está abierto y desbloqueado, y vuelva a intentarlo.'],
  ] as const) {
    it(`${lang}: a sign-in the signer could not finish says what to do next`, async () => {
      await loadLanguage('es');
      const broken: Nip07Provider = {
        getPublicKey: () => Promise.reject(new Error('invalid state')),
        signEvent: () => Promise.reject(new Error('no')),
        nip44: { encrypt: () => Promise.reject(new Error('no')), decrypt: () => Promise.reject(new Error('no')) },
      };
      (window as { nostr?: Nip07Provider }).nostr = broken;
      const session = await fixture<Nip82Session>(html`<nip82-session lang=${lang} relays=${await relayUrl('main')}></nip82-session>`);
      const use = () => $<HTMLButtonElement>(session, 'button.use-extension');
      await waitUntil(() => use() && !use()!.disabled, 'the extension is never offered', { timeout: 10000 });
      use()!.click();
      await waitUntil(() => ended(session as unknown as Element82), 'the sign-in never ended');
      await session.updateComplete;
      expect(text($(session, '[part=status]'))).to.equal(next);
    });
  }
});
