/**
 * A vet shares on a pet's record its owner shared with them without the rabies shot, and hides
 * the clinic too: the preview tells what the flag that goes will say (both items, and no more than
 * the owner's flag told), not only of the vet's own hidden item.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { person, relayUrl } from './helpers.js';
import { rexAtVet } from './pets.js';
import { $, previewHidingOne, shareAndOpen, text } from './element-helpers.js';

describe('the consent prompt: sharing on what was shared without some items, hiding one more', function () {
  this.timeout(60000);

  it('the preview says the flag will tell of both hidden items, as the flag sent does', async () => {
    const url = await relayUrl('main');
    const [{ vet, record }, second] = await Promise.all([rexAtVet('count-and-kind'), person()]);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${vet.signer} relays=${url}></nip82-consent-prompt>`);
    await previewHidingOne(el, second.pubkey, 'Happy Paws Clinic');
    expect(text($(el, '.preview .hidden-count'))).to.equal('1 hidden item is left out. Some items were withheld from what you received. They will be told so too.');
    expect(text($(el, '.preview .flag'))).to.match(/^The flag will tell them that 2 items were withheld: .*1 immunization/);
    const passed = await shareAndOpen(el, url, second.signer);
    expect(passed.withheld).to.deep.equal({ disclose: 'count-and-kind', count: 2, kinds: { Immunization: 1, Organization: 1 } });
  });

  it('says the flag will tell only that something was withheld, when the owner\'s flag told no more', async () => {
    const [{ vet, record }, second] = await Promise.all([rexAtVet('flag'), person()]);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${vet.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    await previewHidingOne(el, second.pubkey, 'Happy Paws Clinic');
    expect(text($(el, '.preview .flag'))).to.equal('The flag will tell them only that something was withheld: not how much, not what.');
  });
});
