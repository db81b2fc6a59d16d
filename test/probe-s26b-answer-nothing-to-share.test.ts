/**
 * What the user sees: a clinic asks for insurance claims, the patient has none; the answer dialog shows an empty "2. What to share" (no step 1 anywhere) and a dead button "Review: approve and share 0 items", with no word on why.
 * What they should see: that their records hold nothing of what was asked (so only Deny or Cancel make sense), no "0 items" button, and steps numbered from 1 (or not at all).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, dialogOf, text } from './element-helpers.js';

describe('probe s26b: answering a request for something the patient does not have', function () {
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
    expect(said, 'the dialog').to.match(/no insurance claims|nothing (of|that)|none of/i);
  });

  it('numbers the answer dialog\'s steps from 1', async () => {
    const el = await openAnswer(['AllergyIntolerance']);
    const legends = $$(el, 'dialog legend').map((l) => text(l));
    const numbers = legends.flatMap((l) => /^(\d+)\./.exec(l)?.[1] ?? []);
    // Today: ["2. What to share", "3. If you hide items, the flag tells them"], with no step 1.
    if (numbers.length) expect(numbers[0], JSON.stringify(legends)).to.equal('1');
  });
});
