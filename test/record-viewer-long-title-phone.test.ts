// On a 320 px phone, a condition named with one long word ("Pneumonoultramicroscopicsilicovolcanoconiosis") wraps inside
// its item, as the facts do: the item clips its overflow, so a title that did not wrap would be cut off and unreadable.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$ } from './element-helpers.js';

const bundle: FhirBundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [{
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    resource: { resourceType: 'Condition', id: 'c1', code: { text: 'Pneumonoultramicroscopicsilicovolcanoconiosis' }, recordedDate: '2020-03-01' },
  }],
};

describe('record viewer at 320 px: a long one-word title', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('keeps the whole title inside its item', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 1, 'the item never showed');
    const item = $$(el, '[part=item]')[0]!;
    const title = item.querySelector('.title')!;
    const inside = title.getBoundingClientRect().right <= item.getBoundingClientRect().right;
    expect({ titleInsideItem: inside, itemOverflows: item.scrollWidth > item.clientWidth }).to.deep.equal({ titleInsideItem: true, itemOverflows: false });
  });
});
