/**
 * Probe: a lab value with decimals reads with a decimal point on a Spanish page ("5.2 mmol/L"),
 * where Spanish writes "5,2" and where the kit itself writes counts with a point as the thousands
 * separator ("12.345 elementos"): on the same screen "1.250" may be a count of one thousand two
 * hundred and fifty or a value of one and a quarter. Both the record viewer and the share
 * dialog's item labels show the record's number as JavaScript prints it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $$, buttonByText, dialogOf, text } from './element-helpers.js';

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [{
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    resource: {
      resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Glucosa' }, effectiveDateTime: '2024-01-05',
      valueQuantity: { value: 5.2, unit: 'mmol/L' }, referenceRange: [{ low: { value: 3.9, unit: 'mmol/L' }, high: { value: 5.6, unit: 'mmol/L' } }],
    },
  }],
} as unknown as FhirBundle;

describe('probe (es): decimals in a lab value', function () {
  this.timeout(60000);

  it('the record viewer writes them as Spanish does', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-record-viewer .bundle=${bundle}></nip82-record-viewer></div>`);
    const el = wrapper.firstElementChild as Nip82RecordViewer;
    await waitUntil(() => $$(el, '[part=item]').length === 1, 'the item never showed');
    await el.updateComplete;
    const facts = $$(el, '.facts div').map((d) => text(d));
    expect(facts.find((f) => f.startsWith('Valor')), JSON.stringify(facts)).to.equal('Valor5,2 mmol/L');
    expect(facts.find((f) => f.startsWith('Intervalo de referencia')), JSON.stringify(facts)).to.equal('Intervalo de referencia3,9–5,6 mmol/L');
  });

  it('the share dialog writes them as Spanish does', async () => {
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt></div>`);
    const el = wrapper.firstElementChild as Nip82ConsentPrompt;
    await waitUntil(() => buttonByText(el, 'Compartir historiales…'), 'the share button');
    buttonByText(el, 'Compartir historiales…')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length === 1, 'the item list');
    const label = text($$(el, 'li.item label')[0]!);
    expect(label).to.contain('Glucosa: 5,2 mmol/L');
  });
});
