/**
 * A clinic prints the timeline of Bo Chen and Carla Diaz; Dan Ruiz's record withheld an item and has
 * no dated item, so it puts nothing on the timeline but its flag. On paper that flag (with Dan's
 * name) starts a page of its own: the sheet handed to Bo Chen does not name Dan Ruiz.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { markWithheld } from '../components/core/fhir/withheld-mark.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, recordAbout, type Person } from './helpers.js';

describe('<nip82-record-viewer> at a clinic: a flag alone on the printed timeline', function () {
  this.timeout(90000);
  afterEach(async () => { await emulateMedia({ media: 'screen' }); });

  it('prints the flag of a patient with no dated items on a page of its own', async () => {
    const [clinic, bo, carla, dan] = [await person(), await person(), await person(), await person()];
    const shared = async (who: Person, bundle: FhirBundle, day?: string): Promise<OpenedRecord> => {
      if (day) Object.assign(bundle.entry![1]!.resource, { onsetDateTime: day });
      return openRecord(await createRecord({ bundle, author: who.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }], subject: who.pubkey }), clinic.signer);
    };
    const records = [
      await shared(bo, recordAbout('Bo Chen', 'Diabetes', bo), '2024-01-10'),
      await shared(carla, recordAbout('Carla Diaz', 'Asthma', carla), '2024-02-10'),
      await shared(dan, markWithheld(recordAbout('Dan Ruiz', 'Gout', dan), [{ resourceType: 'Condition', id: 'h1' }], 'count')),
    ];
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" lang="en" .records=${records}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 3, 'every record shown');
    buttonByText(el, 'Timeline')!.click();
    await waitUntil(() => $$(el, '.timeline li.item').length === 2, 'the timeline shows the dated problems');

    await emulateMedia({ media: 'print' });
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    // Each sheet: what a page run from one page break to the next holds.
    const sheets: string[] = [];
    for (const node of [...el.shadowRoot!.querySelectorAll('.withheld-of, ol.timeline')].filter((n) => getComputedStyle(n).display !== 'none')) {
      const section = node.closest('section');
      const starts = !sheets.length || (!!section && getComputedStyle(section).breakBefore === 'page' && section.firstElementChild === node);
      if (starts) sheets.push(text(node));
      else sheets[sheets.length - 1] += text(node);
    }
    window.dispatchEvent(new Event('afterprint'));
    expect(sheets.map((sheet) => ['Bo Chen', 'Carla Diaz', 'Dan Ruiz'].filter((name) => sheet.includes(name)))).to.deep.equal([['Carla Diaz'], ['Bo Chen'], ['Dan Ruiz']]);
  });
});
