/**
 * The patient approved a clinic's request, then revoked the clinic's access (from the access list,
 * on this device or another). Their consent history in the answer prompt no longer reads as a
 * grant in force: the approval says it was revoked, and on which day. In Spanish too. One that gave
 * two records, one of them revoked since, still gives access and is not said to be revoked.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { answerRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { dayText } from '../components/shared/dates.js';
import { naddrsOf } from '../components/consent-prompt/naddrs.js';
import { person, receivedRequest, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, isoDay, text } from './element-helpers.js';

/** The patient unlocks their records and reads the decision of their one answer in the history, in English and Spanish. */
async function historyDecisions(url: string, patient: Awaited<ReturnType<typeof person>>): Promise<[string, string]> {
  const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${patient.signer}>
    <nip82-access-list lang="en"></nip82-access-list>
    <nip82-consent-prompt lang="en" mode="answer"></nip82-consent-prompt><nip82-consent-prompt lang="es" mode="answer"></nip82-consent-prompt></nip82-session>`);
  await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
  const list = session.querySelector<Nip82AccessList>('nip82-access-list')!;
  await list.updateComplete;
  buttonByText(list, 'Unlock my records')!.click();
  await waitUntil(() => list.status === 'done', 'records loaded', { timeout: 30000 });
  const [en, es] = [...session.querySelectorAll<Nip82ConsentPrompt>('nip82-consent-prompt')];
  buttonByText(en, 'Check for requests')!.click();
  await waitUntil(() => $$(en, 'table.history tbody tr').length === 1, 'the history', { timeout: 30000 });
  // Its words load with the page's language.
  await waitUntil(() => buttonByText(es, 'Ver solicitudes'), 'the Spanish prompt');
  buttonByText(es, 'Ver solicitudes')!.click();
  await waitUntil(() => $$(es, 'table.history tbody tr').length === 1, 'the history in Spanish', { timeout: 30000 });
  await Promise.all([en.updateComplete, es.updateComplete]);
  const decision = (el: Nip82ConsentPrompt) => text($(el, 'table.history tbody td:nth-child(3)'));
  return [decision(en), decision(es)];
}

describe('the consent prompt: the consent history after a revoke', function () {
  this.timeout(90000);

  it('an approval whose access was revoked says so, and when', async () => {
    const url = await relayUrl('main');
    const [clinic, patient, hospital] = await Promise.all([person(), person(), person()]);
    const made = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
    const record = await openRecord(made, patient.signer);
    const until = isoDay(30);
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(made);
      // The clinic asks; the patient approves with a share, as the prompt makes one, then revokes it.
      const request = await receivedRequest(client, patient, clinic);
      const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until, purpose: 'Referral' }));
      const shared = await createShare({ from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
      await client.publishAll(shared);
      await client.publishAll((await answerRequest(request, { signer: patient.signer, decision: 'active', records: naddrsOf(shared), until })).events);
      await client.publishAll((await revokeAccess(await openRecord(shared, patient.signer), clinic.pubkey)).events);
    } finally {
      client.close();
    }

    const [en, es] = await historyDecisions(url, patient);
    const today = Math.floor(Date.now() / 1000);
    expect(en).to.equal(`approved; revoked on ${dayText(today, 'en')}`);
    expect(es).to.equal(`aprobada; revocada el ${dayText(today, 'es')}`);
  });

  it('an approval of two records, one of them revoked since, is not said to be revoked', async () => {
    const url = await relayUrl('main');
    const [clinic, patient, hospital] = await Promise.all([person(), person(), person()]);
    const made = await Promise.all([1, 2].map(() => createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] })));
    const records = await Promise.all(made.map((m) => openRecord(m, patient.signer)));
    const until = isoDay(30);
    const client = new RelayClient({ relays: [url] });
    try {
      for (const m of made) await client.publishAll(m);
      // The clinic asks; the patient approves with a share of each record, then revokes one of the two.
      const request = await receivedRequest(client, patient, clinic);
      const shares = [];
      for (const record of records) {
        const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until, purpose: 'Referral' }));
        const shared = await createShare({ from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
        await client.publishAll(shared);
        shares.push(shared);
      }
      await client.publishAll((await answerRequest(request, { signer: patient.signer, decision: 'active', records: shares.flatMap((s) => naddrsOf(s)), until })).events);
      await client.publishAll((await revokeAccess(await openRecord(shares[0]!, patient.signer), clinic.pubkey)).events);
    } finally {
      client.close();
    }

    const [en, es] = await historyDecisions(url, patient);
    // The clinic can still open the other record: the approval still gives access.
    expect(en).to.equal('approved');
    expect(es).to.equal('aprobada');
  });
});
