/**
 * A patient after years of use: many records, many people, some given several records. The access
 * list helps them find who holds what and tells them what a revocation leaves.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, revokeAccess, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, type Person } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';

const bundleTitled = (title: string) =>
  ({
    resourceType: 'Bundle', type: 'collection',
    entry: [
      { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000000', resource: { resourceType: 'Composition', id: 'd', status: 'final', title, date: '2023-02-01', type: { text: 'Summary' }, author: [{ display: 'Clinic' }] } },
      { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: { resourceType: 'Condition', id: 'c1', code: { text: title }, recordedDate: '2023-02-01' } },
    ],
  }) as unknown as FhirBundle;

async function held(patient: Person, title: string, people: string[]): Promise<OpenedRecord> {
  const events = await createRecord({ bundle: bundleTitled(title), author: patient.signer, participants: people.map((pubkey) => ({ pubkey, role: 'viewer' as const })) });
  return openRecord(events, patient.signer);
}

/** `record` shared whole with `to`, made on `since` (YYYY-MM-DD), opened back as the patient's copy. */
async function shared(record: OpenedRecord, patient: Person, to: Person, since: string): Promise<OpenedRecord> {
  const grant = grantConsent({ patient: patient.pubkey, recipient: to.pubkey, role: 'viewer' }) as unknown as { provision: { period: { start: string } }; dateTime: string };
  grant.provision.period.start = grant.dateTime = `${since}T10:00:00.000Z`;
  const { source, fullUrl } = consentSource(record, grant as never);
  const events = await createShare({
    from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: to.pubkey, role: 'viewer' }],
  });
  return openRecord(events, patient.signer);
}

describe('the access list after years of use', function () {
  this.timeout(60000);

  it('revoking one person from one record says which other records they can still open', async () => {
    const [patient, clinic, other] = await Promise.all([person(), person(), person()]);
    const records = [
      await held(patient, 'Asthma', [clinic.pubkey]),
      await held(patient, 'Migraine', [clinic.pubkey, other.pubkey]),
      await held(patient, 'Broken wrist', [other.pubkey]),
      await held(patient, 'Allergy', [clinic.pubkey]),
    ];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${records} .signer=${patient.signer}></nip82-access-list>`);
    const button = `#record-${records[0]!.signPubkey} ~ ul [data-pubkey="${clinic.pubkey}"] button.revoke`;
    await waitUntil(() => $(el, button), 'the clinic listed on the first record');
    $<HTMLButtonElement>(el, button)!.click();
    await waitUntil(() => dialogOf(el).open, 'the revoke dialog');
    await el.updateComplete;
    const said = text(dialogOf(el));
    expect(said).to.contain('can still open 2 other records of yours');
    expect(said).to.contain('Migraine');
    expect(said).to.contain('Allergy');
    expect(said).not.to.contain('Broken wrist');
  });

  it('lists the shares still open first, newest first, and those revoked after, under their own heading, with the day revoked', async () => {
    const [patient, dentist, school, physio] = await Promise.all([person(), person(), person(), person()]);
    const record = await held(patient, 'Check-ups', []);
    const older = await shared(record, patient, dentist, '2021-03-01');
    const newer = await shared(record, patient, school, '2024-06-01');
    const gone = await shared(record, patient, physio, '2022-09-01');
    const revoked = (await revokeAccess(gone, physio.pubkey)).record;
    // As the session's store lists them: newest version first, so the one revoked last comes first.
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[revoked, newer, older, record]} .signer=${patient.signer}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=share]').length === 3, 'the three shares are listed');
    await el.updateComplete;
    const order = $$(el, '[part=share]').map((li) => li.dataset.pubkey);
    expect(order, 'still open first, the newest share first; the revoked one last').to.deep.equal([school.pubkey, dentist.pubkey, physio.pubkey]);
    const heading = $(el, '.shares h4');
    expect(text(heading)).to.equal('No longer shared');
    expect(heading!.compareDocumentPosition($(el, `[part=share][data-pubkey="${physio.pubkey}"]`)!) & Node.DOCUMENT_POSITION_FOLLOWING, 'the revoked share under it').to.be.greaterThan(0);
    expect(heading!.compareDocumentPosition($(el, `[part=share][data-pubkey="${dentist.pubkey}"]`)!) & Node.DOCUMENT_POSITION_PRECEDING, 'the open ones before it').to.be.greaterThan(0);
    expect(text($(el, `[part=share][data-pubkey="${physio.pubkey}"] .state`)), 'when it was revoked').to.match(/^Revoked on [A-Z][a-z]{2} \d{1,2}, \d{4}\.$/);
  });

  it('the consent history names the record of each revocation: one person revoked from two records is two rows told apart', async () => {
    const url = await relayUrl('main');
    const [patient, clinic] = await Promise.all([person(), person()]);
    const client = new RelayClient({ relays: [url] });
    try {
      for (const title of ['Asthma', 'Migraine']) {
        await client.publishAll(await createRecord({ bundle: bundleTitled(title), author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }));
      }
    } finally {
      client.close();
    }
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${url}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => $$(el, `[part=person][data-pubkey="${clinic.pubkey}"] button.revoke`).length === 2, 'both records list the clinic', { timeout: 20000 });
    for (let i = 0; i < 2; i++) {
      $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinic.pubkey}"] button.revoke`)!.click();
      await waitUntil(() => dialogOf(el).open, 'the revoke dialog');
      await el.updateComplete;
      buttonByText(el, /^Revoke access for npub1/)!.click();
      await waitUntil(() => el.status === 'done', 'revoked', { timeout: 30000 });
      buttonByText(el, 'Close')!.click();
      // Its close event handled too (focus back on the page), not only the dialog shut.
      await waitUntil(() => !dialogOf(el).open && !(el as unknown as { open: boolean }).open, 'the dialog closed');
      await el.updateComplete;
    }
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => $$(el, '#history tbody tr.revoked').length === 2, 'two revocations in the history', { timeout: 20000 });
    const rows = $$(el, '#history tbody tr.revoked').map((tr) => text(tr.children[2]));
    expect(rows.some((r) => r.includes('Asthma')), 'the Asthma record named').to.equal(true);
    expect(rows.some((r) => r.includes('Migraine')), 'the Migraine record named').to.equal(true);
  });

  it('each share says what kinds of items it holds, so two shares to one clinic are told apart', async () => {
    const [patient, clinic] = await Promise.all([person(), person()]);
    const asthma = await held(patient, 'Asthma', []);
    const share = await shared(asthma, patient, clinic, '2023-04-01');
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[share, asthma]} .signer=${patient.signer}></nip82-access-list>`);
    await waitUntil(() => $(el, '[part=share]'), 'the share is listed');
    await el.updateComplete;
    expect(text($(el, '[part=share] .kinds'))).to.equal('Includes: document summaries, conditions.');
  });
});
