/**
 * A record may mark items as private (a sexual-health, mental-health or like label, or a
 * restricted confidentiality, on the item or on the whole record). A patient who presses on through the share dialog with its defaults
 * must not hand those over: they start hidden (the flag tells the clinician to ask), and only the
 * patient's own press shares them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { ANA, anaWith, person } from './helpers.js';
import { $, $$, buttonByText, dialogOf, itemRow, text, typeRecipient } from './element-helpers.js';

const label = (system: string, code: string) => ({ security: [{ system: `http://terminology.hl7.org/CodeSystem/${system}`, code }] });

const bundle = () => anaWith([
  { resourceType: 'Condition', id: 'a', subject: ANA, code: { text: 'Asthma' }, recordedDate: '2024-01-01' },
  { resourceType: 'Condition', id: 's', subject: ANA, code: { text: 'Chlamydia' }, recordedDate: '2014-01-01', meta: label('v3-ActCode', 'STD') },
  { resourceType: 'Condition', id: 'r', subject: ANA, code: { text: 'Depression' }, recordedDate: '2019-01-01', meta: label('v3-Confidentiality', 'R') },
  { resourceType: 'Condition', id: 'n', subject: ANA, code: { text: 'Gout' }, recordedDate: '2018-01-01', meta: label('v3-Confidentiality', 'N') },
]);

/** A record marked private as a whole: each of its items is. */
const restricted = () => anaWith([{ resourceType: 'Condition', id: 'b', subject: ANA, code: { text: 'Bipolar disorder' }, recordedDate: '2016-01-01' }], label('v3-Confidentiality', 'V'));

describe('the consent prompt: items the record marks as private', function () {
  this.timeout(60000);

  it('start hidden, so the defaults share them with nobody, and a press shares one', async () => {
    const patient = await person();
    const clinic = await person();
    const record = await openRecord(await createRecord({ bundle: bundle(), author: patient.signer, participants: [] }), patient.signer);
    const second = await openRecord(await createRecord({ bundle: restricted(), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record, second]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
    await typeRecipient(el, clinic.pubkey);
    const hidden = () => $$(el, 'li.item.hidden').map((li) => text(li.querySelector('label')));
    expect(hidden().join(' / ')).to.equal('Depression Jan 1, 2019 / Bipolar disorder Jan 1, 2016 / Chlamydia Jan 1, 2014');

    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview');
    const preview = text($(el, '.preview'));
    expect(text($(el, '#hidden-count'))).to.match(/^3 /);
    expect(preview).to.include('Asthma').and.include('Gout');
    expect(preview).not.to.include('Chlamydia');
    expect(preview).not.to.include('Depression');
    expect(preview).not.to.include('Bipolar');

    // The patient's own choice still shares one.
    buttonByText(el, 'Back')!.click();
    await waitUntil(() => $$(el, 'li.item').length > 0, 'the items again');
    itemRow(el, 'Depression').querySelector<HTMLButtonElement>('button.hide')!.click();
    await el.updateComplete;
    expect(hidden().join(' / ')).to.equal('Bipolar disorder Jan 1, 2016 / Chlamydia Jan 1, 2014');
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview again');
    expect(text($(el, '.preview'))).to.include('Depression');
  });
});
