/**
 * A clinic holds many patients' records: a search for one patient's name shows that patient's
 * record, with its place among all, not every other record's heading with nothing under it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

/** The sample record (an allergy, a condition, a vaccine) of a patient with this family name. */
function named(family: string): FhirBundle {
  const bundle = sampleBundle() as unknown as { entry: { resource: Record<string, unknown> }[] };
  bundle.entry[0]!.resource.name = [{ family, given: ['Pat'] }];
  return bundle as unknown as FhirBundle;
}

describe('<nip82-record-viewer>: a search for one patient among many records', function () {
  this.timeout(60000);

  it('shows only the records with items that match, each still saying its place among all', async () => {
    const [clinic, reader] = [await person(), await person()];
    const families = ['Zamora', 'Abbott', 'Moreno', 'Nguyen', 'Okafor', 'Diaz'];
    const records: OpenedRecord[] = [];
    for (const family of families) {
      const patient = await person();
      const event = await createRecord({ bundle: named(family), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }, { pubkey: reader.pubkey, role: 'viewer' }] });
      records.push(await openRecord(event, reader.signer));
    }
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" .records=${records}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === families.length, 'every record shown');

    const search = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    search.value = 'nguyen';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => text($$(el, '.count')[0]!) === 'Showing 4 of 24 items', 'the search found her card and three items');
    await el.updateComplete;
    expect($$(el, 'article h2').map(text), 'her record alone').to.deep.equal(['Record 4 of 6: Pat Nguyen']);
    expect($$(el, 'article li.item').length).to.equal(4);

    search.value = '';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => $$(el, 'article h2').length === families.length, 'every record back once the search is cleared');
  });
});
