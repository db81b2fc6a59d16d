/**
 * On a right-to-left page (an Arabic or Hebrew portal sets dir="rtl"), the remote signer's address
 * (bunker://…, always written left to right) shows where it starts once pasted, as the signer app
 * shows it to compare, not only its last characters with "bunker://" cut off at the left.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { person, relayUrl } from './helpers.js';

/** Whether the field shows the first characters of what is in it (scrolled to where its text starts). */
function showsStart(input: HTMLInputElement): boolean {
  const start = getComputedStyle(input).direction === 'rtl' ? input.clientWidth - input.scrollWidth : 0;
  return Math.abs(input.scrollLeft - start) < 2;
}

describe('the session\'s remote signer field on a right-to-left page', () => {
  afterEach(() => document.documentElement.removeAttribute('dir'));

  for (const width of [320, 1000]) {
    it(`shows the start of a pasted address (${width} px)`, async () => {
      document.documentElement.dir = 'rtl';
      const { pubkey } = await person();
      const url = await relayUrl('main');
      const box = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width}px"><nip82-session relays=${url}></nip82-session></div>`);
      const el = box.firstElementChild as Nip82Session;
      await waitUntil(() => el.shadowRoot?.querySelector('input[name=bunker]'), 'the sign-in never showed');
      el.shadowRoot!.querySelector<HTMLInputElement>('input[name=bunker]')!.closest('details')!.open = true;
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[name=bunker]')!;
      input.focus();
      expect(el.shadowRoot!.activeElement?.getAttribute('name'), 'the field has the keyboard').to.equal('bunker');
      await sendKeys({ type: `bunker://${pubkey}?relay=${encodeURIComponent('wss://relay.example.org')}` });
      input.blur();
      expect(input.value, 'the address was typed').to.match(/^bunker:\/\//);
      expect(input.scrollWidth, 'the address is longer than the field').to.be.above(input.clientWidth);
      expect(showsStart(input), 'the field shows where the address starts').to.equal(true);
    });
  }
});
