// A search typed before the viewer has worded every item of a large record (or right after its words
// changed) does not hold the page while it words thousands of items: it shows what it found so far,
// says it is still searching, and then finds every match.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $, setInput, text } from './element-helpers.js';

const PRESCRIPTIONS = 3000;
const VISITS = 3000;

function largeBundle(): FhirBundle {
  const entry = [];
  for (let i = 0; i < PRESCRIPTIONS; i++) {
    entry.push({ fullUrl: `urn:uuid:m-${i}`, resource: { resourceType: 'MedicationRequest', id: `m${i}`, status: 'active', intent: 'order', authoredOn: '2023-03-15', medicationCodeableConcept: { text: `Medicine ${i}` } } });
  }
  for (let i = 0; i < VISITS; i++) {
    entry.push({ fullUrl: `urn:uuid:e-${i}`, resource: { resourceType: 'Encounter', id: `e${i}`, status: 'finished', class: { code: 'AMB' }, period: { start: '2022-07-09' } } });
  }
  return { resourceType: 'Bundle', type: 'collection', entry };
}

/** The count line as the screen shows it (not its printed twin). */
const count = (el: Nip82RecordViewer) => text($(el, '.count .on-screen') ?? $(el, '.count') ?? el);

describe('record viewer: searching a large record', () => {
  it('finds every item by its shown words, saying meanwhile that it is still searching', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${largeBundle()}></nip82-record-viewer>`);
    await waitUntil(() => /Showing [\d,]+ of 6,000 items/.test(count(el)), 'the record never showed', { timeout: 30_000 });
    // The host's own strings (the same words): no item is worded in them yet, as right after a record opens.
    el.strings = { showing: (shown: string, total: string) => `Showing ${shown} of ${total} items` };
    await el.updateComplete;
    const counts: string[] = [];
    const seen = new MutationObserver(() => counts.push(count(el)));
    seen.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    // "prescribed" is only in the words shown on a prescription, not in the record's own text.
    setInput($<HTMLInputElement>(el, 'input[type=search]')!, 'prescribed');
    await waitUntil(() => count(el) === 'Showing 3,000 of 6,000 items', 'the search never found every prescription', { timeout: 30_000 });
    seen.disconnect();
    expect(counts.some((c) => c.endsWith(', still searching…')), counts.join(' | ')).to.equal(true);
  });
});
