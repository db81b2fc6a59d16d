/**
 * On a shared computer the browser's form history would offer the last patient's words to the
 * next one: what a share is for ("HIV follow-up") is health information. The share form's purpose
 * field, like the recipient field, keeps nothing in the browser's form history or password manager
 * (autocomplete="off").
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf } from './element-helpers.js';

describe('consent prompt: the share form leaves nothing in the browser\'s form history', function () {
  this.timeout(30000);

  it('the purpose and the recipient fields are kept out of form history and the password manager', async () => {
    const url = await relayUrl('main');
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    const purpose = $<HTMLInputElement>(el, '#purpose')!;
    expect(purpose.autocomplete, 'the purpose field').to.equal('off');
    const picker = $(el, 'nip82-npub-picker')!;
    await waitUntil(() => picker.shadowRoot?.querySelector('input'), 'the recipient field');
    expect(picker.shadowRoot!.querySelector<HTMLInputElement>('input')!.autocomplete, 'the recipient field').to.equal('off');
  });
});
