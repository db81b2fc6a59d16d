/**
 * A clinic prints the timeline of two patients whose visits fall between each other's. On screen the
 * timeline stays by date; on paper each patient's items (and the flag saying their record withheld
 * items) come together, the next patient from a new page, so a sheet handed to one patient holds no
 * one else's items. After printing, the screen is by date again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { markWithheld } from '../components/core/fhir/withheld-mark.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $, $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, recordAbout, type Person } from './helpers.js';

describe('<nip82-record-viewer> at a clinic: the timeline on paper', function () {
  this.timeout(90000);
  afterEach(async () => { await emulateMedia({ media: 'screen' }); });

  it('prints each patient\'s items together, the next patient from a new page', async () => {
    const [clinic, bo, carla] = [await person(), await person(), await person()];
    const shared = async (who: Person, bundle: FhirBundle, day: string): Promise<OpenedRecord> => {
      Object.assign(bundle.entry![1]!.resource, { onsetDateTime: day });
      return openRecord(await createRecord({ bundle, author: who.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }], subject: who.pubkey }), clinic.signer);
    };
    const records = [
      await shared(bo, recordAbout('Bo Chen', 'Diabetes', bo), '2024-01-10'),
      await shared(carla, recordAbout('Carla Diaz', 'Asthma', carla), '2024-02-10'),
      await shared(bo, recordAbout('Bo Chen', 'Gout', bo), '2024-03-10'),
      await shared(carla, markWithheld(recordAbout('Carla Diaz', 'Migraine', carla), [{ resourceType: 'Condition', id: 'h1' }], 'count'), '2024-04-10'),
    ];
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" lang="en" .records=${records}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 4, 'every record shown');
    buttonByText(el, 'Timeline')!.click();
    const problems = (root: Element | ShadowRoot) => [...root.querySelectorAll('li.item')].map((li) => ['Diabetes', 'Asthma', 'Gout', 'Migraine'].find((p) => text(li).includes(p)));
    await waitUntil(() => $$(el, '.timeline li.item').length === 4, 'the timeline shows every problem');
    expect(problems(el.shadowRoot!), 'on screen, by date').to.deep.equal(['Migraine', 'Gout', 'Asthma', 'Diabetes']);

    await emulateMedia({ media: 'print' });
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    const sheets = $$(el, 'section:has(> ol.timeline)').map((section) => ({
      newPage: getComputedStyle(section).breakBefore === 'page',
      problems: problems(section),
      flag: !!section.querySelector('nip82-hidden-flag'),
    }));
    expect(sheets).to.deep.equal([
      { newPage: false, problems: ['Migraine', 'Asthma'], flag: true },
      { newPage: true, problems: ['Gout', 'Diabetes'], flag: false },
    ]);

    window.dispatchEvent(new Event('afterprint'));
    await emulateMedia({ media: 'screen' });
    await waitUntil(() => $$(el, 'ol.timeline').length === 1, 'one timeline again after printing');
    expect(problems($(el, 'ol.timeline')!), 'on screen, by date again').to.deep.equal(['Migraine', 'Gout', 'Asthma', 'Diabetes']);

    // A page that moves the viewer while the print dialog is open (no afterprint reaches it then)
    // gets the screen's timeline back, not the paper's.
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect($$(el, 'ol.timeline').length, 'the paper layout while printing').to.be.above(1);
    const parent = el.parentElement!;
    el.remove();
    window.dispatchEvent(new Event('afterprint'));
    parent.append(el);
    await el.updateComplete;
    expect($$(el, 'ol.timeline').length, 'one timeline once moved').to.equal(1);
  });
});
