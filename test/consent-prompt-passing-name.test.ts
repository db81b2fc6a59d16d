/**
 * The site knows a clinic as "Lakeside Clinic"; a stranger's profile uses exactly that name and
 * asks for the patient's records. The name is withheld (it would pass for the clinic), and the
 * patient is told why, not that the stranger "gave no name".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, profileEvent, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-consent-prompt>: a requester whose own name is one the site knows for someone else', function () {
  this.timeout(60000);

  it('says they use a name the site knows for someone else, not that they gave no name', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const [patient, clinic, stranger] = [await person(), await person(), await person()];
      await client.publishAll([await profileEvent(stranger, 'Lakeside Clinic')]);
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
      await client.publishAll(events);
      const record = await openRecord(events, patient.signer);
      await client.publishAll((await createAccessRequest({ signer: stranger.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up', days: 30 })).events);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${url}
        .knownNames=${{ [clinic.pubkey]: 'Lakeside Clinic' }}></nip82-consent-prompt>`);
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done' && $$(el, 'li.request').length === 1, 'the request listed');
      $(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'the dialog opens');
      // Their profile is looked up as the dialog opens: the note follows once it is read.
      await waitUntil(() => $(el, 'dialog [part=recipient] .passing'), 'the note on a name the site knows for someone else');
      const who = text($(el, 'dialog [part=recipient] dd'));
      expect(who).to.equal(`${shortNpub(stranger.pubkey)} They use a name this site knows for someone else, so that name is not shown. Check the key with them before you approve.`);
      expect(who).not.to.contain('Lakeside Clinic');
    } finally {
      client.close();
    }
  });
});
