/**
 * A clinician sharing on a patient's record that marks an item as private is told why it starts
 * hidden without being told the records are theirs ("your records"): they are the patient's.
 * In Spanish too.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, recordAbout } from './helpers.js';
import { $, $$, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('the consent prompt: private items of someone else\'s records', function () {
  this.timeout(60000);

  it('says the records mark them private, not "your records"', async () => {
    const [clinician, patient] = await Promise.all([person(), person()]);
    const bundle = recordAbout('Rosa Diaz', 'Chlamydia', patient);
    (bundle.entry![1]!.resource as { meta?: unknown }).meta = { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'STD' }] };
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role: 'editor', until: '2099-01-31' }));
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }],
    });
    const theirs = await openRecord(events, clinician.signer);
    for (const [lang, said, yours] of [['en', /mark as private start hidden/, /\byour records\b/i], ['es', /marcan como privados empiezan ocultos/, /\bsus historiales\b/i]] as const) {
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" lang=${lang} relays="ws://127.0.0.1:1" .signer=${clinician.signer} .records=${[theirs]}></nip82-consent-prompt>`);
      $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
      await waitUntil(() => dialogOf(el).open && $$(el, 'li.item.hidden').length === 1, 'the private item hidden');
      const items = text($(el, '[part~="items"]'));
      expect(items).to.match(said);
      expect(items).not.to.match(yours);
    }
  });
});
