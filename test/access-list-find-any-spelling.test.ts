/**
 * A clinic's find field finds a patient by any name their records give: one record spells her
 * "Ana María Rivera", another "Ana Rivera", and either finds her (accents and case aside), though
 * her heading shows one of them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person, recordAbout, type Person } from './helpers.js';
import { $, $$, setInput, text } from './element-helpers.js';

/** `bundle` written by `author` for the clinic, which may view it; opened by the clinic. */
async function sharedWith(clinic: Person, author: Person, bundle: FhirBundle): Promise<OpenedRecord> {
  return openRecord(await createRecord({ bundle, author: author.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), clinic.signer);
}

/** The patients' names the list shows now (a search leaves the others out of sight). */
const seen = (el: Element) => $$(el, '[part=patient] > h3').filter((h) => h.getClientRects().length > 0).map((h) => text(h));

describe('the access list of a clinic: finding a patient whose records spell the name two ways', function () {
  this.timeout(90000);

  it('finds her by either spelling, accents and case aside, under the one heading', async () => {
    const [clinic, ana] = await Promise.all([person(), person()]);
    const records = [
      // Her own record names her in full (the heading's name); the clinic's own note, shorter.
      await sharedWith(clinic, ana, recordAbout('Ana María Rivera', 'Migraine', ana)),
      await openRecord(await createRecord({ bundle: recordAbout('Ana Rivera', 'Asthma', ana), author: clinic.signer, participants: [{ pubkey: ana.pubkey, role: 'editor' }] }), clinic.signer),
      ...(await Promise.all(['Bea Park', 'Carl Ito', 'Dana Cole', 'Eli Moss', 'Fay Wu'].map(async (name) => sharedWith(clinic, await person(), recordAbout(name, 'Flu'))))),
    ];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${records} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => seen(el).length === 6 && $(el, 'input[type=search]'), 'the patients and the find field');
    expect(seen(el)[0]).to.equal('Ana María Rivera');
    const field = $<HTMLInputElement>(el, 'input[type=search]')!;

    setInput(field, 'ANA RIVERA');
    await el.updateComplete;
    expect(seen(el), 'found by the spelling of her other record').to.deep.equal(['Ana María Rivera']);
    expect(text($(el, 'p.found'))).to.equal('Showing 1 of 6 patients.');

    setInput(field, 'maria rivera');
    await el.updateComplete;
    expect(seen(el), 'found by the heading\'s spelling, accents aside').to.deep.equal(['Ana María Rivera']);

    setInput(field, 'ana park');
    await el.updateComplete;
    expect(seen(el), 'no name of hers nor anyone\'s holds it').to.deep.equal([]);
  });
});
