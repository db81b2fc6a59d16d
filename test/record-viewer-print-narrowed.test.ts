/**
 * A printout made after a search, or with sections unticked, holds only some of the record; the
 * search box and the section boxes are not printed. The paper says how it was narrowed (the search
 * words, the sections left out, only signed items), so whoever reads it later does not take the
 * printed items for the whole record.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { sampleBundle } from './helpers.js';
import { $, $$ } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** What is on paper: the text of the viewer's laid-out parts under print media. */
const onPaper = (el: Nip82RecordViewer) =>
  [...el.shadowRoot!.children].filter((c) => c.localName !== 'style').map((c) => (c as HTMLElement).innerText).join('\n').replace(/\s+/g, ' ');

async function search(el: Nip82RecordViewer, words: string): Promise<void> {
  const field = $<HTMLInputElement>(el, '#search')!;
  field.value = words;
  field.dispatchEvent(new Event('input'));
  await waitUntil(() => $$(el, '[part=item]').length === (words ? 1 : 4), 'the search never narrowed the list');
  await el.updateComplete;
}

describe('the record viewer: a narrowed printout says how it was narrowed', () => {
  afterEach(async () => { await emulateMedia({ media: 'screen' }); });

  it('a search: the paper names the words; unticked sections: the paper names them', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${sampleBundle('nostr:npub1xyz')}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 4, 'the items never showed');
    await el.updateComplete;
    await emulateMedia({ media: 'print' });
    expect(onPaper(el), 'the whole record printed').not.to.match(/matching|left out/);
    await emulateMedia({ media: 'screen' });

    await search(el, 'penicillin');
    await emulateMedia({ media: 'print' });
    expect(onPaper(el)).to.contain('Only items matching “penicillin”');
    await emulateMedia({ media: 'screen' });

    await search(el, '');
    const box = $$<HTMLInputElement>(el, 'input[name=section]').find((b) => b.value === 'problems')!;
    box.click();
    await el.updateComplete;
    await emulateMedia({ media: 'print' });
    expect(onPaper(el)).to.contain('Sections left out: Conditions');
    // On screen, the boxes say it already.
    await emulateMedia({ media: 'screen' });
    expect($(el, '.narrowed')?.getClientRects().length ?? 0, 'shown on screen').to.equal(0);
  });
});
