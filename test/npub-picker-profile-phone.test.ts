/**
 * On a 320 px phone, in the share dialog, the patient chooses a recipient whose profile has a
 * picture, a long name and a NIP-05 claim: the chosen person's row wraps (Clear drops below), so
 * the name and the "Verify" button read whole, not broken letter by letter into a column a few
 * characters wide beside the picture and the Clear button.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { NostrEvent } from '../components/core/events.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, typeRecipient } from './element-helpers.js';

/** Words (of two letters or more) of `el`'s own text that are split over more than one line. */
function splitWords(el: Element): string[] {
  const split: string[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of (node.textContent ?? '').matchAll(/[\p{L}]{2,}/gu)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) split.push(word[0]);
    }
  }
  return split;
}

describe('npub picker in the share dialog at 320 px: the chosen person', function () {
  this.timeout(60000);
  after(async () => { await setViewport({ width: 800, height: 600 }); });

  it('with a picture, a long name and a claim: no word of the name or the Verify button is split', async () => {
    await setViewport({ width: 320, height: 640 });
    const url = await relayUrl('main');
    const [patient, clinician] = [await person(), await person()];
    const client = new RelayClient({ relays: [url] });
    try {
      const profile = { name: 'Harbor Community Health Clinic', picture: 'https://example.com/harbor.png', nip05: 'frontdesk@harbor.example.org' };
      await client.publishAll([(await clinician.signer.signEvent({ kind: 0, created_at: Math.floor(Date.now() / 1000), tags: [], content: JSON.stringify(profile) })) as NostrEvent]);
    } finally { client.close(); }
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays=${url} picture-hosts="example.com"></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await typeRecipient(el, clinician.pubkey);
    const picker = $(el, 'nip82-npub-picker')!.shadowRoot!;
    await waitUntil(() => picker.querySelector('[part~=verify-button]') && picker.querySelector('[part~=picture]'), 'their profile shown', { timeout: 15000 });
    await el.updateComplete;
    expect({
      name: splitWords(picker.querySelector('[part~=name]')!),
      verify: splitWords(picker.querySelector('[part~=verify-button]')!),
    }).to.deep.equal({ name: [], verify: [] });
  });
});
