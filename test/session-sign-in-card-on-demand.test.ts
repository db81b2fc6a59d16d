/**
 * The session's sign-in card is fetched the first time it shows: a portal that hands the session
 * its signer never shows it, not even while its signer is asked who the user is, and a sign-out
 * brings it (fetched then, cold) with the keyboard user on it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Signer } from '../components/core/signers/signer.js';
import { person, relayUrl } from './helpers.js';
import { buttonByText } from './element-helpers.js';

const barText = (session: Nip82Session) => session.shadowRoot!.querySelector('[part="bar"]')?.textContent ?? '';

describe('the session: its sign-in card, fetched when it first shows', function () {
  this.timeout(30000);

  it('offers no sign-in while the host\'s signer is asked who the user is', async () => {
    const user = await person();
    let answer!: () => void;
    const asked = new Promise<void>((resolve) => { answer = resolve; });
    const slow: Signer = {
      getPublicKey: () => asked.then(() => user.signer.getPublicKey()),
      signEvent: (t) => user.signer.signEvent(t),
      nip44Encrypt: (p, t) => user.signer.nip44Encrypt(p, t),
      nip44Decrypt: (p, t) => user.signer.nip44Decrypt(p, t),
    };
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${await relayUrl('main')} .signer=${slow}></nip82-session>`);
    await session.updateComplete;
    expect(!!buttonByText(session, /browser extension/), 'the sign-in card flashed').to.equal(false);
    expect(barText(session)).not.to.include('Sign in');
    answer();
    await waitUntil(() => barText(session).includes('Signed in as'), 'signed in');
    expect(!!buttonByText(session, /browser extension/), 'the sign-in card showed beside the user').to.equal(false);
  });

  it('shows the card, fetched cold, once the host\'s user signs out, with the keyboard user on it', async () => {
    const user = await person();
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${await relayUrl('main')} .signer=${user.signer}></nip82-session>`);
    await waitUntil(() => !!buttonByText(session, /Sign out/), 'signed in');
    const signOut = buttonByText(session, /Sign out/)!;
    signOut.focus();
    signOut.click();
    await waitUntil(() => !!buttonByText(session, /browser extension/), 'the sign-in card never showed');
    expect(barText(session)).to.include('Use a remote signer');
    // No extension here: the way in is the remote signer's section, where the focus went.
    await waitUntil(() => session.shadowRoot!.activeElement?.localName === 'summary', 'the focus was lost');
    expect(session.shadowRoot!.textContent).to.include('Signed out.');
  });
});
