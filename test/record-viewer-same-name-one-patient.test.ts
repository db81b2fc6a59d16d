/**
 * Two patients called Ana Rivera shared records with the clinic; the younger shared two, one of
 * them (a lab report) without her birth date. Both of her records name her the same way, by the
 * birth date her other record gives, so the clinician reads two people, not three; a patient
 * whose records give two different birth dates is named by her key in each.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { $$, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, recordAbout, type Person } from './helpers.js';

describe('<nip82-record-viewer> at a clinic: one patient of a shared name, in several records', function () {
  this.timeout(60000);

  async function headings(born: [string | undefined, string | undefined, string]): Promise<string[]> {
    const clinic = await person();
    const shared = async (who: Person, birthDate: string | undefined, label: string): Promise<OpenedRecord> => {
      const bundle = recordAbout('Ana Rivera', label, who);
      if (birthDate) Object.assign(bundle.entry![0]!.resource, { birthDate });
      return openRecord(await createRecord({ bundle, author: who.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }], subject: who.pubkey }), clinic.signer);
    };
    const [young, old] = [await person(), await person()];
    const records = [await shared(young, born[0], 'Migraine'), await shared(young, born[1], 'Lab report'), await shared(old, born[2], 'Gout')];
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" .records=${records}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 3 && $$(el, 'article h2').every((h) => text(h).includes('(')), 'every record told apart');
    return $$(el, 'article h2').map(text);
  }

  it('names her by the birth date one of her records gives, in each', async () => {
    expect(await headings(['1990-04-02', undefined, '1952-11-30'])).to.deep.equal([
      'Record 1 of 3: Ana Rivera (born Apr 2, 1990)',
      'Record 2 of 3: Ana Rivera (born Apr 2, 1990)',
      'Record 3 of 3: Ana Rivera (born Nov 30, 1952)',
    ]);
  });

  it('names her by her key when her records disagree on her birth date', async () => {
    const [a, b, c] = await headings(['1990-04-02', '1990-02-04', '1952-11-30']);
    expect(a).to.match(/^Record 1 of 3: Ana Rivera \(npub1/);
    expect(b!.slice(b!.indexOf('('))).to.equal(a!.slice(a!.indexOf('(')));
    expect(c).to.equal('Record 3 of 3: Ana Rivera (born Nov 30, 1952)');
  });
});
