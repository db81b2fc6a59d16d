// A patient typing on a phone often leaves accents out: "hipertension" finds "Hipertensión", and a
// word typed with its accent finds it written either way (as one letter, or a letter and a mark).
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

const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  // "Migraña" written as "n" and a combining tilde, as some systems store it.
  entry: [condition('1', 'Hipertensión arterial'), condition('2', 'Diabétes tipo 2'), condition('3', 'Migran\u0303a'), condition('4', 'Asma')],
} as FhirBundle;

describe('record viewer: search with or without accents', () => {
  it('finds an item whatever the accents typed', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="es" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 4, 'the items never showed');
    const search = () => $<HTMLInputElement>(el, 'input[type=search]')!;
    const titles = () => $$(el, '[part=item] .title').map((t) => text(t).normalize('NFC')).join(', ');
    const expected: [string, string][] = [
      ['hipertension', 'Hipertensión arterial'],
      ['HIPERTENSIÓN', 'Hipertensión arterial'],
      ['diabetes', 'Diabétes tipo 2'],
      ['migraña', 'Migraña'],
      ['migrana', 'Migraña'],
    ];
    for (const [query, title] of expected) {
      // From the whole list each time, so a search never reads the last one's result as its own.
      setInput(search(), '');
      await waitUntil(() => $$(el, '[part=item]').length === 4, 'the whole list is back');
      setInput(search(), query);
      await waitUntil(() => titles() === title, `the search for ${query} finds ${title}`);
    }
    expect(titles()).to.equal('Migraña');
  });
});
