/**
 * A hospital's reading with no value says why as a code (HL7 data-absent-reason), with or without
 * the code system's English display. The reader sees why in the page's language ("asked, declined
 * to answer"; "no realizado"), never the code "asked-declined" nor English on a Spanish page; the
 * record's own text for it is shown as written, and a code without words by its display.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const DAR = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
let n = 0;
const reading = (title: string, day: string, more: Record<string, unknown>) => ({
  fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000003${String(++n).padStart(2, '0')}`,
  resource: { resourceType: 'Observation', status: 'final', code: { text: title }, effectiveDateTime: day, ...more },
});

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    reading('Smoking status', '2024-04-01', { dataAbsentReason: { coding: [{ system: DAR, code: 'asked-declined' }] } }),
    reading('Hemoglobin A1c', '2024-04-02', { dataAbsentReason: { coding: [{ system: DAR, code: 'not-performed', display: 'Not Performed' }] } }),
    reading('Lipase', '2024-04-03', { dataAbsentReason: { text: 'Sample hemolyzed', coding: [{ system: DAR, code: 'error' }] } }),
    reading('Ferritin', '2024-04-04', { dataAbsentReason: { coding: [{ system: 'http://example.org/lab', code: 'QNS', display: 'Quantity not sufficient' }] } }),
    reading('Blood pressure', '2024-04-05', {
      component: [
        { code: { text: 'Systolic' }, dataAbsentReason: { coding: [{ system: DAR, code: 'not-performed', display: 'Not Performed' }] } },
      ],
    }),
  ],
} as unknown as FhirBundle;

/** Each item's facts, "Label: value", as shown. */
async function facts(lang: string): Promise<Map<string, string[]>> {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} .bundle=${bundle}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, '[part=item]').length === bundle.entry!.length, 'the items never showed');
  const titles = ['Smoking status', 'Hemoglobin A1c', 'Lipase', 'Ferritin', 'Blood pressure'];
  const shown = new Map<string, string[]>();
  for (const item of $$(el, '[part=item]')) {
    const title = titles.find((t) => text(item).startsWith(t)) ?? text(item);
    shown.set(title, [...item.querySelectorAll('dt')].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`));
  }
  return shown;
}

describe('record viewer: why a reading has no value, in words', () => {
  it('English', async () => {
    const shown = await facts('en');
    expect(shown.get('Smoking status')).to.include('Not available: asked, declined to answer');
    expect(shown.get('Hemoglobin A1c')).to.include('Not available: not done');
    expect(shown.get('Lipase'), "the record's own text").to.include('Not available: Sample hemolyzed');
    expect(shown.get('Ferritin'), 'a code without words: its display').to.include('Not available: Quantity not sufficient');
    expect(shown.get('Blood pressure')).to.include('Systolic: not done');
  });

  it('Spanish', async () => {
    const shown = await facts('es');
    expect(shown.get('Smoking status')).to.include('No disponible: se preguntó, prefirió no contestar');
    expect(shown.get('Hemoglobin A1c')).to.include('No disponible: no realizado');
    expect(shown.get('Blood pressure')).to.include('Systolic: no realizado');
  });
});
