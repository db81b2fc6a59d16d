/**
 * The button that ends someone's access says what it does, in the dialog's own words: "Revoke
 * access for Dr Lee", not "Revoke Dr Lee" (which reads as if the person were revoked), in English
 * and Spanish.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { loadLanguage } from '../components/shared/language-packs.js';
import { person, profileEvent, relayUrl, sampleBundle } from './helpers.js';
import { $, dialogOf, root, text } from './element-helpers.js';

describe('<nip82-access-list>: the Revoke button in the dialog', function () {
  this.timeout(60000);

  for (const [lang, title, old] of [
    ['en', /^Revoke access for (Dr Lee \(npub1.+\))\?$/, 'Revoke Dr Lee'],
    ['es', /^¿Revocar el acceso de (Dr Lee \(npub1.+\))\?$/, 'Revocar a Dr Lee'],
  ] as const) {
    it(`${lang}: names the access it ends, as the dialog's title does`, async () => {
      await loadLanguage('es');
      const url = await relayUrl('main');
      const client = new RelayClient({ relays: [url] });
      try {
        const patient = await person();
        const doctor = await person();
        await client.publishAll([await profileEvent(doctor, 'Dr Lee')]);
        const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: doctor.pubkey, role: 'viewer' }] });
        await client.publishAll(events);
        const record = await openRecord(events, patient.signer);
        const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang=${lang} .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-access-list>`);
        const row = () => $<HTMLLIElement>(el, `[part=person][data-pubkey="${doctor.pubkey}"]`);
        await waitUntil(() => text(row()).includes('Dr Lee'), 'the name is looked up');
        row()!.querySelector<HTMLButtonElement>('button.revoke')!.click();
        await waitUntil(() => dialogOf(el).open, 'dialog opens');
        await el.updateComplete;
        // The name is self-chosen, so the short key stands beside it.
        const said = text($(el, '#dialog-title'));
        expect(said).to.match(title);
        const who = title.exec(said)![1]!;
        expect(text($(el, 'dialog button.danger'))).to.equal(lang === 'en' ? `Revoke access for ${who}` : `Revocar el acceso de ${who}`);
        expect(text(root(el))).not.to.contain(old);
      } finally {
        client.close();
      }
    });
  }
});
