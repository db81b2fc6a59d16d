/**
 * The signed-in bar's own name is looked up again after a lookup that reached no storage server
 * (offline, or too slow): a later update finds it, instead of the short key staying for the whole
 * session. A few times at most, never in a loop.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { MAX_NAME_LOOKUPS } from '../components/session/own-name.js';
import { downRelayUrl, person, profileEvent, publishTo, relayUrl } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const nameShown = (session: Nip82Session) => text($(session, '[part=bar] .name'));

describe('<nip82-session>: the own name after the storage servers could not be reached', function () {
  this.timeout(60000);
  const RealSocket = globalThis.WebSocket;
  afterEach(() => {
    globalThis.WebSocket = RealSocket;
    delete (window as { nostr?: unknown }).nostr;
  });

  /** Every connection made goes where nothing listens; counts the ones made and the ones that failed. */
  async function offline() {
    const down = await downRelayUrl();
    const seen = { made: 0, failed: 0 };
    globalThis.WebSocket = class extends RealSocket {
      constructor(_url: string | URL, protocols?: string | string[]) {
        super(down, protocols);
        seen.made++;
        this.addEventListener('close', () => seen.failed++);
      }
    };
    return seen;
  }

  async function signedIn(relay: string) {
    const alex = await person();
    await publishTo(relay, [await profileEvent(alex, 'Alex Rivera')]);
    const seen = await offline();
    (window as { nostr?: Nip07Provider }).nostr = fakeExtension(alex.signer).provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relay}></nip82-session>`);
    await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === alex.pubkey, 'signed in');
    await waitUntil(() => seen.failed >= 1, 'the lookup found no server');
    return { session, seen };
  }

  it('a later update, back online, greets the person by name', async () => {
    const { session } = await signedIn(await relayUrl('main'));
    globalThis.WebSocket = RealSocket;
    await waitUntil(() => {
      session.requestUpdate();
      return nameShown(session) === 'Alex Rivera';
    }, 'the name found once back online');
  });

  it('still offline, it asks a few times and then stops', async () => {
    const { session, seen } = await signedIn(await relayUrl('main'));
    await waitUntil(() => {
      session.requestUpdate();
      return seen.failed >= MAX_NAME_LOOKUPS;
    }, 'looked up again while offline');
    // Every later update asks nothing more: one more lookup would make one more connection.
    for (let i = 0; i < 5; i++) {
      session.requestUpdate();
      await session.updateComplete;
    }
    expect(seen.made).to.equal(MAX_NAME_LOOKUPS);
    expect(nameShown(session)).to.equal('');
  });
});
