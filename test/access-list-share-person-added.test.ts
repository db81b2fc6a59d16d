/**
 * A share edited after it was made: the clinic it went to (who may edit it) adds a specialist.
 * The patient's list of what they shared names everyone who can open that share now, not only the
 * person it was made for, and offers to revoke the one added.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, grantAccess, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { shortNpub } from '../components/shared/identity.js';
import { $, dialogOf, root, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-access-list>: a share someone was added to after it was made', function () {
  this.timeout(60000);

  it('names the person added beside the one it was made for, with a way to revoke them', async () => {
    const [patient, clinic, specialist] = await Promise.all([person(), person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'editor', until: '2099-01-31' }));
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl],
      author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'editor' }],
    });
    // The clinic, who may edit the share, adds a specialist to it.
    const atClinic = await openRecord(events, clinic.signer);
    const added = await grantAccess(atClinic, { pubkey: specialist.pubkey, role: 'viewer' }, { createdAt: atClinic.createdAt + 1 });
    // The patient's session reads the share's newest version.
    const share = await openRecord(added.events, patient.signer);
    const names = { [clinic.pubkey]: 'Lakeside Clinic', [specialist.pubkey]: 'Dr Sato' };
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, share]} .signer=${patient.signer} .knownNames=${names}></nip82-access-list>`);
    await waitUntil(() => $(el, '[part=share]') && text(root(el)).includes('(you)'), 'the share is listed');
    const said = text($(el, '[part=share]'));
    expect(said).to.contain('Lakeside Clinic');
    expect(said, 'the person added is named').to.contain('Dr Sato');
    expect(said).to.contain(shortNpub(specialist.pubkey));
    const buttons = [...$(el, '[part=share]')!.querySelectorAll<HTMLButtonElement>('button.revoke')].map((b) => b.getAttribute('aria-label') ?? '');
    expect(buttons.some((b) => b.includes('Dr Sato')), 'the person added can be revoked').to.equal(true);
    $(el, `[part=share] [part=person][data-pubkey="${specialist.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog opens');
    await el.updateComplete;
    expect(text(dialogOf(el))).to.contain('Revoke access for Dr Sato');
  });
});
