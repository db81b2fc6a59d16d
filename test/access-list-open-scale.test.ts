/**
 * A clinic's access list of hundreds of patients opens, and shows them all again once its find
 * field is cleared, a bounded number of records at a time: the first screenful at once, the rest a
 * task apart, so that the page answers keys and scrolls meanwhile (all at once, a clinic of
 * thousands of records held the page for seconds). Counted in records brought onto the page in each
 * task, not time: the same on a slow machine as on a fast one. A name typed before every patient
 * is on the page still finds them: the find field looks at the records, not at the page.
 */
import { expect, html, fixture } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { person, type Person } from './helpers.js';
import type { OpenedRecord } from '../components/core/nip82/record.js';
import { clinicRecords } from './clinic-records.js';
import { $, $$, setInput, text } from './element-helpers.js';

/** The patients' names on the page now, in order. */
const seen = (el: Element) => $$(el, '[part=patient] > h3').filter((h) => h.getClientRects().length > 0).map((h) => text(h));
const recordsOnPage = (el: Element) => $$(el, '[part=record]').filter((r) => r.getClientRects().length > 0).length;

/** The most records any one task brought onto the page yet (added, or no longer hidden), and every task's count, kept as `el` renders. */
function recordsShown(el: Element) {
  const counts: number[] = [];
  let before = recordsOnPage(el);
  const observer = new MutationObserver(() => {
    const now = recordsOnPage(el);
    if (now > before) counts.push(now - before);
    before = now;
  });
  observer.observe(el.shadowRoot!, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  return { counts, most: () => Math.max(0, ...counts), stop: () => observer.disconnect() };
}

/**
 * The clinic's list of `records`, connected to the page in this task (no await in between): its
 * first render is yet to come, and what the caller watches from now on sees it.
 */
function connected(holder: HTMLElement, clinic: Person, records: OpenedRecord[]): Nip82AccessList {
  const el = document.createElement('nip82-access-list') as Nip82AccessList;
  el.lang = 'en';
  el.records = records;
  el.signer = clinic.signer;
  holder.append(el);
  return el;
}

/**
 * However fast the machine, one render adds no more than 64 records (a screenful to a few); a task
 * may hold two renders (one more for names looked up meanwhile), never hundreds of records.
 */
const MOST_AT_ONCE = 128;

describe('the access list of a clinic: hundreds of patients, a screenful at a time', function () {
  this.timeout(120000);

  it('opens with the first patients at once and the rest a bounded number per render, all in the end', async () => {
    const clinic = await person();
    const records = await clinicRecords(clinic, 400);
    // The shadow root comes with the element's first connection, its first render a moment later: watched from then on.
    const el = connected(await fixture<HTMLDivElement>(html`<div></div>`), clinic, records);
    const added = recordsShown(el);
    const first = new Promise<string[]>((resolve) => {
      const watch = new MutationObserver(() => {
        if (!$(el, '[part=record]')) return;
        watch.disconnect();
        resolve(seen(el));
      });
      watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    });
    const firstSeen = await first;
    // The first screenful shows at once, in order by name.
    expect(firstSeen[0]).to.equal('Patient 0');
    await waitUntil(() => recordsOnPage(el) === 800, 'every record on the page in the end', { timeout: 60000 });
    added.stop();
    expect(seen(el)).to.have.length(400);
    expect(seen(el).slice(0, 3)).to.deep.equal(['Patient 0', 'Patient 1', 'Patient 2']);
    expect(added.most(), `records one task brought onto the page: ${added.counts.join(', ')}`).to.be.at.most(MOST_AT_ONCE);
  });

  it('shows every patient again, a bounded number per render, once the find field is cleared', async () => {
    const clinic = await person();
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${await clinicRecords(clinic, 400)} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => recordsOnPage(el) === 800, 'every record on the page');
    const field = $<HTMLInputElement>(el, 'input[type=search]')!;
    setInput(field, '123');
    await waitUntil(() => text($(el, 'p.found')) === 'Showing 1 of 400 patients.', 'one patient found');
    await el.updateComplete;
    expect(seen(el)).to.deep.equal(['Patient 123']);
    const added = recordsShown(el);
    setInput(field, '');
    await waitUntil(() => recordsOnPage(el) === 800, 'every record back on the page', { timeout: 60000 });
    added.stop();
    expect(seen(el)).to.have.length(400);
    expect(added.most(), `records one task brought onto the page: ${added.counts.join(', ')}`).to.be.at.most(MOST_AT_ONCE);
  });

  it('finds a patient typed before they are on the page, and says how many it finds', async () => {
    const clinic = await person();
    const records = await clinicRecords(clinic, 400);
    const el = connected(await fixture<HTMLDivElement>(html`<div></div>`), clinic, records);
    // Typed in the very task the field first shows in, long before the last patient is on the page.
    let onPageWhenTyped: string[] | undefined;
    await new Promise<void>((resolve) => {
      const watch = new MutationObserver(() => {
        const field = $<HTMLInputElement>(el, 'input[type=search]');
        if (!field) return;
        watch.disconnect();
        onPageWhenTyped = seen(el);
        setInput(field, 'Patient 399');
        resolve();
      });
      watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    });
    expect(onPageWhenTyped, 'the last patient not on the page yet as the name is typed').to.not.include('Patient 399');
    await waitUntil(() => text($(el, 'p.found')) === 'Showing 1 of 400 patients.', 'the patient found');
    await el.updateComplete;
    expect(seen(el)).to.deep.equal(['Patient 399']);
    expect(recordsOnPage(el)).to.equal(2);
    // Said to a screen reader once the typing stops.
    await waitUntil(() => text($(el, '[role=status].visually-hidden')) === 'Showing 1 of 400 patients.', 'the count spoken');
  });
});
