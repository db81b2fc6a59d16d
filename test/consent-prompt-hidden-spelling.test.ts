/**
 * A hidden diagnosis is given away by an item that spells it another way: a visit whose reason
 * reads "HIPERTENSION ARTERIAL" (no accent, capitals) still names a hidden "Hipertensión arterial",
 * as a search for either finds both; the preview names that visit.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { ANA, anaWith, person } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';

const bundle = () => anaWith([
  { resourceType: 'Condition', id: 'h', subject: ANA, code: { text: 'Hipertensión arterial' }, recordedDate: '2024-03-02' },
  { resourceType: 'Encounter', id: 'e', status: 'finished', class: { code: 'AMB' }, subject: ANA, period: { start: '2024-03-02' }, reasonCode: [{ text: 'Control de HIPERTENSION ARTERIAL' }] },
  { resourceType: 'Condition', id: 'a', subject: ANA, code: { text: 'Asma' }, recordedDate: '2024-04-01' },
]);

describe('the consent prompt: a hidden diagnosis spelt another way elsewhere', function () {
  this.timeout(60000);

  it('names the visit whose reason spells the hidden diagnosis without its accent', async () => {
    const [patient, clinic] = await Promise.all([person(), person()]);
    const record = await openRecord(await createRecord({ bundle: bundle(), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
    await typeRecipient(el, clinic.pubkey);
    await el.updateComplete;
    const items = $$<HTMLLIElement>(el, 'li.item');
    const diagnosis = items.find((li) => text(li.querySelector('label')).includes('Hipertensión arterial'));
    expect(diagnosis !== undefined, items.map((li) => text(li.querySelector('label'))).join(' / ')).to.equal(true);
    diagnosis!.querySelector<HTMLButtonElement>('button.hide')!.click();
    await el.updateComplete;
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview');
    const named = $$(el, '.mentions li').map((li) => text(li));
    expect(named, 'the visit is named').to.have.length(1);
    expect(named[0]).to.match(/which mentions “Hipertensión arterial”$/);
  });
});
