/**
 * A page signs the patient in with `<nip82-session>` and, inside it, gives one share prompt a signer
 * of its own (another account, say a caregiver's). That prompt acts with its own signer: its dialog
 * must not say the session's account is the one signed in.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-consent-prompt> with its own signer inside a session', function () {
  this.timeout(60000);

  it('its dialog never names the session\'s account as the one acting', async () => {
    const url = await relayUrl('main');
    const [patient, other] = [await person(), await person()];
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(other.pubkey)}`), author: other.signer, participants: [] }));
    } finally {
      client.close();
    }
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${patient.signer}>
      <nip82-consent-prompt mode="share" .signer=${other.signer}></nip82-consent-prompt>
    </nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'the session signed in');
    const share = session.querySelector('nip82-consent-prompt') as Nip82ConsentPrompt;
    await waitUntil(() => buttonByText(share, 'Unlock my records'), 'loading offered');
    buttonByText(share, 'Unlock my records')!.click();
    await waitUntil(() => buttonByText(share, 'Share records…'), 'share offered', { timeout: 20000 });
    buttonByText(share, 'Share records…')!.click();
    await waitUntil(() => dialogOf(share).open, 'the share dialog');
    await share.updateComplete;
    expect(text(dialogOf(share))).to.not.contain(shortNpub(patient.pubkey));
    expect(dialogOf(share).getAttribute('aria-describedby'), 'what the dialog is described by').to.equal(null);
  });
});
