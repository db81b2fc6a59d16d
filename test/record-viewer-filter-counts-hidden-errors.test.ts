/**
 * With items entered in error hidden, the section boxes count what is shown, as the sections'
 * headings do: "Conditions (1)" beside the box when one of two conditions was entered in error, and
 * no box for a kind whose every item was. Shown again, they are counted again; hidden again, not.
 * The count line does the same: "Showing 3 of 3 items", not "of 5", on screen and spoken once the
 * reader pauses.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirResource } from '../components/core/fhir/types.js';
import { ANA, anaWith } from './helpers.js';
import { $, $$, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const record = () =>
  anaWith([
    { resourceType: 'Condition', id: 'c1', code: { text: 'Asthma' }, subject: ANA },
    { resourceType: 'Condition', id: 'c2', code: { text: 'Diabetes type 2' }, verificationStatus: { coding: [{ code: 'entered-in-error' }] }, subject: ANA },
    { resourceType: 'AllergyIntolerance', id: 'a1', code: { text: 'Penicillin' }, patient: ANA },
    { resourceType: 'Immunization', id: 'i1', status: 'entered-in-error', vaccineCode: { text: 'Tetanus' }, occurrenceDateTime: '2021-05-01', patient: ANA },
  ] as FhirResource[]);

/** The section boxes' labels, as shown. */
const boxes = (el: Nip82RecordViewer) => $$(el, 'fieldset.filters label').map(text);

describe('the record viewer: section boxes and the count line with items entered in error hidden', () => {
  it('count only the items shown, as the headings do, and count them all again once they are shown', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" hide-entered-in-error .bundle=${record()}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 3, 'the items never showed');
    await el.updateComplete;
    expect(text($(el, 'section[data-section="problems"] h3'))).to.equal('Conditions (1)');
    expect(boxes(el)).to.deep.equal(['Personal details (1)', 'Allergies (1)', 'Conditions (1)']);

    el.hideEnteredInError = false;
    await waitUntil(() => $$(el, '[part=item]').length === 5, 'the items entered in error never came back');
    await el.updateComplete;
    expect(boxes(el)).to.deep.equal(['Personal details (1)', 'Allergies (1)', 'Conditions (2)', 'Vaccinations (1)']);

    el.hideEnteredInError = true;
    await waitUntil(() => $$(el, '[part=item]').length === 3, 'the items entered in error were never hidden again');
    await el.updateComplete;
    expect(boxes(el)).to.deep.equal(['Personal details (1)', 'Allergies (1)', 'Conditions (1)']);
  });

  it('counts only the items the record shows, and all of them once they are shown again', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" hide-entered-in-error .bundle=${record()}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, '[part=item]').length === 3, 'the items never showed');
    await el.updateComplete;
    expect(text($(el, 'p.count'))).to.equal('Showing 3 of 3 items');
    // Allergies left out: the count is said once the reader pauses.
    $<HTMLInputElement>(el, 'fieldset.filters input[value="allergies"]')!.click();
    await waitUntil(() => text($(el, '.count-said')) !== '', 'the count was never said');
    expect(text($(el, '.count-said'))).to.equal('Showing 2 of 3 items');
    expect(text($(el, 'p.count'))).to.equal('Showing 2 of 3 items');
    $<HTMLInputElement>(el, 'fieldset.filters input[value="allergies"]')!.click();

    el.hideEnteredInError = false;
    await waitUntil(() => $$(el, '[part=item]').length === 5, 'the items entered in error never came back');
    await el.updateComplete;
    expect(text($(el, 'p.count'))).to.equal('Showing 5 of 5 items');
  });
});
