/**
 * A portal's language switcher changes `lang` on `<html>`, on a container or on an element, and
 * tells the kit nothing: every element it reaches speaks the new language, nested ones included,
 * with no `requestUpdate()` from the host, and never English first on a switch to Spanish. Only
 * the elements whose language changed render again, and one removed from the page is followed no
 * more. So too inside the shadow roots of a portal's own components. The tests share one page and
 * run in order: the first switch to Spanish fetches its pack.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import '../components/record-viewer/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82HiddenFlag } from '../components/hidden-flag/hidden-flag.js';
import { sessionStrings } from '../components/session/session.strings.js';
import { sessionStringsEs } from '../components/session/session.strings.es.js';
import { recordViewerStrings } from '../components/record-viewer/record-viewer.strings.js';
import { recordViewerStringsEs } from '../components/record-viewer/record-viewer.strings.es.js';
import { hiddenFlagStrings } from '../components/hidden-flag/hidden-flag.strings.js';
import { hiddenFlagStringsEs } from '../components/hidden-flag/hidden-flag.strings.es.js';
import { markWithheld } from '../components/core/fhir/withheld-mark.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { sampleBundle } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';

type Lang = 'en' | 'es';
/** The words each element shows in each language, read from the built-in tables. */
const SIGN_IN = { en: sessionStrings.en.signIn, es: sessionStringsEs.signIn };
const PRINT = { en: recordViewerStrings.en.print, es: recordViewerStringsEs.print };
const FLAG_TITLE = { en: hiddenFlagStrings.en.countTitle(2, '2'), es: hiddenFlagStringsEs.countTitle(2, '2') };

const speaksSession = (el: Nip82Session, lang: Lang) => text(el.shadowRoot).includes(SIGN_IN[lang]);
const flagOf = (viewer: Nip82RecordViewer) => $<Nip82HiddenFlag>(viewer, 'nip82-hidden-flag');
const flagTitle = (viewer: Nip82RecordViewer) => text(flagOf(viewer)?.shadowRoot?.querySelector('[part~="title"]'));
/** The viewer's own words and those of the hidden-item flag it renders inside itself. */
const speaksViewer = (el: Nip82RecordViewer, lang: Lang) => buttonByText(el, PRINT[lang]) !== undefined && flagTitle(el) === FLAG_TITLE[lang];

/** A handed-in record from which the patient withheld two items, disclosing how many. */
function withheldBundle(): FhirBundle {
  const hidden = [{ resourceType: 'Condition', id: 'h1' }, { resourceType: 'Observation', id: 'h2' }];
  return markWithheld(sampleBundle() as unknown as FhirBundle, hidden, 'count');
}

/** What the element's shadow root says after each of its renders from now on. */
function renders(el: LitElement): string[] {
  const said: string[] = [];
  el.addController({ hostUpdated: () => said.push(text(el.shadowRoot)) });
  return said;
}

/** A session and a viewer showing a record in a container (with `lang`, if given), once both speak `lang`. */
async function sessionAndViewer(containerLang: Lang | undefined, lang: Lang) {
  const page = await fixture<HTMLDivElement>(
    html`<div lang=${ifDefined(containerLang)}><nip82-session></nip82-session><nip82-record-viewer .bundle=${withheldBundle()}></nip82-record-viewer></div>`,
  );
  const session = page.querySelector<Nip82Session>('nip82-session')!;
  const viewer = page.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
  await waitUntil(() => viewer.status === 'done' && speaksViewer(viewer, lang) && speaksSession(session, lang), `never shown in ${lang}`);
  return { page, session, viewer };
}

