/**
 * Answering a clinic's request, the patient hides an item and writes a reply, then their signer
 * declines the approval. They close the dialog and press the request's button again: what they
 * chose is still there (the preview, the item still hidden, the reply), not a form afresh that
 * would share the item they hid; approving then asks the signer again and shares it hidden.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, receivedRequest, relayUrl, sampleBundle, decliningSignatures } from './helpers.js';
import { $, $$, buttonByText, dialogOf, itemRow, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('consent prompt: an approval the signer declined, reopened', function () {
  this.timeout(60000);

  it('keeps the preview, the item hidden and the reply; approving asks again and shares it hidden', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const [patient, clinician] = [await person(), await person()];
      const bundle = sampleBundle(`nostr:${npubEncode(patient.pubkey)}`);
      bundle.entry.push({
        fullUrl: 'urn:uuid:0d3c2b1a-5e4f-4a6b-8c7d-00000000a571',
        resource: { resourceType: 'Condition', id: '0d3c2b1a-5e4f-4a6b-8c7d-00000000a571', code: { text: 'Asthma' } },
      } as (typeof bundle.entry)[number]);
      const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
      const incoming = await receivedRequest(client, patient, clinician);
      const { signer, signs } = decliningSignatures(patient.signer);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${signer} relays=${url}></nip82-consent-prompt>`);
      const answers: { decision: string; naddrs: string[] }[] = [];
      el.addEventListener('nip82-answer', (e) => answers.push(e.detail));
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'the dialog opens');
      await el.updateComplete;
      itemRow(el, 'Chlamydia').querySelector<HTMLButtonElement>('button.hide')!.click();
      const reply = $<HTMLTextAreaElement>(el, '#reply')!;
      reply.value = 'See you on Tuesday';
      reply.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      buttonByText(el, /^Review: approve/)!.click();
      await waitUntil(() => buttonByText(el, /^Approve and share with/), 'the preview');
      buttonByText(el, /^Approve and share with/)!.click();
      await waitUntil(() => el.status === 'refused', 'declined at the signer');

      const closed = oneEvent(dialogOf(el), 'close');
      dialogOf(el).close();
      await closed;
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'the dialog opens again');
      await el.updateComplete;
      expect(buttonByText(el, /^Approve and share with/), 'the preview as the patient left it').to.not.equal(undefined);
      expect(text($(el, '#hidden-count')), 'the item hidden is still hidden').to.match(/\b1\b/);

      signs();
      buttonByText(el, /^Approve and share with/)!.click();
      await waitUntil(() => el.status === 'done' && answers.length > 0, 'approved');
      expect(answers, 'approved once').to.have.length(1);
      const sent = await openRecord((await client.recordByNaddr(answers[0]!.naddrs[0]!)).events, clinician.signer);
      const items = JSON.stringify(sent.bundle);
      expect(items.includes('Asthma') && !items.includes('Chlamydia'), 'the share the clinic opens hides the item').to.equal(true);
      expect($$(el, 'li.request'), 'the request answered').to.have.length(0);
    } finally {
      client.close();
    }
  });
});
