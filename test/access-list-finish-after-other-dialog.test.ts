/**
 * A revocation that went out only in part, finished from beside the list after the user opened (and
 * cancelled) the revoke dialog of someone else: the outcome says what was revoked, and nothing of
 * shares "with parts missing" there never were.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { shortNpub } from '../components/shared/identity.js';
import { fixture as dataFixture, person, relayAcceptsOnly, relayUrl } from './helpers.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-access-list>: finishing a half-sent revocation after another dialog', function () {
  this.timeout(60000);
  afterEach(() => relayAcceptsOnly('picky', null));

  it('says it was revoked, not that a share with parts missing was left', async () => {
    const url = await relayUrl('picky');
    const [patient, clinician, family] = [await person(), await person(), await person()];
    const events = await createRecord({ bundle: await dataFixture('synthea-patient.json'), author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }] });
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(events);
      const record = await openRecord(events, patient.signer);
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-access-list>`);
      const revoke = (who: string) => $<HTMLButtonElement>(el, `[part=person][data-pubkey="${who}"] button.revoke`);
      await waitUntil(() => revoke(clinician.pubkey), 'the people listed');
      // The server takes only the first event of the change (a record of several parts).
      await relayAcceptsOnly('picky', 1);
      revoke(clinician.pubkey)!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
      const finish = () => $<HTMLButtonElement>(el, '#finish-0');
      await waitUntil(() => text(dialogOf(el)).includes('Only part of this went out') && !buttonByText(el, 'Cancel')!.disabled, 'only part went out', { timeout: 20000 });
      buttonByText(el, 'Cancel')!.click();
      await waitUntil(() => !dialogOf(el).open && finish(), 'closed, the rest offered beside the list');
      // Another person's dialog, opened and cancelled.
      revoke(family.pubkey)!.click();
      await waitUntil(() => dialogOf(el).open, 'the other dialog opens');
      buttonByText(el, 'Cancel')!.click();
      // Closing redraws the list: "Finish sending" is back beside it once that is done.
      await waitUntil(() => !dialogOf(el).open && finish(), 'cancelled, the rest still offered beside the list');
      await relayAcceptsOnly('picky', null);
      finish()!.click();
      await waitUntil(() => el.status === 'done' && !finish(), 'the rest sent', { timeout: 20000 });
      await el.updateComplete;
      expect(text($(el, '[role=status]'))).to.equal(`Access revoked for ${shortNpub(clinician.pubkey)}. 1 of 1 storage server accepted the change.`);
    } finally {
      client.close();
    }
  });
});
