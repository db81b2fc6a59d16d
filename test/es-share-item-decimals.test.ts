// In the share dialog, an item's reading is written with the page language's decimal mark, every
// digit kept ("Temperatura: 98,6 °F" on a Spanish page, "0.0000001 mol/L" rather than "1e-7").
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $$, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Temperatura' }, effectiveDateTime: '2024-01-05', valueQuantity: { value: 98.6, unit: '°F' } } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002', resource: { resourceType: 'Observation', id: 'o2', status: 'final', code: { text: 'Estradiol' }, effectiveDateTime: '2024-01-06', valueQuantity: { value: JSON.parse('0.0000001') as number, unit: 'mol/L' } } },
  ],
} as unknown as FhirBundle;

describe('the consent prompt (es): a reading in an item\'s label', function () {
  this.timeout(60000);

  it('writes the decimal with a comma and every digit', async () => {
    const [patient, clinic] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt></div>`);
    const el = wrapper.firstElementChild as Nip82ConsentPrompt;
    await waitUntil(() => buttonByText(el, 'Compartir historiales…'), 'the share button');
    buttonByText(el, 'Compartir historiales…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog');
    await typeRecipient(el, clinic.pubkey);
    await waitUntil(() => $$(el, 'li.item').length === 2, 'the items');
    const items = $$(el, 'li.item').map((li) => text(li)).join(' | ');
    expect(items).to.contain('Temperatura: 98,6 °F');
    expect(items).to.contain('Estradiol: 0,0000001 mol/L');
    expect(items).not.to.match(/98\.6|e-7/);
  });
});
