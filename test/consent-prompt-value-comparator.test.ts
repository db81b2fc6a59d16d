/**
 * In the share dialog, a lab result a hospital writes with a comparator ("< 0.01 ng/mL": below what
 * the test can measure) is labelled with it, as the record viewer shows it, never as the plain
 * number "0.01 ng/mL", which says the test found that much.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $$, buttonByText, dialogOf, text } from './element-helpers.js';

describe('the consent prompt: a result with a comparator in the share dialog', function () {
  this.timeout(60000);

  it('labels "< 0.01 ng/mL" and "> 90 mL/min", not the bare numbers', async () => {
    const patient = await person();
    const reading = (id: string, title: string, q: Record<string, unknown>) => ({
      fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000007${id}`,
      resource: { resourceType: 'Observation', status: 'final', category: [{ coding: [{ code: 'laboratory' }] }], code: { text: title }, effectiveDateTime: '2024-05-01', valueQuantity: q },
    });
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000700', resource: { resourceType: 'Patient', name: [{ given: ['Ana'], family: 'Rivera' }] } },
        reading('01', 'Troponin I', { value: 0.01, comparator: '<', unit: 'ng/mL' }),
        reading('02', 'eGFR', { value: 90, comparator: '>', unit: 'mL/min' }),
        reading('03', 'Sodium', { value: 140, unit: 'mmol/L' }),
      ],
    } as unknown as FhirBundle;
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the item list');
    const rows = $$(el, 'li.item label').map((l) => text(l));
    expect(rows.find((r) => r.includes('Troponin'))).to.include('Troponin I: < 0.01 ng/mL');
    expect(rows.find((r) => r.includes('eGFR'))).to.include('eGFR: > 90 mL/min');
    expect(rows.find((r) => r.includes('Sodium'))).to.include('Sodium: 140 mmol/L');
  });
});
