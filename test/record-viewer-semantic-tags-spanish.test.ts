/**
 * Records exported in Spanish carry the terminology's tags in Spanish ("Sinusitis viral (trastorno)",
 * "Fumador (hallazgo)"): as much a code word to a patient as "(disorder)". The viewer shows the name
 * without it; other parentheses stay.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

let n = 0;
const entry = (resource: Record<string, unknown>) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000007${String(++n).padStart(2, '0')}`, resource });
const coded = (display: string) => ({ coding: [{ system: 'http://snomed.info/sct', code: '1', display }] });

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    entry({ resourceType: 'Condition', code: coded('Sinusitis viral (trastorno)'), recordedDate: '2019-05' }),
    entry({ resourceType: 'Condition', code: coded('Hepatitis C (crónica)'), recordedDate: '2018-05' }),
    entry({ resourceType: 'Observation', status: 'final', code: { text: 'Tabaquismo' }, valueCodeableConcept: coded('Nunca fumó tabaco (hallazgo)'), effectiveDateTime: '2020-01-01' }),
    entry({ resourceType: 'AllergyIntolerance', code: coded('Penicilina (sustancia)'), recordedDate: '2020-02-02' }),
    entry({ resourceType: 'Procedure', status: 'completed', code: coded('Conciliación de la medicación (procedimiento)'), performedDateTime: '2021-03-01' }),
  ],
} as unknown as FhirBundle;

describe('record viewer: terminology tags in Spanish after item names', () => {
  for (const mode of ['summary', 'timeline']) {
    it(`shows names without them (${mode}) and keeps other parentheses`, async () => {
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="es" mode=${mode} .bundle=${bundle}></nip82-record-viewer>`);
      await waitUntil(() => $$(el, '[part=item]').length === 5, 'the items never showed');
      const shown = $$(el, '[part=item]').map((item) => text(item));
      expect(shown.filter((t) => /\((?:trastorno|hallazgo|sustancia|procedimiento)\)/.test(t)), 'items showing a tag').to.deep.equal([]);
      expect(shown.some((t) => t.startsWith('Sinusitis viral'))).to.equal(true);
      expect(shown.some((t) => t.startsWith('Hepatitis C (crónica)'))).to.equal(true);
      expect(shown.some((t) => t.includes('Nunca fumó tabaco'))).to.equal(true);
      expect(shown.some((t) => t.startsWith('Penicilina'))).to.equal(true);
    });
  }
});
