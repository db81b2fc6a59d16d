/**
 * A vet who wrote an owner's dog's record, and whom the owner also let see their own record, asks
 * for vaccinations: both hold some, and the answer starts on the dog's records, which a vet asks
 * about, not on the owner's own.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { DOG, petRecord } from './pets.js';
import { $, $$, dialogOf, text } from './element-helpers.js';

describe('the consent prompt: a vet on both an owner\'s records and the dog\'s asks', function () {
  this.timeout(60000);

  it('starts the answer on the dog\'s records', async () => {
    const url = await relayUrl('main');
    const [sam, vet] = await Promise.all([person(), person()]);
    const own = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(sam.pubkey)}`), author: sam.signer, participants: [{ pubkey: vet.pubkey, role: 'viewer' }] }), sam.signer);
    const rex = await petRecord(sam, vet, 'Rex', DOG);
    const client = new RelayClient({ relays: [url] });
    let request;
    try {
      const { events, request: sent } = await createAccessRequest({ signer: vet.signer, patient: sam.pubkey, resourceTypes: ['Immunization'], purpose: 'Boosters' });
      await client.publishAll(events);
      request = (await readConsentMessages((await client.wrapsFor(sam.pubkey)).events, sam.signer)).find((m) => m.id === sent.id)!;
    } finally {
      client.close();
    }
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${request} .records=${[own, rex]} .signer=${sam.signer} relays=${url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'fieldset.about input').length === 2, 'the answer form with "Whose records"');
    await el.updateComplete;
    const choices = $$<HTMLInputElement>(el, 'fieldset.about input[type=radio]');
    expect(choices.map((c) => `${text(c.closest('label'))}:${c.checked}`)).to.deep.equal(['Yours:false', 'Rex:true']);
    expect($$(el, 'li.item').map((li) => text(li.querySelector('label'))).some((r) => r.includes('Rabies')), 'the dog\'s shot offered').to.equal(true);
  });
});
