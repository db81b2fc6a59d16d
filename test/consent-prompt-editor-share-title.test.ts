/**
 * A clinician a patient let view and share a record, sharing it on: the dialog's title names whose
 * records they are ("Share Rosa Diaz's records"), not "Share your records", which says they are
 * the clinician's. Their own records keep "Share your records". In Spanish too.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, recordAbout, relayUrl } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('the consent prompt: sharing on a patient\'s record', function () {
  this.timeout(60000);

  it('titles the dialog with the patient\'s name, and "your records" only for the user\'s own', async () => {
    const url = await relayUrl('main');
    const [clinician, patient] = await Promise.all([person(), person()]);
    const mine = await openRecord(await createRecord({ bundle: recordAbout('Dr Lee', 'Migraine', clinician), author: clinician.signer, participants: [] }), clinician.signer);
    const record = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Hepatitis C', patient), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role: 'editor', until: '2099-01-31' }));
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }],
    });
    const theirs = await openRecord(events, clinician.signer);
    const title = (el: Nip82ConsentPrompt) => text($(el, '#dialog-title'));

    const only = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" lang="en" relays=${url} .signer=${clinician.signer} .records=${[theirs]}></nip82-consent-prompt>`);
    buttonByText(only, /^Share records/)!.click();
    await waitUntil(() => dialogOf(only).open && $$(only, 'li.item').some((li) => text(li).includes('Hepatitis C')), 'the patient\'s items offered');
    expect(title(only)).to.equal('Share Rosa Diaz\'s records');

    const both = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" lang="en" relays=${url} .signer=${clinician.signer} .records=${[mine, theirs]}></nip82-consent-prompt>`);
    buttonByText(both, /^Share records/)!.click();
    await waitUntil(() => dialogOf(both).open && $$(both, 'fieldset.about input').length === 2, 'the "Whose records" choice');
    const choose = async (name: string) => {
      $$(both, 'fieldset.about label').find((l) => text(l) === name)!.querySelector('input')!.click();
      await waitUntil(() => $$(both, 'li.item').some((li) => text(li).includes(name === 'Yours' ? 'Migraine' : 'Hepatitis C')), `${name}'s items`);
    };
    await choose('Rosa Diaz');
    expect(title(both)).to.equal('Share Rosa Diaz\'s records');
    await choose('Yours');
    expect(title(both)).to.equal('Share your records');

    const es = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" lang="es" relays=${url} .signer=${clinician.signer} .records=${[theirs]}></nip82-consent-prompt>`);
    await waitUntil(() => buttonByText(es, /^Compartir historiales/), 'the Spanish trigger');
    buttonByText(es, /^Compartir historiales/)!.click();
    await waitUntil(() => dialogOf(es).open && $$(es, 'li.item').length > 0, 'the Spanish dialog');
    expect(title(es)).to.equal('Compartir los historiales de Rosa Diaz');
  });
});
