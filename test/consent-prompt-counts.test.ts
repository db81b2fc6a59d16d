/**
 * The consent prompt writes its counts through the kit's one number formatter, as the hidden-item
 * flag and the record viewer do for the same items: "10.000 elementos" in Spanish ("10,000 items"
 * in English), never as JavaScript prints a number.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';

const N = 10000;
const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: Array.from({ length: N }, (_, i) => ({
    fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    resource: { resourceType: 'Observation', id: `o${i}`, status: 'final', code: { text: 'Glucosa' }, effectiveDateTime: '2024-01-05' },
  })),
} as unknown as FhirBundle;

describe('counts in the consent prompt (es)', function () {
  this.timeout(120000);

  it('says how many items can be shared as Spanish writes the number', async () => {
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt></div>`);
    const el = wrapper.firstElementChild as Nip82ConsentPrompt;
    await waitUntil(() => buttonByText(el, 'Compartir historiales…') && $(el, '.ready'), 'the share button', { timeout: 60000 });
    expect(text($(el, '.ready'))).to.equal('Se pueden compartir 10.000 elementos de 1 historial.');
  });
});
