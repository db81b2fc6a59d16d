/**
 * Records handed in, a revocation at the signer, and the page switching accounts in one go (the
 * next person's signer and records together): the revocation stops, and the next person's Revoke
 * buttons are free. They said "unavailable" (aria-disabled) until anything else redrew the list,
 * since the action was stopped after the buttons had been told it was under way.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, recordAbout, relayUrl, silentAt } from './helpers.js';
import { $, $$ } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { revocationHeldAtSigner } from './revocation-held.js';

describe('<nip82-access-list>: another account handed in while a revocation waits on the signer', function () {
  this.timeout(60000);

  it('shows the next person free Revoke buttons', async () => {
    const url = await relayUrl('main');
    const [clinic, next, colleague, family, patient] = [await person(), await person(), await person(), await person(), await person()];
    const quiet = silentAt(clinic.signer);
    // Revoking the colleague, who may edit it, moves the record, and the family is told: the signer signs that notice.
    const events = await createRecord({ bundle: recordAbout('Ana Rivera', 'Flu'), author: clinic.signer, participants: [{ pubkey: colleague.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }] });
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(events);
      const records = [await openRecord(events, clinic.signer)];
      // The next person's own record, with someone on it they may revoke.
      const theirs = [await openRecord(await createRecord({ bundle: recordAbout('Luis Soto', 'Cough'), author: next.signer, participants: [{ pubkey: patient.pubkey, role: 'viewer' }] }), next.signer)];
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${records} .signer=${quiet.signer} relays=${url}></nip82-access-list>`);
      await waitUntil(() => $(el, `[part=person][data-pubkey="${colleague.pubkey}"] button.revoke`), 'the Revoke button');
      await revocationHeldAtSigner(el, colleague.pubkey, quiet);
      // Another account: its signer and its records at once.
      el.signer = next.signer;
      el.records = theirs;
      await el.updateComplete;
      await waitUntil(() => $(el, `[part=person][data-pubkey="${patient.pubkey}"] button.revoke`), 'the next person\'s Revoke button');
      const said = $$(el, 'button.revoke').map((b) => b.getAttribute('aria-disabled'));
      expect({ status: el.status, said }).to.deep.equal({ status: 'idle', said: ['false'] });
      quiet.release();
    } finally {
      client.close();
    }
  });
});
