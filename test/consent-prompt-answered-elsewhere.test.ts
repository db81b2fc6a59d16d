/**
 * Two windows of the patient's portal list the same request. Answered in one, it can no longer be
 * answered the other way in the other: the second window reads the messages again before its
 * signer signs anything, and says the request was already answered. The clinician never gets two
 * contradicting answers, and nothing more is signed or sent.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { counting, person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';

describe('a request answered in one window, then answered again in another', function () {
  this.timeout(90000);

  for (const first of ['approve', 'deny'] as const) {
    it(`${first === 'approve' ? 'approved, then Deny' : 'denied, then Approve'} in the other window: refused before the signer signs, in plain words`, async () => {
      const url = await relayUrl('main');
      const client = new RelayClient({ relays: [url] });
      try {
        const [patient, clinician] = [await person(), await person()];
        const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
        await client.publishAll(events);
        const record = await openRecord(events, patient.signer);
        await client.publishAll((await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance', 'Condition'], purpose: 'Check-up', days: 30 })).events);
        const second = counting(patient.signer);
        const wrap = await fixture<HTMLDivElement>(html`<div>
          <nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>
          <nip82-consent-prompt mode="answer" .records=${[record]} .signer=${second} relays=${url}></nip82-consent-prompt>
        </div>`);
        const [a, b] = [...wrap.querySelectorAll('nip82-consent-prompt')] as [Nip82ConsentPrompt, Nip82ConsentPrompt];
        for (const el of [a, b]) {
          await el.updateComplete;
          buttonByText(el, 'Check for requests')!.click();
          await waitUntil(() => el.status === 'done' && $$(el, 'li.request').length === 1, 'the request listed');
        }
        const answer = async (el: Nip82ConsentPrompt, how: 'approve' | 'deny') => {
          $(el, 'li.request button')!.click();
          await waitUntil(() => dialogOf(el).open, 'the dialog opens');
          await el.updateComplete;
          if (how === 'deny') return buttonByText(el, 'Deny')!.click();
          buttonByText(el, /^Review: approve/)!.click();
          await el.updateComplete;
          buttonByText(el, /^Approve and share with/)!.click();
        };
        const answered = oneEvent(a, 'nip82-answer');
        await answer(a, first);
        await answered;
        const wrapsToClinician = (await client.wrapsFor(clinician.pubkey)).events.length;
        const sharesToClinician = (await client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events.length;

        // The other window, not refreshed, still lists the request.
        let secondAnswer = 0;
        b.addEventListener('nip82-answer', () => secondAnswer++);
        await answer(b, first === 'approve' ? 'deny' : 'approve');
        await waitUntil(() => $(b, '#problems'), 'the second window says why', { timeout: 20000 });
        await b.updateComplete;
        expect(text($(b, '#problems'))).to.match(first === 'approve'
          ? /^You already approved this request, so it can no longer be denied: npub1.+ can open what you granted\. To take access back, revoke the share\.$/
          : /^You already denied this request, perhaps in another window\. Nothing more was sent\.$/);
        expect(b.status).to.not.equal('done');
        expect(second.calls.signEvent ?? 0, 'nothing signed').to.equal(0);
        expect(secondAnswer).to.equal(0);
        expect((await client.wrapsFor(clinician.pubkey)).events.length).to.equal(wrapsToClinician);
        expect((await client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events.length).to.equal(sharesToClinician);
      } finally {
        client.close();
      }
    });
  }
});
