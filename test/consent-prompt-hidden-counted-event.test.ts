/**
 * A portal logs what the patient's shares held back from the kit's events. When the flag sent tells
 * only that something was withheld (no count), `hidden` alone would read as a count ("1 item
 * withheld"): the event says `hiddenCounted: false`, and says nothing of it when the flag counts.
 * Both on a share (a vet shares on a pet's record its owner shared without the rabies shot) and on
 * an answer (the patient hides one item and chooses that the flag tell only that).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { rexAtVet } from './pets.js';
import { $, $$, buttonByText, dialogOf, itemRow, typeRecipient } from './element-helpers.js';

describe('the consent prompt tells the host whether the flag sent counts what was withheld', function () {
  this.timeout(60000);

  for (const disclose of ['flag', 'count'] as const) {
    it(`share, the owner's flag ${disclose === 'flag' ? 'telling only that' : 'counting'}: hiddenCounted ${disclose === 'flag' ? 'false' : 'not said'}`, async () => {
      const [{ vet, record }, second, url] = await Promise.all([rexAtVet(disclose), person(), relayUrl('main')]);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${vet.signer} relays=${url}></nip82-consent-prompt>`);
      $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
      await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
      await typeRecipient(el, second.pubkey);
      await el.updateComplete;
      buttonByText(el, 'Review')!.click();
      await waitUntil(() => buttonByText(el, /^Share with /), 'the preview');
      const shared = oneEvent(el, 'nip82-share');
      buttonByText(el, /^Share with /)!.click();
      const { detail } = await shared;
      expect([detail.hidden, 'hiddenCounted' in detail, detail.hiddenCounted]).to.deep.equal(disclose === 'flag' ? [1, true, false] : [1, false, undefined]);
    });
  }

  it('answer, one item hidden under a flag that tells only that: hiddenCounted false', async () => {
    const url = await relayUrl('main');
    const [patient, clinician] = await Promise.all([person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const client = new RelayClient({ relays: [url] });
    let request;
    try {
      const { events, request: sent } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance', 'Condition'], purpose: 'Check-up', days: 30 });
      await client.publishAll(events);
      request = (await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === sent.id)!;
    } finally {
      client.close();
    }
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${request} .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the answer form');
    await el.updateComplete;
    itemRow(el, 'Chlamydia').querySelector<HTMLButtonElement>('button.hide')!.click();
    await el.updateComplete;
    $<HTMLInputElement>(el, 'input[name=disclose][value=flag]')!.click();
    await el.updateComplete;
    buttonByText(el, /^Review: approve/)!.click();
    await waitUntil(() => buttonByText(el, /^Approve and share with/), 'the preview');
    const answered = oneEvent(el, 'nip82-answer');
    buttonByText(el, /^Approve and share with/)!.click();
    const { detail } = await answered;
    expect([detail.decision, detail.hidden, detail.hiddenCounted]).to.deep.equal(['active', 1, false]);
  });
});
