/**
 * "Bad input never throws at the page: it becomes `bad-data` with a plain message." A portal that
 * hands the session something that is no signer (most often `bunkerSigner(uri)` without its
 * `await`: a promise) sees the session say so and tell the host, rather than a blank session and an
 * uncaught error; handing the signer itself then signs the user in.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Signer } from '../components/core/index.js';
import { person, relayUrl } from './helpers.js';
import { text } from './element-helpers.js';

describe('the session handed something that is no signer', function () {
  this.timeout(30000);

  it('says bad-data and fires nip82-error, then signs in with the real signer', async () => {
    const user = await person();
    const errors: string[] = [];
    const heard: string[] = [];
    const wrap = await fixture<HTMLDivElement>(html`<div
      @nip82-error=${(e: CustomEvent) => errors.push(e.detail.code)}
      @nip82-session-change=${(e: CustomEvent) => heard.push(e.detail.pubkey)}>
      <nip82-session relays=${await relayUrl('main')}></nip82-session>
    </div>`);
    const session = wrap.querySelector<Nip82Session>('nip82-session')!;
    // The promise a remote signer comes in, handed over without its await.
    session.signer = Promise.resolve(user.signer) as unknown as Signer;
    await waitUntil(() => session.status === 'bad-data', `status ${session.status}`);
    expect(session.getAttribute('status')).to.equal('bad-data');
    expect(errors).to.deep.equal(['unknown']);
    expect(text(session.shadowRoot)).to.include('Something went wrong.').and.not.include('getPublicKey');
    session.signer = user.signer;
    await waitUntil(() => session.pubkey === user.pubkey, 'signed in');
    expect(heard).to.deep.equal([user.pubkey]);
  });
});
