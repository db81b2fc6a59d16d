/**
 * Answering a request by ear: the dialog's Deny button says whose request it denies, as its Review
 * and approve buttons already say whom they are for. A screen-reader user listing the dialog's
 * buttons hears "Deny the request from Harbor Clinic", not a bare "Deny".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { shortNpub } from '../components/shared/identity.js';
import { waitUntil } from './wait.js';
import { person, receivedRequest, sampleBundle } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, accessibleName, buttonByText, dialogOf } from './element-helpers.js';

describe('consent prompt: the answer dialog\'s buttons say whom they answer', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  for (const [lang, shown, named] of [['en', 'Deny', 'Deny the request from Harbor Clinic'], ['es', 'Rechazar', 'Rechazar la solicitud de Harbor Clinic']] as const) {
    it(`names Deny by whose request it is (${lang})`, async () => {
      const [patient, clinician] = [await person(), await person()];
      const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
      const incoming = await receivedRequest(relay.client, patient, clinician);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang=${lang} mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer}
        .knownNames=${{ [clinician.pubkey]: 'Harbor Clinic' }} relays=${relay.url}></nip82-consent-prompt>`);
      await waitUntil(() => $(el, 'li.request button'), 'the request never showed');
      $<HTMLButtonElement>(el, 'li.request button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialogOf(el).open && buttonByText(el, shown), 'the dialog never opened');
      await el.updateComplete;
      // The name as the dialog's other buttons give it: with the short key that tells two of the same name apart.
      expect(accessibleName(buttonByText(el, shown)!)).to.equal(`${named} (${shortNpub(clinician.pubkey)})`);
    });
  }
});
