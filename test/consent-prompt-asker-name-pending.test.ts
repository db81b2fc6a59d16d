/**
 * A clinic that moved to a new key asks for records under its own name. The patient opens the
 * request as soon as it is listed: while the clinic's name is still being looked up, the dialog
 * does not say they gave no name; once found, it says the name is one they chose themselves.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, profileEvent, receivedRequest, relayUrl, sampleBundle } from './helpers.js';
import { $, dialogOf } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-consent-prompt>: a requester whose name is still being looked up', function () {
  this.timeout(60000);

  it('is never said to have given no name', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const [patient, clinic] = [await person(), await person()];
      await client.publishAll([await profileEvent(clinic, 'Lakeside Clinic')]);
      const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
      const incoming = await receivedRequest(client, patient, clinic);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
      let saidUnnamed = false;
      const watch = new MutationObserver(() => { saidUnnamed ||= !!$(el, 'dialog .unnamed'); });
      watch.observe(el.shadowRoot!, { subtree: true, childList: true });
      await waitUntil(() => $(el, 'li.request button'), 'the request listed');
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'the dialog');
      await el.updateComplete;
      saidUnnamed ||= !!$(el, 'dialog .unnamed');
      await waitUntil(() => $(el, 'dialog .self-named'), 'the name found', { timeout: 20000 });
      watch.disconnect();
      expect(saidUnnamed, 'the dialog said they gave no name').to.equal(false);
    } finally {
      client.close();
    }
  });
});
