/**
 * A clinic's list of many patients, a name in its find field: the patient of a revocation that
 * went out only in part is not among those found, and the clinician sends the rest of it from the
 * notice beside the list. The notice goes with it; the focus fell to the list's first control, far
 * from where the keyboard was, the changed record being out of sight. Now it lands on the find
 * field (the next control on from the notice, the one that hides that patient), and the status
 * line says what went out.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { shortNpub } from '../components/shared/identity.js';
import { fixture as dataFixture, person, recordAbout, relayAcceptsOnly, relayUrl } from './helpers.js';
import { $, $$, buttonByText, dialogOf, focused, setInput, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-access-list>: finishing a half-sent revocation of a patient the find field hides', function () {
  this.timeout(60000);
  afterEach(() => relayAcceptsOnly('picky', null));

  it('puts the focus on the find field and says the outcome', async () => {
    const url = await relayUrl('picky');
    const [clinic, family] = [await person(), await person()];
    // The clinic's own record of several parts (Denis Schmitt, the Synthea patient), which the family may view.
    const events = await createRecord({ bundle: await dataFixture('synthea-patient.json'), author: clinic.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }] });
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(events);
      const others = await Promise.all(['Ana Rivera', 'Bea Park', 'Carl Ito', 'Dana Cole', 'Eli Moss', 'Fay Lu'].map(async (name) =>
        openRecord(await createRecord({ bundle: recordAbout(name, 'Flu'), author: (await person()).signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), clinic.signer)));
      const records = [await openRecord(events, clinic.signer), ...others];
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${records} .signer=${clinic.signer} relays=${url}></nip82-access-list>`);
      const revoke = () => $<HTMLButtonElement>(el, `[part=person][data-pubkey="${family.pubkey}"] button.revoke`);
      await waitUntil(() => revoke(), 'the people listed');
      // The server takes only the first event of the change.
      await relayAcceptsOnly('picky', 1);
      revoke()!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      buttonByText(el, `Revoke access for ${shortNpub(family.pubkey)}`)!.click();
      const finish = () => $<HTMLButtonElement>(el, '#finish-0');
      await waitUntil(() => text(dialogOf(el)).includes('Only part of this went out') && !buttonByText(el, 'Cancel')!.disabled, 'only part went out', { timeout: 20000 });
      buttonByText(el, 'Cancel')!.click();
      await waitUntil(() => !dialogOf(el).open && finish(), 'closed, the rest offered beside the list');
      // Another patient looked for: Denis Schmitt's records leave the page.
      setInput($<HTMLInputElement>(el, '#find')!, 'rivera');
      await waitUntil(() => $$(el, '[part=patient]').length === 1, 'one patient found');
      await relayAcceptsOnly('picky', null);
      finish()!.focus();
      finish()!.click();
      await waitUntil(() => el.status === 'done' && !finish(), 'the rest sent', { timeout: 20000 });
      await el.updateComplete;
      expect({ focus: focused(el)?.id, said: text($(el, '[role=status]')) }).to.deep.equal({
        focus: 'find',
        said: `Access revoked for ${shortNpub(family.pubkey)}. 1 of 1 storage server accepted the change.`,
      });
    } finally {
      client.close();
    }
  });
});
