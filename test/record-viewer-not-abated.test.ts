/**
 * A condition whose record says in so many words that it has not ended (`abatementBoolean: false`,
 * no status) is current: the viewer lists it with what is current, not under "No longer current";
 * one that says it has ended (`abatementBoolean: true`) is listed as past.
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
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000c01', resource: { resourceType: 'Condition', code: { text: 'Type 2 diabetes' }, recordedDate: '2018-05', abatementBoolean: false } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000c02', resource: { resourceType: 'Condition', code: { text: 'Sprained ankle' }, recordedDate: '2019-05', abatementBoolean: true } },
  ],
} as unknown as FhirBundle;

/** A section's lists and headings below its own, in order: a heading's text, a list's titles. */
const outline = (el: Nip82RecordViewer, section: string) =>
  $$(el, `section[data-section="${section}"] > :is(ul, h4)`).map((n) => (n.tagName === 'H4' ? `# ${text(n)}` : [...n.querySelectorAll('.title')].map(text).join(' | ')));

describe('record viewer: a condition said not to have ended', () => {
  it('is listed as current', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $(el, 'section[data-section="problems"]'), 'the conditions never showed');
    expect(outline(el, 'problems')).to.deep.equal(['Type 2 diabetes', '# No longer current', 'Sprained ankle']);
  });
});
