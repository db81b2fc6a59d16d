/**
 * "Use my browser extension" pressed twice (a double click, or a second press while the
 * extension's window is slow to come up): the extension is asked once who the user is, the button
 * says it is busy meanwhile, and answering that one prompt signs the user in.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { person, relayUrl } from './helpers.js';
import { buttonByText } from './element-helpers.js';

describe('the session\'s "Use my browser extension", pressed again while the extension asks', function () {
  this.timeout(60000);
  afterEach(() => { delete (window as { nostr?: unknown }).nostr; });

  it('asks the extension once, busy meanwhile, and the one answer signs the user in', async () => {
    const relays = [await relayUrl('main')];
    const user = await person();
    let asked = 0;
    let answer = () => {};
    const provider: Nip07Provider = {
      getPublicKey: async () => {
        asked++;
        await new Promise<void>((r) => { answer = r; });
        return user.pubkey;
      },
      signEvent: (t) => user.signer.signEvent(t),
      nip44: { encrypt: (p, t) => user.signer.nip44Encrypt(p, t), decrypt: (p, c) => user.signer.nip44Decrypt(p, c) },
    };
    (window as { nostr?: Nip07Provider }).nostr = provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}></nip82-session>`);
    await waitUntil(() => buttonByText(session, /browser extension/)?.disabled === false, 'offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => asked === 1, 'the extension is asked');
    await session.updateComplete;
    const button = buttonByText(session, /browser extension/)!;
    button.click();
    await session.updateComplete;
    expect(asked).to.equal(1);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    // Seen busy as well as heard: dimmed, as the other elements' busy buttons are.
    expect(getComputedStyle(button).opacity, 'the busy button looks busy').to.equal('0.6');
    answer();
    await waitUntil(() => session.pubkey === user.pubkey, 'signed in');
    expect(asked).to.equal(1);
  });
});
