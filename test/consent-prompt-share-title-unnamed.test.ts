/**
 * A clinician sharing on a patient's record whose details give no name: the dialog's title does not
 * call the records "your records" (they are the patient's); it reads "Share records". In Spanish too.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, recordAbout, relayUrl } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('the consent prompt: sharing on a record naming no patient', function () {
  this.timeout(60000);

  it('does not title the dialog "Share your records"', async () => {
    const url = await relayUrl('main');
    const [clinician, patient] = await Promise.all([person(), person()]);
    const bundle = recordAbout('', 'Hepatitis C', patient);
    delete (bundle.entry![0]!.resource as { name?: unknown }).name;
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role: 'editor', until: '2099-01-31' }));
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }],
    });
    const theirs = await openRecord(events, clinician.signer);
    for (const [lang, trigger, title] of [['en', /^Share records/, 'Share records'], ['es', /^Compartir historiales/, 'Compartir historiales']] as const) {
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" lang=${lang} relays=${url} .signer=${clinician.signer} .records=${[theirs]}></nip82-consent-prompt>`);
      await waitUntil(() => buttonByText(el, trigger), 'the trigger');
      buttonByText(el, trigger)!.click();
      await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').some((li) => text(li).includes('Hepatitis C')), 'the patient\'s items offered');
      expect(text($(el, '#dialog-title'))).to.equal(title);
    }
  });
});
