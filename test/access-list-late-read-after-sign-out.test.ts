/**
 * A shared computer: the first person asks the access list for their consent history (or who has
 * access), and walks away while their signer still opens the records; the next person signs in.
 * When the first person's read ends afterwards, nothing of it may speak to the next person: the
 * list must not tell them, unasked, that they have no history or that no records list them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { person, relayUrl, sampleBundle, type Person } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, buttonByText, text } from './element-helpers.js';

const live = (el: Element) => text($(el, '[role=status]'));

describe('the access list, when the last person\'s read ends after the next person signed in', function () {
  this.timeout(90000);
  let relays: string[];
  let hospital: Person;

  before(async () => {
    relays = [await relayUrl('main')];
    hospital = await person();
  });

  afterEach(() => {
    delete (window as { nostr?: unknown }).nostr;
  });

  async function setUp() {
    const [a, b] = [await person(), await person()];
    const client = new RelayClient({ relays });
    try {
      for (const who of [a, b]) await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(who.pubkey)}`), author: hospital.signer, participants: [{ pubkey: who.pubkey, role: 'editor' }] }));
    } finally {
      client.close();
    }
    const ext = fakeExtension(a.signer);
    // The first person's signer is slow to open records: each decrypt waits until released.
    let held = false;
    let release = () => {};
    let waiting = 0;
    const decrypt = ext.provider.nip44!.decrypt;
    ext.provider.nip44!.decrypt = async (p, c) => {
      if (held) {
        waiting++;
        await new Promise<void>((r) => { const prev = release; release = () => { prev(); r(); }; });
      }
      return decrypt(p, c);
    };
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}>
      <nip82-access-list></nip82-access-list>
    </nip82-session>`);
    const access = session.querySelector<Nip82AccessList>('nip82-access-list')!;
    await waitUntil(() => buttonByText(session, /browser extension/)?.disabled === false, 'the extension was never offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === a.pubkey, 'the first person never signed in');
    return {
      a, b, ext, session, access,
      hold: () => { held = true; },
      waiting: () => waiting,
      release: () => { held = false; release(); },
    };
  }

  /** The first person signs out while the read waits on their signer; the next person signs in; then the signer answers. */
  async function leaveDuringRead(p: Awaited<ReturnType<typeof setUp>>) {
    await waitUntil(() => p.waiting() > 0, 'the read never reached the signer', { timeout: 20000 });
    buttonByText(p.session, 'Sign out')!.click();
    await waitUntil(() => p.session.pubkey === undefined, 'never signed out');
    p.ext.use(p.b.signer);
    buttonByText(p.session, /browser extension/)!.click();
    await waitUntil(() => p.session.pubkey === p.b.pubkey, 'the next person never signed in');
    await p.access.updateComplete;
    expect(live(p.access), 'before the late answer').to.equal('');
    p.release();
  }

  it('Show consent history: the next person is not told they have no history, nor shown a history they did not ask for', async () => {
    const p = await setUp();
    p.hold();
    buttonByText(p.access, 'Show consent history')!.click();
    await leaveDuringRead(p);
    // The first person's read ends (its answers all dropped with their store) and the element settles.
    await waitUntil(() => p.access.status !== 'idle', 'the late read left the list as it was', { timeout: 5000 }).catch(() => undefined);
    await p.access.updateComplete;
    expect({ status: p.access.status, said: live(p.access) }).to.deep.equal({ status: 'idle', said: '' });
  });

  it('Unlock my records: the next person is not told that no records list them', async () => {
    const p = await setUp();
    p.hold();
    buttonByText(p.access, 'Unlock my records')!.click();
    await leaveDuringRead(p);
    await waitUntil(() => p.access.status !== 'idle', 'the late read left the list as it was', { timeout: 5000 }).catch(() => undefined);
    await p.access.updateComplete;
    expect({ status: p.access.status, said: live(p.access) }).to.deep.equal({ status: 'idle', said: '' });
  });
});
