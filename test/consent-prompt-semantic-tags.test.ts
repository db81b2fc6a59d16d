/**
 * In the share dialog, items of a record a hospital system exported with a terminology's tag after
 * their names ("Viral sinusitis (disorder)") are listed without it, in the list and in the preview
 * of what the recipient will see; other parentheses stay ("Hepatitis C (chronic)").
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $$, buttonByText, dialogOf, previewHidingOne, text } from './element-helpers.js';

describe('the consent prompt: terminology tags after item names', function () {
  this.timeout(60000);

  it('lists and previews names without "(disorder)", "(finding)", "(procedure)"', async () => {
    const [patient, clinic] = [await person(), await person()];
    const coded = (display: string) => ({ coding: [{ system: 'http://snomed.info/sct', code: '1', display }], text: display });
    const item = (id: string, resource: Record<string, unknown>) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000008${id}`, resource });
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [
        item('00', { resourceType: 'Patient', name: [{ given: ['Ana'], family: 'Rivera' }] }),
        item('01', { resourceType: 'Condition', code: coded('Viral sinusitis (disorder)'), recordedDate: '2019-05' }),
        item('02', { resourceType: 'Condition', code: coded('Full-time employment (finding)'), recordedDate: '2020-05' }),
        item('03', { resourceType: 'Condition', code: coded('Hepatitis C (chronic)'), recordedDate: '2018-05' }),
        item('04', { resourceType: 'Procedure', status: 'completed', code: coded('Medication reconciliation (procedure)'), performedDateTime: '2021-03-01' }),
        item('05', { resourceType: 'Condition', code: coded('Chlamydia (disorder)'), recordedDate: '2017-05' }),
      ],
    } as unknown as FhirBundle;
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" lang="en" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the item list');
    const rows = $$(el, 'li.item label').map((l) => text(l));
    expect(rows.filter((r) => /\((?:disorder|finding|procedure)\)/.test(r)), 'rows showing a tag').to.deep.equal([]);
    expect(rows.some((r) => r.startsWith('Viral sinusitis'))).to.equal(true);
    expect(rows.some((r) => r.startsWith('Hepatitis C (chronic)'))).to.equal(true);
    const again = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" lang="en" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    await previewHidingOne(again, clinic.pubkey, 'Chlamydia', 'Review');
    const preview = text(dialogOf(again));
    expect(preview).to.include('Viral sinusitis');
    expect(preview).not.to.match(/\((?:disorder|finding|procedure)\)/);
  });
});
