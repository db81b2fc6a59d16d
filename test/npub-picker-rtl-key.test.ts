/**
 * On a right-to-left page (an Arabic or Hebrew portal sets dir="rtl"), a key in the recipient field
 * shows its start ("npub1…"), as the patient reads it out to compare, not only its last characters
 * with the start cut off at the left; a name typed in Arabic still reads right to left.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/npub-picker/define.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { person } from './helpers.js';
import { $ } from './element-helpers.js';

/** Whether the field shows the first characters of the key in it (scrolled to where the key starts). */
function showsStart(input: HTMLInputElement): boolean {
  // In a right-to-left field a left-to-right key runs off at the left, where it starts: shown only when scrolled all the way left.
  const start = getComputedStyle(input).direction === 'rtl' ? input.clientWidth - input.scrollWidth : 0;
  return Math.abs(input.scrollLeft - start) < 2;
}

describe('the npub picker on a right-to-left page', () => {
  afterEach(() => document.documentElement.removeAttribute('dir'));

  it('shows the start of a chosen key, and an Arabic name right to left', async () => {
    document.documentElement.dir = 'rtl';
    const { pubkey } = await person();
    const box = await fixture<HTMLDivElement>(html`<div style="inline-size: 300px"><nip82-npub-picker></nip82-npub-picker></div>`);
    const el = box.firstElementChild as Nip82NpubPicker;
    const input = $<HTMLInputElement>(el, '#input')!;
    input.focus();
    await sendKeys({ type: npubEncode(pubkey) });
    input.blur();
    await waitUntil(() => el.value === pubkey, 'the key was never chosen');
    expect(input.scrollWidth, 'the key is longer than the field').to.be.above(input.clientWidth);
    expect(showsStart(input), 'the field shows where the key starts').to.equal(true);
    input.value = '';
    input.focus();
    await sendKeys({ type: 'مريم' });
    expect(getComputedStyle(input).direction).to.equal('rtl');
  });
});
