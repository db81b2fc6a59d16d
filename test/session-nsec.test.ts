import { expect, fixture, html } from '@open-wc/testing';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';

const NSEC = 'nsec1vl029mgpspedva04g90vltkh6fvh240zqtv9k0t9af8935ke9laqsnlfe5';

describe('the remote-signer field refuses every private-key form', () => {
  for (const [label, value] of [
    ['a nostr: URI', `nostr:${NSEC}`],
    ['upper case', NSEC.toUpperCase()],
    ['split by spaces and line breaks', `${NSEC.slice(0, 20)} \n${NSEC.slice(20)}`],
    ['behind a zero-width space', `\u200B${NSEC}`],
    ['an encrypted key', `ncryptsec1${'q'.repeat(50)}`],
  ] as const) {
    it(`refuses ${label} without echoing it or trying to connect`, async () => {
      const el = await fixture<Nip82Session>(html`<nip82-session></nip82-session>`);
      const input = el.shadowRoot!.querySelector('input[name="bunker"]') as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      (el.shadowRoot!.querySelector('form') as HTMLFormElement).requestSubmit();
      await el.updateComplete;
      expect(input.value).to.equal('');
      expect(el.shadowRoot!.textContent).to.contain('Never share it');
      expect(el.shadowRoot!.innerHTML).not.to.contain(NSEC.slice(10, 40));
      expect(el.shadowRoot!.innerHTML.toLowerCase()).not.to.contain(NSEC.slice(10, 40).toLowerCase());
    });
  }
});
