// On a Spanish page, a storage server the access list could not check before a change is named
// with the reason why, as the English line names it: the reason says what to do before trying again.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle, decliningSignIn } from './helpers.js';
import { $, buttonByText, dialogOf, root, text } from './element-helpers.js';

describe('<nip82-access-list lang="es"> and a storage server it could not check', function () {
  this.timeout(60000);

  it('names the server and why it was not checked, in Spanish', async () => {
    const url = await relayUrl('main');
    const signIn = await relayUrl('auth');
    const client = new RelayClient({ relays: [url] });
    try {
      const patient = await person();
      const family = await person();
      const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }] });
      await client.publishAll(events);
      const record = await openRecord(events, patient.signer);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es">
        <nip82-access-list .records=${[record]} .signer=${decliningSignIn(patient.signer)} relays=${`${url} ${signIn}`}></nip82-access-list>
      </div>`);
      const el = wrapper.querySelector<Nip82AccessList>('nip82-access-list')!;
      await waitUntil(() => text(root(el)).includes('(usted)'), 'knows who "you" are');
      $<HTMLLIElement>(el, `[part=person][data-pubkey="${family.pubkey}"]`)!.querySelector<HTMLButtonElement>('button.revoke')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      buttonByText(el, /^Revocar el acceso de /)!.click();
      await waitUntil(() => el.status === 'relay-error', 'stopped');
      await el.updateComplete;
      const said = text(dialogOf(el));
      expect(said).to.contain(`No se pudo comprobar si ${signIn} (le pidió iniciar sesión y no lo hizo) tiene una versión más nueva`);
      expect(said).not.to.match(/asked you|sign in/);
      expect(buttonByText(el, 'Reintentar')).to.exist;
    } finally {
      client.close();
    }
  });
});
