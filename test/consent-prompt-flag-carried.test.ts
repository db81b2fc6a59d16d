/**
 * A vet shares on a pet's record its owner shared with them without the rabies shot: the preview
 * does not say "Nothing is hidden, so there is no flag", since the owner's flag goes with it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { person } from './helpers.js';
import { rexAtVet } from './pets.js';
import { $, $$, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';

describe('the consent prompt: sharing on what was shared without some items', function () {
  this.timeout(60000);

  for (const [lang, review, said] of [
    ['en', 'Review', 'Some items were withheld from what you received. They will be told so too.'],
    ['es', 'Revisar', 'A lo que usted recibió le faltan elementos que se ocultaron. También se les dirá.'],
  ] as const) {
    it(`says the flag goes on, not that there is none (${lang})`, async () => {
      const [{ vet, record }, second] = await Promise.all([rexAtVet('count'), person()]);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang=${lang} mode="share" .records=${[record]} .signer=${vet.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
      $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
      await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
      await typeRecipient(el, second.pubkey);
      await el.updateComplete;
      buttonByText(el, review)!.click();
      await waitUntil(() => $(el, '.preview .hidden-count'), 'the preview');
      expect(text($(el, '.preview .hidden-count'))).to.equal(said);
    });
  }
});
