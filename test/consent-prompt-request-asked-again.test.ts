/**
 * A clinic asks twice for the same records (its app sent the request again). The patient approves
 * the first; the second still waits. Denying it takes back nothing: the clinic can still open the
 * share made for the first. The dialog says so before the patient answers, and the outcome does
 * not say a bare "Denied" as if the clinic had no access.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82Session } from '../components/session/session.js';
import { createRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** Whether the prompt itself holds its dialog open (its own state, not the <dialog>'s). */
const promptOpen = (el: Nip82ConsentPrompt) => (el as unknown as { open: boolean }).open;

describe('<nip82-consent-prompt>: a request asked again after an approval', function () {
  this.timeout(90000);

  it('denying the repeat says the clinic can still open the earlier share, in the dialog and the outcome', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const [patient, clinician] = [await person(), await person()];
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }));
      for (let i = 0; i < 2; i++) {
        await client.publishAll((await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up', days: 30 })).events);
      }
      const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${patient.signer}><nip82-consent-prompt mode="answer"></nip82-consent-prompt></nip82-session>`);
      await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
      const el = session.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
      await el.updateComplete;
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done' && $$(el, 'li.request').length === 2, 'both requests listed');
      // One press opens the dialog, once the prompt itself has taken the last one as closed (the
      // dialog's close event comes a moment after the dialog closes): a press it drops fails here.
      const open = async () => {
        await waitUntil(() => !promptOpen(el), 'the prompt knows its dialog closed');
        await el.updateComplete;
        $$(el, 'li.request button')[0]!.click();
        await waitUntil(() => dialogOf(el).open, 'the dialog opens');
      };

      await open();
      await el.updateComplete;
      expect($(el, '.shared-before'), 'nothing shared with them yet').to.equal(null);
      buttonByText(el, 'Unlock my records')!.click();
      await waitUntil(() => el.status === 'done' && buttonByText(el, /^Review: approve/), 'records loaded', { timeout: 20000 });
      buttonByText(el, /^Review: approve/)!.click();
      await waitUntil(() => buttonByText(el, /^Approve and share with/), 'the preview');
      buttonByText(el, /^Approve and share with/)!.click();
      await waitUntil(() => el.status === 'done' && $(el, '#result-title'), 'approved', { timeout: 30000 });
      buttonByText(el, 'Close')!.click();
      await waitUntil(() => !dialogOf(el).open && $$(el, 'li.request').length === 1, 'the repeat still waits');

      await open();
      await el.updateComplete;
      expect(text($(el, '.shared-before'))).to.match(
        /^npub1.+ can already open records you shared with them before\. Denying this request does not take that back; approving it shares again\. To end their access, revoke that share\.$/,
      );
      buttonByText(el, 'Deny')!.click();
      await waitUntil(() => el.status === 'done' && $(el, '#result-title'), 'denied', { timeout: 30000 });
      expect(text($(el, '#result-title'))).to.match(/^Denied\. npub1.+ has been told, but can still open what you shared with them before, until you revoke that share\.$/);
    } finally {
      client.close();
    }
  });
});
