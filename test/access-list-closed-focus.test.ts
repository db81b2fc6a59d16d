/**
 * Inside a session, back on the page after a visit elsewhere, a keyboard user presses Revoke and
 * the signer now holds another account: the last user's list goes at once, the button pressed with
 * it. The keyboard's focus goes to the list's first control (the way on for whoever is there now),
 * next to the line that says why, never to the page body where a screen-reader user is lost.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, buttonByText, dialogOf, shownLiveRegions, text } from './element-helpers.js';

/** What has the keyboard focus, in words: the focused control of the list, or "the page body". */
function focusWords(el: Element): string {
  const inside = el.shadowRoot!.activeElement as HTMLElement | null;
  if (inside) return `${inside.localName}: ${inside.getAttribute('aria-label') ?? (inside.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
  return !document.activeElement || document.activeElement === document.body ? 'the page body' : `outside: ${document.activeElement.localName}`;
}

describe('access list: focus when the records close under it', function () {
  this.timeout(90000);
  afterEach(() => { delete (window as { nostr?: unknown }).nostr; });

  it('Revoke pressed and the signer holds another account: focus goes to the list\'s first control, not the page body', async () => {
    const relays = [await relayUrl('main')];
    const [patient, clinician, other] = [await person(), await person(), await person()];
    const client = new RelayClient({ relays });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] }));
    } finally { client.close(); }
    const ext = fakeExtension(patient.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}><nip82-access-list></nip82-access-list></nip82-session>`);
    await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const list = session.querySelector('nip82-access-list') as Nip82AccessList;
    await list.updateComplete;
    buttonByText(list, 'Unlock my records')!.click();
    await waitUntil(() => $(list, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`), 'the people listed', { timeout: 20000 });

    // Back from another window, where the extension was switched to another account.
    ext.use(other.signer);
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
    $<HTMLButtonElement>(list, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !$(list, '[part=person]'), 'the last user\'s list never went', { timeout: 20000 });
    await list.updateComplete;
    await session.updateComplete;
    expect(dialogOf(list).open).to.equal(false);
    expect(focusWords(list)).to.equal('button: Unlock my records');
    // Beside the line that says why, heard as it changed.
    expect(shownLiveRegions(list).map((r) => text(r)).join(' | ')).to.contain('now using another account');
  });
});
