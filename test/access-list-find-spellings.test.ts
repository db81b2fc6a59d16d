/**
 * A clinic's find field finds a patient by what is typed on any keyboard: "gross" finds "Groß",
 * "sorensen" finds "Sørensen", "isik" finds "Işık", "احمد" finds "أحمد", "فاطمه" finds "فاطمة", "जैनब" finds "ज़ैनब", though each heading
 * shows the name as written; a mark that makes another letter is kept ("サトウ" does not find "サドウ").
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { person, recordAbout, type Person } from './helpers.js';
import { $, $$, setInput, text } from './element-helpers.js';

/** A record about `name`, written by them for the clinic, which may view it; opened by the clinic. */
async function sharedWith(clinic: Person, name: string): Promise<OpenedRecord> {
  const patient = await person();
  return openRecord(await createRecord({ bundle: recordAbout(name, 'Flu', patient), author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), clinic.signer);
}

/** The patients' names the list shows now (a search leaves the others out of sight). */
const seen = (el: Element) => $$(el, '[part=patient] > h3').filter((h) => h.getClientRects().length > 0).map((h) => text(h));

describe('the access list of a clinic: finding a patient by the name as typed', function () {
  this.timeout(90000);

  it('finds "Groß" by "gross", "Sørensen" by "sorensen", "Işık" by "isik", "أحمد" by "احمد", "فاطمة" by "فاطمه", "ज़ैनब" by "जैनब", and "サトウ" not by "サドウ"', async () => {
    const clinic = await person();
    const names = ['Anna Groß', 'Bo Sørensen', 'Can Işık', 'Dana Cole', 'Eli Moss', 'Fay Wu', 'أحمد علي', 'إسراء نور', 'فاطمة حسن', 'مصطفى كريم', 'サトウ ハナ', 'サドウ ケン', 'ज़ैनब ख़ान'];
    const records = await Promise.all(names.map((n) => sharedWith(clinic, n)));
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${records} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => seen(el).length === names.length && $(el, 'input[type=search]'), 'the patients and the find field');
    const field = $<HTMLInputElement>(el, 'input[type=search]')!;
    const expected: [string, string][] = [['gross', 'Anna Groß'], ['GROSS', 'Anna Groß'], ['sorensen', 'Bo Sørensen'], ['ISIK', 'Can Işık'], ['ışık', 'Can Işık'],
      // Arabic is mostly typed without the hamza or madda a clinic may write over or under alef.
      ['احمد', 'أحمد علي'], ['اسراء', 'إسراء نور'],
      // Teh marbuta typed as heh, alef maksura as yeh; the Persian keyboard's yeh and keheh for the Arabic ones.
      ['فاطمه', 'فاطمة حسن'], ['مصطفي', 'مصطفى كريم'], ['مصطفی کریم', 'مصطفى كريم'],
      // Hindi is mostly typed without the nukta of letters borrowed from Urdu and Persian.
      ['जैनब खान', 'ज़ैनब ख़ान'],
      // Sato is not Sado: a voicing mark makes another letter.
      ['サトウ', 'サトウ ハナ'], ['サドウ', 'サドウ ケン']];
    for (const [typed, name] of expected) {
      setInput(field, typed);
      await el.updateComplete;
      expect(seen(el), `"${typed}" finds ${name}`).to.deep.equal([name]);
    }
  });
});
