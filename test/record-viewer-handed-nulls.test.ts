/**
 * A Bundle a page hands in is read in place: its nulls (which FHIR JSON forbids) are left out of
 * what is shown, the page's own object is left as it was, and content nested deeper than any real
 * record is refused, whether what lies too deep is an object, a text or a number.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const handed = (resource: Record<string, unknown>) =>
  ({ resourceType: 'Bundle', type: null, entry: [null, { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000601', resource }] }) as unknown as FhirBundle;

/** `value` inside `levels` objects (or arrays): in a resource's field, it lies `levels` deeper than the field. */
const nested = (value: unknown, levels: number, inArrays = false) => {
  let out = value;
  for (let i = 0; i < levels; i++) out = inArrays ? [out] : { a: out };
  return out;
};

async function viewer(bundle: FhirBundle) {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, '[part=item]').length > 0 || el.status === 'bad-data', 'the record was neither shown nor refused');
  return el;
}

describe('record viewer: a Bundle handed in with nulls', () => {
  it("leaves its nulls out of what is shown, and the page's object as it was", async () => {
    const resource = {
      resourceType: 'Condition', id: null, note: null,
      code: { text: null, coding: [null, { system: 'http://snomed.info/sct', code: '195967001', display: 'Asthma (disorder)' }, null] },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active', display: null }] },
      severity: { text: 'Mild', coding: null },
      recordedDate: '2021-03-04',
    };
    const bundle = handed(resource);
    const before = JSON.stringify(bundle);
    const el = await viewer(bundle);
    expect(el.status).to.not.equal('bad-data');
    expect(text($$(el, '[part=item]')[0]!)).to.contain('Asthma').and.contain('Mild').and.contain('Mar 4, 2021').and.not.contain('null');
    expect(JSON.stringify(bundle)).to.equal(before);
  });

  for (const [what, deepest] of [['an object', {}], ['a text', 'deep'], ['a number', 7]] as const) {
    for (const inArrays of [false, true]) {
      it(`refuses ${what} nested past the limit${inArrays ? ' in lists' : ''}, and shows one a level less deep`, async () => {
        // The resource's fields lie 4 levels into the Bundle; 64 is the deepest level read.
        const atLimit = await viewer(handed({ resourceType: 'Basic', code: { text: 'Deep note' }, extra: nested(deepest, 60, inArrays) }));
        expect(text($$(atLimit, '[part=item]')[0] ?? atLimit)).to.contain('Deep note');
        const past = await viewer(handed({ resourceType: 'Basic', code: { text: 'Deep note' }, extra: nested(deepest, 61, inArrays) }));
        expect(past.status).to.equal('bad-data');
        expect($$(past, '[part=item]').length).to.equal(0);
      });
    }
  }
});
