// A record's decimals are written with the page language's decimal mark, every digit kept: 0.125
// reads "0,125" on a Spanish page (never rounded to "0,13"), "0.125" on an English one. The
// record's own text is shown as written.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const entry = (id: string, resource: Record<string, unknown>) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000000${id}`, resource });

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    entry('1', {
      resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Temperature' }, effectiveDateTime: '2024-01-05',
      valueQuantity: { value: 98.6, unit: '°F' },
      referenceRange: [{ low: { value: 97.8, unit: '°F' }, high: { value: 99.1, unit: '°F' } }],
    }),
    entry('2', {
      resourceType: 'Observation', id: 'o2', status: 'final', code: { text: 'Clearance ratio' }, effectiveDateTime: '2024-01-06',
      component: [{ code: { text: 'Ratio' }, valueDecimal: 0.125, referenceRange: [{ high: { value: 0.25 } }] }],
    }),
    entry('3', {
      resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', authoredOn: '2024-01-07',
      medicationCodeableConcept: { text: 'Digoxin 0.125 mg tablet' },
      dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 0.5, unit: 'tablet' } }], timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } }],
    }),
    entry('4', {
      resourceType: 'VisionPrescription', id: 'v1', status: 'active', dateWritten: '2024-01-08',
      lensSpecification: [{ eye: 'right', sphere: -2.25, cylinder: -0.5, axis: 180, add: 1.5, prism: [{ amount: 0.5, base: 'down' }] }],
    }),
  ],
} as unknown as FhirBundle;

async function shown(lang: string) {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} .bundle=${bundle}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, '[part=item]').length === 4, 'the items never showed');
  const lens = [...$$(el, 'table.lenses tbody tr')[0]!.querySelectorAll('td')].map((td) => text(td));
  return { items: $$(el, '[part=item]').map((item) => text(item)).join(' | '), lens };
}

describe('record viewer: decimals as the page language writes them', () => {
  it('Spanish: a decimal comma, every digit kept', async () => {
    const { items, lens } = await shown('es');
    expect(items).to.contain('98,6 °F');
    expect(items).to.contain('97,8–99,1 °F');
    expect(items).to.contain('0,125 (≤ 0,25)');
    expect(items).to.contain('0,5 tablet, una vez al día');
    // The medicine's name is the record's own text, shown as written.
    expect(items).to.contain('Digoxin 0.125 mg tablet');
    expect(lens.slice(0, 5)).to.deep.equal(['-2,25', '-0,5', '180', '+1,5', '0,5 base abajo']);
  });

  it('English: a decimal point, as before', async () => {
    const { items, lens } = await shown('en');
    expect(items).to.contain('98.6 °F');
    expect(items).to.contain('97.8–99.1 °F');
    expect(items).to.contain('0.125 (≤ 0.25)');
    expect(items).to.contain('0.5 tablet, once a day');
    expect(lens.slice(0, 5)).to.deep.equal(['-2.25', '-0.5', '180', '+1.5', '0.5 base down']);
  });
});
