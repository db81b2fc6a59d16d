/**
 * In the share dialog an item dated to a month or a year only (FHIR allows "2015-03" and "2010":
 * an onset known to the month, a childhood vaccination known to the year) shows that date as the
 * record viewer does, "mar 2015" and "2010", through the kit's one formatter of FHIR dates
 * (shared/dates.ts), never in its ISO form.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $$, buttonByText, dialogOf, text } from './element-helpers.js';

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: { resourceType: 'Condition', id: 'c1', code: { text: 'Asma' }, onsetDateTime: '2015-03' } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002', resource: { resourceType: 'Immunization', id: 'i1', status: 'completed', vaccineCode: { text: 'Sarampión' }, occurrenceDateTime: '2010' } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000003', resource: { resourceType: 'Condition', id: 'c2', code: { text: 'Gripe' }, onsetDateTime: '2024-01-05' } },
  ],
} as unknown as FhirBundle;

describe('month-only and year-only dates in the share dialog (es)', function () {
  this.timeout(60000);

  it('shows them as a person reads them, never as "2015-03"', async () => {
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt></div>`);
    const el = wrapper.firstElementChild as Nip82ConsentPrompt;
    await waitUntil(() => buttonByText(el, 'Compartir historiales…'), 'the share button');
    buttonByText(el, 'Compartir historiales…')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length === 3, 'the item list');
    const rows = $$(el, 'li.item label').map((l) => text(l));
    const dates = $$(el, 'li.item label .date').map((d) => text(d));
    // The full day reads as a day in Spanish: the list does speak Spanish.
    expect(rows.join(' | ')).to.contain('5 ene 2024');
    const iso = dates.filter((d) => /\b\d{4}-\d{2}\b/.test(d));
    expect(iso, `dates in ISO form: ${JSON.stringify(rows)}`).to.deep.equal([]);
    expect(rows.join(' | '), 'the month-only onset').to.match(/mar\.? 2015/);
  });
});
