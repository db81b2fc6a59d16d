/**
 * A stranger floods the patient with requests from many throwaway keys, all sent after the
 * clinic's. The clinic the site knows by name is still the first line of the list, not the last
 * under dozens of strangers' lines.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, profileEvent, relayUrl, sampleBundle } from './helpers.js';
import { $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-consent-prompt>: a flood of strangers\' requests', function () {
  this.timeout(60000);

  it('lists the request from someone the site knows first, above the strangers\' newer ones', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const [patient, clinic] = [await person(), await person()];
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
      await client.publishAll(events);
      const record = await openRecord(events, patient.signer);
      await client.publishAll((await createAccessRequest({ signer: clinic.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up', days: 30 })).events);
      for (let i = 0; i < 12; i++) {
        const stranger = await person();
        if (i === 0) await client.publishAll([await profileEvent(stranger, 'Hospital Security Team')]);
        await client.publishAll((await createAccessRequest({ signer: stranger.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Call 555-0100 now', days: 30 })).events);
      }
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${url}
        .knownNames=${{ [clinic.pubkey]: 'Lakeside Clinic' }}></nip82-consent-prompt>`);
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done' && buttonByText(el, 'Show all 13 requests'), 'the first ten requests listed');
      expect(text($$(el, 'li.request')[0])).to.match(/^Lakeside Clinic \(npub1\S+\) asks for allergies\..*Why: Check-up/);
    } finally {
      client.close();
    }
  });
});
