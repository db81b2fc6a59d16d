import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { OnDemand } from '../components/record-viewer/on-demand.js';
import { narrativeSanitizer } from '../components/record-viewer/narrative.js';
import { sampleBundle } from './helpers.js';
import type { Nip82Session } from '../components/session/session.js';
import { PartUnavailableError, loadPart } from '../components/core/errors.js';
import type { Nip82Event } from '../components/shared/events.js';
import type { Signer } from '../components/core/signers/signer.js';

const statusLine = (el: Element) => (el.shadowRoot!.querySelector('[part="status"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A signer whose sign-in needs a part of the page that its server no longer serves. */
const needingLostPart = (): Signer => ({
  getPublicKey: () => loadPart(() => import(/* @vite-ignore */ `./parts-never-served-${Date.now()}.js`).then((m: { key: string }) => m.key)),
  signEvent: () => Promise.reject(new Error('not used')),
  nip44Encrypt: () => Promise.reject(new Error('not used')),
  nip44Decrypt: () => Promise.reject(new Error('not used')),
});

describe('a part of the page that could not be fetched', () => {
  it('is a typed error that names no file and says what to do', async () => {
    let error: unknown;
    await loadPart(() => import(/* @vite-ignore */ `./parts-never-served-${Date.now()}.js`)).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(PartUnavailableError);
    const lost = error as PartUnavailableError;
    expect(lost.code).to.equal('part-unavailable');
    // Said where an element has no words of its own: what was not done, and that trying again works.
    expect(lost.message).to.equal('Part of this page could not be loaded, so what you asked for was not done. Check your internet connection, then try again.');
    expect(lost.message).not.to.match(/\.js|https?:|import/i);
    // What the browser said stays with it, for a developer's console.
    expect(lost.cause).to.be.instanceOf(TypeError);
  });

  it('is told to the patient in plain words, as a connection problem, in English and in Spanish: a signer the page handed in, which no button asks again, says to reload', async () => {
    for (const [lang, words] of [['en', /^Part of this page could not be loaded, so you are not signed in\. Check your internet connection, then reload the page\.$/], ['es', /^No se pudo cargar una parte de esta página, así que no ha iniciado sesión\. Compruebe su conexión a internet y vuelva a cargar la página\.$/]] as const) {
      const page = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-session relays="ws://127.0.0.1:1"></nip82-session></div>`);
      const session = page.querySelector<Nip82Session>('nip82-session')!;
      await session.updateComplete;
      const reported = new Promise<Nip82Event<'nip82-error'>['detail']>((resolve) => session.addEventListener('nip82-error', (e) => resolve((e as Nip82Event<'nip82-error'>).detail), { once: true }));
      session.signer = needingLostPart();
      expect((await reported).code).to.equal('part-unavailable');
      await waitUntil(() => words.test(statusLine(session)), `${lang}: the line says "${statusLine(session)}"`);
      expect(session.getAttribute('status')).to.equal('relay-error');
      expect(statusLine(session)).not.to.match(/\.js|parts-never-served|Failed to fetch|import/i);
    }
  });

  it('a viewer part that could not be fetched fails once, is not fetched again by every render, and is fetched again when needed', async () => {
    let fetches = 0;
    const part = new OnDemand(() => {
      fetches++;
      return import(/* @vite-ignore */ `./parts-never-served-${Date.now()}-${fetches}.js`).then((m: { part: string }) => m.part);
    });
    let renders = 0;
    const render = () => {
      renders++;
      part.now(render);
    };
    render();
    await waitUntil(() => part.failed, 'the fetch never failed');
    // The failure asked for one more render, which fetched nothing: no render after render.
    await waitUntil(() => renders === 2, `renders: ${renders}`);
    expect(fetches).to.equal(1);
    expect(part.arriving).to.equal(undefined);
    // The reader's next need of it tries again, and says why it failed.
    const again = await part.load().catch((e: unknown) => e);
    expect(again).to.be.instanceOf(PartUnavailableError);
    expect(fetches).to.equal(2);
  });

  it('the viewer says in plain words that part of the page could not be loaded, and still shows the record', async () => {
    const viewer = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${sampleBundle('nostr:npub1x')}></nip82-record-viewer>`);
    await waitUntil(() => (viewer.shadowRoot!.textContent ?? '').includes('Penicillin'), 'the record never showed');
    expect(viewer.shadowRoot!.querySelector('.lost-part')).to.equal(null);
    // As when the narrative sanitiser could not be fetched (above, a real failed fetch sets it).
    narrativeSanitizer.failed = true;
    try {
      viewer.requestUpdate();
      await viewer.updateComplete;
      expect(viewer.shadowRoot!.querySelector('.lost-part'), 'said before the original text was asked for').to.equal(null);
      [...viewer.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Show original text')!.click();
      await viewer.updateComplete;
      expect(viewer.shadowRoot!.querySelector('.lost-part p')?.textContent).to.equal('Part of this page could not be loaded, so the original text of these records is not shown. Check your internet connection, then try again.');
      expect(viewer.shadowRoot!.textContent).to.include('Penicillin');
      await expect(viewer).to.be.accessible();
    } finally {
      narrativeSanitizer.failed = false;
    }
  });
});
