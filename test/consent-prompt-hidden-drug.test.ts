/**
 * A medication order often names its drug only by reference (a Medication in the record, or one
 * held inside the order). The patient must be able to find it by the drug's name to hide it, and
 * the preview must name what still gives that drug away: the Medication itself, a claim billing it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { ANA, anaWith, person } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const drug = { coding: [{ system: RX, code: '1721603', display: 'emtricitabine 200 MG / tenofovir alafenamide 25 MG Oral Tablet' }], text: 'Descovy' };

const bundle = () => anaWith([
  { resourceType: 'Medication', id: 'm', code: drug },
  { resourceType: 'MedicationRequest', id: 'o', status: 'active', intent: 'order', subject: ANA, authoredOn: '2024-03-02', medicationReference: { reference: 'urn:uuid:m' } },
  { resourceType: 'MedicationRequest', id: 's', status: 'active', intent: 'order', subject: ANA, authoredOn: '2024-05-06',
    contained: [{ resourceType: 'Medication', id: 'x', code: { text: 'Sertraline 50 MG Oral Tablet' } }], medicationReference: { reference: '#x' } },
  { resourceType: 'Claim', id: 'c', status: 'active', use: 'claim', patient: ANA, created: '2024-03-02', item: [{ sequence: 1, productOrService: drug }] },
]);

describe('the consent prompt: a medication named by reference', function () {
  this.timeout(60000);

  it('labels each order with its drug, and the preview names the Medication and the claim that still name it', async () => {
    const patient = await person();
    const clinic = await person();
    const record = await openRecord(await createRecord({ bundle: bundle(), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
    await typeRecipient(el, clinic.pubkey);
    await el.updateComplete;
    const orders = $$<HTMLLIElement>(el, 'li.item').filter((li) => li.closest('.group')!.querySelector('.group-head')!.textContent!.includes('Prescriptions'));
    const labels = orders.map((li) => text(li.querySelector('label')));
    expect(labels.some((l) => l.includes('Sertraline 50 MG Oral Tablet')), labels.join(' / ')).to.equal(true);
    const order = orders.find((li) => text(li.querySelector('label')).includes('Descovy'));
    expect(order !== undefined, labels.join(' / ')).to.equal(true);
    order!.querySelector<HTMLButtonElement>('button.hide')!.click();
    await el.updateComplete;
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview');
    const named = $$(el, '.mentions li').map((li) => text(li));
    expect(named.length, named.join(' / ')).to.equal(2);
    expect(named.every((line) => line.endsWith('which mentions “Descovy”')), named.join(' / ')).to.equal(true);
  });
});
