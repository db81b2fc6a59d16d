/**
 * A portal signs its user in by handing the session a signer, and out by taking it back. Its
 * audit log listens to `nip82-session-change`: the sign-out is heard as a sign-out (`{}`), once,
 * as the sign-in was, and the session's records are gone.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { person, relayUrl } from './helpers.js';

describe('the session: the host takes its signer back', function () {
  this.timeout(30000);

  it('fires nip82-session-change {} once, after the sign-in it announced', async () => {
    const user = await person();
    const heard: object[] = [];
    const wrap = await fixture<HTMLDivElement>(html`<div @nip82-session-change=${(e: CustomEvent) => heard.push({ ...e.detail })}>
      <nip82-session relays=${await relayUrl('main')} .signer=${user.signer}></nip82-session>
    </div>`);
    const session = wrap.querySelector<Nip82Session>('nip82-session')!;
    await waitUntil(() => session.pubkey === user.pubkey && heard.length === 1, 'signed in');
    session.signer = undefined;
    await session.updateComplete;
    expect(session.pubkey).to.equal(undefined);
    expect(heard).to.deep.equal([{ pubkey: user.pubkey, signer: 'injected' }, {}]);
  });
});
