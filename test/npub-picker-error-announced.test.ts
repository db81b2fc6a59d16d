/**
 * The recipient field refuses what was typed ("neither a public key nor an address…"): a screen
 * reader user, whose focus stays in the field, hears it because it lands in a live region that
 * was already in the accessibility tree. The error region stays rendered while empty (taking no
 * room), not `display: none` until its words arrive, which would announce nothing.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../components/npub-picker/define.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { text } from './element-helpers.js';

/** Every live region of the picker now rendered (in the accessibility tree), by its text. */
function shownLiveRegions(el: Element): Element[] {
  return [...el.shadowRoot!.querySelectorAll('[aria-live], [role=status], [role=alert]')].filter((r) => getComputedStyle(r).display !== 'none');
}

describe('npub picker: an error in the field is announced', function () {
  it('typing something unusable then Enter: the error goes into a live region that was there before it', async () => {
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#input')!;
    input.focus();
    await sendKeys({ type: 'not a key' });
    await el.updateComplete;
    const before = shownLiveRegions(el);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const words = text(el.shadowRoot!.querySelector('[part~=error]'));
    expect(words).to.match(/neither a public key/);
    // The words a screen reader hears: those that changed inside a region already rendered.
    expect(before.map((r) => text(r)).some((t) => t.includes('neither a public key')), `live regions there before: ${before.length}`).to.equal(true);
  });
});
