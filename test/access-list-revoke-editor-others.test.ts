/**
 * A patient gave a share the right to share it on, by mistake; the person it went to added someone.
 * Revoking that person leaves the one they added on the share: the dialog names them before the
 * patient confirms, so that they can be revoked too, not left unseen behind "the others are told".
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, grantAccess, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { $, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-access-list>: revoking someone who could add people', function () {
  this.timeout(60000);

  it('names the people who stay on the share after it', async () => {
    const [patient, wrong, added] = await Promise.all([person(), person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: wrong.pubkey, role: 'editor' }));
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl],
      author: patient.signer, participants: [{ pubkey: wrong.pubkey, role: 'editor' }],
    });
    const atWrong = await openRecord(events, wrong.signer);
    const more = await grantAccess(atWrong, { pubkey: added.pubkey, role: 'viewer' }, { createdAt: atWrong.createdAt + 1 });
    const share = await openRecord(more.events, patient.signer);
    const names = { [wrong.pubkey]: 'Sam Wrong', [added.pubkey]: 'Lee Stranger' };
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, share]} .signer=${patient.signer} .knownNames=${names}></nip82-access-list>`);
    await waitUntil(() => $(el, `[part=share][data-pubkey="${wrong.pubkey}"] button.revoke`), 'the share is listed');
    $(el, `[part=share][data-pubkey="${wrong.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog opens');
    await el.updateComplete;
    expect(text(dialogOf(el))).to.contain('After this, Lee Stranger');
    expect(text(dialogOf(el))).to.contain('can still open it. Sam Wrong');
    expect(text(dialogOf(el)), 'the patient is not named as staying').not.to.contain('(you)');
  });
});
