/**
 * A keyboard user presses Download or Print on their records after the extension was switched to
 * another account: the action finds the switch, the records close, and the button with them. The
 * keyboard lands on the way to unlock the new person's records, never on the page's body. (A sign-out
 * in another tab under the search box: session-other-tabs.test.ts.)
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
import { $, $$, buttonByText } from './element-helpers.js';

const named = (n: Element | null | undefined) => (n ? `${n.localName}${n.className ? '.' + String(n.className).replace(/\s+/g, '.') : ''}` : 'nothing');

describe('the record viewer: focus when an account switch closes the records under it', function () {
  this.timeout(120000);
  afterEach(() => { delete (window as { nostr?: unknown }).nostr; });

  for (const control of ['button.export', 'button.print']) {
    it(`${control} pressed after a switch: focus goes to the unlock button, not the page body`, async () => {
      const relays = [await relayUrl('main')];
      const [hospital, a, b] = [await person(), await person(), await person()];
      const client = new RelayClient({ relays });
      try {
        for (const p of [a, b]) await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(p.pubkey)}`), author: hospital.signer, participants: [{ pubkey: p.pubkey, role: 'editor' }] }));
      } finally { client.close(); }
      const ext = fakeExtension(a.signer);
      (window as { nostr?: Nip07Provider }).nostr = ext.provider;
      const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}><nip82-record-viewer></nip82-record-viewer></nip82-session>`);
      await waitUntil(() => { const x = buttonByText(session, /browser extension/); return !!x && !x.disabled; }, 'the extension offered');
      buttonByText(session, /browser extension/)!.click();
      await waitUntil(() => session.pubkey === a.pubkey, 'signed in');
      const viewer = session.querySelector('nip82-record-viewer') as Nip82RecordViewer;
      await viewer.updateComplete;
      buttonByText(viewer, 'Unlock my records')!.click();
      await waitUntil(() => viewer.status === 'done' && $$(viewer, 'article[part=record]').length === 1, 'unlocked', { timeout: 20000 });
      const print = window.print;
      const click = HTMLAnchorElement.prototype.click;
      window.print = () => undefined;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) { if (!this.download) click.call(this); };
      try {
        ext.use(b.signer);
        window.dispatchEvent(new Event('blur'));
        window.dispatchEvent(new Event('focus'));
        const button = $<HTMLButtonElement>(viewer, control)!;
        button.focus();
        expect(named(document.activeElement)).to.equal('nip82-record-viewer');
        expect(named(viewer.shadowRoot!.activeElement)).to.equal(control.replace(' ', ''));
        button.click();
        await waitUntil(() => session.pubkey === b.pubkey, 'the switch found', { timeout: 20000 });
        await waitUntil(() => $$(viewer, 'article[part=record]').length === 0, 'records gone');
        await viewer.updateComplete;
        expect(named(document.activeElement)).to.equal('nip82-record-viewer');
        expect(named(viewer.shadowRoot!.activeElement)).to.equal('button.primary.unlock');
      } finally {
        window.print = print;
        HTMLAnchorElement.prototype.click = click;
      }
    });
  }
});
