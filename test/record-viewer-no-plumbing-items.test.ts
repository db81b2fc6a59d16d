/**
 * What a patient or clinician reads as items is health data: no internal id ("ID deff76cf-…", a
 * database key), and no item for the share's own grant note (it said "Consent · Status active" and
 * made "Showing 62 of 62 items" of a 61-item share). The share's terms are shown as such elsewhere.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { grantConsent } from '../components/core/nip82/grant-create.js';
import { createBundle } from '../components/core/fhir/bundle.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const ID = 'deff76cf-31f4-39b5-4509-7a60c4f4e121';
const device = {
  resourceType: 'Device', id: ID, status: 'active',
  type: { coding: [{ system: 'http://snomed.info/sct', code: '58938008', display: 'Manual wheelchair (physical object)' }], text: 'Manual wheelchair (physical object)' },
};

async function shown(bundle: FhirBundle, count: number): Promise<Nip82RecordViewer> {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="patient" .bundle=${bundle}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, 'li.item').length === count, `${count} items shown`);
  await el.updateComplete;
  return el;
}

describe('the record viewer: items carry no plumbing', () => {
  it('a device a patient reads carries no internal id', async () => {
    const el = await shown({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: `urn:uuid:${ID}`, resource: device }] }, 1);
    const item = text($$(el, 'li.item')[0]);
    expect(item).to.contain('Manual wheelchair');
    expect(item.includes(ID)).to.equal(false);
  });

  it('a share\'s grant note is not listed or counted as an item', async () => {
    const [patient, clinic] = [getPublicKey(generateSecretKey()), getPublicKey(generateSecretKey())];
    const bundle = createBundle([device, grantConsent({ patient, recipient: clinic, role: 'viewer' })]);
    const el = await shown(bundle, 1);
    expect(text(el.shadowRoot).includes('Consent')).to.equal(false);
    expect(text($$(el, 'li.item')[0])).to.contain('Manual wheelchair');
  });
});
