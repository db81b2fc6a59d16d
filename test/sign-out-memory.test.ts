/**
 * A shared computer: after a sign-out, no element still holds what the last user typed or saw, in
 * any field, even where no screen shows it (a dialog's form resets when it opens again, but until
 * then the words would stay in memory, and with them the records they were chosen from).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, setInput, text } from './element-helpers.js';

/**
 * The paths under `root` (own fields, Maps, Sets, arrays; not DOM nodes, which the other tests
 * read) where a string holds one of `needles`.
 */
function heldStrings(root: object, needles: readonly string[]): string[] {
  const hits: string[] = [];
  const seen = new Set<unknown>();
  const queue: [unknown, string][] = [[root, root.constructor.name]];
  while (queue.length) {
    const [value, path] = queue.shift()!;
    if (typeof value === 'string') {
      for (const needle of needles) if (value.includes(needle)) hits.push(`${needle} at ${path}`);
      continue;
    }
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (value !== root && (value instanceof Node || value instanceof Window || value instanceof WebSocket || value instanceof CSSStyleSheet)) continue;
    if (value instanceof Map) for (const [k, v] of value) queue.push([k, `${path} key`], [v, `${path}.get()`]);
    else if (value instanceof Set) for (const v of value) queue.push([v, `${path} item`]);
    else {
      for (const key of Reflect.ownKeys(value)) {
        // The store and the relay connections have tests of their own; a name lookup may still be
        // on its way back there, and its answer is dropped for the next user (see lookUpNames).
        if (/^(store|stores|session|clients|__controllers)$/.test(String(key))) continue;
        const d = Object.getOwnPropertyDescriptor(value, key);
        if (d && 'value' in d && typeof d.value !== 'function') queue.push([d.value, `${path}.${String(key)}`]);
      }
    }
  }
  return hits;
}

describe('a sign-out on a shared computer', function () {
  this.timeout(90000);

  it('leaves none of the last user\'s typed words, choices or items in any element, and tells the next person to sign in', async () => {
    const relays = [await relayUrl('main')];
    const [patient, hospital, clinic] = [await person(), await person(), await person()];
    const client = new RelayClient({ relays });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] }));
      await client.publishAll((await createAccessRequest({ signer: clinic.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up', days: 30 })).events);
    } finally {
      client.close();
    }
    const extension: Nip07Provider = {
      getPublicKey: () => patient.signer.getPublicKey(),
      signEvent: (t) => patient.signer.signEvent(t),
      nip44: { encrypt: (p, t) => patient.signer.nip44Encrypt(p, t), decrypt: (p, c) => patient.signer.nip44Decrypt(p, c) },
    };
    (window as { nostr?: Nip07Provider }).nostr = extension;
    try {
      const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}>
        <nip82-record-viewer></nip82-record-viewer>
        <nip82-consent-prompt mode="share"></nip82-consent-prompt>
        <nip82-consent-prompt mode="answer"></nip82-consent-prompt>
      </nip82-session>`);
      const viewer = session.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
      const [share, answer] = [...session.querySelectorAll<Nip82ConsentPrompt>('nip82-consent-prompt')] as [Nip82ConsentPrompt, Nip82ConsentPrompt];
      await waitUntil(() => buttonByText(session, /browser extension/)?.disabled === false, 'the extension was never offered');
      buttonByText(session, /browser extension/)!.click();
      await waitUntil(() => session.pubkey === patient.pubkey, 'not signed in');

      // The patient opens their records and searches them.
      buttonByText(viewer, 'Unlock my records')!.click();
      await waitUntil(() => text(viewer.shadowRoot).includes('Penicillin'), 'the records never showed', { timeout: 30000 });
      setInput($<HTMLInputElement>(viewer, 'input[type="search"]')!, 'penicillin');
      // Starts a share, writes its purpose, and leaves it.
      buttonByText(share, 'Share records…')!.click();
      await waitUntil(() => dialogOf(share).open, 'the share dialog never opened');
      setInput($<HTMLInputElement>(share, '#purpose')!, 'Second opinion on my knee');
      await share.updateComplete;
      buttonByText(share, 'Cancel')!.click();
      await waitUntil(() => !dialogOf(share).open, 'the share dialog never closed');
      // Opens the clinic's request, writes a note, and leaves it.
      buttonByText(answer, 'Check for requests')!.click();
      await waitUntil(() => $$(answer, 'li.request').length === 1, 'the request was never listed', { timeout: 30000 });
      $$(answer, 'li.request')[0]!.querySelector('button')!.click();
      await waitUntil(() => $(answer, '#reply') !== null, 'the answer form never showed', { timeout: 30000 });
      setInput($<HTMLTextAreaElement>(answer, '#reply')!, 'Please call me first');
      await answer.updateComplete;

      const words = ['Second opinion on my knee', 'Please call me first', 'penicillin', 'Penicillin', patient.pubkey, clinic.pubkey];
      // What is in memory now: the check below can see each of them.
      expect(heldStrings(share, words).length, 'the share prompt holds the purpose').to.be.above(0);
      expect(heldStrings(answer, words).length, 'the answer prompt holds the note').to.be.above(0);

      buttonByText(session, 'Sign out')!.click();
      await waitUntil(() => session.pubkey === undefined, 'never signed out');
      await Promise.all([viewer, share, answer].map((el) => el.updateComplete));
      expect([viewer, share, answer].flatMap((el) => heldStrings(el, words))).to.deep.equal([]);

      // What the next person reads: the way in is to sign in, not to install a signer they have.
      expect(text(session.shadowRoot)).to.contain('Signed out. Your records were closed, and this page keeps nothing of yours. Your signer extension may still be unlocked in this browser: if others use this computer, lock it or close the browser.');
      buttonByText(viewer, 'Unlock my records')!.click();
      await waitUntil(() => viewer.status === 'no-signer', 'the viewer did not stop');
      expect(text($(viewer, '[role=status]'))).to.equal('You are not signed in. Sign in to see your records.');
      buttonByText(answer, 'Check for requests')!.click();
      await waitUntil(() => answer.status === 'no-signer', 'the answer prompt did not stop');
      expect(text(answer.shadowRoot)).to.contain('You are not signed in. Sign in, then try again.');
      expect(text(answer.shadowRoot)).not.to.contain('Install');
    } finally {
      delete (window as { nostr?: Nip07Provider }).nostr;
    }
  });
});
