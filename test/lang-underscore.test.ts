/**
 * A portal whose server writes its locale with an underscore (`es_MX`, as many server languages
 * name locales) puts that in `lang`: the page is still Spanish, and the elements speak Spanish.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { sessionStrings } from '../components/session/session.strings.js';
import { sessionStringsEs } from '../components/session/session.strings.es.js';
import { waitUntil } from './wait.js';
import { text } from './element-helpers.js';

describe('a lang attribute written with an underscore', () => {
  it('lang="es_MX" shows the Spanish words', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="es_MX"><nip82-session></nip82-session></div>`);
    const session = page.querySelector<Nip82Session>('nip82-session')!;
    await session.updateComplete;
    await waitUntil(() => text(session.shadowRoot).includes(sessionStringsEs.signIn), `not Spanish: ${text(session.shadowRoot)}`);
    expect(text(session.shadowRoot)).not.to.contain(sessionStrings.en.signIn);
  });
});
