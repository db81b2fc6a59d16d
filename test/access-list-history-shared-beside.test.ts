/**
 * A portal shows the access list beside a share prompt. The patient opens the consent history
 * first: nothing yet, and the list says so. Then they share from the prompt: the list shows the
 * share in its history, and no longer says they have shared nothing.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';

describe('the access list beside a share prompt', function () {
  this.timeout(60000);

  it('stops saying nothing was shared once a share made beside it shows in its history', async () => {
    const url = await relayUrl('main');
    const [patient, clinician] = [await person(), await person()];
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }));
    } finally {
      client.close();
    }
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${patient.signer}>
      <nip82-access-list lang="en"></nip82-access-list><nip82-consent-prompt lang="en" mode="share"></nip82-consent-prompt></nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const list = session.querySelector<Nip82AccessList>('nip82-access-list')!;
    const prompt = session.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    await list.updateComplete;
    buttonByText(list, 'Show consent history')!.click();
    await waitUntil(() => text($(list, '[part=status]')).includes('You have not shared anything'), 'the empty history said', { timeout: 20000 });

    await waitUntil(() => buttonByText(prompt, 'Share records…'), 'the share button');
    buttonByText(prompt, 'Share records…')!.click();
    await waitUntil(() => dialogOf(prompt).open, 'the share dialog');
    await typeRecipient(prompt, clinician.pubkey);
    buttonByText(prompt, 'Review')!.click();
    await prompt.updateComplete;
    const shared = oneEvent(prompt, 'nip82-share');
    buttonByText(prompt, /^Share with npub1/)!.click();
    await shared;

    await waitUntil(() => $(list, '#history'), 'the share in the history', { timeout: 20000 });
    await list.updateComplete;
    expect(text($(list, '[part=status]')), 'what the list says beside its history').not.to.contain('You have not shared anything');
  });
});
