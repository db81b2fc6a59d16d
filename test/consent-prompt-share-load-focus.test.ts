/**
 * The share prompt with no records yet: a keyboard user presses "Unlock my records". Once they are
 * loaded, the button gives way to "Share records…" and focus goes on to it (the next step), not
 * to the page body.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText } from './element-helpers.js';

/** What has the keyboard focus, in words: the focused control's text in the prompt, or "the page body". */
function focusWords(el: Element): string {
  const inside = el.shadowRoot!.activeElement as HTMLElement | null;
  if (inside) return `${inside.localName}: ${(inside.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
  return !document.activeElement || document.activeElement === document.body ? 'the page body' : `outside: ${document.activeElement.localName}`;
}

describe('consent prompt (share): focus after "Unlock my records"', function () {
  this.timeout(60000);

  it('pressed with Enter: once loaded, focus is on "Share records…", not the page body', async () => {
    const url = await relayUrl('main');
    const patient = await person();
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }));
    } finally { client.close(); }
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    buttonByText(el, 'Unlock my records')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.status === 'done' && buttonByText(el, 'Share records…'), 'records loaded', { timeout: 20000 });
    await el.updateComplete;
    expect(focusWords(el)).to.equal('button: Share records…');
  });
});
