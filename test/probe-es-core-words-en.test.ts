/**
 * Probe: on an English page the failure's detail line is the protocol core's own message. A share
 * holding one item too large for the page's storage server reads "Something in the data could not
 * be used. One Observation is too large to fit in any record part (… bytes)." : a FHIR type code,
 * the record's parts and a byte count on the patient's screen. The Spanish page says it in plain
 * words ("Es demasiado grande para los servidores de almacenamiento.").
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person, relayUrl } from './helpers.js';
import { $, buttonByText, text, toSharePreview } from './element-helpers.js';

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [{
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Clinical note' }, effectiveDateTime: '2024-01-05', valueString: 'x'.repeat(30000) },
  }],
} as unknown as FhirBundle;

describe('probe (en): the core\'s words in a failed share', function () {
  this.timeout(60000);

  it('a share too large for the storage server is said without FHIR type codes or byte counts', async () => {
    const [patient, clinician] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const small = await relayUrl('small');
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang="en" mode="share" .records=${[record]} .signer=${patient.signer} relays=${small}></nip82-consent-prompt>`);
    await toSharePreview(el, clinician.pubkey);
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el.status !== 'idle' && el.status !== 'working' && el.status !== 'waiting-signer', 'the share never ended', { timeout: 30000 });
    await el.updateComplete;
    const said = text($(el, 'dialog [role=status]'));
    expect(el.status, said).to.equal('bad-data');
    expect(said.match(/\bObservation\b|\bbytes\b|record part/)?.[0] ?? '', `the status line: "${said}"`).to.equal('');
  });
});
