// A patient sees a lab value "1e-7 mol/L" (JavaScript exponent notation) for a result of 0.0000001 mol/L;
// they should see the number as a decimal (0.0000001), never "1e-7" or "1e+21".
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
      resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Estradiol' }, effectiveDateTime: '2024-01-05',
      // As JSON.parse hands it over from "value": 0.0000001.
      valueQuantity: { value: JSON.parse('0.0000001') as number, unit: 'mol/L' },
    },
  }],
};

describe('record viewer: very small decimals', () => {
  it('shows a decimal, not exponent notation', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 1, 'the item never showed');
    expect(text($$(el, '[part=item]')[0])).not.to.match(/\de[-+]?\d/);
  });
});
