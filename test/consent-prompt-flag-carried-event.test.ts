/**
 * A vet shares on a pet's record its owner shared with them without the rabies shot, hiding
 * nothing more: the host told of the share hears that the flag sent counts one withheld item, as
 * the recipient will read, not that nothing was hidden.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { person, relayUrl } from './helpers.js';
import { rexAtVet } from './pets.js';
import { $, $$, buttonByText, dialogOf, typeRecipient } from './element-helpers.js';

describe('the consent prompt: the share event counts items withheld before', function () {
  this.timeout(60000);

  it('tells the host the flag sent counts the item the owner hid', async () => {
    const [{ vet, record }, second, url] = await Promise.all([rexAtVet('count'), person(), relayUrl('main')]);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${vet.signer} relays=${url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
    await typeRecipient(el, second.pubkey);
    await el.updateComplete;
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => buttonByText(el, /^Share with /), 'the preview');
    const shared = oneEvent(el, 'nip82-share');
    buttonByText(el, /^Share with /)!.click();
    const { detail } = await shared;
    expect(detail.hidden).to.equal(1);
  });
});
