/**
 * A vet listed on an owner's dog's record (another vet wrote it), and whom the owner also let see
 * their own record, asks for vaccinations: both hold some, and the answer starts on the dog's
 * records, as for the vet who wrote them; the owner's own health is not what is offered first.
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
import { DOG, petBundle } from './pets.js';
import { $, $$, dialogOf, text } from './element-helpers.js';

describe('the consent prompt: a vet listed on an owner\'s records and the dog\'s asks', function () {
  this.timeout(60000);

  it('starts the answer on the dog\'s records', async () => {
    const url = await relayUrl('main');
    const [sam, writer, vet] = await Promise.all([person(), person(), person()]);
    const own = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(sam.pubkey)}`), author: sam.signer, participants: [{ pubkey: vet.pubkey, role: 'viewer' }] }), sam.signer);
    // The dog's record: written by the clinic's first vet, the asker only listed on it.
    const rex = await openRecord(
      await createRecord({ bundle: petBundle('Rex', DOG, sam.pubkey), author: writer.signer, participants: [{ pubkey: sam.pubkey, role: 'editor' }, { pubkey: vet.pubkey, role: 'viewer' }], subject: sam.pubkey }),
      sam.signer,
    );
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
