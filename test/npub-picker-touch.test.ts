/**
 * On a phone, by touch: tapping the empty recipient field opens the suggestions (people recently
 * shared with, people followed), and each is a finger's height (44 CSS px) to tap, as are the
 * field and its buttons.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../components/npub-picker/define.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { waitUntil } from './wait.js';
import { person } from './helpers.js';
import { $, $$ } from './element-helpers.js';

describe('npub picker: its suggestions by touch on a phone', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  it('each suggestion, the field and its button are a finger\'s height', async () => {
    await setViewport({ width: 320, height: 640 });
    const [recent, followed] = [await person(), await person()];
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker .recent=${[recent.pubkey]} .follows=${[followed.pubkey]}></nip82-npub-picker>`);
    $<HTMLInputElement>(el, '#input')!.click();
    await waitUntil(() => $$(el, '[role=option]').length === 2, 'the suggestions');
    const heights = [...$$(el, '[role=option]'), $(el, '#input')!, ...$$(el, 'button')].map((c) => `${c.localName}${c.id ? '#' + c.id : ''} ${Math.round(c.getBoundingClientRect().height)}`);
    expect(heights.filter((h) => Number(h.split(' ').pop()) < 44)).to.deep.equal([]);
  });
});
