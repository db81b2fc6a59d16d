/**
 * Right after a share or an approval goes out, the patient who sees they chose the wrong person
 * or the wrong items is told at once how to take it back, and what that cannot take back; a
 * denial gave nothing, so nothing is said about revoking it.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { person, receivedRequest, sampleBundle } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, buttonByText, dialogOf, text, toSharePreview } from './element-helpers.js';

const undo = 'Wrong person or wrong items? Revoke it now in your list of who has access. What they may already have opened stays with them.';

describe('consent prompt: undoing a share made by mistake', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  it('a share\'s outcome says how to revoke it', async () => {
    const [patient, wrong] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
    await toSharePreview(el, wrong.pubkey);
    const shared = oneEvent(el, 'nip82-share');
    buttonByText(el, /^Share with npub1/)!.click();
    await shared;
    await waitUntil(() => $(el, '#result-title'), 'the outcome');
    expect(text(dialogOf(el))).to.contain(undo);
  });

  it('an approval\'s outcome says it too, a denial\'s does not', async () => {
    const [patient, clinician] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    for (const approve of [true, false]) {
      const incoming = await receivedRequest(relay.client, patient, clinician);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      const answered = oneEvent(el, 'nip82-answer');
      if (approve) {
        buttonByText(el, /^Review: approve/)!.click();
        await el.updateComplete;
        buttonByText(el, /^Approve and share with npub1/)!.click();
      } else {
        buttonByText(el, 'Deny')!.click();
      }
      await answered;
      await waitUntil(() => $(el, '#result-title'), 'the outcome');
      if (approve) expect(text(dialogOf(el))).to.contain(undo);
      else expect(text(dialogOf(el))).not.to.contain('Revoke it now');
    }
  });
});
