/**
 * Which words name an item: the concept's own text when it has some (without a terminology tag),
 * else the first coding that has a display, in the record's order; a coding without one, or a
 * value that is no coding at all, is passed over. The viewer stops looking at the first words it
 * finds (a large record has thousands of concepts), and names every item as before.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const SCT = 'http://snomed.info/sct';
let n = 0;
const condition = (code: unknown, recordedDate: string) => ({
  fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000008${String(++n).padStart(2, '0')}`,
  resource: { resourceType: 'Condition', code, recordedDate },
});

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    condition({ text: 'Seasonal allergy', coding: [{ system: SCT, code: '1', display: 'Allergic rhinitis (disorder)' }] }, '2024-01'),
    condition({ text: 'Hypertension (disorder)', coding: [{ system: SCT, code: '2', display: 'Essential hypertension' }] }, '2023-01'),
    condition({ text: '   ', coding: [{ system: SCT, code: '3' }, null, 'not a coding', { display: '(finding)' }, { display: 'Asthma (disorder)' }, { display: 'Reactive airway' }] }, '2022-01'),
    condition({ text: 42, coding: { system: SCT, code: '4', display: 'Migraine (disorder)' } }, '2021-01'),
    condition({ coding: [{ system: SCT, code: '5', display: '  Gout  ' }] }, '2020-01'),
  ],
} as unknown as FhirBundle;

describe('record viewer: the words that name an item', () => {
  it("reads the concept's text first, else the first coding with a display, each without its tag", async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 5, 'the items never showed');
    expect($$(el, '[part=item] .title').map(text)).to.deep.equal(['Seasonal allergy', 'Hypertension', 'Asthma', 'Migraine', 'Gout']);
  });
});
