/**
 * The timeline places dated items only. Items the filters keep but no date places are not left out
 * in silence ("Showing 60 of 62 items" with every filter on): a line under it says how many, and
 * that the summary lists them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $, $$, text } from './element-helpers.js';

const entry = (id: string, resource: Record<string, unknown>) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000000${id}`, resource: { id, ...resource } as never });
const bundle: FhirBundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    entry('1', { resourceType: 'Patient', name: [{ text: 'Ana Rivera' }] }),
    entry('2', { resourceType: 'Device', status: 'active', type: { text: 'Manual wheelchair' } }),
    entry('3', { resourceType: 'Immunization', status: 'completed', vaccineCode: { text: 'Tetanus' }, occurrenceDateTime: '2021-05-01' }),
  ],
};

describe('the record viewer: undated items and the timeline', () => {
  it('says how many items have no date and are not on the timeline', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" mode="timeline" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 1, 'the dated item shows');
    await el.updateComplete;
    expect(text($(el, '[part=undated]'))).to.equal('2 items have no date, so they are not on the timeline. The summary lists them.');
    const es = (await fixture<HTMLDivElement>(html`<div lang="es"><nip82-record-viewer mode="timeline" .bundle=${bundle}></nip82-record-viewer></div>`)).firstElementChild as Nip82RecordViewer;
    await waitUntil(() => $$(es, '[part=item]').length === 1, 'the dated item shows, in Spanish');
    await es.updateComplete;
    expect(text($(es, '[part=undated]'))).to.equal('2 elementos no tienen fecha, así que no están en la cronología. El resumen los incluye.');
    // In the summary every item is listed: nothing to say there.
    el.mode = 'summary';
    await el.updateComplete;
    expect($$(el, '[part=item]').length).to.equal(3);
    expect($(el, '[part=undated]')).to.equal(null);
  });
});
