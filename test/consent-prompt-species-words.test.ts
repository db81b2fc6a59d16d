/**
 * A vet two owners let share their unnamed animals on, whose records give the species only as a
 * SNOMED CT code (no words): "Whose records" names them "Cat" and "Dog", "Gato" and "Perro" on a
 * Spanish page, never the number; a species the kit does not name reads in the record's words, and
 * a page may name species itself through `.strings`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { ConsentPromptStrings } from '../components/consent-prompt/consent-prompt.strings.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import type { FhirResource } from '../components/core/fhir/types.js';
import { $, $$, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { CAT, DOG, petBundle } from './pets.js';
import { person, type Person } from './helpers.js';

/** An unnamed pet of `owner`'s whose record gives its species as `concept` alone, shared with `vet` (who may share it on); opened by the vet. */
async function petAtVet(vet: Person, owner: Person, concept: object): Promise<OpenedRecord> {
  const bundle = petBundle('', DOG, owner.pubkey);
  const animal = bundle.entry![0]!.resource as FhirResource & { extension: { extension: { valueCodeableConcept: object }[] }[] };
  animal.extension[0]!.extension[0]!.valueCodeableConcept = concept;
  const writer = await person();
  const pet = await openRecord(await createRecord({ bundle, author: writer.signer, participants: [{ pubkey: owner.pubkey, role: 'editor' }], subject: owner.pubkey }), owner.signer);
  const { source, fullUrl } = consentSource(pet, grantConsent({ patient: owner.pubkey, recipient: vet.pubkey, role: 'editor', until: '2099-01-31' }));
  const events = await createShare({ from: [pet, source], include: [...pet.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: owner.signer, participants: [{ pubkey: vet.pubkey, role: 'editor' }] });
  return openRecord(events, vet.signer);
}

const coded = (code: string) => ({ coding: [{ system: 'http://snomed.info/sct', code }] });

async function choices(records: OpenedRecord[], signer: Person['signer'], lang: string, strings?: Partial<ConsentPromptStrings>): Promise<string[]> {
  const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" lang=${lang} .strings=${strings} .records=${records} .signer=${signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
  await waitUntil(() => $(el, 'button[data-trigger]'), 'the trigger');
  $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
  await waitUntil(() => dialogOf(el).open && $$(el, 'fieldset.about input').length === records.length, 'the "Whose records" choice');
  return $$(el, 'fieldset.about label').map((l) => text(l)).sort();
}

describe('the consent prompt: unnamed animals whose records give only a species code', function () {
  this.timeout(60000);

  it('names the species in the page\'s language, in the record\'s words when it knows no name, or as the page says', async () => {
    const [vet, sam, eva, ana] = await Promise.all([person(), person(), person(), person()]);
    const [rex, mia, bun] = await Promise.all([
      petAtVet(vet, sam, coded(DOG.code)),
      petAtVet(vet, eva, coded(CAT.code)),
      petAtVet(vet, ana, { coding: [{ system: 'http://snomed.info/sct', code: '0000001' }], text: 'Rabbit' }),
    ]);
    expect(await choices([rex, mia], vet.signer, 'en')).to.deep.equal(['Cat', 'Dog']);
    expect(await choices([rex, mia], vet.signer, 'es')).to.deep.equal(['Gato', 'Perro']);
    const withRabbit = await choices([rex, bun], vet.signer, 'es');
    expect(withRabbit).to.deep.equal(['Perro', 'Rabbit']);
    const named = await choices([rex, mia], vet.signer, 'en', { species: (code) => (code === DOG.code ? 'Canine' : '') });
    expect(named.includes('Canine'), `choices: ${JSON.stringify(named)}`).to.equal(true);
    expect(named.some((n) => /\d{6}/.test(n) && !n.includes('…')), `no species code shown: ${JSON.stringify(named)}`).to.equal(false);
  });
});
