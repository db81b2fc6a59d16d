/**
 * Every item of a synthetic patient's record, read the way a machine would read the screen: in the
 * record viewer (summary and timeline, English and Spanish) and in the share dialog's list, no
 * text says "undefined", "null", "[object Object]" or NaN, no label is empty, no code-system
 * address, ISO timestamp or resource type name shows, and no two rows of the share list read the
 * same. The patient card says how to reach the patient and which language they speak, what a
 * clinician looks for first. The record is the committed Synthea patient, with shapes found in the
 * other nine patients of the same export added (two visits for one problem on one day).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import '../components/consent-prompt/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { fixture as dataFixture, person } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';

const SNOMED = 'http://snomed.info/sct';
const problem = { coding: [{ system: SNOMED, code: '185347001', display: 'Encounter for problem' }], text: 'Encounter for problem' };
const reason = [{ coding: [{ system: SNOMED, code: '424132000', display: 'Non-small cell carcinoma of lung, TNM stage 1 (disorder)' }] }];
/** As Synthea writes a clinic visit and the hospital stay it turned into, the same day. */
const visit = (id: string, cls: string, start: string, end: string) => ({
  fullUrl: `urn:uuid:${id}`,
  resource: {
    resourceType: 'Encounter', id, status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: cls },
    type: [problem], period: { start, end }, reasonCode: reason,
  },
});
const SAME_DAY = [
  visit('5e0c1a52-0000-4000-8000-000000000001', 'AMB', '1984-11-01T11:35:22Z', '1984-11-01T13:17:20Z'),
  visit('5e0c1a52-0000-4000-8000-000000000002', 'IMP', '1984-11-01T13:17:20Z', '1984-11-06T05:20:20Z'),
];

