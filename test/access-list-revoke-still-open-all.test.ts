/**
 * A patient shared the same items with a clinic twice (say, once more after a refusal at the
 * signer) and revokes one of the two. The dialog lists the other as "56 items" and must count what
 * the clinic can still open the same way: all of them, personal details included, since the other
 * share carries those too. One fewer would read as if revoking took an item away; it takes none.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { $$, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-access-list>: revoking one of two shares of the same items to one person', function () {
  this.timeout(60000);

  it('says they can still open as many items as the other share lists, personal details included', async () => {
    const [patient, clinic] = await Promise.all([person(), person()]);
    const t = Math.floor(Date.now() / 1000) - 86400;
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [], createdAt: t }), patient.signer);
    const items = record.bundle.entry!.filter((e) => !['Patient', 'Provenance'].includes(e.resource.resourceType)).map((e) => e.fullUrl!);
    const shareTo = async (at: number) => {
      const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until: '2099-01-31' }));
      return openRecord(await createShare({ from: [record, source], include: [...items, fullUrl], createdAt: at, author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), patient.signer);
    };
    const [first, again] = [await shareTo(t + 10), await shareTo(t + 20)];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, first, again]} .signer=${patient.signer} .knownNames=${{ [clinic.pubkey]: 'Lakeside Clinic' }}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=share]').length === 2 && text(el.shadowRoot).includes('(you)'), 'the shares are listed');

    const listed = `${items.length + 1} items`;
    expect(text(el.shadowRoot), 'each share counts the personal details with the health items').to.contain(`: ${listed}.`);
    $$(el, '[part=share] button.revoke')[0]!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog opens');
    await el.updateComplete;
    expect(text(dialogOf(el))).to.contain(`Lakeside Clinic can still open ${items.length + 1} of these items`);
  });
});
