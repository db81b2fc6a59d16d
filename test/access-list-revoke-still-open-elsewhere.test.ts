/**
 * A patient revokes a clinic's access to one share while another share to the same clinic, still in
 * force, carries some of the same items. The revoke dialog says so: the clinic can still open those
 * items there, so revoking this one alone does not take them out of the clinic's next view.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { $, $$, dialogOf, root, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-access-list>: revoking one share while another to the same person carries the same items', function () {
  this.timeout(60000);

  it('the dialog says how many of its items they can still open elsewhere; with no other share it says nothing of it', async () => {
    const [patient, clinic, dentist] = await Promise.all([person(), person(), person()]);
    const t = Math.floor(Date.now() / 1000) - 86400;
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [], createdAt: t }), patient.signer);
    // The health items (the patient goes with every share; the author's signatures are no item).
    const items = record.bundle.entry!.filter((e) => !['Patient', 'Provenance'].includes(e.resource.resourceType)).map((e) => e.fullUrl!);
    const shareTo = async (who: string, include: string[], at: number) => {
      const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: who, role: 'viewer', until: '2099-01-31' }));
      return openRecord(await createShare({ from: [record, source], include: [...include, fullUrl], createdAt: at, author: patient.signer, participants: [{ pubkey: who, role: 'viewer' }] }), patient.signer);
    };
    // Everything to the clinic; later two of the items to the clinic again; one share to the dentist.
    const all = await shareTo(clinic.pubkey, items, t + 10);
    const some = await shareTo(clinic.pubkey, items.slice(0, 2), t + 20);
    const dental = await shareTo(dentist.pubkey, items, t + 30);
    const names = { [clinic.pubkey]: 'Lakeside Clinic', [dentist.pubkey]: 'Dr Sato' };
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, all, some, dental]} .signer=${patient.signer} .knownNames=${names}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=share]').length === 3 && text(root(el)).includes('(you)'), 'the shares are listed');

    // Revoking the clinic's first share: the second still carries two of its items and the personal
    // details, the "3 items" it is listed with in the same dialog.
    const first = $$(el, `[part=share][data-pubkey="${clinic.pubkey}"]`).find((li) => text(li).includes(`${items.length + 1} items`))!;
    first.querySelector<HTMLButtonElement>('button.revoke')!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog opens');
    await el.updateComplete;
    expect(text(dialogOf(el))).to.contain(': 3 items.');
    expect(text(dialogOf(el))).to.contain('Lakeside Clinic can still open 3 of these items');

    // Revoking the dentist's only share (in a list of its own): nothing else of it is open to them.
    const other = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, all, some, dental]} .signer=${patient.signer} .knownNames=${names}></nip82-access-list>`);
    await waitUntil(() => $$(other, '[part=share]').length === 3 && text(root(other)).includes('(you)'), 'the shares are listed again');
    $(other, `[part=share][data-pubkey="${dentist.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(other).open, 'the dialog opens');
    await other.updateComplete;
    expect(text(dialogOf(other))).to.contain('Revoke access for Dr Sato');
    expect(text(dialogOf(other))).not.to.contain('can still open');
  });
});
