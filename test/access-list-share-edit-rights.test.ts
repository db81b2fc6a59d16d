/**
 * A patient who gave someone the right to share a share on (edit rights), perhaps by mistake,
 * looks at "What you shared": the share says so, not "Can view" as a view-only share does.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { $$, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-access-list>: a share given with the right to share it on', function () {
  this.timeout(60000);

  it('says they can view and share it; a view-only share still says they can view', async () => {
    const [patient, clinic, friend] = await Promise.all([person(), person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const shareTo = async (pubkey: string, role: 'viewer' | 'editor') => {
      const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: pubkey, role }));
      const events = await createShare({
        from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl],
        author: patient.signer, participants: [{ pubkey, role }],
      });
      return openRecord(events, patient.signer);
    };
    const shares = [await shareTo(friend.pubkey, 'editor'), await shareTo(clinic.pubkey, 'viewer')];
    const names = { [clinic.pubkey]: 'Lakeside Clinic', [friend.pubkey]: 'Sam' };
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, ...shares]} .signer=${patient.signer} .knownNames=${names}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=share]').length === 2, 'both shares are listed');
    const state = (pubkey: string) => text($$(el, '[part=share]').find((li) => li.dataset.pubkey === pubkey)!.querySelector('.state'));
    expect(state(friend.pubkey)).to.equal('Can view and share, with no end date.');
    expect(state(clinic.pubkey)).to.equal('Can view, with no end date.');
  });
});
