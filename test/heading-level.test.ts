/**
 * The elements' headings fit the page's outline: a page whose own section is an `h2` sets
 * `heading-level="3"`, and assistive technology then reads a record as a level-3 heading and its
 * sections as level 4, not as the page's equals. Unset, the levels are the tags' own.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, sampleBundle } from './helpers.js';
import { $ } from './element-helpers.js';

/** The page's headings as Chromium's accessibility tree holds them, in document order: their text and level. */
async function headings(): Promise<[string, number][]> {
  const found = (await executeServerCommand<{ name: string; level: number }[], undefined>('headings')) ?? [];
  return found.map(({ name, level }) => [name, level]);
}

describe('heading-level: the elements\' headings in the page\'s outline', function () {
  this.timeout(60000);

  it('the viewer: a record and its sections one level below the page\'s section, or the tags\' own levels', async () => {
    const page = await fixture<HTMLElement>(html`<section lang="en"><h2>My records</h2>
      <nip82-record-viewer heading-level="3" .bundle=${sampleBundle()}></nip82-record-viewer></section>`);
    const viewer = page.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await waitUntil(() => $(viewer, 'section[part=section] h3'), 'the record shows');
    const levels = await headings();
    expect(levels[0]).to.deep.equal(['My records', 2]);
    const below = levels.slice(1);
    expect(below.length).to.be.greaterThan(1);
    expect(below[0]![1], `the record's heading: ${below[0]![0]}`).to.equal(3);
    expect(below.slice(1).every(([, level]) => level === 4), JSON.stringify(below)).to.equal(true);

    // A level that is no heading level (empty, 0, 7) leaves the tags' own, nested as ever.
    for (const given of ['', '0', '7']) {
      viewer.setAttribute('heading-level', given);
      await viewer.updateComplete;
      const kept = (await headings()).slice(1);
      expect(kept[0]![1], `heading-level="${given}"`).to.equal(2);
      expect(kept.slice(1).every(([, level]) => level === 3), `heading-level="${given}": ${JSON.stringify(kept)}`).to.equal(true);
    }
    viewer.setAttribute('heading-level', '6');
    await viewer.updateComplete;
    const deepest = (await headings()).slice(1);
    expect(deepest[0]![1]).to.equal(6);
    expect(deepest.slice(1).every(([, level]) => level === 6), `below a 6, never past 6: ${JSON.stringify(deepest)}`).to.equal(true);

    viewer.removeAttribute('heading-level');
    await viewer.updateComplete;
    const unset = (await headings()).slice(1);
    expect(unset[0]![1]).to.equal(2);
    expect(unset.slice(1).every(([, level]) => level === 3), JSON.stringify(unset)).to.equal(true);
  });

  it('the access list: a record and the people on it, as the page sets them', async () => {
    const [patient, clinic] = await Promise.all([person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), patient.signer);
    const page = await fixture<HTMLElement>(html`<section lang="en"><h1>Who can see my records</h1>
      <nip82-access-list heading-level="2" .records=${[record]} .signer=${patient.signer}></nip82-access-list></section>`);
    const list = page.querySelector<Nip82AccessList>('nip82-access-list')!;
    await waitUntil(() => $(list, '[part=record] h4'), 'the record is listed');
    const levels = await headings();
    expect(levels[0]).to.deep.equal(['Who can see my records', 1]);
    expect(levels[1]![1], `the record's heading: ${levels[1]![0]}`).to.equal(2);
    expect(levels[2]![1], `the people on it: ${levels[2]![0]}`).to.equal(3);
  });
});
