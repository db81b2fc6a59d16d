/**
 * Ended shares revoked past one with parts missing, where a second storage server refused the
 * change: once the rest is sent ("Finish sending" beside the list), the outcome still says that
 * the share with parts missing was not revoked and that person can still open it, as the first
 * outcome did, not that everything is done.
 */
import { expect, html } from '@open-wc/testing';
import '../components/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import type { NostrEvent } from '../components/core/events.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { waitUntil } from './wait.js';
import { fixture as dataFixture, person, relayAcceptsOnly, relayUrl, sampleBundle, type Person } from './helpers.js';
import { signedInSession } from './in-session.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';

describe('access list: finishing ended shares revoked past one with parts missing', function () {
  this.timeout(120000);
  afterEach(async () => { delete (window as { nostr?: unknown }).nostr; await relayAcceptsOnly('picky', null); });

  it('still says the share with parts missing was not revoked', async () => {
    const [url, picky] = [await relayUrl('main'), await relayUrl('picky')];
    const [patient, clinician, family] = [await person(), await person(), await person()];
    const client = new RelayClient({ relays: [url, picky] });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const parts = (events: NostrEvent[]) => events.filter((e) => e.kind === RECORD_KIND);
    async function opened(bundle: unknown): Promise<OpenedRecord> {
      return openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    }
    /** A share of `record` with `who` whose last day was yesterday. */
    async function endedShare(record: OpenedRecord, who: Person): Promise<NostrEvent[]> {
      const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: who.pubkey, role: 'viewer', until: yesterday }));
      return createShare({ from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: who.pubkey, role: 'viewer' }] });
    }
    try {
      const large = await endedShare(await opened(await dataFixture('synthea-patient.json')), clinician);
      const small = await endedShare(await opened(sampleBundle()), family);
      // The large share's last part never went out.
      await client.publishAll([...parts(large).slice(0, -1), ...small]);
      const { el: list } = await signedInSession<Nip82AccessList>(html`<nip82-session relays=${`${url} ${picky}`}><nip82-access-list></nip82-access-list></nip82-session>`, 'nip82-access-list', patient.signer, patient.pubkey);
      buttonByText(list, 'Unlock my records')!.click();
      await waitUntil(() => buttonByText(list, 'Revoke the 2 ended shares…'), 'both ended shares listed', { timeout: 20000 });
      buttonByText(list, 'Revoke the 2 ended shares…')!.click();
      await waitUntil(() => dialogOf(list).open, 'dialog opens');
      // The second server refuses the change.
      await relayAcceptsOnly('picky', 0);
      buttonByText(list, 'Revoke the other one')!.click();
      await waitUntil(() => list.status === 'done', 'the other share revoked', { timeout: 20000 });
      await list.updateComplete;
      expect(text($(list, '#result-title'))).to.contain('The share with parts missing was not revoked: that person can still open it.');
      buttonByText(list, 'Close')!.click();
      await waitUntil(() => !dialogOf(list).open && $(list, '#finish-0'), 'closed, the rest offered beside the list');
      await relayAcceptsOnly('picky', null);
      $<HTMLButtonElement>(list, '#finish-0')!.click();
      await waitUntil(() => !$(list, '#finish-0') && list.status === 'done', 'the rest sent', { timeout: 20000 });
      await list.updateComplete;
      const said = text($(list, '[role=status]'));
      expect(said).to.contain('The ended share was revoked. 2 of 2 storage servers accepted the change.');
      expect(said).to.contain('The share with parts missing was not revoked: that person can still open it.');
    } finally {
      client.close();
    }
  });
});
