/**
 * In the share dialog, an item whose record's text is only a terminology tag ("(disorder)") while
 * its coding gives the real name ("Asthma") is listed by that name, as the record viewer shows it,
 * so the patient sees which item they share or hide.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $$, buttonByText, dialogOf, text } from './element-helpers.js';

describe('the consent prompt: an item whose text is only a terminology tag', function () {
  this.timeout(60000);

  it('lists it by its coding\'s name', async () => {
    const patient = await person();
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000900', resource: { resourceType: 'Patient', name: [{ given: ['Ana'], family: 'Rivera' }] } },
        { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000901', resource: { resourceType: 'Condition', code: { text: '(disorder)', coding: [{ system: 'http://snomed.info/sct', code: '195967001', display: 'Asthma' }] }, recordedDate: '2019-05' } },
      ],
    } as unknown as FhirBundle;
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" lang="en" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the item list');
    const rows = $$(el, 'li.item label').map((l) => text(l));
    expect(rows.some((r) => r.startsWith('Asthma')), `rows: ${JSON.stringify(rows)}`).to.equal(true);
  });
});
