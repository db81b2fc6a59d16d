// On a right-to-left page (an Arabic or Hebrew portal sets dir="rtl"), a value written left to right
// reads as written: a lab's "< 5 mmol/L" does not become "mmol/L 5 <" (whose mirrored "<" shows as ">"),
// a dose keeps its number before its unit, a phone number keeps its "+" in front; the record's own
// text and a document's text keep their stops and units where they were written; a lens power
// keeps its sign in front ("+2", not "2+").
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $, $$, buttonByText, text } from './element-helpers.js';

const P = 'urn:uuid:00000000-0000-4000-8000-000000000009';
const narrative = '<div xmlns="http://www.w3.org/1999/xhtml"><p>Seen for follow-up. BP 120/80 mmHg.</p></div>';
const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    { fullUrl: P, resource: { resourceType: 'Patient', id: 'p', name: [{ text: 'مريم الحسيني' }], telecom: [{ system: 'phone', value: '+1 (555) 010-2030' }] } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: { resourceType: 'Observation', id: 'o1', status: 'final', text: { status: 'generated', div: narrative }, code: { text: 'Glucose' }, effectiveDateTime: '2024-01-05', subject: { reference: P }, valueQuantity: { value: 5, comparator: '<', unit: 'mmol/L' } } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002', resource: { resourceType: 'MedicationStatement', id: 'm1', status: 'active', medicationCodeableConcept: { text: 'Metformin' }, subject: { reference: P }, dosage: [{ doseAndRate: [{ doseQuantity: { value: 500, unit: 'mg' } }] }] } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000004', resource: { resourceType: 'VisionPrescription', id: 'v1', status: 'active', created: '2024-01-05', dateWritten: '2024-01-05', patient: { reference: P }, prescriber: { display: 'Dr. Okafor' }, lensSpecification: [{ product: { text: 'Spectacles' }, eye: 'right', sphere: 2, cylinder: -0.5, axis: 180, add: 1.25 }] } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000003', resource: { resourceType: 'DocumentReference', id: 'd1', status: 'current', subject: { reference: P }, content: [{ attachment: { contentType: 'text/plain', data: btoa('Fasting: 8 hours.') } }] } },
  ],
} as unknown as FhirBundle;

/** The characters of `el`'s text from left to right on screen (one line). */
function leftToRight(el: Element): string {
  const chars: { c: string; x: number }[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (let i = 0; i < n.textContent!.length; i++) {
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + 1);
      const box = range.getBoundingClientRect();
      if (box.width && n.textContent![i].trim()) chars.push({ c: n.textContent![i], x: box.x });
    }
  }
  return chars.sort((a, b) => a.x - b.x).map((c) => c.c).join('');
}

describe('record viewer on a right-to-left page', () => {
  afterEach(() => document.documentElement.removeAttribute('dir'));

  for (const width of [320, 1000]) {
    it(`shows a lab value, a dose and a phone number in their written order (${width} px)`, async () => {
      document.documentElement.dir = 'rtl';
      const box = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width}px"><nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer></div>`);
      const el = box.firstElementChild as Nip82RecordViewer;
      await waitUntil(() => $$(el, '.facts dd').length >= 3, 'the items never showed');
      const value = (shown: string) => $$(el, '.facts dd').find((dd) => text(dd) === shown)!;
      expect(leftToRight(value('< 5 mmol/L'))).to.equal('<5mmol/L');
      expect(leftToRight(value('500 mg'))).to.equal('500mg');
      expect(leftToRight(value('+1 (555) 010-2030'))).to.equal('+1(555)010-2030');
      // The page's own direction still holds around them: the value sits at the right, as its label does.
      const dd = value('500 mg');
      const words = document.createRange();
      words.selectNodeContents(dd);
      expect(Math.round(words.getBoundingClientRect().right)).to.equal(Math.round(dd.previousElementSibling!.getBoundingClientRect().right));
    });
  }

  for (const width of [320, 1000]) {
    it(`shows a glasses prescription's powers with their signs in front (${width} px)`, async () => {
      document.documentElement.dir = 'rtl';
      const box = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width}px"><nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer></div>`);
      const el = box.firstElementChild as Nip82RecordViewer;
      await waitUntil(() => $$(el, 'table.lenses td').length, 'the lens table never showed');
      const cell = (shown: string) => { const td = $$(el, 'table.lenses td').find((c) => text(c) === shown); expect(td, `a cell reading ${shown} among ${$$(el, 'table.lenses td').map(text).join(' | ')}`).to.exist; return td!; };
      expect(leftToRight(cell('+2'))).to.equal('+2');
      expect(leftToRight(cell('-0.5'))).to.equal('-0.5');
      expect(leftToRight(cell('+1.25'))).to.equal('+1.25');
    });
  }

  it('shows the record\'s own text, and a document\'s text, in their written order', async () => {
    document.documentElement.dir = 'rtl';
    const box = await fixture<HTMLDivElement>(html`<div style="inline-size: 600px"><nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer></div>`);
    const el = box.firstElementChild as Nip82RecordViewer;
    await waitUntil(() => buttonByText(el, 'Show original text'), 'the items never showed');
    buttonByText(el, 'Show original text')!.click();
    await waitUntil(() => $(el, '.own-text p') && $(el, '.attachment pre'), 'the record\'s own text never showed');
    $<HTMLDetailsElement>(el, '.attachment')!.open = true;
    // The stop ends each sentence, on its right; the reading keeps its unit after it.
    expect(leftToRight($(el, '.own-text p')!)).to.equal('Seenforfollow-up.BP120/80mmHg.');
    expect(leftToRight($(el, '.attachment pre')!)).to.equal('Fasting:8hours.');
  });
});
