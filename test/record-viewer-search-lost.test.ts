/**
 * The viewer's search is a part fetched on demand (record-search.ts). When the page's server cannot
 * give it (a dropped connection), the fetch fails for real here: the test runner aborts the page's
 * requests for that module (scripts/wtr-lost-module-plugin.mjs), so the element has no hook for it.
 * The reader is told only once they search, the count never says a search is under way that is
 * not, the list stays as it was, and the focus stays in the search box.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { sampleBundle } from './helpers.js';
import { $, $$, shownLiveRegions, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const SEARCH_MODULE = '/components/record-viewer/record-search';
const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
const aborted = async () => (await executeServerCommand<string[], undefined>('lost-module-requests'))!;

/** Types into the viewer's search box, focused, as a reader would. */
function search(el: Nip82RecordViewer, words: string): HTMLInputElement {
  const input = $<HTMLInputElement>(el, 'input[type=search]')!;
  input.focus();
  input.value = words;
  input.dispatchEvent(new Event('input'));
  return input;
}

describe('<nip82-record-viewer> when its search could not be fetched', () => {
  before(async () => {
    // Before anything in this page fetched the search.
    await executeServerCommand('lose-module', { path: SEARCH_MODULE });
  });

  // First: the search typed as the record opens is what fetches the part.
  it('a search typed as the record opens says the part is lost, no longer says it is searching, and keeps the list and the focus', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${sampleBundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    const before = $$(el, '[part=item]').map((li) => text(li));
    expect(before.length).to.be.greaterThan(1);
    const input = search(el, 'penicillin');
    // updateComplete waits for the search that was asked for: here, its failed fetch.
    await el.updateComplete;
    expect((await aborted()).length, 'the search module was requested, and the request failed').to.be.greaterThan(0);
    expect(text($(el, '.lost-part p'))).to.equal('Part of this page could not be loaded, so the search did not run. Check your internet connection, then try again.');
    expect(text($(el, '.lost-part'))).not.to.match(/reload/i);
    // Heard too, as it appears: a screen-reader user who typed hears why nothing was found.
    expect(shownLiveRegions(el).map((r) => text(r)).join(' | ')).to.match(/Part of this page could not be loaded/);
    const count = text($(el, '.count'));
    expect(count).not.to.match(/searching/i);
    expect(count).to.contain(`Showing ${before.length} of ${before.length} items`);
    expect($$(el, '[part=item]').map((li) => text(li))).to.deep.equal(before);
    expect(el.shadowRoot!.activeElement).to.equal(input);
    // The next word fetches it again (the reader needs it), and says the same.
    search(el, 'penicillin allergy');
    await el.updateComplete;
    expect(text($(el, '.count'))).not.to.match(/searching/i);
    expect($(el, '.lost-part')).to.exist;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    await expect(el).to.be.accessible();
  });

  it('fetched ahead while the page is idle, its loss is said only once the reader searches', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${sampleBundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    // The page fetches the search once idle (this test alone), or did for the test above: wait until
    // a request was refused, then until the page has handled the failure (the same module, imported
    // here, fails once it has failed). A failed part stays failed until a fetch succeeds.
    await waitUntil(async () => (await aborted()).length > 0, 'the search was never fetched ahead');
    const url = (await aborted()).at(-1)!;
    expect(await import(/* @vite-ignore */ url).then(() => 'arrived', () => 'failed')).to.equal('failed');
    await idle();
    await el.updateComplete;
    expect($(el, '.lost-part'), 'said before the reader searched').to.equal(null);
    const all = $$(el, '[part=item]').length;
    expect(text($(el, '.count'))).to.equal(`Showing ${all} of ${all} items`);
    const input = search(el, 'penicillin');
    await el.updateComplete;
    expect(text($(el, '.lost-part'))).to.match(/Part of this page could not be loaded/);
    expect(text($(el, '.count'))).not.to.match(/searching/i);
    expect($$(el, '[part=item]')).to.have.length(all);
    expect(el.shadowRoot!.activeElement).to.equal(input);
    // Cleared: nothing the reader asks for needs the part, and nothing says it is lost.
    search(el, '');
    await el.updateComplete;
    expect($(el, '.lost-part')).to.equal(null);
  });

  // Last: it gives the part back to this page.
  it('says so in Spanish too; once the connection is back, "Try again" runs the search typed, and the reader goes on in the search box', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${sampleBundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    const all = $$(el, '[part=item]').length;
    search(el, 'penicillin');
    await el.updateComplete;
    await waitUntil(() => $(el, '.lost-part'), 'the loss was never said');
    el.lang = 'es';
    await waitUntil(() => text($(el, '.lost-part p')) === 'No se pudo cargar una parte de esta página, así que la búsqueda no se hizo. Compruebe su conexión a internet y vuelva a intentarlo.', `in Spanish: ${text($(el, '.lost-part'))}`);
    el.lang = 'en';
    await waitUntil(() => text($(el, '.lost-part button')) === 'Try again', 'no button to try again');

    await executeServerCommand('find-module', { path: SEARCH_MODULE });
    const again = $<HTMLButtonElement>(el, '.lost-part button')!;
    again.focus();
    again.click();
    await waitUntil(() => $(el, '.lost-part') === null, `still said: ${text($(el, '.lost-part'))}`);
    await el.updateComplete;
    const found = $$(el, '[part=item]').map((li) => text(li));
    expect(found.length).to.be.greaterThan(0).and.lessThan(all);
    expect(found.every((item) => /penicillin/i.test(item)), found.join(' | ')).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[type=search]'));
  });
});
