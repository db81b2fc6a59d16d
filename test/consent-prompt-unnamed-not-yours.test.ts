/**
 * A patient's record that names no one as its subject (written by another app, its patient entry
 * without a key), shared with a clinician to view: still not the clinician's to pass on. Before,
 * a record naming no subject was taken for the clinician's own and offered in "Share records…".
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, recordAbout, relayUrl } from './helpers.js';
import { $$, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';
import { waitUntil } from './wait.js';


describe('the consent prompt: a patient\'s record naming no subject, shared to view', function () {
  this.timeout(60000);

  it('is not offered for the clinician to share on', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const mine = await openRecord(await createRecord({ bundle: recordAbout('Dr Lee', 'Migraine'), author: clinician.signer, participants: [] }), clinician.signer);
    const record = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Hepatitis C'), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role: 'viewer', until: '2099-01-31' }));
    const events = await createShare({ from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    const theirs = await openRecord(events, clinician.signer);
    expect(theirs.subject, 'the record names no subject').to.equal(undefined);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${url} .signer=${clinician.signer} .records=${[mine, theirs]}></nip82-consent-prompt>`);
    buttonByText(el, /^Share records/)!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog did not open');
    await typeRecipient(el, other.pubkey);
    const rows = () => $$(el, 'li.item').map((li) => text(li));
    await waitUntil(() => rows().some((r) => r.includes('Migraine')), 'the clinician\'s own item offered');
    expect(rows().filter((r) => /Rosa Diaz|Hepatitis C/.test(r)), 'the patient\'s items offered').to.deep.equal([]);
  });
});
