/**
 * A clinic's timeline holds many records of one patient, each withholding items. The clinician is
 * told once per patient that items were withheld, not once per record, in words that stay true: four
 * records each saying "1 item" may have withheld four items or one, and counts added up could name
 * one item twice, so several records say only that items were withheld; a single record keeps its count.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { markWithheld } from '../components/core/fhir/withheld-mark.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, recordAbout, type Person } from './helpers.js';

describe('<nip82-record-viewer> at a clinic: one withheld flag per patient on the timeline', function () {
  this.timeout(120000);

  it('says once per patient that items were withheld, with words that stay true', async () => {
    const [clinic, carla, dan] = [await person(), await person(), await person()];
    const shared = async (who: Person, bundle: FhirBundle, day: string): Promise<OpenedRecord> => {
      Object.assign(bundle.entry![1]!.resource, { onsetDateTime: day });
      return openRecord(await createRecord({ bundle, author: who.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }], subject: who.pubkey }), clinic.signer);
    };
    const hiding = (name: string, problem: string, who: Person, n: number) =>
      markWithheld(recordAbout(name, problem, who), Array.from({ length: n }, (_, k) => ({ resourceType: 'Condition', id: `h${k}` })), 'count');
    const records: OpenedRecord[] = [];
    for (let k = 0; k < 4; k++) records.push(await shared(carla, hiding('Carla Diaz', 'Asthma', carla, 1), `2024-05-0${k + 1}`));
    records.push(await shared(dan, hiding('Dan Ruiz', 'Gout', dan, 1), '2024-06-01'));
    records.push(await shared(dan, hiding('Dan Ruiz', 'Gout', dan, 2), '2024-06-02'));
    const [bo] = [await person()];
    records.push(await shared(bo, hiding('Bo Chen', 'Eczema', bo, 2), '2024-07-01'));
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" page-size="2" .records=${records}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 7, 'all seven records shown');
    buttonByText(el, 'Timeline')!.click();
    await waitUntil(() => $$(el, '.timeline li.item').length > 0, 'the timeline shows items');
    await waitUntil(() => $$(el, 'nip82-hidden-flag').length > 0 && $$(el, 'nip82-hidden-flag').every((f) => text(f.shadowRoot).includes('withheld')), 'the timeline never said items were withheld');
    const flags = $$(el, 'nip82-hidden-flag');
    expect(flags.map((f) => text(f.parentElement!.querySelector('p')))).to.deep.equal(['Carla Diaz', 'Dan Ruiz', 'Record 7 of 7: Bo Chen']);
    expect(text(flags[0]!.shadowRoot), 'four records that each say 1 item').to.include('Some items were withheld by the patient');
    expect(text(flags[0]!.shadowRoot)).to.not.include('1 item');
    expect(text(flags[1]!.shadowRoot)).to.include('Some items were withheld by the patient');
    expect(text(flags[2]!.shadowRoot), 'one record keeps its count').to.include('The patient withheld 2 items');
  });
});
