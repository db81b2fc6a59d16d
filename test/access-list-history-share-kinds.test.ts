/**
 * The patient's consent history says what each share gave: the kinds of items it carries, as an
 * approved request's row lists the kinds it granted. Before, a share's row read "—" there, as if
 * nothing had been shared.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { RelayClient } from '../components/core/relay/client.js';
import { $$, buttonByText, text } from './element-helpers.js';

describe('the access list: the consent history of a share', function () {
  this.timeout(60000);

  it('says what a share gave, not "—"', async () => {
    const url = await relayUrl('main');
    const [clinic, patient, hospital] = await Promise.all([person(), person(), person()]);
    const made = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
    const record = await openRecord(made, patient.signer);
    const consent = grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer' });
    const { source } = consentSource(record, consent);
    const events = await createShare({ from: [record, source], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(made);
      await client.publishAll(events);
    } finally {
      client.close();
    }

    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${url}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'done', 'records loaded', { timeout: 30000 });
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part=share]')), 'the share is listed').to.contain('Shared on');
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => $$(el, 'table tbody tr').length > 0, 'history shown', { timeout: 30000 });
    const rows = $$(el, 'table tbody tr').map((tr) => [...tr.querySelectorAll('td')].map((td) => text(td)));
    const shared = rows.find((r) => r[2] === 'shared');
    expect(shared, JSON.stringify(rows)).to.exist;
    // The share gave every item of the record: the "What" column should say so (its kinds, or how many items).
    expect(shared![3], `the "What" cell of ${JSON.stringify(shared)}`).not.to.equal('—');
    // In the patient's words, without the grant note or signatures it travels with.
    expect(shared![3]).to.match(/vaccinations/i);
    expect(shared![3]).not.to.match(/consent|provenance|Immunization/i);
  });
});
