/**
 * Back on the page, the patient presses Download: the extension is asked which account it uses,
 * and its prompt waits. Meanwhile they sign out and walk away. When the extension answers
 * afterwards (the same account), nothing is saved, and the viewer must say nothing of an account
 * change that never happened: the bar says they signed out, and that is all there is to say.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, buttonByText, text } from './element-helpers.js';

const live = (el: Element) => text($(el, '[role=status]'));

describe('a key question answered after a sign-out', function () {
  this.timeout(90000);

  afterEach(() => {
    delete (window as { nostr?: unknown }).nostr;
  });

  it('the viewer does not say the signer now uses another account', async () => {
    const relays = [await relayUrl('main')];
    const [a, hospital] = [await person(), await person()];
    const client = new RelayClient({ relays });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(a.pubkey)}`), author: hospital.signer, participants: [{ pubkey: a.pubkey, role: 'editor' }] }));
    } finally {
      client.close();
    }
    const ext = fakeExtension(a.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}>
      <nip82-record-viewer></nip82-record-viewer>
    </nip82-session>`);
    const viewer = session.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await waitUntil(() => buttonByText(session, /browser extension/)?.disabled === false, 'the extension was never offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === a.pubkey, 'never signed in');
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => text(viewer.shadowRoot).includes('Penicillin'), 'the records never showed', { timeout: 30000 });

    // The extension's next key question waits for the user.
    let questions = 0;
    let answer = () => {};
    const original = ext.provider.getPublicKey;
    ext.provider.getPublicKey = () => {
      questions++;
      return new Promise<string>((resolve) => { answer = () => void original().then(resolve); });
    };
    const saved: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) saved.push(this.download);
      else click.call(this);
    };
    try {
      // Back on the page: the next action asks which account is in use.
      window.dispatchEvent(new Event('blur'));
      window.dispatchEvent(new Event('focus'));
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      await waitUntil(() => questions > 0, 'the key was never asked');
      buttonByText(session, 'Sign out')!.click();
      await waitUntil(() => session.pubkey === undefined, 'never signed out');
      await viewer.updateComplete;
      const before = live(viewer);
      // The same account answers, late.
      answer();
      await waitUntil(() => live(viewer) !== before, 'the viewer kept its words', { timeout: 5000 }).catch(() => undefined);
      await viewer.updateComplete;
      expect({ saved: saved.length, viewerSays: live(viewer) }).to.deep.equal({ saved: 0, viewerSays: before });
      expect(before).to.equal('');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });
});
