/**
 * The consent prompt's counts of storage servers and of requests alike to the minute reach its
 * strings as numbers and written as the page writes numbers, as its other counts do: a host's own
 * words (another language pack) show the written form, never "undefined".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { ConsentPromptStrings } from '../components/consent-prompt/consent-prompt.strings.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';

describe('<nip82-consent-prompt>: counts handed to its strings written out', function () {
  this.timeout(60000);

  it('the servers a share is sent to and those that took it', async () => {
    const url = await relayUrl('main');
    const [patient, clinician] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const strings: Partial<ConsentPromptStrings> = {
      publishing: (_n, formatted) => `Sending to servers: ${formatted}`,
      shared: (_who, _ok, _total, okText, totalText) => `Taken by ${okText} of ${totalText}`,
    };
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang="en" .strings=${strings} .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    const said: string[] = [];
    el.addController({ hostUpdated: () => said.push(text($(el, 'dialog [role=status]'))) });
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await typeRecipient(el, clinician.pubkey);
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the preview');
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el.status === 'done', 'shared');
    await el.updateComplete;
    expect(text($(el, '#result-title'))).to.contain('Taken by 1 of 1');
    expect(said).to.include('Sending to servers: 1');
    expect(said.join(' ')).not.to.contain('undefined');
  });

  it('requests alike to the minute, numbered', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const [patient, clinician] = [await person(), await person()];
      // Both sent within one minute, so that the two are numbered rather than told apart by time.
      await waitUntil(() => new Date().getSeconds() < 50, 'early in a minute', { timeout: 15000 });
      for (let i = 0; i < 2; i++) {
        const { events } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'Check-up' });
        await client.publishAll(events);
      }
      const strings: Partial<ConsentPromptStrings> = { sentNumber: (sent, _n, _total, nText, totalText) => `${sent} [${nText}/${totalText}]` };
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang="en" mode="answer" .strings=${strings} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done', 'requests read');
      await el.updateComplete;
      const names = $$(el, 'li.request button').map((b) => b.getAttribute('aria-label') ?? '');
      expect(names).to.have.length(2);
      expect(names.some((n) => n.endsWith('[1/2]')), names.join(' | ')).to.equal(true);
      expect(names.some((n) => n.endsWith('[2/2]')), names.join(' | ')).to.equal(true);
    } finally {
      client.close();
    }
  });
});
