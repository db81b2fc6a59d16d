/**
 * The viewer's words that only its later parts say (a lens table's, the download's file name) come
 * with those parts (record-extras.strings.ts), not with the viewer. A host's `.strings` set before
 * they arrive still wins over them once they do, in English and Spanish, exactly as before: a word
 * as written, and a plain text given for a file name that is normally made from the record (used as
 * it is); the words not overridden are the built-in ones.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { $, $$, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { catchDownloads, extrasBundle, extrasFetched } from './record-extras-helpers.js';

const overrides = { lensCaption: '⟦Your glasses⟧', downloadName: 'my-record.json' } as unknown as Nip82RecordViewer['strings'];

async function shown(lang: string, strings?: Nip82RecordViewer['strings']) {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} .bundle=${extrasBundle()} .strings=${strings}></nip82-record-viewer>`);
  await waitUntil(() => $(el, 'table.lenses caption') !== null, 'the lens table never showed');
  return el;
}

describe('<nip82-record-viewer>: a host\'s words for the later parts win once they arrive', () => {
  it('English and Spanish: overridden words as set, the others built in', async () => {
    expect(extrasFetched(), 'the later part came with the viewer').to.equal(false);
    const en = await shown('en', overrides);
    const es = await shown('es', overrides);
    const plainEn = await shown('en');
    const plainEs = await shown('es');
    expect(text($(en, 'table.lenses caption')!)).to.equal('⟦Your glasses⟧');
    expect(text($(es, 'table.lenses caption')!)).to.equal('⟦Your glasses⟧');
    expect(text($(plainEn, 'table.lenses caption')!)).to.equal('Lenses');
    expect(text($(plainEs, 'table.lenses caption')!)).to.equal('Lentes');
    expect($$(en, 'table.lenses th').map(text).slice(0, 2)).to.deep.equal(['Eye', 'Sphere']);
    const { downloads, restore } = catchDownloads();
    try {
      for (const el of [en, es, plainEn]) $<HTMLButtonElement>(el, 'button.export')!.click();
      await waitUntil(() => downloads.length === 3, 'not every download started');
      expect(downloads.map((d) => d.name)).to.deep.equal(['my-record.json', 'my-record.json', 'health-record-7e0c1b7e-1111-4222-8333-944455556666.json']);
    } finally {
      restore();
    }
  });

  it('an override of a later word set after the part arrived wins too', async () => {
    const el = await shown('en');
    el.strings = { lensCaption: 'Glasses' } as Nip82RecordViewer['strings'];
    await waitUntil(() => text($(el, 'table.lenses caption')!) === 'Glasses', 'the new caption never showed');
  });
});
