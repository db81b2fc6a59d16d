// A day that does not exist ("2021-02-29") is shown as written, not as 1 March; the year 0050 stays 50, not 1950.
// The viewer never shows a date the record did not give.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const bundle = (date: string): FhirBundle => ({
  resourceType: 'Bundle', type: 'collection',
  entry: [{
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Glucose' }, effectiveDateTime: date, valueQuantity: { value: 5.2, unit: 'mmol/L' } },
  }],
});

async function shown(date: string): Promise<string> {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle(date)}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, '[part=item]').length === 1, 'the item never showed');
  return text($$(el, '[part=item] time')[0]);
}

describe('record viewer: impossible or ancient dates', () => {
  it('does not turn 29 February of a common year into 1 March', async () => {
    expect(await shown('2021-02-29')).to.equal('2021-02-29');
    expect(await shown('2020-13-01')).to.equal('2020-13-01');
  });

  it('does not turn the year 0050 into 1950', async () => {
    expect(await shown('0050-06')).not.to.contain('1950');
    expect(await shown('0050-06-15')).not.to.contain('1950');
  });
});
