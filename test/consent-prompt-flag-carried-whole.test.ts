/**
 * A vet holds two shares of Rex's record from his owner: an earlier one without the rabies shot,
 * and a later one of all of it. Sharing it on, the preview does not say items were withheld, and
 * the clinic it goes to is not told an immunization was withheld while the shot is in what it got.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { person, relayUrl } from './helpers.js';
import { DOG, petRecord } from './pets.js';
import { $, $$, buttonByText, dialogOf, itemRow, shareAndOpen, text, typeRecipient } from './element-helpers.js';

describe('the consent prompt: sharing on a record held also whole', function () {
  this.timeout(60000);

  /**
   * A vet holding two shares of Rex's record, the first without the rabies shot, the second whole,
   * with the share dialog open on its items.
   */
  async function sharingOn() {
    const url = await relayUrl('main');
    const [owner, writer, vet, second] = await Promise.all([person(), person(), person(), person()]);
    const rex = await petRecord(owner, writer, 'Rex', DOG);
    const shot = rex.bundle.entry!.find((e) => e.resource.resourceType === 'Immunization')!.fullUrl!;
    const toVet = { author: owner.signer, participants: [{ pubkey: vet.pubkey, role: 'editor' as const }] };
    const part = await openRecord(await createShare({ from: [rex], withhold: [shot], disclose: 'count-and-kind', ...toVet }), vet.signer);
    const whole = await openRecord(await createShare({ from: [rex], ...toVet }), vet.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[part, whole]} .signer=${vet.signer} relays=${url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
    return { url, second, shot, el };
  }

  it('no flag goes with the shot, when a share of all of the record gave it', async () => {
    const { url, second, shot, el } = await sharingOn();
    expect($$(el, 'li.item').map((li) => text(li)).join(' | ')).to.contain('Rabies vaccine');
    await typeRecipient(el, second.pubkey);
    await el.updateComplete;
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview .hidden-count'), 'the preview');
    expect(text($(el, '.preview .hidden-count'))).to.equal('Nothing is hidden, so there is no flag.');
    const passed = await shareAndOpen(el, url, second.signer);
    expect(passed.bundle.entry!.some((e) => e.fullUrl === shot), 'the shot went').to.equal(true);
    expect(passed.withheld, 'no flag').to.equal(undefined);
  });

  it('the preview says the flag goes on when what is shared comes only from the share without the shot, as the share sent does', async () => {
    const { url, second, el } = await sharingOn();
    await typeRecipient(el, second.pubkey);
    // The shot, which only the whole share gave, is left out: the rest comes from the share without it.
    itemRow(el, 'Rabies vaccine').querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await el.updateComplete;
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview .hidden-count'), 'the preview');
    expect(text($(el, '.preview .hidden-count'))).to.equal('Some items were withheld from what you received. They will be told so too.');
    const passed = await shareAndOpen(el, url, second.signer);
    expect(passed.withheld, 'the flag sent').to.deep.equal({ disclose: 'count-and-kind', count: 1, kinds: { Immunization: 1 } });
  });
});
