/**
 * A clinician opened a patient's letter on a two-patient timeline and prints (the browser's menu).
 * The paper goes patient by patient; back on screen the letter is still open and the keyboard focus
 * still on it, not thrown to the top of the page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $, $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, recordAbout, type Person } from './helpers.js';

describe('<nip82-record-viewer> at a clinic: the screen after printing the timeline', function () {
  this.timeout(90000);
  afterEach(async () => { await emulateMedia({ media: 'screen' }); });

  it('keeps an opened letter open and the focus on it', async () => {
    const [clinic, bo, carla] = [await person(), await person(), await person()];
    const shared = async (who: Person, bundle: FhirBundle, day: string): Promise<OpenedRecord> => {
      Object.assign(bundle.entry![1]!.resource, { onsetDateTime: day });
      return openRecord(await createRecord({ bundle, author: who.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }], subject: who.pubkey }), clinic.signer);
    };
    const letter = recordAbout('Carla Diaz', 'Asthma', carla);
    letter.entry!.push({ fullUrl: 'urn:uuid:d1', resource: { resourceType: 'DocumentReference', id: 'd1', status: 'current', date: '2024-03-01', description: 'Letter', subject: { reference: letter.entry![0]!.fullUrl }, content: [{ attachment: { contentType: 'text/plain', data: btoa('Please see the asthma nurse.') } }] } });
    const records = [await shared(bo, recordAbout('Bo Chen', 'Diabetes', bo), '2024-01-10'), await shared(carla, letter, '2024-02-10')];
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" lang="en" .records=${records}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 2, 'every record shown');
    buttonByText(el, 'Timeline')!.click();
    await waitUntil(() => $$(el, '.timeline li.item').length === 3 && !!$(el, '.timeline summary'), 'the timeline shows the letter');
    $(el, '.timeline summary')!.click();
    $<HTMLElement>(el, '.timeline summary')!.focus();
    await waitUntil(() => !!$<HTMLDetailsElement>(el, '.timeline details')?.open, 'the letter opened');

    await emulateMedia({ media: 'print' });
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    await waitUntil(() => $$(el, 'section:has(> ol.timeline)').length === 2, 'the paper goes patient by patient');
    window.dispatchEvent(new Event('afterprint'));
    await emulateMedia({ media: 'screen' });
    await waitUntil(() => $$(el, 'ol.timeline').length === 1, 'one timeline again after printing');
    expect($<HTMLDetailsElement>(el, '.timeline details')?.open, 'the letter still open').to.equal(true);
    expect(text(el.shadowRoot!.activeElement), 'the focus still on the letter').to.include('Document text');
  });
});
