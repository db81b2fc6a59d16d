/**
 * A single-page app moves the session (a layout change puts the sign-in bar elsewhere) while the
 * user is answering their signer's prompt. The move gives the sign-in up (nothing may sign anyone
 * in behind a session off the page), but back on the page the bar must not say "waiting" for an
 * answer it will never take: it offers the sign-in again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { person } from './helpers.js';
import { buttonByText, text } from './element-helpers.js';

describe('a session moved while its sign-in waits for the signer', function () {
  afterEach(() => {
    delete (window as { nostr?: unknown }).nostr;
  });

  it('put back, it does not say it is waiting, and the extension\'s button signs in again', async () => {
    const patient = await person();
    // The extension's prompt stays open until the test answers it.
    let answer!: () => void;
    let answered = new Promise<void>((resolve) => { answer = resolve; });
    let keysGiven = 0;
    const provider: Nip07Provider = {
      getPublicKey: async () => { await answered; keysGiven++; return patient.pubkey; },
      signEvent: (t) => patient.signer.signEvent(t),
      nip44: { encrypt: (p, t) => patient.signer.nip44Encrypt(p, t), decrypt: (p, c) => patient.signer.nip44Decrypt(p, c) },
    };
    (window as { nostr?: unknown }).nostr = provider;
    const page = await fixture<HTMLElement>(html`<div><header id="top"><nip82-session></nip82-session></header><main id="main"></main></div>`);
    const session = page.querySelector('nip82-session') as Nip82Session;
    // The sign-in card arrives with the session's first render (fetched on demand): waited for, then its button.
    await waitUntil(() => buttonByText(session, 'Use my browser extension')?.hasAttribute('disabled') === false, 'no extension found');
    buttonByText(session, 'Use my browser extension')!.click();
    await waitUntil(() => session.status === 'waiting-signer', 'the signer was never asked');

    page.querySelector('#main')!.append(session);
    await session.updateComplete;
    answer();
    await waitUntil(() => keysGiven === 1, 'the extension never answered');
    await session.updateComplete;
    await session.updateComplete;
    const said = text(session.shadowRoot!.querySelector('[part=status]'));
    expect(session.status, `the bar says "${said}"`).not.to.equal('waiting-signer');
    expect(said).not.to.match(/waiting|asking/i);
    // The answer to a sign-in given up signs no one in.
    expect(session.pubkey).to.equal(undefined);

    answered = Promise.resolve();
    buttonByText(session, 'Use my browser extension')!.click();
    await waitUntil(() => session.pubkey === patient.pubkey, 'the extension\'s button signs in no more');
  });
});
