/**
 * When the page's server cannot give the viewer's extras (record-extras.ts: a dropped connection),
 * the fetch fails for real here (scripts/wtr-lost-module-plugin.mjs): pressing Download says that
 * part of the page could not be loaded, downloads nothing, and the focus stays on the button; a
 * lens table's item still shows its other facts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { sampleBundle } from './helpers.js';
import { $, text } from './element-helpers.js';
import { catchDownloads, EXTRAS_MODULE, extrasBundle } from './record-extras-helpers.js';

const aborted = async () => (await executeServerCommand<string[], undefined>('lost-module-requests'))!;

describe('<nip82-record-viewer> when its extras could not be fetched', () => {
  before(async () => {
    // Before anything in this page fetched the extras.
    await executeServerCommand('lose-module', { path: EXTRAS_MODULE });
  });

  it('Download says the part is lost, downloads nothing, and keeps the focus on the button', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${sampleBundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    expect($(el, '.lost-part'), 'said before anything needed the part').to.equal(null);
    const { downloads, restore } = catchDownloads();
    try {
      const button = $<HTMLButtonElement>(el, 'button.export')!;
      button.focus();
      button.click();
      // updateComplete waits for the part asked for: here, its failed fetch.
      await el.updateComplete;
      expect((await aborted()).length, 'the part was requested, and the request failed').to.be.greaterThan(0);
      expect(text($(el, '.lost-part'))).to.match(/Part of this page could not be loaded.*reload the page/);
      expect(downloads).to.have.length(0);
      expect(el.shadowRoot!.activeElement).to.equal(button);
      // Pressed again, it is asked for again (the reader needs it), and says the same.
      button.click();
      await el.updateComplete;
      expect($(el, '.lost-part')).to.exist;
      expect(downloads).to.have.length(0);
      expect(el.shadowRoot!.activeElement).to.equal(button);
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('a lens table or an attachment that cannot be shown is said, and the items show the rest', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${extrasBundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    expect(text($(el, '.lost-part'))).to.match(/Part of this page could not be loaded/);
    expect(text($(el, 'section[data-section="vision"]'))).to.contain('Dr. Okafor');
    expect($(el, 'table.lenses')).to.equal(null);
  });
});
