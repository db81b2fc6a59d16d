/**
 * Answering a request with the keyboard, the patient unticks every item: the approve button stays
 * in the Tab order (not disabled), and pressing it moves focus to the problem that says why
 * nothing can be approved ("keep at least one kind of item, or deny").
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { person, receivedRequest, sampleBundle } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, dialogOf, text } from './element-helpers.js';

describe('consent prompt: approving with every item unticked', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  it('Tab from the reply reaches the approve button, and pressing it says what is missing', async () => {
    const [patient, clinician] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const incoming = await receivedRequest(relay.client, patient, clinician);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;

    // The kind's box is the list's one tab stop: Space unticks every item of the kind.
    const kind = $<HTMLInputElement>(el, '.group-head input[type=checkbox]')!;
    kind.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(kind.checked, 'every item unticked').to.equal(false);

    // From the reply field, Tab through the dialog's buttons until the approve button (a Tab
    // past the dialog's last button leaves the page's document).
    $<HTMLTextAreaElement>(el, '#reply')!.focus();
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const now = el.shadowRoot!.activeElement;
      if (!now || !dialogOf(el).contains(now)) break;
      reached.push(text(now));
      if (text(now).startsWith('Review: approve')) break;
    }
    expect(reached.some((t) => t.startsWith('Review: approve')), `Tab reached: ${reached.join(' | ')}`).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(el.shadowRoot!.activeElement)).to.contain('Keep at least one kind of item, or deny the request.');
  });
});
