/**
 * Records exported by many hospital systems name items with a terminology's tag at the end
 * ("Viral sinusitis (disorder)", "Full-time employment (finding)"): a code word no patient should
 * read. The viewer shows the name without it, and search still finds the item by its words; other
 * parentheses ("Hepatitis C (chronic)") are the record's own words and stay.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $, $$, setInput, text } from './element-helpers.js';

let n = 0;
const entry = (resource: Record<string, unknown>) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000009${String(++n).padStart(2, '0')}`, resource });
const coded = (display: string) => ({ coding: [{ system: 'http://snomed.info/sct', code: '1', display }], text: display });

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    entry({ resourceType: 'Condition', code: coded('Viral sinusitis (disorder)'), recordedDate: '2019-05' }),
    entry({ resourceType: 'Condition', code: coded('Full-time employment (finding)'), recordedDate: '2020-05' }),
    entry({ resourceType: 'Condition', code: coded('Hepatitis C (chronic)'), recordedDate: '2018-05' }),
    entry({ resourceType: 'Procedure', status: 'completed', code: coded('Medication reconciliation (procedure)'), performedDateTime: '2021-03-01',
      reasonCode: [coded('Chronic pain (finding)')] }),
    entry({ resourceType: 'Device', deviceName: [{ name: 'Manual wheelchair (physical object)', type: 'user-friendly-name' }], type: coded('Manual wheelchair (physical object)') }),
    entry({ resourceType: 'CarePlan', status: 'active', intent: 'plan', category: [coded('Respiratory therapy (regime/therapy)')], period: { start: '2022-01-01' } }),
  ],
} as unknown as FhirBundle;

const TAG = /\((?:disorder|finding|procedure|regime\/therapy|physical object)\)/;

describe('record viewer: terminology tags after item names', () => {
  for (const audience of ['patient', 'clinician']) {
    it(`shows names without them (${audience}), keeps other parentheses, and finds items by their words`, async () => {
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" audience=${audience} .bundle=${bundle}></nip82-record-viewer>`);
      await waitUntil(() => $$(el, '[part=item]').length === 6, 'the items never showed');
      const shown = $$(el, '[part=item]').map((item) => text(item));
      expect(shown.filter((t) => TAG.test(t)), 'items showing a tag').to.deep.equal([]);
      expect(shown.some((t) => t.startsWith('Viral sinusitis'))).to.equal(true);
      expect(shown.some((t) => t.startsWith('Full-time employment'))).to.equal(true);
      expect(shown.some((t) => t.startsWith('Hepatitis C (chronic)'))).to.equal(true);
      expect(shown.some((t) => t.includes('Chronic pain'))).to.equal(true);
      expect(shown.some((t) => t.startsWith('Manual wheelchair'))).to.equal(true);
      setInput($<HTMLInputElement>(el, 'input[type=search]')!, 'viral sinusitis');
      await waitUntil(() => $$(el, '[part=item]').length === 1, 'search never narrowed to the item');
      expect(text($$(el, '[part=item]')[0]!)).to.match(/^Viral sinusitis/);
    });
  }
});
