/**
 * The hidden-item flag is fetched the first time a record with withheld items is shown, not with
 * the viewer: a page whose records withheld nothing never downloads it. A record that withheld
 * items shows with its flag already saying so, never a moment without it (a clinician must not
 * take the record for the whole of it).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { markWithheld } from '../components/core/fhir/withheld-mark.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { sampleBundle } from './helpers.js';
import { text } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** Whether the page has fetched a module (each test file runs in a page of its own). */
const fetched = (module: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(module));

describe('<nip82-record-viewer> hidden-item flag fetched when first needed', () => {
  // First: nothing before it in this page has shown a withheld item.
  it('a record that withheld nothing shows without fetching the flag', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${sampleBundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part=item]').length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector('nip82-hidden-flag')).to.equal(null);
    expect(fetched('hidden-flag')).to.equal(false);
  });

  it('the first record that withheld items shows with its flag already saying so', async () => {
    const bundle = markWithheld(sampleBundle() as FhirBundle, [{ resourceType: 'Condition', id: 'h1' }, { resourceType: 'Observation', id: 'h2' }], 'count');
    const el = document.createElement('nip82-record-viewer') as Nip82RecordViewer;
    // The moment the record's first item is on screen: is its flag an element that shows something?
    let flagAtFirstItem: boolean | undefined;
    const seen = new MutationObserver(() => {
      if (flagAtFirstItem !== undefined || !el.shadowRoot!.querySelector('[part=item]')) return;
      flagAtFirstItem = !!el.shadowRoot!.querySelector('nip82-hidden-flag')?.shadowRoot;
    });
    el.bundle = bundle;
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.append(el);
    seen.observe(el.shadowRoot!, { childList: true, subtree: true });
    await waitUntil(() => flagAtFirstItem !== undefined, 'the record never showed');
    seen.disconnect();
    expect(flagAtFirstItem, 'the record showed before its flag could').to.equal(true);
    const flag = el.shadowRoot!.querySelector('nip82-hidden-flag')!;
    await waitUntil(() => text(flag.shadowRoot!).includes('The patient withheld 2 items from this record'), 'the flag never said how many');
  });
});
