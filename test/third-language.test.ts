/**
 * A portal in a language the kit ships no words for (French, German, Polish, Arabic) translates
 * through `.strings` and sets `lang`: the dates, numbers and lists the elements write into its
 * sentences are then in its language ("2 déc. 2024", "12 345"), not English ones, and follow a
 * switch between two such languages.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/hidden-flag/define.js';
import '../components/consent-prompt/define.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { CodeSet } from '../components/record-viewer/code-words.js';
import type { Nip82HiddenFlag } from '../components/hidden-flag/hidden-flag.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $$, buttonByText, dialogOf, text } from './element-helpers.js';

const title = (el: Element) => el.shadowRoot!.querySelector('[part~="title"]')?.textContent?.replace(/\s+/g, ' ').trim();

describe('a portal in a third language', function () {
  this.timeout(60000);

  it('writes counts as the page language writes numbers, and follows a switch from French to German', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><nip82-hidden-flag disclose="count" count="12345"></nip82-hidden-flag></div>`);
    const el = wrapper.firstElementChild as Nip82HiddenFlag;
    el.strings = { countTitle: (_n: number, written: string) => `Le patient a caché ${written} éléments` };
    await el.updateComplete;
    // French groups digits with a narrow space (read here as a space): never "12,345".
    expect(title(el)).to.equal('Le patient a caché 12 345 éléments');
    wrapper.lang = 'de';
    await waitUntil(() => title(el) === 'Le patient a caché 12.345 éléments', `German digits, got ${title(el)}`);
  });

  it('dates the share dialog items in the page language', async () => {
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [{ fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: { resourceType: 'Condition', id: 'c1', code: { text: 'Asthme' }, onsetDateTime: '2024-12-02' } }],
    } as unknown as FhirBundle;
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt></div>`);
    const el = wrapper.firstElementChild as Nip82ConsentPrompt;
    await waitUntil(() => buttonByText(el, 'Share records…'), 'the share button');
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length === 1, 'the item list');
    expect(text($$(el, 'li.item label .date')[0]!)).to.match(/^2 déc\.? 2024$/);
  });

  it('a tag the platform cannot read falls back to the language it names, without breaking the element', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es_ES"><nip82-hidden-flag disclose="count" count="3"></nip82-hidden-flag></div>`);
    const el = wrapper.firstElementChild as Nip82HiddenFlag;
    await el.updateComplete;
    expect(title(el)).to.match(/3/);
  });

  it('gives a unit its number, so a language with more plural forms than one and other words it ("2 lata", "5 lat")', async () => {
    const UCUM = 'http://unitsofmeasure.org';
    const onset = (title: string, years: number, i: number) => ({
      fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000020${i}`,
      resource: { resourceType: 'Condition', code: { text: title }, onsetAge: { value: years, system: UCUM, code: 'a' }, recordedDate: `2024-02-0${i}` },
    });
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [onset('Astma', 1, 1), onset('Egzema', 2, 2), onset('Alergia', 5, 3)] } as unknown as FhirBundle;
    const pl = new Intl.PluralRules('pl');
    const years: Record<string, string> = { one: 'rok', few: 'lata', many: 'lat', other: 'roku' };
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="pl" .bundle=${bundle}></nip82-record-viewer>`);
    el.strings = {
      codeWord: (set: CodeSet, code: string, count?: number) => ((set === 'unit' || set === 'unitOne') && code === 'a' && count !== undefined ? years[pl.select(count)]! : code),
    };
    await waitUntil(() => $$(el, '[part=item]').length === 3, 'the items');
    const shown = $$(el, '[part=item]').map((item) => text(item));
    const of = (title: string) => shown.find((t) => t.startsWith(title)) ?? '';
    expect(of('Astma')).to.contain('1 rok');
    expect(of('Egzema')).to.contain('2 lata');
    expect(of('Alergia')).to.contain('5 lat');
  });

  it('gives "Showing 3 of 3 items" its numbers, so a language whose words change with them can say it', async () => {
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: ['Astma', 'Egzema', 'Alergia'].map((t, i) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000030${i}`, resource: { resourceType: 'Condition', code: { text: t }, recordedDate: `2024-02-0${i + 1}` } })),
    } as unknown as FhirBundle;
    const pl = new Intl.PluralRules('pl');
    const items: Record<string, string> = { one: 'elementu', few: 'elementów', many: 'elementów', other: 'elementu' };
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="pl" .bundle=${bundle}></nip82-record-viewer>`);
    el.strings = {
      showing: (shown: string, total: string, _shownCount?: number, totalCount?: number) => `Pokazano ${shown} z ${total} ${totalCount === undefined ? '?' : items[pl.select(totalCount)]}`,
    };
    await waitUntil(() => $$(el, '[part=item]').length === 3, 'the items');
    expect(text(el.shadowRoot!.querySelector('p.count')!)).to.equal('Pokazano 3 z 3 elementów');
  });

  it('writes a record\'s values in the digits its counts and dates use (Egyptian Arabic)', async () => {
    const UCUM = 'http://unitsofmeasure.org';
    const reading = (title: string, value: number, code: string, i: number) => ({
      fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000040${i}`,
      resource: { resourceType: 'Observation', status: 'final', code: { text: title }, effectiveDateTime: `2024-02-0${i}`, valueQuantity: { value, system: UCUM, code } },
    });
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [reading('حرارة', 37.2, 'Cel', 1), reading('نبض', 72, '/min', 2), reading('قاعدة', -2.5, 'mmol/L', 3)] } as unknown as FhirBundle;
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar-EG" dir="rtl"><nip82-record-viewer .bundle=${bundle}></nip82-record-viewer></div>`);
    const el = wrapper.firstElementChild as Nip82RecordViewer;
    await waitUntil(() => $$(el, '[part=item]').length === 3, 'the items');
    const shown = $$(el, '[part=item]').map((item) => text(item)).join(' | ');
    // A negative value's minus carries the mark that keeps it before the digits in right-to-left text.
    expect(shown).to.contain('\u061c-٢٫٥ mmol/L');
    // The dates of the same items are in Arabic digits: the values are too, never "37٫2" or "72".
    expect(shown).to.contain('٢٠٢٤');
    expect(shown).to.contain('٣٧٫٢ °C');
    expect(shown).to.match(/٧٢ /);
    expect(shown).not.to.match(/\b(37|72)\b/);
  });

  it('lists whom a record is about as the page language lists names ("Rex et Mia")', async () => {
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000501', resource: { resourceType: 'Patient', name: [{ given: ['Rex'] }] } },
        { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000502', resource: { resourceType: 'Patient', name: [{ given: ['Mia'] }] } },
      ],
    } as unknown as FhirBundle;
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="fr" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 2, 'the items');
    expect(text(el.shadowRoot!)).to.contain('Rex et Mia');
  });

  it('words a unit by the plural rules of the words shown: a French page without its own unit words reads "1,5 years"', async () => {
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [{ fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000601', resource: { resourceType: 'Condition', code: { text: 'Asthme' }, onsetAge: { value: 1.5, system: 'http://unitsofmeasure.org', code: 'a' }, recordedDate: '2024-02-01' } }],
    } as unknown as FhirBundle;
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="fr" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 1, 'the items');
    expect(text($$(el, '[part=item]')[0]!)).to.contain('1,5 years');
  });

  it('writes a count the same way in every line of the flag, built-in words included', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><nip82-hidden-flag></nip82-hidden-flag></div>`);
    const el = wrapper.firstElementChild as Nip82HiddenFlag;
    el.withheld = { disclose: 'count-and-kind', count: 12345, kinds: { Condition: 12345 } };
    await el.updateComplete;
    const kinds = el.shadowRoot!.querySelector('[part~="kinds"]')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(title(el)).to.equal('The patient withheld 12 345 items from this record');
    expect(kinds).to.equal('12 345 problems');
  });
});
