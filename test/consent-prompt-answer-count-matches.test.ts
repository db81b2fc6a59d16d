/**
 * Answering a request, the patient reads one number for one action: the Review button counts what
 * the preview then lists as shared, their own details (added unasked) included, in either language.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { person, receivedRequest, sampleBundle } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';

describe('consent prompt: the answer\'s button and preview count the same items', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  for (const [lang, review, listed] of [
    ['en', /^Review: approve and share (\d+) items?$/, /^(\d+) shared items?:$/],
    ['es', /^Revisar: aprobar y compartir (\d+) elementos?$/, /^(\d+) elementos? compartidos?:$/],
  ] as const) {
    it(`says the number the preview shows (${lang})`, async () => {
      const [patient, clinician] = [await person(), await person()];
      const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
      const incoming = await receivedRequest(relay.client, patient, clinician);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang=${lang} mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer}
        .knownNames=${{ [clinician.pubkey]: 'Harbor Clinic' }} relays=${relay.url}></nip82-consent-prompt>`);
      await waitUntil(() => $(el, 'li.request button'), 'the request never showed');
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open && buttonByText(el, review), 'the dialog never offered to review');
      const button = buttonByText(el, review)!;
      const onButton = Number(button.textContent!.trim().match(review)![1]);
      button.click();
      await waitUntil(() => $(el, '.preview'), 'the preview never showed');
      await el.updateComplete;
      const line = $$(el, '.preview > p').map((p) => text(p)).find((t) => listed.test(t));
      expect(line, 'the preview\'s count').to.exist;
      // The patient's details go with the share unasked: the preview still says why.
      expect(text($(el, '.preview .identity'))).not.to.equal('');
      expect(onButton, `"${text(button)}" beside "${line}"`).to.equal(Number(line!.match(listed)![1]));
      expect(onButton).to.equal($$(el, '.shared-items li').length);
    });
  }
});
