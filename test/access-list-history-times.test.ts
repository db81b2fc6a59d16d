/**
 * The consent history as evidence read later or elsewhere: each row says the time of day and the
 * time zone it was read in, not only the day. Before, a share and its revocation on one day read
 * "Dec 5, 2026" both, and nothing said where that day was.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, text } from './element-helpers.js';

describe('the access list: the consent history says when, to the minute, and where (New York)', function () {
  this.timeout(90000);

  before(async () => {
    await executeServerCommand('time-zone', { timeZone: 'America/New_York' });
    await import('../components/access-list/define.js');
  });

  after(() => executeServerCommand('time-zone', { timeZone: '' }));

  it('a share and its revocation each say their time of day and time zone', async () => {
    const url = await relayUrl('main');
    const [clinic, patient, hospital] = await Promise.all([person(), person(), person()]);
    const made = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
    const record = await openRecord(made, patient.signer);
    const consent = grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer' }) as unknown as { provision: { period: { start: string } }; dateTime: string };
    // Shared at 9:30 in the morning in New York (14:30 UTC in December).
    consent.provision.period.start = consent.dateTime = '2025-12-03T14:30:00.000Z';
    const { source, fullUrl } = consentSource(record, consent as never);
    const shared = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }],
    });
    const revoked = await revokeAccess(await openRecord(shared, patient.signer), clinic.pubkey);
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll([...made, ...shared]);
      await client.publishAll(revoked.events);
    } finally {
      client.close();
    }

    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${url}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'done', 'records loaded', { timeout: 30000 });
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => $$(el, '#history tbody tr.revoked').length === 1 && $$(el, '#history tbody tr.shared').length === 1, 'the history shown', { timeout: 30000 });
    const when = (kind: string) => text($(el, `#history tbody tr.${kind} td[data-label="Date"]`));
    expect(when('shared'), 'the share: its day, time and zone').to.match(/^Dec 3, 2025, 9:30\sAM EST$/);
    // Revoked just now: the time of day of the revocation, in the same zone.
    expect(when('revoked'), 'the revocation: its day, time and zone').to.match(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M EST$/);
  });
});
