// An Observation whose value is a period with both ends shows both moments formatted like every other date,
// never as raw timestamps ("2020-01-01T08:00:00Z – 2020-01-03T08:00:00Z").
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const bundle: FhirBundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [{
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    resource: {
      resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Time in hospital' }, effectiveDateTime: '2020-01-04',
      valuePeriod: { start: '2020-01-01T08:00:00Z', end: '2020-01-03T08:00:00Z' },
    },
  }],
};

describe('record viewer: an Observation whose value is a Period', () => {
  it('formats both ends of the period', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 1, 'the item never showed');
    const shown = text($$(el, '[part=item]')[0]);
    expect(shown).not.to.match(/\d{4}-\d{2}-\d{2}T/);
    expect(shown).to.match(/Jan 1, 2020.* – Jan 3, 2020/);
  });
});
