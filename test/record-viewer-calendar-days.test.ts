/**
 * Days of the calendar as the viewer reads them: 29 February only in a leap year (2000 and the
 * year 4 are, 1900 is not), no 31st in a month of 30, years below 100 as written. A real day is
 * shown in the reader's words and orders its item among the others, newest first; a day that does
 * not exist is shown as written and its item comes after the dated ones, in the record's order.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const DATES = ['1900-02-29', '0004-02-29', '2023-12-31', '2023-04-31', '2000-02-29', '0099-12-31', '2024-02-29'];

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: DATES.map((date, i) => ({
    fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000007${String(i).padStart(2, '0')}`,
    resource: { resourceType: 'Observation', status: 'final', code: { text: `Reading of ${date}` }, effectiveDateTime: date, valueQuantity: { value: i, unit: 'mg' } },
  })),
} as unknown as FhirBundle;

describe('record viewer: days of the calendar', () => {
  it('shows real days in words, newest first, and days that do not exist as written, after them', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === DATES.length, 'the items never showed');
    const shown = $$(el, '[part=item]').map((item) => `${text(item.querySelector('.title')!)} | ${text(item.querySelector('time') ?? item)}`);
    expect(shown).to.deep.equal([
      'Reading of 2024-02-29 | Feb 29, 2024',
      'Reading of 2023-12-31 | Dec 31, 2023',
      'Reading of 2000-02-29 | Feb 29, 2000',
      'Reading of 0099-12-31 | Dec 31, 99',
      'Reading of 0004-02-29 | Feb 29, 4',
      'Reading of 1900-02-29 | 1900-02-29',
      'Reading of 2023-04-31 | 2023-04-31',
    ]);
  });

  it('words a day in each page language, a page in another language beside it', async () => {
    const firstDay = async (lang: string) => {
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} .bundle=${bundle}></nip82-record-viewer>`);
      await waitUntil(() => $$(el, '[part=item]').length === DATES.length, 'the items never showed');
      return text($$(el, '[part=item] time')[0]!);
    };
    const english = await firstDay('en');
    const spanish = await firstDay('es');
    expect(english).to.equal('Feb 29, 2024');
    expect(spanish).to.contain('2024').and.not.equal(english);
    expect(await firstDay('en')).to.equal(english);
  });
});
