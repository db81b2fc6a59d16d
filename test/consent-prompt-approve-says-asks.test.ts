/**
 * Approving a request asks the signer several times (the shared record, then the answer locked and
 * signed for each of its two readers): the dialog says how many before and at each one, and the
 * number is the one the signer is asked. Before, it said "once per part" and counted nothing.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { sharedRelayClient } from './relay-client.js';
import { statusAtEachCall } from './status-at-each-call.js';
import { $, buttonByText, dialogOf, typeRecipient } from './element-helpers.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-consent-prompt>: approving says how many times the signer will be asked', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  for (const lang of ['en', 'es'] as const) {
    it(`the number said is the number asked, at every approval (${lang})`, async () => {
      const [patient, clinician] = await Promise.all([person(), person()]);
      const made = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
      await relay.client.publishAll(made);
      const record = await openRecord(made, patient.signer);
      const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up' });
      await relay.client.publishAll(events);
      const incoming = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;

      let el: Nip82ConsentPrompt | undefined;
      const { signer, said } = statusAtEachCall(patient.signer, () => el);
      el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang=${lang} mode="answer" .request=${incoming} .records=${[record]} .signer=${signer} relays=${relay.url}></nip82-consent-prompt>`);
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el!).open, 'the dialog opens');
      await el.updateComplete;
      buttonByText(el, /^(Review: approve|Revisar)/)!.click();
      await el.updateComplete;
      buttonByText(el, /^(Approve and share with|Aprobar y compartir con) npub1/)!.click();
      await waitUntil(() => el!.status === 'done', 'approved', { timeout: 30000 });

      const n = said.length;
      expect(n, 'the signer was asked').to.be.greaterThan(1);
      const words = lang === 'en' ? `Your signer will be asked ${n} times` : `Su firmador le pedirá ${n} veces`;
      for (const [i, line] of said.entries()) expect(line, `approval ${i + 1} of ${n}`).to.contain(words);
    });
  }

  it('a share says it asks once, and asks once', async () => {
    const [patient, clinician] = await Promise.all([person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    let el: Nip82ConsentPrompt | undefined;
    const { signer, said } = statusAtEachCall(patient.signer, () => el);
    el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${signer} relays=${relay.url}></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el!).open, 'the dialog opens');
    await typeRecipient(el, clinician.pubkey);
    buttonByText(el, 'Review')!.click();
    await el.updateComplete;
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el!.status === 'done', 'shared', { timeout: 30000 });
    expect(said, 'asked once, saying so').to.deep.equal(['Waiting for your signer. Approval 1 in your signer for this. Your signer will be asked once, to sign the shared record.']);
  });
});
