/**
 * A reading's words as a patient reads them: a yes/no component with an interpretation reads "yes
 * (Abnormal)", never "true (Abnormal)", in the page's language; a period the record gives only an
 * end for reads "until Jan 3, 2020", not "– Jan 3, 2020".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    {
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      resource: {
        resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Screening' }, effectiveDateTime: '2024-01-05',
        component: [{ code: { text: 'Protein in urine' }, valueBoolean: true, interpretation: [{ text: 'Abnormal' }] }],
      },
    },
    {
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002',
      resource: { resourceType: 'Encounter', id: 'e1', status: 'finished', type: [{ text: 'Hospital stay' }], period: { end: '2020-01-03' } },
    },
  ],
} as unknown as FhirBundle;

async function items(lang: string): Promise<string[]> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-record-viewer .bundle=${bundle}></nip82-record-viewer></div>`);
  const el = wrapper.firstElementChild as Nip82RecordViewer;
  await waitUntil(() => $$(el, '[part=item]').length === 2, 'the items never showed');
  await el.updateComplete;
  return $$(el, '[part=item]').map((li) => text(li));
}

describe('the record viewer: a reading\'s words', () => {
  it('words a yes/no reading beside its interpretation, and a period with only an end', async () => {
    const en = (await items('en')).join(' | ');
    expect(en).to.contain('yes (Abnormal)');
    expect(en).not.to.match(/\btrue\b/);
    expect(en).to.contain('until Jan 3, 2020');
    expect(en).not.to.match(/(^|[^\d]) – Jan 3/);
    const es = (await items('es')).join(' | ');
    expect(es).to.contain('sí (Abnormal)');
    expect(es).to.contain('hasta ');
  });
});
