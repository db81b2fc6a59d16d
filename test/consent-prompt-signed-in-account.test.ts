/**
 * A patient who moved to a new key keeps both accounts in their extension. Each consent moment
 * says which account acts, by the account's name with its short key: the share dialog and the
 * revoke dialog under the old account, and, once signed in with the new one, the dialog answering
 * the clinic's request names the new account, never the old one. The session's bar, which would
 * say it, is behind the dialog's backdrop.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, profileEvent, relayUrl, sampleBundle } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('every consent dialog names the account signed in', function () {
  this.timeout(120000);
  afterEach(() => { delete (window as { nostr?: unknown }).nostr; });

  it('under the old key and then the new one, by name', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    const [oldKey, newKey, clinic] = [await person(), await person(), await person()];
    try {
      await client.publishAll([await profileEvent(oldKey, 'Ana Rivera'), await profileEvent(newKey, 'Ana Nueva'), await profileEvent(clinic, 'Lakeside Clinic')]);
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(oldKey.pubkey)}`), author: oldKey.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }));
      await client.publishAll((await createAccessRequest({ signer: clinic.signer, patient: newKey.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up', days: 30 })).events);
    } finally {
      client.close();
    }
    const ext = fakeExtension(oldKey.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${url}>
      <nip82-record-viewer></nip82-record-viewer>
      <nip82-consent-prompt mode="share"></nip82-consent-prompt>
      <nip82-consent-prompt mode="answer"></nip82-consent-prompt>
      <nip82-access-list></nip82-access-list>
    </nip82-session>`);
    const viewer = session.querySelector('nip82-record-viewer') as Nip82RecordViewer;
    const [share, answer] = [...session.querySelectorAll('nip82-consent-prompt')] as Nip82ConsentPrompt[];
    const access = session.querySelector('nip82-access-list') as Nip82AccessList;
    const signIn = async (who: string, name: string) => {
      await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
      buttonByText(session, /browser extension/)!.click();
      await waitUntil(() => session.pubkey === who && text($(session, '[part=bar]')).includes(name), `signed in as ${name}`, { timeout: 20000 });
    };
    const says = (el: Element, name: string, key: string) => {
      const line = text($(el, 'dialog .signed-in'));
      expect(line).to.equal(`Signed in as ${name} ${shortNpub(key)}`);
      expect(dialogOf(el).getAttribute('aria-describedby')).to.equal('signed-in');
    };

    await signIn(oldKey.pubkey, 'Ana Rivera');
    await viewer.updateComplete;
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done', 'unlocked', { timeout: 20000 });
    await share.updateComplete;
    buttonByText(share, 'Share records…')!.click();
    await waitUntil(() => dialogOf(share).open, 'the share dialog');
    await share.updateComplete;
    says(share, 'Ana Rivera', oldKey.pubkey);
    dialogOf(share).close();

    await waitUntil(() => $$(access, 'button').some((b) => /^Revoke/.test(text(b))), 'the clinic listed', { timeout: 20000 });
    $$<HTMLButtonElement>(access, 'button').find((b) => /^Revoke/.test(text(b)))!.click();
    await waitUntil(() => dialogOf(access).open, 'the revoke dialog');
    await access.updateComplete;
    says(access, 'Ana Rivera', oldKey.pubkey);
    dialogOf(access).close();

    buttonByText(session, 'Sign out')!.click();
    await waitUntil(() => !session.pubkey, 'signed out');
    ext.use(newKey.signer);
    await signIn(newKey.pubkey, 'Ana Nueva');
    await answer.updateComplete;
    buttonByText(answer, 'Check for requests')!.click();
    await waitUntil(() => $(answer, 'li.request button'), 'the request', { timeout: 20000 });
    $<HTMLButtonElement>(answer, 'li.request button')!.click();
    await waitUntil(() => dialogOf(answer).open, 'the answer dialog');
    await answer.updateComplete;
    says(answer, 'Ana Nueva', newKey.pubkey);
    expect(text(dialogOf(answer))).to.not.contain('Ana Rivera');
  });
});
