/**
 * A pet owner holds their own record beside their dog's: sharing the dog's record with a vet, or
 * answering the vet's request, offers the dog's items under its name, and never the owner's own
 * health items with them (nor the owner's items under "Yours" mixed with the dog's).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, recordAbout, relayUrl } from './helpers.js';
import { CAT, DOG, petRecord } from './pets.js';
import { $, $$, buttonByText, dialogOf, shareAndOpen, text, typeRecipient } from './element-helpers.js';

const rows = (el: Nip82ConsentPrompt) => $$(el, 'li.item').map((li) => text(li.querySelector('label')));
const choices = (el: Nip82ConsentPrompt) => $$<HTMLInputElement>(el, 'fieldset.about input[type=radio]');

describe('the consent prompt: a pet owner\'s own record beside their pets\'', function () {
  this.timeout(60000);

  it('offers the pets apart from the owner\'s own items; the vet is sent Rex\'s record without the owner\'s diabetes', async () => {
    const url = await relayUrl('main');
    const [owner, vet, clinic] = await Promise.all([person(), person(), person()]);
    const own = await openRecord(await createRecord({ bundle: recordAbout('Sam Lee', 'Diabetes', owner), author: owner.signer, participants: [] }), owner.signer);
    const records = [await petRecord(owner, vet, 'Rex', DOG), own, await petRecord(owner, vet, 'Mia', CAT)];
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${records} .signer=${owner.signer} relays=${url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
    await typeRecipient(el, clinic.pubkey);
    await el.updateComplete;
    expect(choices(el).map((c) => text(c.closest('label'))), 'whose records').to.deep.equal(['Yours', 'Rex and Mia']);
    expect(rows(el).some((r) => r.includes('Diabetes')), 'the owner\'s own diabetes offered under "Yours"').to.equal(true);
    expect(rows(el).some((r) => r.includes('Rabies')), `no pet's items under "Yours": ${JSON.stringify(rows(el))}`).to.equal(false);

    choices(el)[1]!.click();
    await waitUntil(() => rows(el).some((r) => r.includes('Rabies vaccine · Rex')), 'the pets\' items offered');
    expect(rows(el).some((r) => r.includes('Diabetes')), 'not the owner\'s diabetes').to.equal(false);
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview');
    expect(text($(el, '.preview'))).not.to.contain('Diabetes');
    const got = await shareAndOpen(el, url, clinic.signer);
    expect(JSON.stringify(got.bundle), 'what the vet can open').to.contain('Rabies vaccine').and.not.to.contain('Diabetes');
  });

  /** An owner with a record of their own (diabetes) and Rex's, which a vet wrote and now asks about (vaccinations, conditions). */
  async function vetAsks(purpose: string) {
    const url = await relayUrl('main');
    const [owner, vet] = await Promise.all([person(), person()]);
    const own = await openRecord(await createRecord({ bundle: recordAbout('Sam Lee', 'Diabetes', owner), author: owner.signer, participants: [] }), owner.signer);
    const rex = await petRecord(owner, vet, 'Rex', DOG);
    const client = new RelayClient({ relays: [url] });
    try {
      const { events, request: sent } = await createAccessRequest({ signer: vet.signer, patient: owner.pubkey, resourceTypes: ['Immunization', 'Condition'], purpose });
      await client.publishAll(events);
      const request = (await readConsentMessages((await client.wrapsFor(owner.pubkey)).events, owner.signer)).find((m) => m.id === sent.id)!;
      return { url, owner, own, rex, request };
    } finally {
      client.close();
    }
  }

  it('answers a vet\'s request for vaccinations from the pets\' records, the owner\'s own not offered', async () => {
    const { url, owner, own, rex, request } = await vetAsks('Booster for Rex');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-consent-prompt mode="answer" .request=${request} .records=${[own, rex]} .signer=${owner.signer} relays=${url}></nip82-consent-prompt></div>`);
    const el = wrapper.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    await waitUntil(() => $(el, 'li.request button'), 'the request listed');
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open && $(el, '#records-from') && choices(el).length === 2, 'the answer form with whose records');
    expect(choices(el).map((c) => text(c.closest('label')))).to.deep.equal(['Los suyos', 'Rex']);
    choices(el)[1]!.click();
    await waitUntil(() => rows(el).some((r) => r.includes('Rabies vaccine')), 'Rex\'s vaccination offered');
    expect(rows(el).some((r) => r.includes('Diabetes')), `the owner's diabetes not offered with Rex's: ${JSON.stringify(rows(el))}`).to.equal(false);
  });

  it('starts the answer to the vet who wrote Rex\'s record on Rex\'s records, though the owner\'s own hold a condition asked for too', async () => {
    const { url, owner, own, rex, request } = await vetAsks('Booster');
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${request} .records=${[own, rex]} .signer=${owner.signer} relays=${url}></nip82-consent-prompt>`);
    await waitUntil(() => $(el, 'li.request button'), 'the request listed');
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open && $(el, '#records-from') && $$(el, 'li.item').length > 0, 'the answer form');
    expect(choices(el).map((c) => `${text(c.closest('label'))}:${c.checked}`)).to.deep.equal(['Yours:false', 'Rex:true']);
    expect(rows(el).some((r) => r.includes('Rabies vaccine')), `Rex's vaccination offered: ${JSON.stringify(rows(el))}`).to.equal(true);
    expect(rows(el).some((r) => r.includes('Diabetes')), 'not the owner\'s diabetes').to.equal(false);
  });

  it('names a child whose records two clinics spell two ways once, by the first name given', async () => {
    const url = await relayUrl('main');
    const [parent, child, clinic] = await Promise.all([person(), person(), person()]);
    const held = (name: string, label: string) => createRecord({ bundle: recordAbout(name, label, child), author: clinic.signer, participants: [{ pubkey: parent.pubkey, role: 'editor' }] }).then((events) => openRecord(events, parent.signer));
    const own = await openRecord(await createRecord({ bundle: recordAbout('Sam Lee', 'Diabetes', parent), author: parent.signer, participants: [] }), parent.signer);
    const records = [own, await held('Lucía', 'Asthma'), await held('Lucía Pérez', 'Eczema')];
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${records} .signer=${parent.signer} relays=${url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && choices(el).length === 2, 'whose records');
    expect(choices(el).map((c) => text(c.closest('label')))).to.deep.equal(['Yours', 'Lucía']);
  });
});
