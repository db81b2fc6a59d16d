// What a person types finds a record's words however the record wrote them: "strasse" finds
// "Straße", "fibrosis" a word written with the ligature "ﬁ", "12" full-width digits, "sorensen"
// "Sørensen", a phone's curly apostrophe the straight one, an alef typed bare the one with a hamza.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $, $$, setInput, text } from './element-helpers.js';

const condition = (id: string, name: string) => ({
  fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000000${id}`,
  resource: { resourceType: 'Condition', id: `c${id}`, code: { text: name } },
});

const names = ['Sturz auf der Straße', 'Cystic \ufb01brosis', 'Fracture of rib \uff11\uff12', 'Seen by Dr Sørensen', "O'Brien syndrome", 'Asthma', 'إسهال حاد', 'حمى شديدة', 'ذبحة صدرية'];
const bundleOf = (titles: string[]) => ({ resourceType: 'Bundle', type: 'collection', entry: titles.map((n, i) => condition(String(i + 1), n)) }) as FhirBundle;
const bundle = bundleOf(names);

describe('record viewer: search by what a person types', () => {
  it('finds words written with ß, a ligature, full-width digits, ø, a hamza, a teh marbuta, an alef maksura or a straight apostrophe by their plain spelling', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === names.length, 'the items never showed');
    const search = () => $<HTMLInputElement>(el, 'input[type=search]')!;
    const titles = () => $$(el, '[part=item] .title').map((t) => text(t)).join(', ');
    const expected: [string, string][] = [
      ['strasse', 'Sturz auf der Straße'],
      ['STRASSE', 'Sturz auf der Straße'],
      ['straße', 'Sturz auf der Straße'],
      ['fibrosis', 'Cystic \ufb01brosis'],
      ['rib 12', 'Fracture of rib \uff11\uff12'],
      ['sorensen', 'Seen by Dr Sørensen'],
      ['اسهال', 'إسهال حاد'],
      // Alef maksura typed as yeh, teh marbuta as heh: the same word to an Arabic reader.
      ['حمي', 'حمى شديدة'],
      ['ذبحه', 'ذبحة صدرية'],
      ['o\u2019brien', "O'Brien syndrome"],
    ];
    for (const [query, title] of expected) {
      // From the whole list each time, so a search never reads the last one's result as its own.
      setInput(search(), '');
      await waitUntil(() => $$(el, '[part=item]').length === names.length, 'the whole list is back');
      setInput(search(), query);
      await waitUntil(() => titles() === title, `the search for ${query} finds ${title}`);
    }
    expect(titles()).to.equal("O'Brien syndrome");
  });

  it('keeps apart letters a mark makes into others: kana with and without voicing, и and й, a virama\'s joined letters, Thai tones', async () => {
    const titles = ['ガン', 'カンジダ症', 'Врачебная тайна', 'Поездка в Таиланд', 'Аллергия на ёлку', 'क्षय रोग', 'कषाय काढ़ा', 'ไข้หวัด', 'แพ้ไข่'];
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundleOf(titles)}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === titles.length, 'the items never showed');
    const search = () => $<HTMLInputElement>(el, 'input[type=search]')!;
    const shown = () => $$(el, '[part=item] .title').map((t) => text(t)).sort().join(', ');
    const expected: [string, string][] = [
      // カン (kan) is not ガン (gan, cancer); a half-width ｶﾞ is ガ.
      ['カン', 'カンジダ症'],
      ['ガン', 'ガン'],
      ['\uff76\uff9e\uff9d', 'ガン'],
      // и is not й, though ё is written е.
      ['таи', 'Поездка в Таиланд'],
      ['тайна', 'Врачебная тайна'],
      ['елку', 'Аллергия на ёлку'],
      // क्ष is one joined letter, not क then ष.
      ['कष', 'कषाय काढ़ा'],
      // ไข้ (fever) and ไข่ (egg) differ by their tone mark alone.
      ['ไข้', 'ไข้หวัด'],
      ['ไข่', 'แพ้ไข่'],
    ];
    for (const [query, title] of expected) {
      setInput(search(), '');
      await waitUntil(() => $$(el, '[part=item]').length === titles.length, 'the whole list is back');
      setInput(search(), query);
      await waitUntil(() => shown() === title, `the search for ${query} finds ${title} alone`);
    }
  });
});
