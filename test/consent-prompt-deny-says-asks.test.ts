/**
 * Denying a request asks the signer several times (the answer locked and signed for each of its two
 * readers): the dialog says how many at each prompt, and the number is the one the signer is asked.
 * Before, it said only "to sign your answer", and a patient could take the first prompt for the last.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { ConsentPromptStrings } from '../components/consent-prompt/consent-prompt.strings.js';
import { createAccessRequest, readConsentMessages, type ConsentMessage } from '../components/core/nip82/requests.js';
import { sharedRelayClient } from './relay-client.js';
import { statusAtEachCall } from './status-at-each-call.js';
import { $, buttonByText, dialogOf } from './element-helpers.js';
import { person } from './helpers.js';

describe('<nip82-consent-prompt>: denying says how many times the signer will be asked', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  /** A request from a clinician to a patient, as the patient reads it, and a signer that notes the status at each of its calls. */
  async function denial(lang: string, strings?: Partial<ConsentPromptStrings>): Promise<string[]> {
    const [patient, clinician] = await Promise.all([person(), person()]);
    const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up' });
    await relay.client.publishAll(events);
    const incoming: ConsentMessage = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;

    let el: Nip82ConsentPrompt | undefined;
    const { signer, said } = statusAtEachCall(patient.signer, () => el);
    el = await fixture<Nip82ConsentPrompt>(
      html`<nip82-consent-prompt lang=${lang} mode="answer" .request=${incoming} .strings=${strings ?? {}} .signer=${signer} relays=${relay.url}></nip82-consent-prompt>`,
    );
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el!).open, 'the dialog opens');
    await el.updateComplete;
    buttonByText(el, /^(Deny|Rechazar)$/)!.click();
    await waitUntil(() => el!.status === 'done', 'denied', { timeout: 30000 });
    return said;
  }

  for (const lang of ['en', 'es'] as const) {
    it(`the number said is the number asked, at every prompt (${lang})`, async () => {
      const said = await denial(lang);
      const n = said.length;
      expect(n, 'the signer was asked').to.be.greaterThan(1);
      const words = lang === 'en' ? `Your signer will be asked ${n} times` : `Su firmador le pedirá ${n} veces`;
      for (const [i, line] of said.entries()) expect(line, `prompt ${i + 1} of ${n}`).to.contain(words);
    });
  }

  it('a page that set these words as plain text, before they counted, still has them said', async () => {
    const fixed = 'Approve each prompt in your signer to send your answer.';
    const said = await denial('en', { waitAnswer: fixed } as unknown as Partial<ConsentPromptStrings>);
    expect(said.length, 'the signer was asked').to.be.greaterThan(1);
    for (const [i, line] of said.entries()) expect(line, `prompt ${i + 1}`).to.contain(fixed);
  });
});
