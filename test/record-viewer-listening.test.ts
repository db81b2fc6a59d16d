/**
 * The viewer as a screen-reader user hears it: a search says how many items it found (the count is
 * spoken, not only shown), and each record's buttons say which record they act on, so a list of the
 * page's buttons tells apart "Download a copy" of one record from that of the next.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { person } from './helpers.js';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, accessibleName, setInput, shownLiveRegions, text } from './element-helpers.js';

/** A record of `name`'s with `count` vaccinations; `tag` keeps each record's fullUrls apart. */
function bundleOf(name: string, tag: string, count: number): FhirBundle {
  const patient = `urn:uuid:${tag}-0000-4000-8000-000000000000`;
  return {
    resourceType: 'Bundle', type: 'collection',
    entry: [
      { fullUrl: patient, resource: { resourceType: 'Patient', id: `${tag}-p`, name: [{ given: [name] }] } },
      ...Array.from({ length: count }, (_, i) => ({
        fullUrl: `urn:uuid:${tag}-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        resource: { resourceType: 'Immunization', id: `${tag}-i${i}`, status: 'completed', vaccineCode: { text: i === 0 ? 'Tetanus' : `Flu shot ${i}` }, patient: { reference: patient }, occurrenceDateTime: '2024-05-01' },
      })),
    ],
  } as unknown as FhirBundle;
}

async function records(): Promise<OpenedRecord[]> {
  const me = await person();
  const make = async (bundle: FhirBundle) => openRecord(await createRecord({ bundle, author: me.signer, participants: [] }), me.signer);
  return [await make(bundleOf('Ana', 'aaaaaaaa', 4)), await make(bundleOf('Ben', 'bbbbbbbb', 4))];
}

/** What the live regions hold now, as one line each. */
/** An accessible name without the invisible marks that set a name apart from the words around it. */
const nameOf = (el: Element) => accessibleName(el).replace(/[\u2066-\u2069]/g, '');
const spoken = (el: Element) => shownLiveRegions(el).map((r) => text(r)).filter(Boolean);

describe('record viewer: what a screen-reader user hears', () => {
  it('says how many items a search found, in a live region, and when nothing matches', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" page-size="2" .records=${await records()}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=record]').length === 2, 'the records never showed', { timeout: 20000 });
    setInput($<HTMLInputElement>(el, 'input[type=search]')!, 'tetanus');
    const ended = () => $$(el, '[part=item]').length === 2 && !text($(el, '.count')).includes('still searching');
    await waitUntil(ended, 'the search never ended', { timeout: 20000 });
    expect(text($(el, '.count'))).to.equal('Showing 2 of 10 items');
    await waitUntil(() => spoken(el).join(' | ').includes('Showing 2 of 10 items'), 'the count is said');
    setInput($<HTMLInputElement>(el, 'input[type=search]')!, 'nothing like this');
    await waitUntil(() => $(el, '.empty'), 'the second search never ended', { timeout: 20000 });
    await waitUntil(() => spoken(el).join(' | ').includes('Nothing matches this search.'), 'no match is said');
  });

  it('says the count once the typing stops, not at each key, and says nothing of it before a search', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .records=${await records()}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=record]').length === 2, 'the records never showed', { timeout: 20000 });
    await el.updateComplete;
    const counts = () => spoken(el).filter((line) => line.includes('Showing'));
    expect(counts(), 'a count spoken before any search').to.deep.equal([]);
    // Every count a live region held, as it changed.
    const heard: string[] = [];
    const observer = new MutationObserver(() => heard.push(...counts().filter((line) => line !== heard.at(-1))));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    try {
      $<HTMLInputElement>(el, 'input[type=search]')!.focus();
      await sendKeys({ type: 'flu shot 3' });
      await waitUntil(() => counts().includes('Showing 2 of 10 items'), 'the count is said once the typing stops', { timeout: 20000 });
      expect(text($(el, '.count'))).to.equal('Showing 2 of 10 items');
    } finally {
      observer.disconnect();
    }
    expect(heard, 'the counts spoken').to.deep.equal(['Showing 2 of 10 items']);
  });

  it('names each record\'s Download and "Show more" by the record (and list) they act on', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" page-size="2" .records=${await records()}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=record]').length === 2, 'the records never showed', { timeout: 20000 });
    await el.updateComplete;
    const downloads = $$(el, 'button.export').map(nameOf);
    expect(downloads).to.deep.equal(['Download a copy Record 1 of 2: Ana', 'Download a copy Record 2 of 2: Ben']);
    const more = $$(el, 'button.more').map(nameOf);
    expect(more).to.have.length(2);
    expect(new Set(more).size, more.join(' | ')).to.equal(2);
    expect(more[0]).to.match(/^Show 2 more \(2 not shown\) .*Vaccinations.* Record 1 of 2: Ana$/);
  });
});
