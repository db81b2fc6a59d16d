/**
 * A document's text sits under "Document text", closed on screen. Printed, the paper carries the
 * text itself, not only the word "Document text" with nothing under it: a letter or a visit note
 * is what the reader prints the record for. On screen it stays closed as it was.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { waitUntil } from './wait.js';
import { $$ } from './element-helpers.js';
import { b64, entryOf } from './record-extras-helpers.js';

const letter = {
  resourceType: 'DocumentReference', id: 'd1', status: 'current', type: { text: 'Referral letter' }, date: '2024-03-01',
  content: [{ attachment: { contentType: 'text/plain', data: b64('Please see Ms Baker about her ankle.') } }],
};

describe('<nip82-record-viewer> printed: a document\'s text is on paper', () => {
  afterEach(async () => { await emulateMedia({ media: 'screen' }); });

  it('prints the text under a closed "Document text", and leaves it closed on screen', async () => {
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [entryOf(letter as never, 2)] } as FhirBundle;
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'details.attachment pre').length === 1, 'the document\'s text');
    const pre = () => $$(el, 'details.attachment pre')[0]!;
    expect(pre().checkVisibility(), 'closed on screen').to.equal(false);
    await emulateMedia({ media: 'print' });
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect(pre().checkVisibility(), 'the text laid out on paper').to.equal(true);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    await emulateMedia({ media: 'screen' });
    expect(pre().checkVisibility(), 'closed again on screen').to.equal(false);
  });
});
