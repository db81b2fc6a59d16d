/**
 * A share a specialist was added to (through another app), then the patient took the clinic off:
 * the specialist can still open it, so it is listed with the shares still open, not under "No
 * longer shared". Revoking the specialist's own share, the dialog lists that share among what they
 * can still open, as its "still open elsewhere" count does.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, grantAccess, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { $, $$, dialogOf, root, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-access-list>: a share someone added can still open', function () {
  this.timeout(60000);

  async function setUp() {
    const [patient, clinic, specialist] = await Promise.all([person(), person(), person()]);
    const t = Math.floor(Date.now() / 1000) - 86400;
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [], createdAt: t }), patient.signer);
    const items = record.bundle.entry!.map((e) => e.fullUrl!);
    const shareTo = async (who: string, role: 'viewer' | 'editor', at: number) => {
      const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: who, role, until: '2099-01-31' }));
      return createShare({ from: [record, source], include: [...items, fullUrl], createdAt: at, author: patient.signer, participants: [{ pubkey: who, role }] });
    };
    // The specialist is added to the clinic's share (through another app); the patient then takes the clinic off it.
    const made = await openRecord(await shareTo(clinic.pubkey, 'viewer', t + 10), patient.signer);
    const added = await grantAccess(made, { pubkey: specialist.pubkey, role: 'viewer' }, { createdAt: t + 20 });
    const revoked = await revokeAccess(added.record, clinic.pubkey, { createdAt: t + 30 });
    const clinicShare = await openRecord(revoked.events, patient.signer);
    // And a share of the patient's own to the specialist.
    const own = await openRecord(await shareTo(specialist.pubkey, 'viewer', t + 40), patient.signer);
    const names = { [clinic.pubkey]: 'Lakeside Clinic', [specialist.pubkey]: 'Dr Sato' };
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, clinicShare, own]} .signer=${patient.signer} .knownNames=${names}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=share]').length === 2 && text(root(el)).includes('(you)'), 'the shares are listed');
    return { el, clinic, specialist };
  }

  it('lists it with the shares still open, not under "No longer shared"', async () => {
    const { el, clinic } = await setUp();
    expect($(el, '.closed-title') === null, `a "No longer shared" heading: ${text($(el, '.shares'))}`).to.equal(true);
    const share = $(el, `[part=share][data-pubkey="${clinic.pubkey}"]`)!;
    expect(text(share), 'the specialist named on it').to.contain('Dr Sato');
  });

  it('revoking the specialist\'s own share, lists the share they were added to among what they can still open', async () => {
    const { el, specialist } = await setUp();
    $(el, `[part=share][data-pubkey="${specialist.pubkey}"] > button.revoke`)!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog opens');
    await el.updateComplete;
    const said = text(dialogOf(el));
    expect($(el, 'dialog .elsewhere') !== null, `the other share listed: ${said}`).to.equal(true);
    expect(said).to.contain('Dr Sato can still open');
  });
});
