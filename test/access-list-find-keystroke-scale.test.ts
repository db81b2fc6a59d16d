/**
 * A clinic's access list of hundreds of patients: each key typed in the find field narrows the list
 * the records were grouped into once, never groups them by patient again (at thousands of records,
 * each key pressed cost a regrouping). Counted in name comparisons, not time: the same on a slow
 * machine as on a fast one. And what was grouped for one user is never shown to the next: another
 * clinic's records handed in show their patients only.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, recordAbout, type Person } from './helpers.js';
import { $, $$, setInput, text } from './element-helpers.js';
import { comparisons } from './collations.js';

/** `count` records for `clinic`, each about its own patient (`prefix` and a number), made from one record shared with the clinic. */
async function clinicRecords(clinic: Person, prefix: string, count: number): Promise<OpenedRecord[]> {
  const author = await person();
  const base = await openRecord(await createRecord({ bundle: recordAbout(`${prefix} 0`, 'Flu'), author: author.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), clinic.signer);
  return [...Array(count)].map((_, i) => {
    const key = `${prefix.length.toString(16)}${i.toString(16)}`.padStart(64, '0');
    return { ...base, signPubkey: `${i.toString(16)}`.padStart(64, 'f'), subject: key, bundle: recordAbout(`${prefix} ${i}`, 'Flu') };
  });
}

/**
 * `count` shares `clinic` made of its patients' records (`prefix` and a number) to a colleague, each
 * about its own patient: one share made and signed, its copies told apart by address and patient.
 */
async function clinicShares(clinic: Person, prefix: string, count: number): Promise<OpenedRecord[]> {
  const colleague = await person();
  const record = await openRecord(await createRecord({ bundle: recordAbout(`${prefix} 0`, 'Flu'), author: clinic.signer, participants: [] }), clinic.signer);
  const { source, fullUrl } = consentSource(record, grantConsent({ patient: clinic.pubkey, recipient: colleague.pubkey, role: 'viewer' }));
  const base = await openRecord(await createShare({
    from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: clinic.signer, participants: [{ pubkey: colleague.pubkey, role: 'viewer' }],
  }), clinic.signer);
  return [...Array(count)].map((_, i) => {
    const patient = recordAbout(`${prefix} ${i}`, 'Flu').entry![0]!;
    const bundle = { ...base.bundle, entry: base.bundle.entry!.map((e) => (e.resource?.resourceType === 'Patient' ? patient : e)) };
    return { ...base, signPubkey: `${i.toString(16)}`.padStart(64, 'e'), subject: `${i.toString(16)}`.padStart(64, 'c'), bundle };
  });
}

/** The patients' names the list shows now (a search leaves the others out of sight). */
const seen = (el: Element) => $$(el, '[part=patient] > h3').filter((h) => h.getClientRects().length > 0).map((h) => text(h));

describe('the access list of a clinic: finding a patient among hundreds', function () {
  this.timeout(90000);

  it('filters the patients at each key typed, never grouping the records again', async () => {
    const clinic = await person();
    const records = await clinicRecords(clinic, 'Patient', 400);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${records} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=patient]').length === 400 && $(el, 'input[type=search]'), 'the patients are listed, with a field to find one');
    const field = $<HTMLInputElement>(el, 'input[type=search]')!;
    // "1", "12", "123": each key typed leaves fewer patients, down to one.
    const typed: [string, number][] = [['1', 157], ['12', 14], ['123', 1]];
    for (const [value, patients] of typed) {
      const n = await comparisons(async () => {
        setInput(field, value);
        await waitUntil(() => text($(el, 'p.found')).startsWith(`Showing ${patients} of 400`), `“${value}” finds ${patients}`);
        await el.updateComplete;
      });
      expect(seen(el)).to.have.length(patients);
      // Grouping 400 records sorts their names (thousands of comparisons); a filter compares none.
      expect(n, `${n} comparisons at the key that made “${value}”`).to.equal(0);
    }
    expect(seen(el)).to.deep.equal(['Patient 123']);
  });

  it('renders none of the records again at a key typed, and all of them again at any other change', async () => {
    const clinic = await person();
    let read = 0;
    // Each record counts how often what it gives its holder is read: at each record rendered.
    const records = (await clinicRecords(clinic, 'Patient', 300)).map((r) => Object.defineProperty({ ...r }, 'role', { get: () => (read++, r.role), enumerable: true }));
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><nip82-access-list .records=${records} .signer=${clinic.signer}></nip82-access-list></div>`);
    const el = wrapper.querySelector<Nip82AccessList>('nip82-access-list')!;
    await waitUntil(() => $$(el, '[part=patient]').length === 300 && $(el, 'input[type=search]'), 'the patients are listed, with a field to find one');
    const field = $<HTMLInputElement>(el, 'input[type=search]')!;
    // The first record's heading under patient `name`.
    const heading = (name: string) => text($$(el, '[part=patient]').find((g) => text(g.querySelector(':scope > h3')) === name)!.querySelector('[part=record] h4[id]'));
    const english = heading('Patient 29');
    for (const [value, patients] of [['2', 138], ['29', 13], ['299', 1]] as const) {
      read = 0;
      setInput(field, value);
      await waitUntil(() => text($(el, 'p.found')).startsWith(`Showing ${patients} of 300`), `“${value}” finds ${patients}`);
      await el.updateComplete;
      // Each of 300 records rendered again reads it at least once.
      expect(read, `records read ${read} times at the key that made “${value}”`).to.equal(0);
    }
    expect(seen(el)).to.deep.equal(['Patient 299']);

    // The page's language changes as a key is typed, in one update: the records are said in the new one.
    wrapper.lang = 'es';
    setInput(field, '29');
    await waitUntil(() => text($(el, 'label[for=find]')) === 'Buscar un paciente por su nombre', 'the field in Spanish');
    await waitUntil(() => seen(el).length === 13 && heading('Patient 29') !== english, `the records in Spanish, not “${english}”`);
  });

  it('a clinic that shared records too: a key typed regroups none of its shares either', async () => {
    const clinic = await person();
    const [records, shares] = await Promise.all([clinicRecords(clinic, 'Patient', 40), clinicShares(clinic, 'Shared', 60)]);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${[...records, ...shares]} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => $$(el, '.records > [part=patient]').length === 40 && $$(el, '.shares > [part=patient]').length === 60, 'the patients and the shares by whom they are about');
    const field = $<HTMLInputElement>(el, 'input[type=search]')!;
    for (const [value, patients] of [['1', 13], ['12', 1]] as const) {
      const n = await comparisons(async () => {
        setInput(field, value);
        await waitUntil(() => text($(el, 'p.found')).startsWith(`Showing ${patients} of 40`), `“${value}” finds ${patients}`);
        await el.updateComplete;
      });
      expect(n, `${n} comparisons at the key that made “${value}”`).to.equal(0);
    }
    // Any other change groups them anew: another language sorts and says them in its words.
    el.lang = 'es';
    await waitUntil(() => text($(el, '.shares > h3')) === 'Lo que usted compartió', 'the shares in Spanish');
    expect($$(el, '.shares > [part=patient]')).to.have.length(60);
  });

  it('shows the next clinic\'s patients only, none of the last one\'s, typed name and all', async () => {
    const [first, next] = await Promise.all([person(), person()]);
    const [before, after] = await Promise.all([clinicRecords(first, 'Ana', 8), clinicRecords(next, 'Bea', 7)]);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${before} .signer=${first.signer}></nip82-access-list>`);
    await waitUntil(() => seen(el).length === 8 && $(el, 'input[type=search]'), 'the first clinic\'s patients');
    setInput($<HTMLInputElement>(el, 'input[type=search]')!, 'Ana');
    await waitUntil(() => text($(el, 'p.found')) === 'Showing 8 of 8 patients.', 'found by name');

    // Signed out: the records taken away, then the next clinic's handed in.
    el.records = undefined;
    el.signer = undefined;
    await waitUntil(() => $$(el, '[part=patient]').length === 0, 'nothing listed once signed out');
    el.signer = next.signer;
    el.records = after;
    await waitUntil(() => $$(el, '[part=patient]').length === 7, 'the next clinic\'s patients');
    expect(seen(el)).to.deep.equal([...Array(7)].map((_, i) => `Bea ${i}`));
    expect($$(el, '[part=patient] > h3').map((h) => text(h)).some((name) => name.startsWith('Ana'))).to.equal(false);
    expect($<HTMLInputElement>(el, 'input[type=search]')!.value).to.equal('');

    // Handed the same number of records straight after, no sign-out between: still none of the last one's.
    el.records = await clinicRecords(first, 'Cid', 7);
    await waitUntil(() => seen(el)[0] === 'Cid 0', 'the third list\'s patients');
    expect(seen(el)).to.deep.equal([...Array(7)].map((_, i) => `Cid ${i}`));
  });
});
