/**
 * A patient let two helpers edit their record; one of them revokes the other. The dialog names
 * who stays on the record so that those the revoked person added can be revoked too: not the
 * patient, whose record it is and whom the helper cannot revoke (no Revoke beside them).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { $, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-access-list>: a helper revokes another who could add people', function () {
  this.timeout(60000);

  it('does not name the patient as one to revoke', async () => {
    const [patient, helper, other, added] = await Promise.all([person(), person(), person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: helper.pubkey, role: 'editor' }));
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl],
      author: patient.signer, participants: [{ pubkey: helper.pubkey, role: 'editor' }, { pubkey: other.pubkey, role: 'editor' }, { pubkey: added.pubkey, role: 'viewer' }],
    });
    const share = await openRecord(events, helper.signer);
    const names = { [patient.pubkey]: 'Rosa Diaz', [other.pubkey]: 'Sam Other', [added.pubkey]: 'Lee Added' };
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[share]} .signer=${helper.signer} .knownNames=${names}></nip82-access-list>`);
    await waitUntil(() => $(el, `[part=person][data-pubkey="${other.pubkey}"] button`), 'the people are listed');
    expect($(el, `[part=person][data-pubkey="${patient.pubkey}"] button`), 'no Revoke beside the patient').to.equal(null);
    $(el, `[part=person][data-pubkey="${other.pubkey}"] button`)!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog opens');
    await el.updateComplete;
    const staying = text($(el, 'dialog p.stay'));
    expect(staying, 'who stays is named').to.match(/^After this, Lee Added \(npub1\S+\) can still open it\. Sam Other/);
    expect(staying, 'the patient is not among those to revoke').not.to.contain('Rosa Diaz');
  });
});
