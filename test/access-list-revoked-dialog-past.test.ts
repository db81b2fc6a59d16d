/**
 * Once a revocation is done, its dialog reads as what happened, not as a question still to answer:
 * the other records the person can still open are said as they stand now, and "This revokes only
 * this record" (words for before the choice) is gone from above "Access revoked …".
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
import { sharedRelayClient } from './relay-client.js';

describe('<nip82-access-list>: the revoke dialog once the revocation is done', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  it('says what the person can still open as it stands, without the words that asked', async () => {
    const [patient, clinic] = await Promise.all([person(), person()]);
    const t = Math.floor(Date.now() / 1000) - 86400;
    const made = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [], createdAt: t });
    const record = await openRecord(made, patient.signer);
    const items = record.bundle.entry!.filter((e) => !['Patient', 'Provenance'].includes(e.resource.resourceType)).map((e) => e.fullUrl!);
    const shareTo = async (include: string[], at: number) => {
      const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer' }));
      const events = await createShare({ from: [record, source], include: [...include, fullUrl], createdAt: at, author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
      await relay.client.publishAll(events);
      return openRecord(events, patient.signer);
    };
    await relay.client.publishAll(made);
    const [first, second] = [await shareTo(items, t + 10), await shareTo(items.slice(0, 1), t + 20)];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, first, second]} .signer=${patient.signer} relays=${relay.url} .knownNames=${{ [clinic.pubkey]: 'Lakeside Clinic' }}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=share]').length === 2 && text(root(el)).includes('(you)'), 'the shares are listed');

    $$(el, '[part=share] button.revoke').find((b) => text(b.closest('[part=share]')).includes(`${items.length + 1} items`))!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog opens');
    await el.updateComplete;
    expect(text(dialogOf(el)), 'before: what the choice revokes').to.match(/This revokes only this record\. Lakeside Clinic \(npub1\S+\) can still open 1 other record of yours, which stays as it is:/);

    dialogOf(el).querySelector<HTMLButtonElement>('button.danger')!.click();
    await waitUntil(() => el.status === 'done' && $(el, '#result-title'), 'the revocation done', { timeout: 30000 });
    await el.updateComplete;
    const said = text(dialogOf(el));
    expect(said, 'after: nothing reads as still to choose').not.to.contain('This revokes');
    expect(said, 'after: what stays open, as it stands').to.match(/Lakeside Clinic \(npub1\S+\) can still open 1 other record of yours, which stays as it is:/);
    expect(said, 'after: what revoking cannot undo, still true').to.contain('What cannot be taken back');
  });
});
