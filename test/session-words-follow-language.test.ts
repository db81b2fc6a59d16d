import { fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { sessionStrings } from '../components/session/session.strings.js';
import { sessionStringsEs } from '../components/session/session.strings.es.js';
import { cardStringsEn } from '../components/session/sign-in-card.strings.js';
import { SignerError } from '../components/core/errors.js';
import type { Signer } from '../components/core/signers/signer.js';
import { person } from './helpers.js';
import { buttonByText, statusFollowsLanguage } from './element-helpers.js';

const LINE = '[part="status"]';
/** A button the signed-out session shows (its sign-in card's), in each language: to know it has turned. */
const SHOW_CODE = { en: cardStringsEn.showCode, es: sessionStringsEs.showCode };

/** A signer that will not say who the user is. */
const REFUSAL = 'The signer refused to share the public key.';
const refusing = (): Signer => ({
  getPublicKey: () => Promise.reject(new SignerError('refused', REFUSAL)),
  signEvent: () => Promise.reject(new Error('not used')),
  nip44Encrypt: () => Promise.reject(new Error('not used')),
  nip44Decrypt: () => Promise.reject(new Error('not used')),
});

describe('<nip82-session> words on a page that changes its language', () => {
  it('says "signed out" in the language the page speaks now, not the one it spoke at the sign-out', async () => {
    const user = await person();
    const page = await fixture<HTMLDivElement>(html`<div lang="en"><nip82-session relays="ws://127.0.0.1:1" .signer=${user.signer}></nip82-session></div>`);
    const el = page.querySelector<Nip82Session>('nip82-session')!;
    await waitUntil(() => el.pubkey === user.pubkey, 'never signed in', { timeout: 3000 });
    await el.updateComplete;
    buttonByText(el, /Sign out/)!.click();
    await waitUntil(() => buttonByText(el, SHOW_CODE.en), 'never signed out');
    await statusFollowsLanguage(page, el, { en: sessionStrings.en.signedOut, es: sessionStringsEs.signedOut }, SHOW_CODE, LINE);
  });

  it('words a failed sign-in in the language the page speaks now', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="en"><nip82-session relays="ws://127.0.0.1:1" .signer=${refusing()}></nip82-session></div>`);
    const el = page.querySelector<Nip82Session>('nip82-session')!;
    await waitUntil(() => el.getAttribute('status') === 'refused', 'the refusal was never shown');
    await el.updateComplete;
    const said = { en: sessionStrings.en.errorDetail('refused', REFUSAL), es: sessionStringsEs.errorDetail('refused', REFUSAL) };
    await statusFollowsLanguage(page, el, said, SHOW_CODE, LINE);
  });
});
