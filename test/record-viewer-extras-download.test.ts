/**
 * The download of a record's Bundle is in a part of the viewer fetched the first time the reader
 * presses Download (record-extras.ts): pressed in a fresh page, it still downloads the same JSON
 * under the same name, once, and the focus stays on the button.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { sampleBundle } from './helpers.js';
import { $ } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { catchDownloads, EXTRAS_MODULE, extrasFetched } from './record-extras-helpers.js';

const held = async () => (await executeServerCommand<string[], undefined>('held-module-requests'))!;

describe('<nip82-record-viewer> Download, fetched when first pressed', () => {
  it('downloads the same JSON from a viewer whose part was not fetched yet', async () => {
    // Held on its way, so that the test sees the press wait for it (then let through).
    await executeServerCommand('hold-module', { path: EXTRAS_MODULE });
    const bundle = { ...sampleBundle(), identifier: { value: 'urn:uuid:0a0b0c0d-1111-4222-8333-944455556666' } };
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${bundle}></nip82-record-viewer>`);
    await el.updateComplete;
    expect(extrasFetched(), 'fetched before the press').to.equal(false);
    const { downloads, restore } = catchDownloads();
    try {
      const button = $<HTMLButtonElement>(el, 'button.export')!;
      button.focus();
      button.click();
      await waitUntil(async () => (await held()).length > 0, 'the part was never asked for');
      expect(downloads, 'downloaded before the part arrived').to.have.length(0);
      await executeServerCommand('release-module', { path: EXTRAS_MODULE });
      // updateComplete waits for the part on its way; the download starts as it arrives.
      await el.updateComplete;
      expect(downloads).to.have.length(1);
      expect(downloads[0]!.name).to.equal('health-record-0a0b0c0d-1111-4222-8333-944455556666.json');
      expect(downloads[0]!.href).to.match(/^blob:/);
      expect(await (await fetch(downloads[0]!.href)).text()).to.equal(JSON.stringify(bundle, null, 2));
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect($(el, '.lost-part')).to.equal(null);
      // The part is here now: a second press downloads at once, from the press itself.
      button.click();
      expect(downloads).to.have.length(2);
    } finally {
      restore();
    }
  });
});
