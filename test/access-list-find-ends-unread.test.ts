/**
 * A clinic's list of many patients: a key typed in the find field looked at every record's end
 * date again (when to say a share has ended), at 5,000 records a good part of each key's wait. A
 * key changes no end date: now it looks at none, and the list still narrows to the patient typed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, recordAbout } from './helpers.js';
import { $, $$, setInput, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-access-list>: a key typed in the find field of a clinic of many patients', function () {
  this.timeout(60000);

  it('narrows the list without looking at every end date again', async () => {
    const [clinic, author] = [await person(), await person()];
    const base = await openRecord(await createRecord({ bundle: recordAbout('Patient 0', 'Flu'), author: author.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), clinic.signer);
    const records = [...Array(60)].map((_, i) => ({ ...base, signPubkey: i.toString(16).padStart(64, 'f'), subject: i.toString(16).padStart(64, '0'), bundle: recordAbout(`Patient ${i}`, 'Flu') }));
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${records} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=patient]').length === 60 && $(el, 'input[type=search]'), 'every patient listed');
    await el.updateComplete;
    // Each look at the records' end dates from now on, counted.
    let looked = 0;
    const counted = el as unknown as { wakeAtEnd: () => void };
    const wakeAtEnd = counted.wakeAtEnd;
    counted.wakeAtEnd = function () {
      looked++;
      wakeAtEnd.apply(this);
    };
    const field = $<HTMLInputElement>(el, 'input[type=search]')!;
    for (const typed of ['4', '42']) {
      setInput(field, typed);
      await el.updateComplete;
    }
    const seen = $$(el, '[part=patient] > h3').filter((h) => h.getClientRects().length > 0).map((h) => text(h));
    expect({ looked, seen }).to.deep.equal({ looked: 0, seen: ['Patient 42'] });
  });
});
