/**
 * A share revoked while one of the patient's two storage servers was away: the change reached the
 * other only. The next visit read both to the end; the list said the share was revoked, and
 * nothing else, while the server that missed the change still served the version from before,
 * which the recipient can open from there. It now says so, and sends that server the very same
 * change (nothing new signed).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import '../components/session/define.js';
import '../components/record-viewer/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { RelayClient } from '../components/core/relay/client.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { counting, person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-access-list>: a share revoked on one storage server of two', function () {
  this.timeout(60000);

  it('says the other still serves it, and sends the same change there', async () => {
    const [main, second] = [await relayUrl('main'), await relayUrl('second')];
    const both = new RelayClient({ relays: [main, second] });
    const one = new RelayClient({ relays: [main] });
    const only = new RelayClient({ relays: [second] });
    try {
      const [patient, clinic, hospital] = [await person(), await person(), await person()];
      const held = await openRecord(await createRecord({ bundle: sampleBundle(), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] }), patient.signer);
      await both.publishAll(held.events);
      const { source, fullUrl } = consentSource(held, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until: '2099-01-31', purpose: 'Check-up' }));
      const include = [...held.bundle.entry!.map((e) => e.fullUrl!), fullUrl];
      const events = await createShare({ from: [held, source], include, author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
      await both.publishAll(events);
      const mine = await openRecord(events, patient.signer);
      const revoked = await revokeAccess(mine, clinic.pubkey, { createdAt: mine.createdAt + 1 });
      await one.publishAll(revoked.events);

      const signer = counting(patient.signer);
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${signer} relays=${`${main} ${second}`}></nip82-access-list>`);
      buttonByText(el, 'Unlock my records')!.click();
      await waitUntil(() => el.status === 'done' && !!$(el, '[part=share]'), 'the share is listed');
      await el.updateComplete;
      expect(text($(el, '[part=share]'))).to.contain('Revoked');
      const notice = $(el, '[part=unfinished]');
      expect(notice, 'the server that missed the revocation is said').to.exist;
      expect(text(notice)).to.contain('not on every storage server yet');

      const signed = signer.calls.signEvent ?? 0;
      buttonByText(el, 'Send to the storage servers that missed it')!.click();
      await waitUntil(() => !$(el, '[part=unfinished]'), 'sent there');
      expect(signer.calls.signEvent ?? 0, 'nothing new signed').to.equal(signed);
      const { events: there } = await only.query({ kinds: [RECORD_KIND], authors: [mine.signPubkey] });
      expect(there.map((e) => e.id), 'the other server now serves the revoked version').to.deep.equal(revoked.record.events.map((e) => e.id));
    } finally {
      both.close();
      one.close();
      only.close();
    }
  });

  it('says nothing of a server that never held the share (one added since)', async () => {
    const [main, second] = [await relayUrl('main'), await relayUrl('second')];
    const one = new RelayClient({ relays: [main] });
    try {
      const { patient, mine, revoked } = await revokedShare(one);
      await one.publishAll(revoked.events);
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${`${main} ${second}`}></nip82-access-list>`);
      buttonByText(el, 'Unlock my records')!.click();
      await waitUntil(() => el.status === 'done' && !!$(el, '[part=share]'), 'the share is listed');
      await el.updateComplete;
      expect(text($(el, '[part=share]'))).to.contain('Revoked');
      expect(mine.signPubkey).to.be.a('string');
      expect($(el, '[part=unfinished]'), 'a notice that the new server still serves it').to.equal(null);
    } finally {
      one.close();
    }
  });

  it('once sent, a list built again in the session does not offer it again', async () => {
    const [main, second] = [await relayUrl('main'), await relayUrl('second')];
    const both = new RelayClient({ relays: [main, second] });
    const one = new RelayClient({ relays: [main] });
    try {
      const { patient, held, revoked } = await revokedShare(both);
      await one.publishAll(revoked.events);
      const session = await fixture<Nip82Session>(html`<nip82-session relays=${`${main} ${second}`} .signer=${patient.signer}></nip82-session>`);
      await waitUntil(() => session.pubkey === patient.pubkey, 'never signed in');
      const first = document.createElement('nip82-access-list') as Nip82AccessList;
      session.append(first);
      await first.updateComplete;
      buttonByText(first, 'Unlock my records')!.click();
      await waitUntil(() => !!$(first, '[part=unfinished]'), 'the server that missed it is said');
      buttonByText(first, 'Send to the storage servers that missed it')!.click();
      await waitUntil(() => !$(first, '[part=unfinished]'), 'sent there');
      first.remove();

      // A route shown again, and a record opened by its address: the session's records change.
      const again = document.createElement('nip82-access-list') as Nip82AccessList;
      const viewer = document.createElement('nip82-record-viewer') as Nip82RecordViewer;
      viewer.naddr = held.naddrs[0]!;
      session.append(again, viewer);
      await waitUntil(() => !!$(again, '[part=share]'), 'the list shows the share');
      buttonByText(viewer, /^Unlock/)!.click();
      await waitUntil(() => viewer.status === 'done', 'the record opened');
      await again.updateComplete;
      expect($(again, '[part=unfinished]'), 'the notice, though the server has it now').to.equal(null);
    } finally {
      both.close();
      one.close();
    }
  });
});

/** A share of a hospital's record with a clinic, published through `client`, and its revocation (signed, not sent). */
async function revokedShare(client: RelayClient) {
  const [patient, clinic, hospital] = [await person(), await person(), await person()];
  const held = await openRecord(await createRecord({ bundle: sampleBundle(), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] }), patient.signer);
  await client.publishAll(held.events);
  const { source, fullUrl } = consentSource(held, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until: '2099-01-31', purpose: 'Check-up' }));
  const include = [...held.bundle.entry!.map((e) => e.fullUrl!), fullUrl];
  const events = await createShare({ from: [held, source], include, author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
  await client.publishAll(events);
  const mine = await openRecord(events, patient.signer);
  return { patient, held, mine, revoked: await revokeAccess(mine, clinic.pubkey, { createdAt: mine.createdAt + 1 }) };
}
