/**
 * The patient a record is about goes with every share and cannot be hidden: every item refers to
 * them, and without them a clinician's system cannot tell whose items they are. The dialog offers
 * no Hide on them, and its preview says their details go with what is shared, even when the
 * patient left them out or was asked only for some kinds of items.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, itemRow, text, typeRecipient } from './element-helpers.js';

const IDENTITY = 'Your name and personal details go with what you share, so they know whose health information it is. They cannot be hidden.';

describe('the consent prompt: the patient the record is about', function () {
  this.timeout(60000);

  async function ownRecord() {
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    return { patient, record };
  }

  it('offers Hide on every item but the patient, and says their details go with a share that leaves them out', async () => {
    const { patient, record } = await ownRecord();
    const clinic = await person();
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
    await typeRecipient(el, clinic.pubkey);
    await el.updateComplete;
    const you = itemRow(el, 'Ana');
    // Booleans, not elements: a failing assertion would print a whole element.
    expect(you.querySelector('button.hide') !== null, 'a Hide button on the patient').to.equal(false);
    const group = you.closest('.group')!;
    expect(group.querySelector('.group-head button.hide') !== null, 'a "Hide all" over the patient').to.equal(false);
    for (const label of ['Penicillin', 'Chlamydia', 'Tetanus']) expect(itemRow(el, label).querySelector('button.hide') !== null, label).to.equal(true);

    // Left out by its box, the patient still goes, and the preview says so.
    you.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await el.updateComplete;
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview');
    expect(text($(el, '.preview .identity'))).to.equal(IDENTITY);
    expect(text($(el, '.preview'))).to.contain('Ana');
  });

  it('says the patient\'s details go with an approval of only the kinds asked for', async () => {
    const { patient, record } = await ownRecord();
    const clinic = await person();
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    let request;
    try {
      const { events, request: sent } = await createAccessRequest({ signer: clinic.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'Follow-up' });
      await client.publishAll(events);
      request = (await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === sent.id)!;
    } finally {
      client.close();
    }
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${request} .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open && $(el, '#records-from'), 'the answer form with the records');
    await el.updateComplete;
    buttonByText(el, /^Review: approve/)!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview');
    expect(text($(el, '.preview .identity'))).to.equal(IDENTITY);
    const preview = text($(el, '.preview'));
    expect(preview).to.contain('Chlamydia');
    expect(preview).to.contain('Ana');
    expect(preview).not.to.contain('Penicillin');
  });

  it('says it in Spanish too', async () => {
    const { patient, record } = await ownRecord();
    const clinic = await person();
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang="es" mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
    await typeRecipient(el, clinic.pubkey);
    await el.updateComplete;
    itemRow(el, 'Ana').querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await el.updateComplete;
    buttonByText(el, 'Revisar')!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview');
    expect(text($(el, '.preview .identity'))).to.match(/^Su nombre y sus datos personales acompañan lo que comparte/);
  });
});
