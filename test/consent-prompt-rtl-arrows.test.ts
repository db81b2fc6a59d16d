/**
 * On a right-to-left page (an Arabic or Hebrew portal sets dir="rtl"), the share dialog's list is
 * mirrored: an item's Hide button sits at the left of its box. The arrow keys follow the screen:
 * Left goes from the box to its Hide button, Right back to the box.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, sampleBundle } from './helpers.js';
import { $$, buttonByText, dialogOf, focused, text } from './element-helpers.js';

describe('the consent prompt on a right-to-left page: arrow keys in the item list', function () {
  this.timeout(60000);
  afterEach(() => document.documentElement.removeAttribute('dir'));

  it('moves left to the Hide button shown at the left, and right back to the box', async () => {
    document.documentElement.dir = 'rtl';
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the item list');
    const row = $$(el, 'li.item').find((li) => text(li.querySelector('label')).startsWith('Penicillin'))!;
    const box = row.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    const hide = row.querySelector<HTMLButtonElement>('button.hide')!;
    expect(hide.getBoundingClientRect().right, 'Hide is at the left of the box').to.be.below(box.getBoundingClientRect().left);
    box.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => focused(el) !== box, 'Left did not move from the box');
    expect(focused(el)).to.equal(hide);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focused(el) !== hide, 'Right did not move from Hide');
    expect(focused(el)).to.equal(box);
  });
});
