/**
 * Some exports name an item with nothing but a terminology tag ("(disorder)"), or put the tag alone
 * in the item's own words and the name in the coding. The viewer never shows the bare tag: it reads
 * the coding's name, else what it says of any item without a name.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000a01', resource: { resourceType: 'Condition', code: { coding: [{ system: 'http://snomed.info/sct', display: '(disorder)' }] }, recordedDate: '2019-05' } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000a02', resource: { resourceType: 'Condition', code: { text: '(disorder)', coding: [{ system: 'http://snomed.info/sct', code: '2', display: 'Asthma (disorder)' }] }, recordedDate: '2020-05' } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000a03', resource: { resourceType: 'Condition', code: { coding: [{ system: 'http://snomed.info/sct' }] }, recordedDate: '2018-05' } },
  ],
} as unknown as FhirBundle;

describe('record viewer: a name that is only a terminology tag', () => {
  it('never shows the bare tag', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 3, 'the items never showed');
    const titles = $$(el, '[part=item] .title').map(text);
    expect(titles.filter((t) => t.includes('(disorder)')), 'titles showing the tag').to.deep.equal([]);
    expect(titles).to.include('Asthma');
    // The one named only by its tag reads like the one with no name at all.
    const unnamed = titles.filter((t) => t !== 'Asthma');
    expect(unnamed).to.have.length(2);
    expect(unnamed[0]).to.equal(unnamed[1]);
    expect(unnamed[0]).to.not.equal('');
  });
});
