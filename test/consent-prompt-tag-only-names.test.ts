/**
 * In the share dialog, an item whose own words are only a terminology tag ("(disorder)") is named by
 * its coding's name, as the record viewer names it, not left without a name; an item with no words
 * but a tag is said to have no description.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $$, buttonByText, dialogOf, text } from './element-helpers.js';

describe('the consent prompt: items whose words are only a terminology tag', function () {
  this.timeout(60000);

  it('names them by their coding, else says they have no description', async () => {
    const patient = await person();
    const sct = (display: string) => ({ system: 'http://snomed.info/sct', code: '195967001', display });
    const item = (id: string, resource: Record<string, unknown>) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000009${id}`, resource });
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [
        item('00', { resourceType: 'Patient', name: [{ given: ['Ana'], family: 'Rivera' }] }),
        item('01', { resourceType: 'Condition', code: { text: '(disorder)', coding: [sct('Asthma (disorder)')] }, recordedDate: '2019-05' }),
        item('02', { resourceType: 'Condition', code: { coding: [sct('(finding)'), sct('Migraine')] }, recordedDate: '2020-05' }),
        item('03', { resourceType: 'Condition', code: { text: '(disorder)' }, recordedDate: '2021-05' }),
      ],
    } as unknown as FhirBundle;
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" lang="en" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length === 4, 'the item list');
    const rows = $$(el, 'li.item label').map((l) => text(l));
    expect(rows.filter((r) => r.startsWith('Asthma')), 'Asthma named').to.have.length(1);
    expect(rows.filter((r) => r.startsWith('Migraine')), 'Migraine named').to.have.length(1);
    expect(rows.filter((r) => r.startsWith('(no description)')), 'the unnamed one said so').to.have.length(1);
  });
});
