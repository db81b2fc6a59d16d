/**
 * A clinic's timeline mixes the records of several patients. Carla Diaz withheld an item from the
 * record she shared: on the timeline, as in the summary, the clinician is told that items were
 * withheld, and from whose record; Bo Chen's record, which withheld nothing, has no such flag.
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

describe('<nip82-record-viewer> at a clinic: the timeline says whose record withheld items', function () {
  this.timeout(60000);

  it('flags the record that withheld items, by its patient, on the timeline', async () => {
    const [clinic, bo, carla] = [await person(), await person(), await person()];
    const shared = async (who: Person, bundle: FhirBundle): Promise<OpenedRecord> => {
      Object.assign(bundle.entry![1]!.resource, { onsetDateTime: '2024-05-01' });
      return openRecord(await createRecord({ bundle, author: who.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }], subject: who.pubkey }), clinic.signer);
    };
    const records = [await shared(bo, recordAbout('Bo Chen', 'Diabetes', bo)), await shared(carla, markWithheld(recordAbout('Carla Diaz', 'Asthma', carla), [{ resourceType: 'Condition', id: 'h1' }], 'count'))];
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" .records=${records}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 2, 'both records shown');
    buttonByText(el, 'Timeline')!.click();
    await waitUntil(() => $$(el, '.timeline li.item').length === 2, 'the timeline shows both problems');
    await waitUntil(() => $$(el, 'nip82-hidden-flag').some((f) => text(f.shadowRoot).includes('withheld 1 item')), 'the timeline never said an item was withheld');
    const flags = $$(el, 'nip82-hidden-flag');
    expect(flags).to.have.length(1);
    expect(text(flags[0]!.parentElement)).to.equal('Record 2 of 2: Carla Diaz');
  });
});