describe('elements follow the language of their page', () => {
  const pageLang = document.documentElement.getAttribute('lang');
  beforeEach(() => {
    document.documentElement.lang = 'en';
  });
  // Put back as it was, whatever a test left (a failed one may leave Spanish).
  afterEach(() => {
    if (pageLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.lang = pageLang;
  });

  it('<html lang> switched to Spanish and back: the session, the viewer and the viewer\'s hidden-item flag follow, showing no English while Spanish loads', async () => {
    const { session, viewer } = await sessionAndViewer(undefined, 'en');
    const said = { session: renders(session), viewer: renders(viewer), flag: renders(flagOf(viewer)!) };

    document.documentElement.lang = 'es';
    await waitUntil(() => speaksSession(session, 'es') && speaksViewer(viewer, 'es'), 'the page turned Spanish; the elements did not');
    // Each render since the switch waited for the Spanish pack: none showed the English words.
    expect(said.session.length).to.be.greaterThan(0);
    for (const words of said.session) expect(words).not.to.contain(SIGN_IN.en);
    for (const words of said.viewer) expect(words).not.to.contain(PRINT.en);
    for (const words of said.flag) expect(words).not.to.contain(FLAG_TITLE.en);

    document.documentElement.lang = 'en';
    await waitUntil(() => speaksSession(session, 'en') && speaksViewer(viewer, 'en'), 'the page turned English again; the elements did not');
  });

  it('a container\'s lang, and an element\'s own, turn the elements they reach, and only those', async () => {
    const { page, session, viewer } = await sessionAndViewer('en', 'en');

    page.lang = 'es';
    await waitUntil(() => speaksSession(session, 'es') && speaksViewer(viewer, 'es'), 'the container turned Spanish; the elements did not');

    // The session's own lang: the viewer's language did not change. (Work of its own, such as wording
    // items while the page is idle, may render it meanwhile on a busy machine: never in English.)
    const viewerRenders = renders(viewer);
    session.lang = 'en';
    await waitUntil(() => speaksSession(session, 'en'), 'the session\'s own lang turned English; it did not');
    await viewer.updateComplete;
    for (const words of viewerRenders) expect(words, 'a render of the viewer, whose language stayed').to.contain(PRINT.es).and.not.contain(PRINT.en);
    expect(speaksViewer(viewer, 'es')).to.equal(true);

    // Without a lang of its own, the session takes its container's again.
    session.removeAttribute('lang');
    await waitUntil(() => speaksSession(session, 'es'), 'the session never took its container\'s language again');
    page.lang = 'en';
    await waitUntil(() => speaksSession(session, 'en') && speaksViewer(viewer, 'en'), 'the container turned English again; the elements did not');
  });

  it('an element removed from the page is followed no more, and followed again once put back', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <div lang="es"><nip82-session id="gone"></nip82-session></div>
      <nip82-session id="stays"></nip82-session>
    </div>`);
    const gone = page.querySelector<Nip82Session>('#gone')!;
    const stays = page.querySelector<Nip82Session>('#stays')!;
    await waitUntil(() => speaksSession(gone, 'es') && speaksSession(stays, 'en'), 'never shown');

    // Out of the page it has no lang above it: its language is no longer the Spanish it shows,
    // so any change of the page's language would render it, were it still followed.
    gone.remove();
    const goneRenders = renders(gone);
    document.documentElement.lang = 'es';
    await waitUntil(() => speaksSession(stays, 'es'), 'the page turned Spanish; the session on it did not');
    await gone.updateComplete;
    expect(goneRenders, 'renders of the removed session').to.deep.equal([]);
    expect(speaksSession(gone, 'es')).to.equal(true);

    // Put back under an English container: it speaks its new place's language with no host code.
    const english = document.createElement('div');
    english.lang = 'en';
    english.append(gone);
    page.append(english);
    await waitUntil(() => speaksSession(gone, 'en'), 'put back under lang="en", the session kept its Spanish');
    expect(speaksSession(stays, 'es')).to.equal(true);
  });

  it('a lang changed inside the shadow roots of the host\'s own components reaches the elements there, with no host code', async () => {
    // A portal built of components of its own: its shell renders a panel, whose shadow root holds the session.
    const shell = document.createElement('div');
    const shellRoot = shell.attachShadow({ mode: 'open' });
    shellRoot.innerHTML = '<main lang="en"><div id="panel"></div></main>';
    const panelRoot = shellRoot.querySelector('#panel')!.attachShadow({ mode: 'open' });
    panelRoot.innerHTML = '<section lang="en"><nip82-session></nip82-session></section>';
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    page.append(shell);
    const session = panelRoot.querySelector<Nip82Session>('nip82-session')!;
    await waitUntil(() => speaksSession(session, 'en'), 'never shown');

    // A switcher inside the panel's own shadow root, then one in the shell's around it.
    panelRoot.querySelector('section')!.lang = 'es';
    await waitUntil(() => speaksSession(session, 'es'), 'the panel turned Spanish; the session in it did not');
    panelRoot.querySelector('section')!.removeAttribute('lang');
    shellRoot.querySelector('main')!.lang = 'es';
    await waitUntil(() => speaksSession(session, 'es'), 'lost its language');
    shellRoot.querySelector('main')!.lang = 'en';
    await waitUntil(() => speaksSession(session, 'en'), 'the shell turned English; the session in its panel did not');

    // The shell moved into another component's shadow root: changes there are followed as well.
    const other = document.createElement('div');
    const otherRoot = other.attachShadow({ mode: 'open' });
    otherRoot.innerHTML = '<article lang="en"></article>';
    page.append(other);
    shellRoot.querySelector('main')!.removeAttribute('lang');
    otherRoot.querySelector('article')!.append(shell);
    await waitUntil(() => speaksSession(session, 'en'), 'lost its words when moved');
    otherRoot.querySelector('article')!.lang = 'es';
    await waitUntil(() => speaksSession(session, 'es'), 'moved into another component, the shell\'s session did not follow its lang');
  });
});
