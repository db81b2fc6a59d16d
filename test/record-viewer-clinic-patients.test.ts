/**
 * A clinic screen holding records several patients shared, handed over in the order they came in
 * (Bo Chen's two records apart): each patient's records are shown together, in the order each
 * patient first came, numbered in that order; and on paper each patient starts a new page, so a
 * printout handed to one patient holds no one else's record, while one patient's two records share one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { $$, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, recordAbout, type Person } from './helpers.js';

describe('<nip82-record-viewer> at a clinic: several patients\' records', function () {
  this.timeout(60000);
  afterEach(async () => { await emulateMedia({ media: 'screen' }); });

  async function clinicScreen(): Promise<Nip82RecordViewer> {
    const [clinic, ana, bo, carla] = [await person(), await person(), await person(), await person()];
    const shared = async (who: Person, name: string, label: string): Promise<OpenedRecord> =>
      openRecord(await createRecord({ bundle: recordAbout(name, label, who), author: who.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }], subject: who.pubkey }), clinic.signer);
    const records = [await shared(bo, 'Bo Chen', 'Diabetes'), await shared(ana, 'Ana Rivera', 'Migraine'), await shared(carla, 'Carla Diaz', 'Asthma'), await shared(bo, 'Bo Chen', 'Hypertension')];
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" .records=${records}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 4, 'every record shown');
    await el.updateComplete;
    return el;
  }

  it('shows each patient\'s records together, in the order each patient first came', async () => {
    const el = await clinicScreen();
    expect($$(el, 'article h2').map(text)).to.deep.equal(['Record 1 of 4: Bo Chen', 'Record 2 of 4: Bo Chen', 'Record 3 of 4: Ana Rivera', 'Record 4 of 4: Carla Diaz']);
    expect($$(el, 'article').map((a) => text(a.querySelector('.section.problems li .title')))).to.deep.equal(['Diabetes', 'Hypertension', 'Migraine', 'Asthma']);
  });

  it('prints each patient from a new page, one patient\'s records together', async () => {
    const el = await clinicScreen();
    await emulateMedia({ media: 'print' });
    const pageBefore = (a: HTMLElement) => getComputedStyle(a).breakBefore === 'page';
    const starts = $$(el, 'article').map((a) => `${text(a.querySelector('h2'))}${pageBefore(a) ? ' (new page)' : ''}`);
    expect(starts).to.deep.equal(['Record 1 of 4: Bo Chen', 'Record 2 of 4: Bo Chen', 'Record 3 of 4: Ana Rivera (new page)', 'Record 4 of 4: Carla Diaz (new page)']);
  });
});
