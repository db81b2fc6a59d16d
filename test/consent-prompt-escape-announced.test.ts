/**
 * Escape while the signer is asked to sign a share: the dialog closes and the page says "Cancelled.
 * Nothing was sent." The words land in the page's status line, a live region kept rendered (empty)
 * while the dialog was open, so a screen reader announces them; a line created afresh with its
 * words already in it would say nothing.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText, dialogOf, heldSigner, text, typeRecipient, shownLiveRegions } from './element-helpers.js';

describe('consent prompt: the outcome of Escape is announced', function () {
  this.timeout(60000);

  it('Escape while the signer is asked: "Cancelled. Nothing was sent." lands in a live region that was already there', async () => {
    const url = await relayUrl('main');
    const [patient, clinician] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const { signer, release } = heldSigner(patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${signer} relays=${url}></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    await typeRecipient(el, clinician.pubkey);
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the preview');
    buttonByText(el, /^Share with npub1/)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.status === 'waiting-signer', 'the signer is asked');
    await el.updateComplete;
    const before = shownLiveRegions(el);
    const closed = oneEvent(dialogOf(el), 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    await el.updateComplete;
    release();
    await waitUntil(() => shownLiveRegions(el).some((r) => text(r) === 'Cancelled. Nothing was sent.'), 'the page says it');
    const region = shownLiveRegions(el).find((r) => text(r) === 'Cancelled. Nothing was sent.');
    expect(before.includes(region!), 'said in a live region that was there before the words').to.equal(true);
  });
});
