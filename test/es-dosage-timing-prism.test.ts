// How often a dose is taken and which way a glasses prism points read as words in the page's
// language, never as the record's codes ("1× / 1 wk", "0.5 up").
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [{
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    resource: {
      resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', authoredOn: '2024-03-01',
      medicationCodeableConcept: { text: 'Methotrexate' },
      dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk' } } }],
    },
  }, {
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002',
    resource: {
      resourceType: 'MedicationRequest', id: 'm2', status: 'active', intent: 'order', authoredOn: '2024-03-02',
      medicationCodeableConcept: { text: 'Ibuprofen' },
      dosageInstruction: [{ timing: { repeat: { frequency: 3, period: 8, periodUnit: 'h' } } }],
    },
  }, {
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000003',
    resource: {
      resourceType: 'VisionPrescription', id: 'v1', status: 'active', dateWritten: '2024-03-03',
      lensSpecification: [
        { eye: 'right', sphere: -1, prism: [{ amount: 2, base: 'up' }] },
        { eye: 'left', sphere: -1, prism: [{ amount: 1, base: 'in' }, { amount: 3, base: 'out' }] },
      ],
    },
  }],
} as unknown as FhirBundle;

async function shown(lang: string) {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} .bundle=${bundle}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, '[part=item]').length === 3, 'the items never showed');
  const items = $$(el, '[part=item]').map((item) => text(item));
  const prisms = $$(el, 'table.lenses tbody tr').map((tr) => text(tr.querySelectorAll('td')[4]));
  return { items: items.join(' | '), prisms };
}

describe('record viewer: dose timing and prism base in words', () => {
  it('English', async () => {
    const { items, prisms } = await shown('en');
    expect(items).to.contain('once a week');
    expect(items).to.contain('3 times every 8 hours');
    expect(prisms).to.deep.equal(['2 base up', '1 base in, 3 base out']);
    expect(items).not.to.match(/×|\bwk\b|\b8 h\b/);
  });

  it('Spanish', async () => {
    const { items, prisms } = await shown('es');
    expect(items).to.contain('una vez a la semana');
    expect(items).to.contain('3 veces cada 8 horas');
    expect(prisms).to.deep.equal(['2 base arriba', '1 base interna, 3 base externa']);
    expect(items).not.to.match(/×|\bwk\b|\b8 h\b|\bup\b|\bin\b|\bout\b/);
  });
});
