/**
 * Strangers send the patient dozens of requests from throwaway keys. The list shows the first ten
 * and a button that shows them all, so the patient's past answers below are not pushed pages down;
 * pressing it lists every request and puts the keyboard on the first one it added.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-consent-prompt>: a flood of requests in the list', function () {
  this.timeout(60000);

  it('lists ten requests and "Show all", which lists the rest and moves focus to the first added', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const patient = await person();
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
      await client.publishAll(events);
      const record = await openRecord(events, patient.signer);
      for (let i = 0; i < 24; i++) {
        const stranger = await person();
        await client.publishAll((await createAccessRequest({ signer: stranger.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: `Spam ${i}`, days: 30 })).events);
      }
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done', 'the requests read');
      await el.updateComplete;
      expect($$(el, 'li.request'), 'the first ten only').to.have.length(10);
      const all = buttonByText(el, 'Show all 24 requests');
      expect(all, 'a button to show the rest').to.exist;
      all!.click();
      await waitUntil(() => $$(el, 'li.request').length === 24, 'every request listed');
      await waitUntil(() => el.shadowRoot!.activeElement === $$(el, 'li.request')[10].querySelector('button'), 'focus on the first request added');
      expect(text($$(el, 'li.request')[10])).to.match(/asks for allergies\./);
      expect(buttonByText(el, 'Show all 24 requests'), 'no button once all are shown').to.not.exist;

      // The next person at the screen starts from the first ten of their own requests again.
      const next = await person();
      const nextEvents = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(next.pubkey)}`), author: next.signer, participants: [] });
      await client.publishAll(nextEvents);
      for (let i = 0; i < 12; i++) {
        const stranger = await person();
        await client.publishAll((await createAccessRequest({ signer: stranger.signer, patient: next.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: `Next ${i}`, days: 30 })).events);
      }
      el.records = [await openRecord(nextEvents, next.signer)];
      el.signer = next.signer;
      await waitUntil(() => buttonByText(el, 'Check for requests'), 'the last user\'s list gone');
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done', 'the next user\'s requests read');
      await el.updateComplete;
      expect($$(el, 'li.request'), 'the next user sees their first ten only').to.have.length(10);
      expect(buttonByText(el, 'Show all 12 requests'), 'and a button to show the rest').to.exist;
    } finally {
      client.close();
    }
  });
});
