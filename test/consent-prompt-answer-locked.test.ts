/**
 * A patient opens a clinic's request before unlocking their records. Nothing is chosen yet because
 * nothing can be: the approve button must not say it shares 0 items, and pressing it must say to
 * unlock the records, not "keep at least one kind", which sends them looking for boxes that are not
 * there (or to deny a request they meant to approve). Once unlocked, the same button goes on.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { person, receivedRequest, sampleBundle } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, dialogOf, text } from './element-helpers.js';

describe('consent prompt: approving a request before the records are unlocked', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  it('the button counts nothing and pressing it says to unlock the records first; unlocked, it goes on to the preview', async () => {
    const [patient, clinician] = [await person(), await person()];
    await relay.client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }));
    const request = await receivedRequest(relay.client, patient, clinician);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${request} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog opens');
    await el.updateComplete;
    expect($(el, 'button.load'), 'the records are still locked').to.exist;

    const approve = $<HTMLButtonElement>(el, 'form button[type=submit]')!;
    expect(text(approve)).to.equal('Review: approve');
    approve.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el.shadowRoot!.activeElement).length > 0 && el.shadowRoot!.activeElement !== approve, 'focus never moved to what is missing');
    const said = text(el.shadowRoot!.activeElement);
    expect(said).to.equal('Unlock your records first, then choose what to share from them, or deny the request.');
    expect(text(dialogOf(el))).not.to.contain('Keep at least one kind');

    $<HTMLButtonElement>(el, 'button.load')!.click();
    await waitUntil(() => $(el, '#records-from') !== null, 'the records never unlocked', { timeout: 20000 });
    await el.updateComplete;
    const unlocked = $<HTMLButtonElement>(el, 'form button[type=submit]')!;
    expect(text(unlocked)).to.match(/^Review: approve and share [1-9]\d* items?$/);
    expect(text(dialogOf(el)), 'the problem of before is gone once the records are there').not.to.contain('Unlock your records first');
    unlocked.click();
    await waitUntil(() => $(el, '#preview-title') !== null, 'the preview never opened');
  });
});
