/**
 * Several requests wait at once, two of them from one clinic for the same kinds of records. Each
 * line in the list says when it was sent and why, so the patient can tell them apart by sight (not
 * only a screen reader by the buttons' names); a purpose of any length takes a line's worth there,
 * its whole text being in the request's dialog.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-consent-prompt>: requests told apart in the list', function () {
  this.timeout(60000);

  it('each line says when it was sent and why, a long purpose cut short there and whole in the dialog', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const [patient, clinician] = [await person(), await person()];
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
      await client.publishAll(events);
      const record = await openRecord(events, patient.signer);
      const long = `Second opinion before surgery. ${'Please share everything you have. '.repeat(40)}`.trim();
      for (const purpose of ['Yearly check-up', long]) {
        await client.publishAll((await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose, days: 30 })).events);
      }
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done' && $$(el, 'li.request').length === 2, 'both requests listed');
      const lines = $$(el, 'li.request').map((li) => text(li));
      expect(lines).to.have.length(2);
      expect(lines[0], 'two lines that read differently').to.not.equal(lines[1]);
      for (const line of lines) expect(line).to.match(/^npub1\S+ asks for allergies\. Sent .+\. Why: .+ Review and answer$/);
      expect(lines.some((l) => l.includes('Why: Yearly check-up Review'))).to.equal(true);
      const cut = lines.find((l) => l.includes('Why: Second opinion'))!;
      expect(cut).to.match(/… Review and answer$/);
      expect(cut.length, 'a line, not the whole purpose').to.be.below(300);

      $$(el, 'li.request').find((li) => text(li).includes('Second opinion'))!.querySelector('button')!.click();
      await waitUntil(() => dialogOf(el).open, 'the dialog opens');
      await el.updateComplete;
      expect(text($(el, '.facts'))).to.contain(long);
    } finally {
      client.close();
    }
  });
});
