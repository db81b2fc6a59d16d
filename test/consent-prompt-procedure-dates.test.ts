/**
 * In the share dialog, each of a Synthea record's procedures shows the day it was done (its
 * performed date), newest first, as every other kind in the list: four "Medication Reconciliation
 * (procedure)" rows can be told apart. Before, procedures had no date and kept the record's order.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { fixture as dataFixture, person } from './helpers.js';
import { $$, buttonByText, dialogOf, text } from './element-helpers.js';

describe('the consent prompt: procedures in the share dialog', function () {
  this.timeout(60000);

  it('each procedure shows the day it was done, newest first', async () => {
    const patient = await person();
    const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the item list');
    const group = $$(el, '.group').find((g) => text(g.querySelector('h3 label')).startsWith('Procedures'))!;
    const rows = [...group.querySelectorAll('li.item label')].map((l) => text(l));
    const dates = [...group.querySelectorAll('li.item label')].map((l) => text(l.querySelector('.date')));
    expect(rows.length).to.equal(8);
    // Today: "Medication Reconciliation (procedure)" four times, no date on any row.
    expect(dates.filter((d) => d === ''), `procedure rows without a date: ${JSON.stringify(rows)}`).to.deep.equal([]);
    expect(new Set(rows).size, `identical rows: ${JSON.stringify(rows)}`).to.equal(rows.length);
    const days = dates.map((d) => Date.parse(d));
    expect(days.join(), 'newest first').to.equal([...days].sort((a, b) => b - a).join());
  });
});
