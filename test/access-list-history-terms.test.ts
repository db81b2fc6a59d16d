/**
 * The consent history as evidence: each row says why (the purpose the patient gave, or the one a
 * request gave) and until when a grant ran, also once it is no longer in force. Before, the
 * history dropped the purpose of every row and the end date of a share once it was revoked.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { answerRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { dayText } from '../components/shared/dates.js';
import { person, receivedRequest, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, isoDay, text } from './element-helpers.js';

describe('the access list: the consent history says why and until when', function () {
  this.timeout(90000);

  it('a revoked share keeps its purpose and end date; a denied request its purpose', async () => {
    const url = await relayUrl('main');
    const [clinic, patient, hospital, er] = await Promise.all([person(), person(), person(), person()]);
    const made = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
    const record = await openRecord(made, patient.signer);
    const until = isoDay(30);
    const consent = grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until, purpose: 'Knee surgery' });
    const { source, fullUrl } = consentSource(record, consent);
    const shared = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }],
    });
    const revoked = await revokeAccess(await openRecord(shared, patient.signer), clinic.pubkey);
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll([...made, ...shared]);
      await client.publishAll(revoked.events);
      // A request from the emergency room ("Referral"), denied.
      const request = await receivedRequest(client, patient, er);
      await client.publishAll((await answerRequest(request, { signer: patient.signer, decision: 'rejected' })).events);
    } finally {
      client.close();
    }

    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${url}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'done', 'records loaded', { timeout: 30000 });
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => $$(el, '#history tbody tr.denied').length === 1 && $$(el, '#history tbody tr.shared').length === 1, 'the history shown', { timeout: 30000 });
    // A row's cell under a column's heading.
    const cell = (kind: string, column: string) => text($(el, `#history tbody tr.${kind} td[data-label="${column}"]`));
    expect(cell('shared', 'Why'), 'the share says why').to.equal('Knee surgery');
    expect(cell('shared', 'Until'), 'and until when, though revoked').to.equal(dayText(until, 'en'));
    expect(cell('denied', 'Why'), 'the denied request says what it was for').to.equal('Referral');
    expect(cell('revoked', 'Why'), 'a revocation gives no purpose of its own').to.equal('—');
  });
});
