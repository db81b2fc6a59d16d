import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
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
    expect(lost.message).to.match(/reload the page/);
    expect(lost.message).not.to.match(/\.js|https?:|import/i);
    // What the browser said stays with it, for a developer's console.
    expect(lost.cause).to.be.instanceOf(TypeError);
  });

  it('is told to the patient in plain words, as a connection problem, in English and in Spanish', async () => {
    for (const [lang, words] of [['en', /could not be loaded.*reload the page/], ['es', /No se pudo cargar una parte de esta página.*vuelva a cargar la página/]] as const) {
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
});