/** What no screen of a patient's record should say, by what it is. */
const WRONG: [string, RegExp][] = [
  ['undefined', /\bundefined\b/], ['null', /\bnull\b/], ['an object', /\[object /], ['NaN', /\bNaN\b/],
  ['an ISO timestamp', /\d{4}-\d\d-\d\dT\d\d:/], ['an address', /https?:\/\/|urn:(uuid|oid|ietf)/],
  ['a resource type', /\b(MedicationRequest|AllergyIntolerance|DocumentReference|ExplanationOfBenefit|DiagnosticReport|resourceType)\b/],
];
const wrongIn = (where: string, value: string) => WRONG.filter(([, re]) => re.test(value)).map(([what]) => `${where} shows ${what}: ${value.slice(0, 120)}`);

async function record(): Promise<FhirBundle> {
  const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
  return { ...bundle, entry: [...bundle.entry!, ...SAME_DAY] } as FhirBundle;
}

/**
 * Every item the viewer shows, all of them: the viewer is made with a page as long as the record
 * (page-size), so no "Show more" is needed, and the items come in as the viewer renders them.
 */
async function viewerItems(el: Nip82RecordViewer, total: number): Promise<Element[]> {
  await waitUntil(() => $$(el, '[part=item]').length >= total, `every item shown (${$$(el, '[part=item]').length} of ${total})`);
  return $$(el, '[part=item]');
}

/** An item's facts as shown: "Label: value". */
const factsOf = (item: Element) => [...item.querySelectorAll('dt')].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`);

describe('every item of a Synthea patient, read by a machine', function () {
  this.timeout(90000);

  for (const lang of ['en', 'es']) {
    it(`the record viewer (${lang}): no raw value, empty label, timestamp or type name, in the summary and the timeline`, async () => {
      const bundle = await record();
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} page-size=${bundle.entry!.length} .bundle=${bundle}></nip82-record-viewer>`);
      const problems: string[] = [];
      for (const item of await viewerItems(el, bundle.entry!.length)) {
        const title = text(item.querySelector('.title'));
        if (!title) problems.push(`an item of kind ${item.getAttribute('data-type')} has no title`);
        problems.push(...wrongIn('a title', title));
        for (const dt of item.querySelectorAll('dt')) {
          if (!text(dt)) problems.push(`a fact without a label: ${text(dt.nextElementSibling)}`);
          if (!text(dt.nextElementSibling)) problems.push(`a fact without a value: ${text(dt)}`);
          problems.push(...wrongIn(`"${text(dt)}"`, text(dt.nextElementSibling)));
        }
      }
      buttonByText(el, lang === 'es' ? 'Cronología' : 'Timeline')!.click();
      await el.updateComplete;
      // The whole timeline is on the page once the count has no "of them, N on the page" part.
      await waitUntil(() => $(el, '[part=timeline]') && $(el, '.count') && !$(el, '.count .in-print'), 'the whole timeline');
      expect($$(el, 'button.more'), 'a "Show more" left on a page as long as the record').to.have.length(0);
      problems.push(...wrongIn('the timeline', text(el.shadowRoot!)));
      expect(problems).to.deep.equal([]);
    });
  }

  it("the patient card says the patient's phone, address and language (English and Spanish)", async () => {
    const bundle = await record();
    for (const [lang, expected] of [
      ['en', ['Phone: 555-245-8374', 'Address: 318 Harber Viaduct Unit 33, Cunningham, KS 67035, US', 'Language: English (United States)']],
      ['es', ['Teléfono: 555-245-8374', 'Dirección: 318 Harber Viaduct Unit 33, Cunningham, KS 67035, US', 'Idioma: inglés (Estados Unidos)']],
    ] as const) {
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} .bundle=${bundle}></nip82-record-viewer>`);
      await waitUntil(() => $(el, '[part=item][data-type=Patient]'), 'the patient card');
      expect(factsOf($(el, '[part=item][data-type=Patient]')!)).to.include.members([...expected]);
    }
  });

  it("a device says what identifies it (as printed on its label, lot, serial number) and when it was made and expires", async () => {
    const bundle = await record();
    for (const [lang, expected] of [
      ['en', ['Device identifier: (01)17551211875188(11)161213(17)411228(10)470492412399(21)8414461866', 'Lot: 470492412399', 'Serial number: 8414461866', /^Made: Dec 13, 2016/, /^Expires: Dec 28, 2041/]],
      ['es', ['Identificador del dispositivo: (01)17551211875188(11)161213(17)411228(10)470492412399(21)8414461866', 'Número de serie: 8414461866', /^Caducidad: 28 dic 2041/]],
    ] as const) {
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} .bundle=${bundle}></nip82-record-viewer>`);
      await waitUntil(() => $(el, '[part=item][data-type=Device]'), 'the device');
      const device = $(el, '[part=item][data-type=Device]')!;
      expect(text(device.querySelector('.title'))).to.equal('Manual wheelchair');
      const facts = factsOf(device);
      for (const want of expected) expect(facts.some((f) => (typeof want === 'string' ? f === want : want.test(f))), `${want} among ${facts.join(' | ')}`).to.equal(true);
    }
  });

  it('a number or address the record marks as no longer in use is not shown as the patient\'s', async () => {
    const patient = {
      resourceType: 'Patient', id: 'moved', name: [{ given: ['Ana'], family: 'Rivera' }],
      telecom: [{ system: 'phone', value: '555-000-0001', use: 'old' }, { system: 'phone', value: '555-000-0002', period: { end: '2001-01-01' } }, { system: 'email', value: 'ana@example.org' }],
      address: [{ line: ['1 Old Road'], city: 'Emporia', use: 'old' }, { text: '2 New Street, Emporia' }],
    };
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${{ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:5e0c1a52-0000-4000-8000-000000000003', resource: patient }] }}></nip82-record-viewer>`);
    await waitUntil(() => $(el, '[part=item][data-type=Patient]'), 'the patient card');
    const facts = factsOf($(el, '[part=item][data-type=Patient]')!);
    expect(facts).to.include.members(['Email: ana@example.org', 'Address: 2 New Street, Emporia']);
    expect(facts.join(' | ')).not.to.match(/555-000|Old Road/);
  });

  for (const lang of ['en', 'es']) {
    it(`the share dialog (${lang}): every row reads as something, and no two rows of a kind read the same`, async () => {
      const patient = await person();
      const bundle = await record();
      const opened = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang=${lang} mode="share" .records=${[opened]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
      $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
      await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the item list');
      await waitUntil(() => {
        $$<HTMLDetailsElement>(el, 'details.group-items').forEach((d) => (d.open = true));
        return $$(el, 'li.item').length === bundle.entry!.length;
      }, 'every kind unfolded');
      const problems: string[] = [];
      for (const group of $$(el, '.group')) {
        const rows = [...group.querySelectorAll('li.item')].map((li) => text(li.querySelector('label')));
        for (const row of rows) problems.push(...wrongIn('a row', row));
        const hides = [...group.querySelectorAll('li.item button.hide')].map((b) => b.getAttribute('aria-label'));
        problems.push(...rows.filter((r, i) => rows.indexOf(r) !== i).map((r) => `two rows read "${r}"`));
        problems.push(...hides.filter((h, i) => hides.indexOf(h) !== i).map((h) => `two Hide buttons are named "${h}"`));
      }
      expect(problems).to.deep.equal([]);
      // The two visits say their time, the later one first.
      const visits = $$(el, 'li.item label').map((l) => text(l)).filter((r) => r.startsWith('Encounter for problem') && /1984/.test(r));
      expect(visits).to.have.length(2);
      expect(visits.every((v) => /\d:\d\d/.test(v)), visits.join(' | ')).to.equal(true);
    });
  }
});
