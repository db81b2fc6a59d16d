/**
 * A page whose own section heading sits deep (`heading-level` 5 or 6) still gets headings a screen
 * reader can name: the record, its sections and the "No longer current" heading under them never
 * go past level 6, the deepest there is, and keep their order within it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $, $$ } from './element-helpers.js';

const status = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code }] });
const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000b01', resource: { resourceType: 'Condition', clinicalStatus: status('active'), code: { text: 'Asthma' }, recordedDate: '2020-05' } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000b02', resource: { resourceType: 'Condition', clinicalStatus: status('resolved'), code: { text: 'Sprained ankle' }, recordedDate: '2019-05' } },
  ],
} as unknown as FhirBundle;

describe('record viewer: a deep heading level', () => {
  for (const [level, expected] of [[5, ['5', '6', '6']], [6, ['6', '6', '6']]] as const) {
    it(`keeps every heading within levels 1 to 6 (heading-level ${level})`, async () => {
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" heading-level=${level} .bundle=${bundle}></nip82-record-viewer>`);
      await waitUntil(() => $(el, 'section[data-section="problems"] h4'), 'the past conditions never had their heading');
      const levels = $$(el, ':is(h2, h3, h4, h5, h6)').map((h) => h.getAttribute('aria-level'));
      expect(levels.filter((l) => l !== null && !['1', '2', '3', '4', '5', '6'].includes(l)), 'levels past 6').to.deep.equal([]);
      expect([$(el, 'h2'), $(el, 'section[data-section="problems"] h3'), $(el, 'section[data-section="problems"] h4')].map((h) => h!.getAttribute('aria-level'))).to.deep.equal([...expected]);
    });
  }
});
