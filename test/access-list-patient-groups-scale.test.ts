/**
 * A clinic's access list groups its records by patient at every keystroke in the find field: with
 * thousands of records, names are sorted and looked up, never each compared with every other (which
 * took most of a second at a thousand records, each key pressed). Counted in name comparisons, not
 * time: the same on a slow machine as on a fast one.
 */
import { expect } from '@open-wc/testing';
import { patientGroups } from '../components/access-list/patient-groups.js';
import type { OpenedRecord } from '../components/core/nip82/record.js';
import { comparisons } from './collations.js';

/** A record about patient `i`, keyed to them (or naming no key, as an old record may), held by a clinic. */
const recordOf = (i: number, keyed: boolean) =>
  ({
    subject: keyed ? i.toString(16).padStart(64, '0') : undefined,
    bundle: { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: `urn:uuid:p${i}`, resource: { resourceType: 'Patient', id: `p${i}`, name: [{ text: `Patient ${i % 1500}` }] } }] },
  }) as unknown as OpenedRecord;

describe('a clinic\'s records grouped by patient, at scale', () => {
  it('groups 3,000 records of 1,500 names with comparisons growing as n·log n, not n²', async () => {
    // Every fifth record names no key: it joins the one keyed patient of its name, if there is one.
    const records = [...Array(3000)].map((_, i) => recordOf(i, i % 5 !== 0));
    let groups: ReturnType<typeof patientGroups> = [];
    const n = await comparisons(() => (groups = patientGroups(records, 'en')));
    // Still right: each name borne by two keyed patients is two namesake groups.
    expect(groups.filter((g) => g.name === 'Patient 7').map((g) => g.namesake)).to.deep.equal([true, true]);
    expect(groups.filter((g) => g.name === 'Patient 5')).to.have.length(1);
    expect(groups.find((g) => g.name === 'Patient 5')!.records).to.have.length(2);
    // 3,000 · log2(3,000) ≈ 35,000 per sort; each against all would be millions.
    expect(n, `${n} comparisons`).to.be.below(200000);
  });
});
