/**
 * A clinician a patient let view and share a record until a day now past: "Share records…" (and an
 * answer to someone's request) offers only the clinician's own items, not the patient's, whose
 * share to them has ended. Before, the patient's items were offered and sent on as if still shared.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, recordAbout, relayUrl } from './helpers.js';
import { $$, buttonByText, dialogOf, isoDay, text, typeRecipient } from './element-helpers.js';
import { waitUntil } from './wait.js';


describe('the consent prompt: a share that ended is not passed on', function () {
  this.timeout(60000);

  it('Share records… leaves out a patient\'s items once the share to the clinician has ended', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const mine = await openRecord(await createRecord({ bundle: recordAbout('Dr Lee', 'Migraine', clinician), author: clinician.signer, participants: [] }), clinician.signer);
    const record = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Hepatitis C', patient), author: patient.signer, participants: [] }), patient.signer);
    // The patient let the clinician view and share it until yesterday (its written terms say so).
    const until = isoDay(-1);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role: 'editor', until }));
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }],
    });
    const theirs = await openRecord(events, clinician.signer);

    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${url} .signer=${clinician.signer} .records=${[mine, theirs]}></nip82-consent-prompt>`);
    buttonByText(el, /^Share records/)!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog did not open');
    await typeRecipient(el, other.pubkey);
    const rows = () => $$(el, 'li.item').map((li) => text(li));
    await waitUntil(() => rows().some((r) => r.includes('Migraine')), 'the clinician\'s own item offered');
    expect($$(el, 'fieldset.about label').map((l) => text(l)), 'a "Whose records" choice naming the patient').to.deep.equal([]);
    expect(rows().filter((r) => /Rosa Diaz|Hepatitis C/.test(r)), 'the patient\'s items, whose share ended, offered').to.deep.equal([]);
  });
});
