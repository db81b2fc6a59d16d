/**
 * Inside a session, back on the page after a visit elsewhere, a keyboard user presses "Share
 * records…" (or "Review and answer") and the signer now holds another account: the last user's records go at once, the
 * button pressed with them. The keyboard's focus goes to the prompt's own way on ("Load my
 * records", for whoever is there now), next to the line that says why, never to the page body.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { waitUntil } from './wait.js';
import { person, receivedRequest, relayUrl, sampleBundle } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { buttonByText, dialogOf, shownLiveRegions, text } from './element-helpers.js';

/** What has the keyboard focus, in words: the focused control of the prompt, or "the page body". */
function focusWords(el: Element): string {
  const inside = el.shadowRoot!.activeElement as HTMLElement | null;
  if (inside) return `${inside.localName}: ${inside.getAttribute('aria-label') ?? (inside.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
  return !document.activeElement || document.activeElement === document.body ? 'the page body' : `outside: ${document.activeElement.localName}`;
}

describe('consent prompt: focus when the records close under it', function () {
  this.timeout(90000);
  afterEach(() => { delete (window as { nostr?: unknown }).nostr; });

  it('"Share records…" pressed and the signer holds another account: focus goes to "Unlock my records", not the page body', async () => {
    const relays = [await relayUrl('main')];
    const [patient, other] = [await person(), await person()];
    const client = new RelayClient({ relays });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }));
    } finally { client.close(); }
    const ext = fakeExtension(patient.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}><nip82-consent-prompt lang="en"></nip82-consent-prompt></nip82-session>`);
    await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const prompt = session.querySelector('nip82-consent-prompt') as Nip82ConsentPrompt;
    await prompt.updateComplete;
    buttonByText(prompt, 'Unlock my records')!.click();
    await waitUntil(() => buttonByText(prompt, 'Share records…'), 'the records never loaded', { timeout: 20000 });

    // Back from another window, where the extension was switched to another account.
    ext.use(other.signer);
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
    buttonByText(prompt, 'Share records…')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !buttonByText(prompt, 'Share records…'), 'the last user\'s records never went', { timeout: 20000 });
    await prompt.updateComplete;
    expect(dialogOf(prompt).open).to.equal(false);
    expect(focusWords(prompt)).to.equal('button: Unlock my records');
    expect(shownLiveRegions(prompt).map((r) => text(r)).join(' | ')).to.contain('now using another account');
  });
  it('"Review and answer" pressed and the signer holds another account: focus goes to "Check for requests", not the page body', async () => {
    const relays = [await relayUrl('main')];
    const [patient, clinician, other] = [await person(), await person(), await person()];
    const client = new RelayClient({ relays });
    try {
      await receivedRequest(client, patient, clinician);
    } finally { client.close(); }
    const ext = fakeExtension(patient.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}><nip82-consent-prompt lang="en" mode="answer"></nip82-consent-prompt></nip82-session>`);
    await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const prompt = session.querySelector('nip82-consent-prompt') as Nip82ConsentPrompt;
    await prompt.updateComplete;
    buttonByText(prompt, 'Check for requests')!.click();
    const review = () => prompt.shadowRoot!.querySelector<HTMLButtonElement>('li.request button');
    await waitUntil(review, 'the request never showed', { timeout: 20000 });

    ext.use(other.signer);
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
    review()!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !review(), 'the last user\'s requests never went', { timeout: 20000 });
    await prompt.updateComplete;
    expect(dialogOf(prompt).open).to.equal(false);
    expect(focusWords(prompt)).to.equal('button: Check for requests');
  });
});
