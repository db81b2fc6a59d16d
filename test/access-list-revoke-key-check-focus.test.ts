/**
 * Inside a session, back on the page after a visit elsewhere, a keyboard user presses Revoke: the
 * signer is first asked which account it holds. While that question is open the Revoke buttons say
 * they are busy (aria-disabled, a press does nothing) instead of being disabled, so the keyboard's
 * focus stays on the button pressed, there and after the user declines in the signer; it never
 * drops to the page body.
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
import { $, buttonByText, dialogOf } from './element-helpers.js';

/** What has the keyboard focus, in words: the focused control of the list, or "the page body". */
function focusWords(el: Element): string {
  const inside = el.shadowRoot!.activeElement as HTMLElement | null;
  if (inside) return `${inside.localName}: ${inside.getAttribute('aria-label') ?? (inside.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
  return !document.activeElement || document.activeElement === document.body ? 'the page body' : `outside: ${document.activeElement.localName}`;
}

describe('access list: focus while the signer is asked which account it holds', function () {
  this.timeout(90000);
  afterEach(() => { delete (window as { nostr?: unknown }).nostr; });

  it('Revoke pressed after the page got the focus back: the key question declined leaves focus on the Revoke button', async () => {
    const relays = [await relayUrl('main')];
    const [patient, clinician] = [await person(), await person()];
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

    // Back from another window: the next action asks the extension which account it holds.
    let answer!: (ok: boolean) => void;
    const asked = new Promise<boolean>((resolve) => { answer = resolve; });
    const own = ext.provider.getPublicKey;
    ext.provider.getPublicKey = async () => {
      if (!(await asked)) throw new Error('The user declined.');
      return own();
    };
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));

    const revoke = $<HTMLButtonElement>(list, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`)!;
    const name = revoke.getAttribute('aria-label')!;
    revoke.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => list.status === 'waiting-signer', 'the signer is asked which account it holds');
    await list.updateComplete;
    expect(focusWords(list), 'while the signer is asked').to.equal(`button: ${name}`);

    answer(false);
    await waitUntil(() => list.status !== 'waiting-signer', 'the question is answered');
    await list.updateComplete;
    expect(dialogOf(list).open).to.equal(false);
    expect(focusWords(list), 'once the signer declined').to.equal(`button: ${name}`);
  });
});
