/**
 * A clinician who is also a patient: one key holds their own record and a patient's record shared
 * with them to view. "Share records…" offers only their own items: the patient's are not theirs to
 * pass on (no "Whose records" choice naming the patient, none of the patient's items listed or
 * sent), nor are they offered when someone asks the clinician for that kind of item.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, recordAbout, relayUrl } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';
import { waitUntil } from './wait.js';


describe('the consent prompt: a patient\'s records shared with a clinician are not the clinician\'s to share', function () {
  this.timeout(60000);

  async function records() {
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const mine = await openRecord(await createRecord({ bundle: recordAbout('Dr Lee', 'Migraine', clinician), author: clinician.signer, participants: [] }), clinician.signer);
    const record = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Hepatitis C', patient), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role: 'viewer', until: '2099-01-31' }));
    const events = await createShare({ from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    const theirs = await openRecord(events, clinician.signer);
    return { clinician, other, records: [mine, theirs] };
  }

  const rows = (el: Nip82ConsentPrompt) => $$(el, 'li.item').map((li) => text(li));

  it('Share records… lists the clinician\'s own items only, with no choice of whose records', async () => {
    const url = await relayUrl('main');
    const { clinician, other, records: handed } = await records();
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${url} .signer=${clinician.signer} .records=${handed}></nip82-consent-prompt>`);
    buttonByText(el, /^Share records/)!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog did not open');
    await typeRecipient(el, other.pubkey);
    await waitUntil(() => rows(el).some((r) => r.includes('Migraine')), 'the clinician\'s own item offered');
    expect($$(el, 'fieldset.about label').map((l) => text(l)), 'no "Whose records" choice').to.deep.equal([]);
    expect(rows(el).filter((r) => /Rosa Diaz|Hepatitis C/.test(r)), 'the patient\'s items offered').to.deep.equal([]);
  });

  it('a request for conditions offers the clinician\'s own condition, never the patient\'s', async () => {
    const url = await relayUrl('main');
    const { clinician, other, records: handed } = await records();
    const client = new RelayClient({ relays: [url] });
    let request;
    try {
      const { events, request: sent } = await createAccessRequest({ signer: other.signer, patient: clinician.pubkey, resourceTypes: ['Condition'], purpose: 'Check-up' });
      await client.publishAll(events);
      request = (await readConsentMessages((await client.wrapsFor(clinician.pubkey)).events, clinician.signer)).find((m) => m.id === sent.id)!;
    } finally {
      client.close();
    }
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${request} .records=${handed} .signer=${clinician.signer} relays=${url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open && rows(el).some((r) => r.includes('Migraine')), 'the answer form with the clinician\'s condition');
    expect($$(el, 'fieldset.about label').map((l) => text(l)), 'no "Whose records" choice').to.deep.equal([]);
    expect(rows(el).filter((r) => /Rosa Diaz|Hepatitis C/.test(r)), 'the patient\'s items offered').to.deep.equal([]);
  });
});
