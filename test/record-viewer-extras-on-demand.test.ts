/**
 * A glasses prescription's lens table and a document's attachments are in a part of the viewer
 * fetched the first time an item with either is shown (record-extras.ts): the items show them once
 * it arrives, as they did before, and updateComplete waits for it. A record with neither does not
 * fetch it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { sampleBundle } from './helpers.js';
import { $, $$, text } from './element-helpers.js';
import { extrasBundle, extrasFetched, PIXEL } from './record-extras-helpers.js';

const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
const section = (el: Nip82RecordViewer, key: string) => $(el, `section[data-section="${key}"]`)!;

describe('<nip82-record-viewer> lens tables and attachments fetched when first shown', () => {
  // First: nothing before it in this page has needed the part.
  it('a record with neither does not fetch them, even once the page is idle', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${sampleBundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    expect(text($(el, 'article[part=record]'))).to.contain('Penicillin');
    await idle();
    await el.updateComplete;
    expect(extrasFetched()).to.equal(false);
  });

  it('shows the lens table and the attachments once the part arrived, as before', async () => {
    expect(extrasFetched(), 'fetched before a record needed it').to.equal(false);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${extrasBundle()}></nip82-record-viewer>`);
    // updateComplete waits for the part: no host sees the items without what they show.
    await el.updateComplete;
    expect(extrasFetched()).to.equal(true);
    const rows = [...section(el, 'vision').querySelectorAll('table tr')].map((tr) => [...tr.children].map((c) => text(c)));
    expect(rows).to.deep.equal([
      ['Eye', 'Sphere', 'Cylinder', 'Axis', 'Add', 'Prism', 'Product'],
      ['Right', '-2.25', '-0.5', '180', '+1.5', '0.5 base down', 'Spectacles'],
      ['Left', '-1.75', '-0.25', '175', '+1.5', '', 'Spectacles'],
    ]);
    expect(text(section(el, 'vision').querySelector('caption'))).to.not.equal('');
    expect(text(section(el, 'vision'))).to.contain('Dr. Okafor');
    const docs = section(el, 'documents');
    expect(text(docs.querySelector('details'))).to.contain('Patient discharged in good health. Señal estable.');
    expect(text(docs)).to.contain('xray.png').and.contain('not loaded');
    expect(docs.querySelector('img, a[href], iframe, object, embed')).to.equal(null);
    expect(performance.getEntriesByType('resource').some((e) => e.name === PIXEL)).to.equal(false);
    expect($(el, '.lost-part')).to.equal(null);
    // Each item shows them once, not twice.
    expect($$(el, 'table.lenses')).to.have.length(1);
    expect($$(el, '.attachment')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('a viewer made once the part is here shows them at its first render', async () => {
    const el = document.createElement('nip82-record-viewer') as Nip82RecordViewer;
    el.bundle = extrasBundle();
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.append(el);
    await el.updateComplete;
    expect($$(el, 'table.lenses')).to.have.length(1);
    expect($$(el, '.attachment')).to.have.length(2);
  });
});
