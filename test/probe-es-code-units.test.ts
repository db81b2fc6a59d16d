/**
 * Probe: codes of the record shown as they are written, English abbreviations on a Spanish page.
 * A dosage's timing unit is a FHIR code (s | min | h | d | wk | mo | a): "1× / 1 wk" reads in
 * English, and "a" (a year) reads as nothing. A vision prescription's prism base is a FHIR code
 * (up | down | in | out): the lens table says "0.5 up" under "Prisma".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $, $$, text } from './element-helpers.js';

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    {
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      resource: {
        resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', authoredOn: '2024-01-05',
        medicationCodeableConcept: { text: 'Metotrexato 2,5 mg' },
        dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 4, unit: 'comprimidos' } }], timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk' } } }],
      },
    },
    {
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002',
      resource: {
        resourceType: 'VisionPrescription', id: 'v1', status: 'active', dateWritten: '2024-02-01',
        lensSpecification: [{ eye: 'right', sphere: -1.25, prism: [{ amount: 0.5, base: 'up' }] }, { eye: 'left', sphere: -1, prism: [{ amount: 1, base: 'in' }] }],
      },
    },
  ],
} as unknown as FhirBundle;

describe('probe (es): FHIR codes in a dosage and a lens table', () => {
  async function viewer(): Promise<Nip82RecordViewer> {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-record-viewer .bundle=${bundle}></nip82-record-viewer></div>`);
    const el = wrapper.firstElementChild as Nip82RecordViewer;
    await waitUntil(() => $$(el, '[part=item]').length === 2, 'the items never showed');
    await el.updateComplete;
    return el;
  }

  it('a weekly dosage does not read "wk"', async () => {
    const el = await viewer();
    const dosage = $$(el, '.facts div').map((d) => text(d)).find((t) => t.startsWith('Dosis')) ?? '';
    expect(dosage, 'the dosage line').to.contain('4 comprimidos');
    expect(/\bwk\b/.test(dosage), `the dosage line: "${dosage}"`).to.equal(false);
  });

  it('a prism base is not the English code', async () => {
    const el = await viewer();
    const prisms = $$(el, 'table.lenses tbody tr').map((tr) => text(tr.querySelectorAll('td')[4]!));
    expect(text($(el, 'table.lenses caption'))).to.equal('Lentes');
    expect(prisms.filter((p) => /\b(up|down|in|out)\b/.test(p)), `the prism cells: ${JSON.stringify(prisms)}`).to.deep.equal([]);
  });
});
