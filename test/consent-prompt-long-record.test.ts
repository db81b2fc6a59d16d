/**
 * The share dialog with a long record (3,000 readings, as a patient with a glucose meter has): a
 * kind of more than 12 items starts folded under its box and "Hide all", its rows built only once
 * it is unfolded, in the choice and in the preview; typing the purpose redraws no item; and on a
 * 320 px phone Review and Cancel are in sight at the dialog's foot, not hundreds of screens down.
 * Small kinds stay open, as they always were.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { ConsentPromptStrings } from '../components/consent-prompt/consent-prompt.strings.js';
import { consentPromptStrings } from '../components/consent-prompt/consent-prompt.strings.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';

const READINGS = 3000;

const small = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: { resourceType: 'Patient', id: 'p', name: [{ given: ['Ana'], family: 'Rivera' }] } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002', resource: { resourceType: 'Condition', id: 'c1', code: { text: 'Diabetes' } } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000003', resource: { resourceType: 'Condition', id: 'c2', code: { text: 'Asthma' } } },
  ],
} as unknown as FhirBundle;

/** Glucose readings, one a day back from 2024: too many to seal in one test event, so added after opening. */
const readings = Array.from({ length: READINGS }, (_, i) => ({
  fullUrl: `urn:uuid:reading-${i}`,
  resource: {
    resourceType: 'Observation', id: `r${i}`, status: 'final', code: { text: 'Glucose' },
    valueQuantity: { value: 90 + (i % 40), unit: 'mg/dL' },
    effectiveDateTime: new Date(Date.UTC(2024, 0, 1) - i * 86400000).toISOString().slice(0, 10),
  },
}));

async function shareDialog(strings?: Partial<ConsentPromptStrings>) {
  const patient = await person();
  const base = await openRecord(await createRecord({ bundle: small, author: patient.signer, participants: [] }), patient.signer);
  const record = { ...base, bundle: { ...base.bundle, entry: [...base.bundle.entry!, ...readings] } } as OpenedRecord;
  const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} .strings=${strings}
    relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
  await waitUntil(() => buttonByText(el, 'Share records…'), 'the share button');
  buttonByText(el, 'Share records…')!.click();
  await waitUntil(() => dialogOf(el).open && $$(el, '.group').length === 3, 'the kinds');
  await el.updateComplete;
  return el;
}

const group = (el: Nip82ConsentPrompt, name: RegExp) => $$(el, '.group').find((g) => name.test(text(g.querySelector('h3'))))!;

describe('the share dialog with a long record', function () {
  this.timeout(120000);

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('a kind of more than 12 items starts folded, its box and Hide all above; its rows are built as it unfolds', async () => {
    const el = await shareDialog();
    const conditions = group(el, /^Conditions/);
    expect(conditions.querySelectorAll('li.item'), 'a small kind stays open').to.have.length(2);
    const obs = group(el, /\(3,000\)/);
    expect(obs.querySelector('input[type=checkbox]'), 'its box').to.exist;
    expect(text(obs.querySelector('button.hide'))).to.equal('Hide all');
    const fold = obs.querySelector('details')!;
    expect(fold, 'folded').to.exist;
    expect(fold.open).to.equal(false);
    expect(text(fold.querySelector('summary'))).to.equal('Show the 3,000 items one by one');
    expect(obs.querySelectorAll('li.item'), 'no row built while folded').to.have.length(0);
    fold.querySelector('summary')!.click();
    await waitUntil(() => obs.querySelectorAll('li.item').length === READINGS, 'the rows');
    expect(text(obs.querySelector('li.item label'))).to.equal('Glucose: 90 mg/dL Jan 1, 2024');
  });

  it('typing the purpose redraws no item, and a tick redraws its own kind only', async () => {
    let asked = 0;
    const en = consentPromptStrings.en!;
    const el = await shareDialog({ hideItem: (label: string, date: string) => (asked++, en.hideItem(label, date)) });
    const obs = group(el, /\(3,000\)/);
    obs.querySelector('summary')?.click();
    await waitUntil(() => obs.querySelectorAll('li.item').length === READINGS, 'the rows');
    await el.updateComplete;
    const changes: MutationRecord[] = [];
    const watch = new MutationObserver((list) => changes.push(...list));
    watch.observe($(el, '.item-grid')!, { childList: true, subtree: true, attributes: true, characterData: true });
    asked = 0;
    const purpose = $<HTMLInputElement>(el, '#purpose')!;
    purpose.focus();
    await sendKeys({ type: 'Care' });
    await el.updateComplete;
    watch.disconnect();
    expect(purpose.value).to.equal('Care');
    expect(changes, 'no row added, removed or changed').to.have.length(0);
    expect(asked, 'no item\'s words worked out again').to.equal(0);
    // Leaving out one diagnosis redraws the diagnoses, not the 3,000 readings.
    group(el, /^Conditions/).querySelector<HTMLInputElement>('li.item input[type=checkbox]')!.click();
    await el.updateComplete;
    expect(group(el, /^Conditions/).querySelector<HTMLInputElement>('li.item input[type=checkbox]')!.checked).to.equal(false);
    expect(asked, 'only the diagnoses\' rows').to.equal(2);
  });

  it('on a 320 px phone, Review and Cancel are a few screens down, not hundreds: long kinds are folded', async () => {
    // The buttons stay in the flow, beside what the signer says when they are pressed (a row pinned
    // to the dialog's foot covered half a phone's screen at 200% text, and parted the words from it).
    await setViewport({ width: 320, height: 640 });
    const el = await shareDialog();
    const dialog = dialogOf(el);
    for (const name of ['Review', 'Cancel']) {
      const button = buttonByText(el, name)!;
      const down = button.getBoundingClientRect().bottom - dialog.getBoundingClientRect().top + dialog.scrollTop;
      expect(down, `${name} is within four screens of the dialog's top`).to.be.at.most(4 * innerHeight);
    }
  });

  it('the preview builds a folded kind\'s items only as it unfolds', async () => {
    const el = await shareDialog();
    await typeRecipient(el, (await person()).pubkey);
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '[part=preview]'), 'the preview');
    const fold = $$<HTMLDetailsElement>(el, '.shared-group').find((d) => /3,000/.test(text(d.querySelector('summary'))))!;
    expect(fold.open).to.equal(false);
    expect(fold.querySelectorAll('li'), 'no item built while folded').to.have.length(0);
    fold.querySelector('summary')!.click();
    await waitUntil(() => fold.querySelectorAll('li').length === READINGS, 'the items');
    expect(text(fold.querySelector('li'))).to.equal('Test results and measurements: Glucose: 90 mg/dL (Jan 1, 2024)');
    buttonByText(el, 'Back')!.click();
    await waitUntil(() => $(el, '#purpose'), 'the choice again');
    expect(group(el, /\(3,000\)/).querySelectorAll('li.item'), 'still folded').to.have.length(0);
  });
});
