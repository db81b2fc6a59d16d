/**
 * "Whose records" for an animal whose records give no name: the owner reads "Your animals", a vet
 * two owners let share unnamed pets on reads their species, never an owner's short key. In Spanish too.
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

async function choices(records: OpenedRecord[], signer: Person['signer'], lang: string): Promise<string[]> {
  const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" lang=${lang} .records=${records} .signer=${signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
  await waitUntil(() => $(el, 'button[data-trigger]'), 'the trigger');
  $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
  await waitUntil(() => dialogOf(el).open && $$(el, 'fieldset.about input').length === 2, 'the "Whose records" choice');
  return $$(el, 'fieldset.about label').map((l) => text(l));
}

describe('the consent prompt: "Whose records" for an unnamed animal', function () {
  this.timeout(60000);

  it('names it in words, not by a key', async () => {
    const [vet, sam, eva, writer] = await Promise.all([person(), person(), person(), person()]);
    const own = await openRecord(await createRecord({ bundle: recordAbout('Sam Lee', 'Asthma', sam), author: sam.signer, participants: [] }), sam.signer);
    const dog = await petRecord(sam, writer, '', DOG);
    expect(await choices([own, dog], sam.signer, 'en')).to.deep.equal(['Yours', 'Your animals']);
    expect(await choices([own, dog], sam.signer, 'es')).to.deep.equal(['Los suyos', 'Sus animales']);

    const rex = await sharedWith(vet, sam, await petRecord(sam, writer, '', DOG));
    const mia = await sharedWith(vet, eva, await petRecord(eva, writer, '', CAT));
    expect((await choices([rex, mia], vet.signer, 'en')).sort()).to.deep.equal(['Cat', 'Dog']);
  });
});
