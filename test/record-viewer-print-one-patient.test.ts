/**
 * A patient printing their own three records, made without their key (the record names them only
 * by name): one patient, so the records follow one another on paper rather than each wasting a new
 * page; records of two people who name no key still start apart, as does one that names no one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, recordAbout } from './helpers.js';

describe('<nip82-record-viewer> printing records that name no key', function () {
  this.timeout(60000);
  afterEach(async () => { await emulateMedia({ media: 'screen' }); });

  it('prints one patient\'s records together, and others\' from a new page', async () => {
    const me = await person();
    const mine = async (bundle: FhirBundle): Promise<OpenedRecord> => openRecord(await createRecord({ bundle, author: me.signer, participants: [] }), me.signer);
    const nameless = recordAbout('', 'Cough');
    nameless.entry!.splice(0, 1);
    const records = [await mine(recordAbout('Ana Rivera', 'Diabetes')), await mine(recordAbout('Ana Rivera', 'Migraine')), await mine(recordAbout('Ana Rivera', 'Asthma')), await mine(recordAbout('Bo Chen', 'Gout')), await mine(nameless)];
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .records=${records}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 5, 'every record shown');
    await el.updateComplete;
    await emulateMedia({ media: 'print' });
    const starts = $$(el, 'article').map((a) => `${text(a.querySelector('h2'))}${getComputedStyle(a).breakBefore === 'page' ? ' (new page)' : ''}`);
    expect(starts).to.deep.equal(['Record 1 of 5: Ana Rivera', 'Record 2 of 5: Ana Rivera', 'Record 3 of 5: Ana Rivera', 'Record 4 of 5: Bo Chen (new page)', 'Record 5 of 5 (new page)']);
  });
});
