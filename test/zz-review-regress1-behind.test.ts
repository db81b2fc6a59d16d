import { expect, fixture, html } from '@open-wc/testing';
import { naddrEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { RelayClient } from '../components/core/relay/client.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, root, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('zz review: re-send offered again after it went out', function () {
  this.timeout(60000);
  it('a rebuilt access list re-offers from the stale lastRead', async () => {
    const [main, second] = [await relayUrl('main'), await relayUrl('second')];
    const both = new RelayClient({ relays: [main, second] });
    const one = new RelayClient({ relays: [main] });
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

      const session = await fixture<Nip82Session>(html`<nip82-session relays=${`${main} ${second}`} .signer=${patient.signer}></nip82-session>`);
      await waitUntil(() => session.pubkey === patient.pubkey, 'never signed in');
      const visit = () => { const el = document.createElement('nip82-access-list') as Nip82AccessList; session.append(el); return el; };
      const first = visit();
      await first.updateComplete;
      buttonByText(first, 'Show who has access')!.click();
      await waitUntil(() => !!$(first, '[part=unfinished]'), 'offered');
      buttonByText(first, 'Send to the storage servers that missed it')!.click();
      await waitUntil(() => !$(first, '[part=unfinished]'), 'sent there');
      console.log('FIRST after send:', text(root(first)).slice(0, 400));
      first.remove();
      await new Promise((r) => setTimeout(r, 50));
      const second2 = visit();
      await second2.updateComplete;
      await new Promise((r) => setTimeout(r, 500));
      console.log('SECOND before records change, unfinished:', !!$(second2, '[part=unfinished]'));
      // Another element opens a record by its address (a viewer on another route): the store says 'records'.
      const d = held.events[0]!.tags.find((t) => t[0] === 'd')![1]!;
      const store = (session as unknown as { value: { store: { openAddress(n: string): Promise<unknown> } } }).value.store;
      await store.openAddress(naddrEncode({ kind: RECORD_KIND, pubkey: held.signPubkey, identifier: d }));
      await second2.updateComplete;
      await new Promise((r) => setTimeout(r, 300));
      const notice = $(second2, '[part=unfinished]');
      console.log('SECOND after records change:', notice ? text(notice) : 'no notice');
      expect(notice, 'offered again though it went out').to.not.exist;
    } finally { both.close(); one.close(); }
  });
});
