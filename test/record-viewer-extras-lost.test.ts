/**
 * When the page's server cannot give the viewer's extras (record-extras.ts: a dropped connection),
 * the fetch fails for real here (scripts/wtr-lost-module-plugin.mjs): pressing Download says that
 * part of the page could not be loaded, so no copy was downloaded, downloads nothing, and the focus
 * stays on the button; a lens table's item still shows its other facts, and the viewer says what is
 * not shown. Once the connection is back, "Try again" shows the table and Download downloads: no
 * reload needed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { sampleBundle } from './helpers.js';
import { $, text } from './element-helpers.js';
import { catchDownloads, EXTRAS_MODULE, extrasBundle } from './record-extras-helpers.js';
import { waitUntil } from './wait.js';

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
      expect(text($(el, '.lost-part'))).to.equal('Part of this page could not be loaded, so no copy was downloaded. Check your internet connection, then press “Download a copy” again.');
      // Nothing on screen needs the part: no button but Download's own fetches it again.
      expect($(el, '.lost-part button')).to.equal(null);
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
    expect(text($(el, '.lost-part p'))).to.equal('Part of this page could not be loaded, so some details on this page are not shown, such as tables or attached files. Check your internet connection, then try again.');
    expect(text($(el, 'section[data-section="vision"]'))).to.contain('Dr. Okafor');
    expect($(el, 'table.lenses')).to.equal(null);
    el.lang = 'es';
    await waitUntil(() => text($(el, '.lost-part p')) === 'No se pudo cargar una parte de esta página, así que no se muestran algunos detalles de la página, como tablas o archivos adjuntos. Compruebe su conexión a internet y vuelva a intentarlo.', `in Spanish: ${text($(el, '.lost-part'))}`);
    el.lang = 'en';
    await waitUntil(() => text($(el, '.lost-part button')) === 'Try again', 'no button to try again');
    await expect(el).to.be.accessible();
  });

  // Last: it gives the part back to this page.
  it('once the connection is back, "Try again" shows the lens table and the keyboard lands on the record; Download, pressed again, downloads', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${extrasBundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    const download = $<HTMLButtonElement>(el, 'button.export')!;
    const { downloads, restore } = catchDownloads();
    try {
      download.click();
      await el.updateComplete;
      await waitUntil(() => text($(el, '.lost-part')).includes('so no copy was downloaded'), `said: ${text($(el, '.lost-part'))}`);
      expect(downloads).to.have.length(0);

      await executeServerCommand('find-module', { path: EXTRAS_MODULE });
      const again = $<HTMLButtonElement>(el, '.lost-part button')!;
      again.focus();
      again.click();
      await waitUntil(() => $(el, 'table.lenses'), 'the lens table never showed');
      // What was not downloaded is still said, until Download is pressed again.
      await el.updateComplete;
      expect(text($(el, '.lost-part'))).to.equal('Part of this page could not be loaded, so no copy was downloaded. Check your internet connection, then press “Download a copy” again.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, 'article[part=record] h2'));
      download.click();
      await waitUntil(() => downloads.length === 1, 'nothing was downloaded');
      await el.updateComplete;
      expect($(el, '.lost-part')).to.equal(null);
    } finally {
      restore();
    }
  });
});
