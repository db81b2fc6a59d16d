/**
 * Probe: a revocation stopped because a storage server could not be checked says why in English
 * ("Could not check <server> (it asked you to sign in, and you did not)"), which tells the patient
 * what to do differently. The Spanish detail keeps the server and drops the reason: "No se pudo
 * comprobar si <server> tiene una versión más nueva…", so a Spanish reader cannot tell a refused
 * sign-in from a server that is down, and tries again the same way.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle, decliningSignIn } from './helpers.js';
import { $, buttonByText, dialogOf, root, text } from './element-helpers.js';

describe('probe (es): why a storage server could not be checked', function () {
  this.timeout(60000);

  it('says in Spanish that the server asked the patient to sign in and they did not', async () => {
    const url = await relayUrl('main');
    const signIn = await relayUrl('auth');
    const client = new RelayClient({ relays: [url] });
    try {
      const patient = await person();
      const family = await person();
      const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }] });
      await client.publishAll(events);
      const record = await openRecord(events, patient.signer);
      const declining = decliningSignIn(patient.signer);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es">
        <nip82-access-list .records=${[record]} .signer=${declining} relays=${`${url} ${signIn}`}></nip82-access-list>
      </div>`);
      const el = wrapper.querySelector<Nip82AccessList>('nip82-access-list')!;
      await waitUntil(() => text(root(el)).includes('(usted)'), 'knows who "usted" is');
      $<HTMLLIElement>(el, `[part=person][data-pubkey="${family.pubkey}"]`)!.querySelector<HTMLButtonElement>('button.revoke')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      buttonByText(el, /^Revocar a /)!.click();
      await waitUntil(() => el.status === 'relay-error', 'stopped');
      await el.updateComplete;
      const said = text($(el, 'dialog [role=status]'));
      expect(said, 'the server is named').to.contain(signIn);
      // The English line's fact, in the words the Spanish pack uses for it elsewhere ("pidió que usted iniciara sesión").
      expect(said, `the status line: "${said}"`).to.match(/iniciara sesión|iniciar sesión|se identificara/);
    } finally {
      client.close();
    }
  });
});
