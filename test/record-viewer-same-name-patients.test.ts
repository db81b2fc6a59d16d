/**
 * Two patients called Ana Rivera, born decades apart, each shared a record with the clinic: the
 * clinician tells them apart as a clinic does, by birth date, in the headings and on the timeline,
 * in English and Spanish, not by a code key. Two of one name and one birth date keep their keys.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, recordAbout, type Person } from './helpers.js';

describe('<nip82-record-viewer> at a clinic: two patients of one name', function () {
  this.timeout(60000);

  async function anas(born: [string, string]): Promise<OpenedRecord[]> {
    const clinic = await person();
    const shared = async (who: Person, birthDate: string, label: string): Promise<OpenedRecord> => {
      const bundle = recordAbout('Ana Rivera', label, who);
      Object.assign(bundle.entry![0]!.resource, { birthDate });
      Object.assign(bundle.entry![1]!.resource, { onsetDateTime: '2024-05-01' });
      return openRecord(await createRecord({ bundle, author: who.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }], subject: who.pubkey }), clinic.signer);
    };
    return [await shared(await person(), born[0], 'Migraine'), await shared(await person(), born[1], 'Gout')];
  }

  for (const [lang, headings, timeline] of [
    ['en', ['Record 1 of 2: Ana Rivera (born Apr 2, 1990)', 'Record 2 of 2: Ana Rivera (born Nov 30, 1952)'], 'Timeline'],
    ['es', ['Historial 1 de 2: Ana Rivera (nacimiento: 2 abr 1990)', 'Historial 2 de 2: Ana Rivera (nacimiento: 30 nov 1952)'], 'Cronología'],
  ] as const) {
    it(`names each by her birth date (${lang})`, async () => {
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} audience="clinician" .records=${await anas(['1990-04-02', '1952-11-30'])}></nip82-record-viewer>`);
      await waitUntil(() => $$(el, 'article h2').length === 2, 'both records shown');
      await waitUntil(() => text($$(el, 'article h2')[0]).includes('('), 'the headings tell them apart');
      expect($$(el, 'article h2').map(text)).to.deep.equal(headings);
      buttonByText(el, timeline)!.click();
      await waitUntil(() => $$(el, '.timeline .whose').length > 0, 'the timeline says whose each item is');
      expect(new Set($$(el, '.timeline .whose').map(text)).size, 'both told apart on the timeline').to.equal(2);
      expect($$(el, '.timeline .whose').map(text).join(' ')).not.to.include('npub');
    });
  }

  it('two of one name born the same day are still told apart, by their keys', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" .records=${await anas(['1990-04-02', '1990-04-02'])}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 2, 'both records shown');
    const [a, b] = $$(el, 'article h2').map(text);
    expect(a).to.match(/^Record 1 of 2: Ana Rivera \(npub1/);
    expect(b).to.match(/^Record 2 of 2: Ana Rivera \(npub1/);
    expect(a).not.to.equal(b);
  });
});
