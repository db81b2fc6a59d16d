/**
 * Probe (review s26, demo): the record viewer shows a patient the internal id of an item.
 *
 * In the demo (patient.html?as=patient → Unlock my records → "Other items (1)") Alex reads
 * "Manual wheelchair (physical object) · Kind Device · ID deff76cf-31f4-39b5-4509-7a60c4f4e121 ·
 * Status active"; the clinic (clinic.html, after a share) reads the same, and the share's own
 * consent note as "Consent · ID 27761946-b29c-… · Status active". A resource id is a database key:
 * it means nothing to a patient or a clinician. Source: record-viewer/fhir-summary.ts describeOther
 * (`facts.add('id', str(r.id))`).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { $$, text } from './element-helpers.js';

const ID = 'deff76cf-31f4-39b5-4509-7a60c4f4e121';

describe('probe s26: item ids', () => {
  it('a device a patient reads carries no internal id', async () => {
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [{
        fullUrl: `urn:uuid:${ID}`,
        resource: {
          resourceType: 'Device', id: ID, status: 'active',
          type: { coding: [{ system: 'http://snomed.info/sct', code: '58938008', display: 'Manual wheelchair (physical object)' }], text: 'Manual wheelchair (physical object)' },
        },
      }],
    };
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="patient" .bundle=${bundle}></nip82-record-viewer>`);
    for (let i = 0; i < 50 && !$$(el, 'li.item').length; i++) await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    const item = $$(el, 'li.item')[0];
    expect(item, 'the device is shown').to.exist;
    expect(text(item)).to.contain('Manual wheelchair');
    expect(text(item), text(item)).not.to.contain(ID);
  });
});
