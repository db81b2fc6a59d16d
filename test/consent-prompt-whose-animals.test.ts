/**
 * "Whose records" in the share dialog, for records about animals: an owner holding their own
 * record and their dog's, and a vet two owners let share their pets' records on. Its help says the
 * records are about more than one person or animal, not "Your records are about more than one
 * person" (a dog is not a person, and the vet's are the owners' records). In Spanish too.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { $, $$, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { CAT, DOG, petRecord } from './pets.js';
import { person, recordAbout, type Person } from './helpers.js';

/** `pet`, shared by its owner with `vet`, who may share it on; opened by the vet. */
async function sharedWith(vet: Person, owner: Person, pet: OpenedRecord) {
  const { source, fullUrl } = consentSource(pet, grantConsent({ patient: owner.pubkey, recipient: vet.pubkey, role: 'editor', until: '2099-01-31' }));
  const events = await createShare({ from: [pet, source], include: [...pet.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: owner.signer, participants: [{ pubkey: vet.pubkey, role: 'editor' }] });
  return openRecord(events, vet.signer);
}

async function whoseHelp(records: OpenedRecord[], signer: Person['signer'], lang: string): Promise<string> {
  const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" lang=${lang} .records=${records} .signer=${signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
  await waitUntil(() => $(el, 'button[data-trigger]'), 'the trigger');
  $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
  await waitUntil(() => dialogOf(el).open && $$(el, 'fieldset.about input').length === 2, 'the "Whose records" choice');
  return text($(el, '#about-help'));
}

describe('the consent prompt: "Whose records" when some are animals\'', function () {
  this.timeout(60000);

  it('says "person or animal", for an owner and for a vet', async () => {
    const [vet, sam, eva, writer] = await Promise.all([person(), person(), person(), person()]);
    const own = await openRecord(await createRecord({ bundle: recordAbout('Sam Lee', 'Asthma', sam), author: sam.signer, participants: [] }), sam.signer);
    const bo = await petRecord(sam, writer, 'Bo', DOG);
    const owner = await whoseHelp([own, bo], sam.signer, 'en');
    expect(owner).to.match(/more than one person or animal/);

    const rex = await sharedWith(vet, sam, await petRecord(sam, writer, 'Rex', DOG));
    const mia = await sharedWith(vet, eva, await petRecord(eva, writer, 'Mia', CAT));
    const vets = await whoseHelp([rex, mia], vet.signer, 'en');
    expect(vets).to.match(/more than one person or animal/);
    expect(vets, 'the owners\' records called the vet\'s').not.to.match(/^Your records/);
    const es = await whoseHelp([rex, mia], vet.signer, 'es');
    expect(es).to.match(/más de una persona o animal/);
    expect(es).not.to.match(/^Sus historiales/);
  });
});
