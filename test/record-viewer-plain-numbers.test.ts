// A lab value of 0.0000001 mol/L reads as that decimal, never in JavaScript's exponent notation ("1e-7", "1e+21"):
// the digits are the record's own, only written out.
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
  }, {
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002',
    resource: {
      resourceType: 'Observation', id: 'o2', status: 'final', code: { text: 'Particle count' }, effectiveDateTime: '2024-01-06',
      valueQuantity: { value: JSON.parse('1e21') as number, unit: '/L' },
    },
  }],
};

describe('record viewer: very small and very large decimals', () => {
  it('shows each as a decimal, not in exponent notation', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 2, 'the items never showed');
    const shown = $$(el, '[part=item]').map((item) => text(item)).join(' | ');
    expect(shown).not.to.match(/\de[-+]?\d/);
    expect(shown).to.contain('0.0000001 mol/L');
    expect(shown).to.contain('1000000000000000000000 /L');
  });
});
