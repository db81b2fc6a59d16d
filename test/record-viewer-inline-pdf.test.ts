/**
 * A hospital's discharge summary as a PDF: one export puts the file inside the record (base64
 * `data`), another links it (`url`). The viewer opens neither, and tells the truth about each: the
 * linked one is stored elsewhere, the inline one is in the record (not "stored elsewhere").
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [{
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000601',
    resource: {
      resourceType: 'DocumentReference', status: 'current', type: { text: 'Discharge summary' }, date: '2024-01-05T12:00:00Z',
      content: [
        { attachment: { contentType: 'application/pdf', data: 'JVBERi0xLjQKJeLjz9MK', title: 'Discharge.pdf' } },
        { attachment: { contentType: 'application/pdf', url: 'https://ehr.example.org/doc/1.pdf', title: 'Linked.pdf' } },
      ],
    },
  }],
} as unknown as FhirBundle;

async function attachments(lang: string): Promise<string[]> {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} .bundle=${bundle}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, '[part=item] .attachment').length === 2, 'the attachments never showed');
  const item = $$(el, '[part=item]')[0]!;
  expect(item.querySelector('a[href], iframe, embed, object, img'), 'nothing of the file is opened or linked').to.equal(null);
  return $$(el, '[part=item] .attachment').map(text);
}

describe('record viewer: a PDF inside the record and one linked', () => {
  it('English', async () => {
    expect(await attachments('en')).to.deep.equal([
      'Attachment: Discharge.pdf — A file in this record that cannot be shown here.',
      'Attachment: Linked.pdf — Stored elsewhere; not loaded.',
    ]);
  });

  it('Spanish', async () => {
    const shown = await attachments('es');
    expect(shown[0]).to.match(/Discharge\.pdf — Un archivo de este historial que no se puede mostrar aquí\.$/);
    expect(shown[1]).to.match(/Linked\.pdf — Guardado en otro lugar; no se cargó\.$/);
  });
});
