/**
 * A clinic's list of many patients' records, a revocation under way: each step of it (the signer
 * asked, the change sent) changes the status line, and each rendered every patient's records again,
 * a quarter of a second per step at 5,000 records. Now a step renders none of the records it does
 * not change (test/access-list-action-start-end-scale.test.ts counts the start and the end). Counted in records rendered, not time: the same on a slow machine.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, recordAbout, relayAnswersLate, relayUrl, silentAt } from './helpers.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { recordsRendered } from './records-rendered.js';

describe('<nip82-access-list>: the steps of a revocation at a clinic of many patients', function () {
  this.timeout(60000);
  afterEach(() => relayAnswersLate('picky', 0));

  it('render none of the records they leave as they were', async () => {
    const url = await relayUrl('picky');
    const [clinic, patient, family] = [await person(), await person(), await person()];
    const quiet = silentAt(clinic.signer);
    // The clinic's record of one patient, who may edit it: revoking them moves it, and the family is told (the signer signs that notice).
    const events = await createRecord({ bundle: recordAbout('Ana Rivera', 'Flu', patient), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }] });
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(events);
      const author = await person();
      const base = await openRecord(await createRecord({ bundle: recordAbout('Patient 0', 'Flu'), author: author.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), clinic.signer);
      const others = [...Array(60)].map((_, i) => ({ ...base, signPubkey: i.toString(16).padStart(64, 'f'), subject: i.toString(16).padStart(64, '0'), bundle: recordAbout(`Patient ${i}`, 'Flu') }));
      const records = [await openRecord(events, clinic.signer), ...others];
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${records} .signer=${quiet.signer} relays=${url}></nip82-access-list>`);
      const revoke = () => $<HTMLButtonElement>(el, `[part=person][data-pubkey="${patient.pubkey}"] button.revoke`);
      await waitUntil(() => revoke(), 'the people listed');
      const rendered = recordsRendered(el);
      revoke()!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      quiet.arm(1);
      buttonByText(el, /^Revoke access for/)!.click();
      await waitUntil(() => quiet.asked() && el.status === 'waiting-signer', 'the signer asked');
      await el.updateComplete;
      // The server takes its time to answer: the send is a step of its own.
      await relayAnswersLate('picky', 2000);
      rendered.reset();
      quiet.release();
      await waitUntil(() => text($(el, 'dialog [role=status]')).startsWith('Sending'), 'the change on its way', { timeout: 20000 });
      await el.updateComplete;
      expect({ status: el.status, rendered: rendered.count }).to.deep.equal({ status: 'working', rendered: 0 });
      await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    } finally {
      client.close();
    }
  });
});
