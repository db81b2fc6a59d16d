/**
 * A record printed with the session's bar on the page: the paper says who was signed in, dark on
 * light even from a dark page (paper is white), and carries no "Sign out" button.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { person, relayUrl } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, buttonByText } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** How light a computed colour is, 0 (black) to 1 (white); `rgb()` and `color(srgb …)` alike. */
const lightness = (colour: string) => {
  const srgb = colour.startsWith('color(srgb');
  const [r, g, b] = colour.match(/[\d.]+/g)!.map(Number).map((v) => (srgb ? v : v / 255));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

describe('the session, printed', () => {
  after(async () => {
    await emulateMedia({ media: 'screen' });
    delete (window as { nostr?: Nip07Provider }).nostr;
  });

  it('from a dark page: who is signed in prints dark on light, and the Sign out button is not on paper', async () => {
    const rose = await person();
    (window as { nostr?: Nip07Provider }).nostr = fakeExtension(rose.signer).provider;
    const wrap = await fixture<HTMLElement>(html`<div style="color-scheme: dark; background: Canvas"><nip82-session relays=${await relayUrl()} .knownNames=${{ [rose.pubkey]: 'Rose Baker' }}></nip82-session></div>`);
    const session = wrap.querySelector('nip82-session') as Nip82Session;
    await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === rose.pubkey, 'signed in');
    await session.updateComplete;
    await emulateMedia({ media: 'print' });
    const who = $(session, '[part=bar] .who')!;
    const signOut = buttonByText(session, /^Sign out$/)!;
    const seen = { whoText: lightness(getComputedStyle(who).color) > 0.6, nameText: lightness(getComputedStyle($(session, '.name')!).color) > 0.6, signOutOnPaper: signOut.getClientRects().length > 0 };
    expect(seen).to.deep.equal({ whoText: false, nameText: false, signOutOnPaper: false });
  });
});
