/**
 * A request handed in (`.request`), answered with the keyboard: the Review button pressed is gone
 * and the element has no trigger or list of its own, so once the dialog closes focus goes to the
 * page's status line, which says the outcome, never to the page body.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { person, receivedRequest, sampleBundle } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, buttonByText, dialogOf } from './element-helpers.js';

/** What has the keyboard focus, in words: the focused control's text in the prompt, or "the page body". */
function focusWords(el: Element): string {
  const inside = el.shadowRoot!.activeElement as HTMLElement | null;
  if (inside) return `${inside.localName}: ${(inside.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
  return document.activeElement === document.body || !document.activeElement ? 'the page body' : `outside: ${document.activeElement.localName}`;
}

describe('consent prompt: focus after answering a request handed in', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  it('Deny, then Close: focus lands on the element, not on the page body', async () => {
    const [patient, clinician] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const incoming = await receivedRequest(relay.client, patient, clinician);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
    const review = $<HTMLButtonElement>(el, 'li.request button')!;
    review.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    buttonByText(el, 'Deny')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'result-title', 'the outcome is focused');
    buttonByText(el, 'Close')!.focus();
    // The element's own close listener runs first: by this one, it has put the focus where it goes.
    const closed = oneEvent(dialogOf(el), 'close');
    await sendKeys({ press: 'Enter' });
    await closed;
    await el.updateComplete;
    expect(focusWords(el)).not.to.equal('the page body');
    expect(el.shadowRoot!.activeElement?.getAttribute('role'), 'on the status line').to.equal('status');
  });
});
