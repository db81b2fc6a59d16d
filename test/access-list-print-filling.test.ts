/**
 * A clinic prints its access list from the browser's menu. Printed while the list is still coming
 * onto the page (its thousands of records a screenful at a time), the printout held only the first
 * screenful and said nothing of the rest; printed with a name in its find field, it held only the
 * patients found, and nothing on paper said so (the field itself printed, a box no one reads as a
 * filter). Now the records not on the page yet are all printed when they are a few hundred, else
 * the printout says how many it leaves out; a name found prints as a line saying the printout
 * holds only those patients.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { person, type Person } from './helpers.js';
import type { OpenedRecord } from '../components/core/nip82/record.js';
import { clinicRecords } from './clinic-records.js';
import { $, $$, setInput, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** What is on paper: the records, and the lines printed under or over them. */
const onPaper = (el: Element) => ({
  records: $$(el, '[part=record]').filter((r) => r.getClientRects().length > 0).length,
  lines: $$(el, '.not-printed, .narrowed').filter((p) => p.getClientRects().length > 0).map((p) => text(p)),
  field: $$(el, '.find input, .find label').some((f) => f.getClientRects().length > 0),
});

/**
 * The clinic's list of `records`, printed from the browser's menu at its first render (the rest
 * still to come a task apart): `beforeprint` is fired from the observer that sees the first
 * records, a microtask before any later render, and what is on paper is read then, as the
 * browser lays the printout out as soon as the event returns.
 */
async function printedAtFirstRender(holder: HTMLElement, clinic: Person, records: OpenedRecord[]) {
  await emulateMedia({ media: 'print' });
  const el = document.createElement('nip82-access-list') as Nip82AccessList;
  el.lang = 'en';
  el.records = records;
  el.signer = clinic.signer;
  return new Promise<{ onPageThen: number; paper: ReturnType<typeof onPaper> }>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!$(el, '[part=record]')) return;
      observer.disconnect();
      const onPageThen = $$(el, '[part=record]').length;
      window.dispatchEvent(new Event('beforeprint'));
      resolve({ onPageThen, paper: onPaper(el) });
    });
    holder.append(el);
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  });
}

describe('the access list of a clinic, printed from the browser\'s menu', function () {
  this.timeout(60000);
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('while it is still filling in: every record it holds is on paper', async () => {
    const clinic = await person();
    const records = await clinicRecords(clinic, 150);
    const holder = await fixture<HTMLElement>(html`<div></div>`);
    const { onPageThen, paper } = await printedAtFirstRender(holder, clinic, records);
    expect(onPageThen, 'printed before the list had filled in').to.be.below(records.length);
    expect(paper).to.deep.equal({ records: records.length, lines: [], field: false });
  });

  it('while thousands are still to come: the printout says how many records it leaves out', async () => {
    const clinic = await person();
    const records = await clinicRecords(clinic, 400);
    const holder = await fixture<HTMLElement>(html`<div></div>`);
    const { onPageThen, paper } = await printedAtFirstRender(holder, clinic, records);
    const left = records.length - onPageThen;
    expect(left, 'more left than a print renders at once').to.be.above(500);
    expect(paper).to.deep.equal({
      records: onPageThen,
      lines: [`${left} more records are not in this printout: the list was still coming onto the page. Print again once it is all there.`],
      field: false,
    });
  });

  it('with a name in the find field: the printout says it holds only the patients found', async () => {
    const clinic = await person();
    const records = await clinicRecords(clinic, 12);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${records} .signer=${clinic.signer}></nip82-access-list>`);
    setInput($<HTMLInputElement>(el, 'input[type=search]')!, 'patient 1');
    // "Patient 1", "Patient 10" and "Patient 11".
    await waitUntil(() => $$(el, '[part=patient]').length === 3, 'three patients found');
    await el.updateComplete;
    await emulateMedia({ media: 'print' });
    expect(onPaper(el)).to.deep.equal({ records: 6, lines: ['This printout holds only the patients whose name contains “patient 1”: 3 of 12 patients.'], field: false });
  });
});
