/**
 * A portal's audit log records when health records leave the screen: a copy downloaded, or the
 * records printed (from the Print button or the browser's own menu). Each fires one
 * `nip82-record-export` naming the records by id, never their contents.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82EventDetails } from '../components/shared/events.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { $, $$, buttonByText } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { catchDownloads } from './record-extras-helpers.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-record-viewer> nip82-record-export: what left the screen', function () {
  this.timeout(60000);

  it('fires once per download and once per print, naming the records shown', async () => {
    const author = await person();
    const first = await openRecord(await createRecord({ bundle: sampleBundle(), author: author.signer, participants: [] }), author.signer);
    const second = await openRecord(await createRecord({ bundle: sampleBundle(), author: author.signer, participants: [] }), author.signer);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[first, second]}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'button.export').length === 2, 'both records shown');
    const seen: Nip82EventDetails['nip82-record-export'][] = [];
    el.addEventListener('nip82-record-export', (e) => seen.push(e.detail));
    const id = (r: typeof first) => ({ signPubkey: r.signPubkey, naddrs: [...r.naddrs] });

    const { downloads, restore } = catchDownloads();
    const print = window.print;
    // As a browser does: its own print events around the dialog.
    window.print = () => {
      window.dispatchEvent(new Event('beforeprint'));
      window.dispatchEvent(new Event('afterprint'));
    };
    try {
      $$<HTMLButtonElement>(el, 'button.export')[1]!.click();
      await waitUntil(() => downloads.length === 1, 'nothing was downloaded');
      expect(seen, 'the download').to.deep.equal([{ how: 'download', records: [id(second)] }]);

      buttonByText(el, 'Print')!.click();
      await waitUntil(() => seen.length === 2, 'no event for the print');
      // From the browser's menu: no button pressed.
      window.dispatchEvent(new Event('beforeprint'));
      window.dispatchEvent(new Event('afterprint'));
      await el.updateComplete;
      expect(seen.slice(1), 'the Print button, then the menu').to.deep.equal([
        { how: 'print', records: [id(first), id(second)] },
        { how: 'print', records: [id(first), id(second)] },
      ]);
      expect(JSON.stringify(seen), 'ids only').to.not.match(/Penicillin|resourceType/);
    } finally {
      window.print = print;
      restore();
    }
    expect($(el, '.lost-part')).to.equal(null);
  });
});
