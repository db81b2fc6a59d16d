/**
 * When the filters alone leave nothing to show (no search typed), the viewer says so, rather than
 * "Nothing matches this search." about a search the reader never made; with words typed, it still
 * speaks of the search.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { sampleBundle } from './helpers.js';
import { waitUntil } from './wait.js';
import { $, text } from './element-helpers.js';

describe('the record viewer when its filters leave nothing', () => {
  it('says the filters left nothing, in English and Spanish; a search that finds nothing still says so', async () => {
    // A Bundle handed in carries nobody's signature: "only items signed by someone other than the patient" leaves none.
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" signed-only .bundle=${sampleBundle()}></nip82-record-viewer>`);
    await waitUntil(() => $(el, '.found .empty'), 'nothing was said of the empty list');
    expect(text($(el, '.found .empty'))).to.equal('Nothing is left to show with the filters chosen.');
    el.lang = 'es';
    await waitUntil(() => text($(el, '.found .empty')) !== 'Nothing is left to show with the filters chosen.', 'no Spanish words');
    expect(text($(el, '.found .empty'))).to.equal('No queda nada que mostrar con los filtros elegidos.');
    el.lang = 'en';
    el.signedOnly = false;
    await waitUntil(() => !$(el, '.found .empty'), 'the items never came back');
    $<HTMLInputElement>(el, '#search')!.focus();
    await sendKeys({ type: 'zzzqqq' });
    await waitUntil(() => $(el, '.found .empty'), 'the search that finds nothing was not said');
    expect(text($(el, '.found .empty'))).to.equal('Nothing matches this search.');
  });
});
