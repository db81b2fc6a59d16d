/**
 * A portal keeps its own log of what the patient did from the kit's events. A request the prompt
 * found in the patient's messages (the page never saw it) is approved with one item hidden, or
 * denied: the `nip82-answer` the portal hears says to whom, and how many items were kept from
 * them, so that its log can tell a full approval from one with items held back.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82Event } from '../components/shared/events.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, itemRow } from './element-helpers.js';

describe('the consent prompt tells the page whom it answered and what was hidden', function () {
  this.timeout(60000);

  for (const how of ['approve', 'deny'] as const) {
    it(`${how}: the answer event names the requester${how === 'approve' ? ' and the one item hidden' : ''}`, async () => {
      const url = await relayUrl('main');
      const client = new RelayClient({ relays: [url] });
      try {
        const [patient, clinician] = [await person(), await person()];
        const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
        await client.publishAll(events);
        const record = await openRecord(events, patient.signer);
        await client.publishAll((await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance', 'Condition'], purpose: 'Check-up', days: 30 })).events);
        const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
        const heard: Nip82Event<'nip82-answer'>['detail'][] = [];
        document.body.addEventListener('nip82-answer', (e) => heard.push(e.detail));
        buttonByText(el, 'Check for requests')!.click();
        await waitUntil(() => el.status === 'done' && !!$(el, 'li.request'), 'the request listed');
        $(el, 'li.request button')!.click();
        await waitUntil(() => dialogOf(el).open, 'the dialog opens');
        await el.updateComplete;
        if (how === 'deny') {
          buttonByText(el, 'Deny')!.click();
        } else {
          itemRow(el, 'Chlamydia').querySelector<HTMLButtonElement>('button.hide')!.click();
          await el.updateComplete;
          buttonByText(el, /^Review: approve/)!.click();
          await el.updateComplete;
          buttonByText(el, /^Approve and share with/)!.click();
        }
        await waitUntil(() => heard.length > 0, 'the page heard the answer');
        expect(heard).to.have.length(1);
        expect(heard[0]!.decision).to.equal(how === 'approve' ? 'active' : 'rejected');
        expect(heard[0]!.recipient, 'to whom').to.equal(clinician.pubkey);
        expect(heard[0]!.hidden, 'items hidden from them').to.equal(how === 'approve' ? 1 : 0);
      } finally {
        client.close();
      }
    });
  }
});
