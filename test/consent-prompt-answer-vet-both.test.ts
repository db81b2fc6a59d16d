/**
 * A vet on an owner's dog's record, whom the owner also let see their own record, asks for
 * vaccinations: both hold some, and the answer starts on the dog's records, which a vet asks about,
 * not on the owner's own health. So for the vet who wrote the dog's record, and for a vet only
 * listed on it (another vet of the clinic wrote it).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle, type Person } from './helpers.js';
import { DOG, petBundle, petRecord } from './pets.js';
import { $, $$, dialogOf, text } from './element-helpers.js';

/** The owner's answer to the vet's request, with their own record (the vet may view it) and the dog's: whose records it starts on, and whether the dog's shot is offered. */
async function answerStart(sam: Person, vet: Person, rex: OpenedRecord): Promise<{ choices: string[]; rabies: boolean }> {
  const url = await relayUrl('main');
  const own = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(sam.pubkey)}`), author: sam.signer, participants: [{ pubkey: vet.pubkey, role: 'viewer' }] }), sam.signer);
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
  return {
    choices: $$<HTMLInputElement>(el, 'fieldset.about input[type=radio]').map((c) => `${text(c.closest('label'))}:${c.checked}`),
    rabies: $$(el, 'li.item').map((li) => text(li.querySelector('label'))).some((r) => r.includes('Rabies')),
  };
}

describe('the consent prompt: a vet on both an owner\'s records and the dog\'s asks', function () {
  this.timeout(60000);

  it('starts the answer on the dog\'s records when the vet wrote them', async () => {
    const [sam, vet] = await Promise.all([person(), person()]);
    const { choices, rabies } = await answerStart(sam, vet, await petRecord(sam, vet, 'Rex', DOG));
    expect(choices).to.deep.equal(['Yours:false', 'Rex:true']);
    expect(rabies, 'the dog\'s shot offered').to.equal(true);
  });

  it('starts the answer on the dog\'s records when the vet is only listed on them', async () => {
    const [sam, writer, vet] = await Promise.all([person(), person(), person()]);
    const rex = await openRecord(
      await createRecord({ bundle: petBundle('Rex', DOG, sam.pubkey), author: writer.signer, participants: [{ pubkey: sam.pubkey, role: 'editor' }, { pubkey: vet.pubkey, role: 'viewer' }], subject: sam.pubkey }),
      sam.signer,
    );
    const { choices, rabies } = await answerStart(sam, vet, rex);
    expect(choices).to.deep.equal(['Yours:false', 'Rex:true']);
    expect(rabies, 'the dog\'s shot offered').to.equal(true);
  });
});
