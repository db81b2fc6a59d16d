/**
 * A vet two owners let share their unnamed dogs on: "Whose records" offers two choices that read
 * apart, not "Dog" twice, so the vet can tell whose dog they share.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { $, $$, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { DOG, petRecord } from './pets.js';
import { person, type Person } from './helpers.js';

async function sharedWith(vet: Person, owner: Person, pet: OpenedRecord) {
  const { source, fullUrl } = consentSource(pet, grantConsent({ patient: owner.pubkey, recipient: vet.pubkey, role: 'editor', until: '2099-01-31' }));
  const events = await createShare({ from: [pet, source], include: [...pet.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: owner.signer, participants: [{ pubkey: vet.pubkey, role: 'editor' }] });
  return openRecord(events, vet.signer);
}

describe('the consent prompt: "Whose records" for two unnamed dogs of two owners', function () {
  this.timeout(60000);

  it('reads the two choices apart', async () => {
    const [vet, sam, eva, writer] = await Promise.all([person(), person(), person(), person()]);
    const rex = await sharedWith(vet, sam, await petRecord(sam, writer, '', DOG));
    const max = await sharedWith(vet, eva, await petRecord(eva, writer, '', DOG));
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" lang="en" .records=${[rex, max]} .signer=${vet.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    await waitUntil(() => $(el, 'button[data-trigger]'), 'the trigger');
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'fieldset.about input').length === 2, 'the "Whose records" choice');
    const labels = $$(el, 'fieldset.about label').map((l) => text(l));
    expect(new Set(labels).size, `choices: ${JSON.stringify(labels)}`).to.equal(2);
    expect(labels.every((l) => l.startsWith('Dog')), `choices: ${JSON.stringify(labels)}`).to.equal(true);
  });
});
