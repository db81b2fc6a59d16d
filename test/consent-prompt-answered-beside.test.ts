/**
 * A portal shows two answer prompts for the same patient (a side panel and a dialog). Both have
 * read the patient's requests; the patient approves the one request in the first. The second no
 * longer lists it, and no longer says a request is waiting.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';

describe('two answer prompts in one session', function () {
  this.timeout(60000);

  it('a request answered in one is no longer said to be waiting in the other', async () => {
    const url = await relayUrl('main');
    const [patient, clinician] = [await person(), await person()];
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }));
      await client.publishAll((await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Pre-operative assessment', days: 14 })).events);
    } finally {
      client.close();
    }
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${patient.signer}>
      <nip82-consent-prompt lang="en" mode="answer"></nip82-consent-prompt><nip82-consent-prompt lang="en" mode="answer"></nip82-consent-prompt></nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const [first, second] = [...session.querySelectorAll<Nip82ConsentPrompt>('nip82-consent-prompt')];
    const waiting = (el: Nip82ConsentPrompt) => text($(el, '[part=status]')).includes('1 request is waiting');
    for (const el of [first, second]) {
      await el.updateComplete;
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => waiting(el), 'the request read', { timeout: 20000 });
    }

    buttonByText(first, 'Review and answer')!.click();
    await waitUntil(() => dialogOf(first).open, 'the answer dialog');
    await waitUntil(() => buttonByText(first, 'Unlock my records'), 'the dialog');
    buttonByText(first, 'Unlock my records')!.click();
    await waitUntil(() => buttonByText(first, /^Review: approve and share [1-9]/), 'the records in the dialog', { timeout: 20000 });
    buttonByText(first, /^Review: approve/)!.click();
    await waitUntil(() => buttonByText(first, /^Approve and share with /), 'the review');
    buttonByText(first, /^Approve and share with /)!.click();
    await waitUntil(() => first.status === 'done', 'approved', { timeout: 20000 });

    await waitUntil(() => !$(second, 'li.request'), 'the request gone from the second prompt');
    await second.updateComplete;
    expect(text($(second, '[part=status]')), 'what the second prompt says').not.to.contain('waiting for your answer');
  });
});
