/**
 * A clinic asks for insurance claims and the patient has none: the answer dialog says their records
 * hold nothing of what was asked, and offers Deny and Cancel, not a dead "approve and share 0 items".
 * Its steps are numbered from 1 (they were "2." and "3.", borrowed from the share dialog).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';

describe('the consent prompt: answering a request for something the patient does not have', function () {
  this.timeout(60000);

  async function openAnswer(types: string[]) {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    const [patient, clinic] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    let request;
    try {
      const { events, request: sent } = await createAccessRequest({ signer: clinic.signer, patient: patient.pubkey, resourceTypes: types, purpose: 'Billing check' });
      await client.publishAll(events);
      request = (await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === sent.id)!;
    } finally {
      client.close();
    }
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${request} .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open && $(el, '#records-from'), 'the answer form with the records');
    await el.updateComplete;
    return el;
  }

  it('says there is nothing of that kind, and offers no "0 items" approval', async () => {
    const el = await openAnswer(['Claim']);
    const said = text(dialogOf(el));
    expect(said, 'the dialog').not.to.match(/\b0 items\b/);
    expect(said, 'the dialog').to.match(/None of your records holds .*, so there is nothing to share\. You can deny the request/);
    expect(buttonByText(el, 'Deny') !== undefined).to.equal(true);
  });

  it('numbers the answer dialog\'s steps from 1', async () => {
    const el = await openAnswer(['AllergyIntolerance']);
    const legends = $$(el, 'dialog legend').map((l) => text(l));
    const numbers = legends.flatMap((l) => /^(\d+)\./.exec(l)?.[1] ?? []);
    expect(numbers.join(), JSON.stringify(legends)).to.equal('1,2');
  });

  it('names each kind asked for once, however the request lists them', async () => {
    // A medication and its statement are both "medications"; kinds the kit has no word for are all "items".
    const el = await openAnswer(['MedicationStatement', 'Medication', 'AllergyIntolerance', 'KindNobodyKnows', 'AnotherUnknownKind']);
    const said = text(el.shadowRoot);
    expect(said).to.contain('medications, allergies, items');
    expect(said).not.to.match(/medications, medications|items, items/);
  });
});
