/**
 * Language packs: a page that speaks English never fetches a Spanish module, and an element under
 * lang="es" shows Spanish from its first render, never English first. The tests share one page and
 * run in order: the first sees the page before anything asked for Spanish.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../components/define.js';
import { loadLanguage } from '../components/index.js';
import { languageTables } from '../components/shared/language-packs.js';
import { sessionStrings } from '../components/session/session.strings.js';
import { recordViewerStrings } from '../components/record-viewer/record-viewer.strings.js';
import { sampleBundle } from './helpers.js';
import { waitUntil } from './wait.js';

// The browser keeps 250 resource entries by default and drops the rest: the kit's modules, served
// one file each to the tests, come near that, and a pack fetched past it would go unseen.
performance.setResourceTimingBufferSize(100_000);

/** The language-pack modules this page fetched (`session.strings.es.ts`, `vocabulary.es.ts`…). */
const packsFetched = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((path) => /\.[a-z]{2}\.(ts|js)$/.test(path));

/** What the element's shadow root says after each of its renders, from the first one on. */
function renders(el: LitElement): string[] {
  const said: string[] = [];
  el.addController({ hostUpdated: () => said.push(el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim()) });
  return said;
}

describe('language packs', () => {
  it('an English page fetches no language pack', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="en">
      <nip82-session></nip82-session>
      <nip82-record-viewer .bundle=${sampleBundle()}></nip82-record-viewer>
      <nip82-hidden-flag disclose="count-and-kind" kinds="Condition"></nip82-hidden-flag>
      <nip82-consent-prompt></nip82-consent-prompt>
      <nip82-access-list></nip82-access-list>
      <nip82-npub-picker></nip82-npub-picker>
    </div>`);
    const viewer = page.querySelector('nip82-record-viewer')!;
    await waitUntil(() => viewer.status === 'done', 'the viewer never showed the bundle');
    for (const el of page.children) await (el as LitElement).updateComplete;
    expect(viewer.shadowRoot!.textContent).to.contain('Print');
    expect(page.querySelector('nip82-session')!.shadowRoot!.textContent).to.contain('Sign in');
    expect(packsFetched(), 'language packs fetched by an English page').to.deep.equal([]);
    expect(sessionStrings.es).to.equal(undefined);
  });

  it('an element whose lang turns to a language not loaded yet waits for it, then speaks it', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="en"><nip82-session></nip82-session></div>`);
    const session = page.querySelector('nip82-session')!;
    await session.updateComplete;
    expect(session.shadowRoot!.textContent).to.contain('Sign in');
    const said = renders(session);
    // The session follows the page's language by itself, once the pack has arrived.
    page.lang = 'es';
    await waitUntil(() => said.length > 0, 'the session never rendered again');
    expect(said[0], 'the first render after the change').to.contain('Inicie sesión');
    expect(packsFetched().some((path) => path.endsWith('/session.strings.es.ts')), 'the pack was fetched').to.equal(true);
  });

  it('a Spanish element shows Spanish from its first render', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="es"></div>`);
    const viewer = document.createElement('nip82-record-viewer');
    const flag = document.createElement('nip82-hidden-flag');
    flag.setAttribute('disclose', 'count-and-kind');
    flag.setAttribute('kinds', 'Condition,Condition');
    const said = { viewer: renders(viewer), flag: renders(flag) };
    viewer.bundle = sampleBundle();
    page.append(viewer, flag);
    await waitUntil(() => viewer.status === 'done', 'the viewer never showed the bundle');
    await flag.updateComplete;
    // A handed-in Bundle is described in slices: the renders before it is shown say nothing yet.
    expect(said.viewer.find((text) => text !== ''), 'the viewer\'s first words').to.contain('Imprimir');
    expect(said.flag[0], 'the flag\'s first render').to.contain('2 problemas');
    for (const text of said.viewer) expect(text).not.to.contain('Print');
    // Section headings come from the Spanish vocabulary, which loads with the viewer's pack.
    expect(recordViewerStrings.es?.section_allergies).to.equal('Alergias');
  });

  it('a pack that fails to load leaves English in its place, with a warning', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      // Registered after the page asked for Spanish: it starts loading at once, and fails.
      const tables = languageTables({ hello: 'Hello' }, { es: () => Promise.reject(new Error('offline')) });
      await loadLanguage('es-MX');
      expect(tables.es).to.equal(undefined);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]![0])).to.contain('English is shown');
      // Tried once: asking again fetches nothing and warns no more.
      await loadLanguage('es');
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
