/**
 * Items a record marks as private start hidden in a share: the patient, who did not hide them,
 * is told why they are hidden and how to share one, in English and in Spanish.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { ANA, anaWith, person } from './helpers.js';
import { $, $$, dialogOf, text } from './element-helpers.js';

const bundle = (marked: boolean) => anaWith([
  { resourceType: 'Condition', id: 'a', subject: ANA, code: { text: 'Asthma' }, recordedDate: '2024-01-01' },
  { resourceType: 'Condition', id: 's', subject: ANA, code: { text: 'Chlamydia' }, recordedDate: '2014-01-01', ...(marked ? { meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'STD' }] } } : {}) },
]);

describe('the consent prompt: why items marked private are hidden', function () {
  this.timeout(60000);

  async function items(marked: boolean, lang: string): Promise<HTMLElement> {
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle: bundle(marked), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang=${lang} mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
    return el;
  }

  it('says they start hidden because the record marks them private, and how to share one', async () => {
    const el = await items(true, 'en');
    expect($$(el, 'li.item.hidden')).to.have.length(1);
    expect(text($(el, '[part~="items"]'))).to.match(/mark as private start hidden\. To share one, press its Hide button again\./);
    const es = await items(true, 'es');
    expect(text($(es, '[part~="items"]'))).to.match(/marcan como privados empiezan ocultos/);
  });

  it('says nothing of it when no item is marked', async () => {
    const el = await items(false, 'en');
    expect($$(el, 'li.item.hidden')).to.have.length(0);
    expect(text($(el, '[part~="items"]'))).not.to.match(/private/);
  });
});
