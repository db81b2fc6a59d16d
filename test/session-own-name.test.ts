/**
 * The signed-in bar greets the person by name, not by a key: the name the host knows for them,
 * else the name in their own profile (kind 0) on the session's relays, signed by their key, the
 * newest one. The short npub stays beside it, muted, to tell accounts apart. A name never
 * outlives its person: after an account switch in the extension, or a sign-out and the next
 * sign-in, the bar never shows the last person's name, even when their profile answers late.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { NostrEvent } from '../components/core/events.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { shortNpub } from '../components/shared/identity.js';
import { loadLanguage } from '../components/shared/language-packs.js';
import { namesFromProfiles } from '../components/shared/profiles.js';
import { asksForKind, person, profileEvent, relayRequests, relayUrl, sampleBundle, type Person } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const bar = (session: Nip82Session) => text($(session, '[part=bar]'));
const nameShown = (session: Nip82Session) => text($(session, '[part=bar] .name'));
const accountShown = (session: Nip82Session) => text($(session, '[part=bar] .account'));

describe('<nip82-session>: the signed-in bar names the person', function () {
  this.timeout(60000);
  let main: string;

  before(async () => {
    main = await relayUrl('main');
  });
  afterEach(() => { delete (window as { nostr?: unknown }).nostr; });

  async function publish(relays: string[], ...events: NostrEvent[]): Promise<void> {
    const client = new RelayClient({ relays });
    try {
      for (const e of events) await client.publishAll([e]);
    } finally {
      client.close();
    }
  }

  /** A session on `relays` (inside `wrap`, if given) with `who` in the extension, signed in through it. */
  async function signedIn(who: Person, relays: string[], options: { knownNames?: Record<string, string>; lang?: string; viewer?: boolean } = {}) {
    const ext = fakeExtension(who.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const wrap = await fixture<HTMLElement>(html`<div lang=${options.lang ?? 'en'}><nip82-session relays=${relays.join(' ')} .knownNames=${options.knownNames}>
      ${options.viewer ? html`<nip82-record-viewer></nip82-record-viewer>` : ''}
    </nip82-session></div>`);
    const session = wrap.querySelector('nip82-session') as Nip82Session;
    await signInAgain(session, who);
    return { ext, session };
  }

  async function signInAgain(session: Nip82Session, who: Person): Promise<void> {
    await waitUntil(() => { const b = buttonByText(session, /browser extension|extensión del navegador/); return !!b && !b.disabled; }, 'the extension offered');
    buttonByText(session, /browser extension|extensión del navegador/)!.click();
    await waitUntil(() => session.pubkey === who.pubkey, 'signed in');
    await session.updateComplete;
  }

  /** `who` signed in, named `Alex Rivera` on the bar, with the hospital's record of theirs unlocked in a viewer. */
  async function namedWithRecords(who: Person) {
    const hospital = await person();
    await publish([main], ...await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(who.pubkey)}`), author: hospital.signer, participants: [{ pubkey: who.pubkey, role: 'editor' }] }));
    const { ext, session } = await signedIn(who, [main], { viewer: true });
    await waitUntil(() => nameShown(session) === 'Alex Rivera', 'the first name shown');
    const viewer = session.querySelector('nip82-record-viewer') as Nip82RecordViewer;
    await viewer.updateComplete;
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done', 'unlocked', { timeout: 20000 });
    await viewer.updateComplete;
    return { ext, session, viewer };
  }

  /**
   * The user switches accounts in the extension's own window to `next`, comes back, and saves the
   * records on screen: the session finds the switch. Waits until `until()` holds.
   */
  async function switchAndSave(ext: ReturnType<typeof fakeExtension>, viewer: Nip82RecordViewer, next: Person, until: () => boolean, what: string): Promise<void> {
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (!this.download) click.call(this);
    };
    try {
      ext.use(next.signer);
      window.dispatchEvent(new Event('blur'));
      window.dispatchEvent(new Event('focus'));
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      await waitUntil(until, what, { timeout: 20000 });
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  }

  it('greets the person by the name in their own profile, the short npub beside it', async () => {
    const alex = await person();
    await publish([main], await profileEvent(alex, 'Alex Rivera'));
    const { session } = await signedIn(alex, [main]);
    await waitUntil(() => nameShown(session) === 'Alex Rivera', 'the name from the profile shown');
    expect(bar(session)).to.contain('Signed in as Alex Rivera through your browser extension');
    expect(accountShown(session)).to.equal(`Account ${shortNpub(alex.pubkey)}`);
    // The name is set apart from the words around it (a right-to-left name must not take them along).
    expect($(session, '[part=bar] .name')!.localName).to.equal('bdi');
  });

  it('says it in Spanish under lang="es"', async () => {
    await loadLanguage('es');
    const alex = await person();
    await publish([main], await profileEvent(alex, 'Alex Rivera'));
    const { session } = await signedIn(alex, [main], { lang: 'es' });
    await waitUntil(() => nameShown(session) === 'Alex Rivera', 'the name from the profile shown');
    expect(bar(session)).to.contain('Sesión iniciada como Alex Rivera');
    expect(accountShown(session)).to.equal(`Cuenta ${shortNpub(alex.pubkey)}`);
  });

  it('without a profile, or without a name in it, keeps the short npub', async () => {
    const [nobody, nameless] = [await person(), await person()];
    await publish([main], await nameless.signer.signEvent({ kind: 0, created_at: Math.floor(Date.now() / 1000), tags: [], content: JSON.stringify({ about: 'no name here' }) }));
    for (const who of [nobody, nameless]) {
      const { session } = await signedIn(who, [main]);
      // The lookup is over once the relay has answered it; the bar still names the key.
      await waitUntil(async () => asksForKind(await relayRequests('main', who.pubkey), 0), 'the profile asked for');
      expect(bar(session)).to.contain(`Signed in as ${shortNpub(who.pubkey)} through your browser extension`);
      expect($$(session, '[part=bar] .name').length).to.equal(0);
    }
  });

  it('takes the host\'s name for the person, cleaned, and then asks the relays for nothing', async () => {
    const alex = await person();
    await publish([main], await profileEvent(alex, 'Profile Name'));
    const { session } = await signedIn(alex, [main], { knownNames: { [alex.pubkey]: '  Alex\u202E Rivera\u200B ' } });
    expect(nameShown(session)).to.equal('Alex Rivera');
    expect(accountShown(session)).to.equal(`Account ${shortNpub(alex.pubkey)}`);
    expect(asksForKind(await relayRequests('main', alex.pubkey), 0), 'the profile asked for').to.equal(false);
  });

  it('after the extension is switched to another account, the last person\'s name is gone, also once the next one\'s profile was looked up', async () => {
    // The next person has no profile: nothing of theirs can cover a name left over from the last.
    const [alex, blair] = [await person(), await person()];
    await publish([main], await profileEvent(alex, 'Alex Rivera'));
    const { ext, session, viewer } = await namedWithRecords(alex);
    await switchAndSave(ext, viewer, blair, () => session.pubkey === blair.pubkey, 'the switch found');
    await session.updateComplete;
    expect(bar(session).includes('Alex Rivera'), 'the last person\'s name shown for the next').to.equal(false);
    expect(bar(session)).to.contain(`Signed in as ${shortNpub(blair.pubkey)}`);
    // The next person's lookup answered (a read asked after it is answered after it): still not the last one's name.
    await waitUntil(async () => asksForKind(await relayRequests('main', blair.pubkey), 0), 'the next profile asked for');
    const client = new RelayClient({ relays: [main] });
    try {
      await client.query({ kinds: [0], authors: [blair.pubkey] });
    } finally {
      client.close();
    }
    await session.updateComplete;
    expect(bar(session).includes('Alex Rivera'), 'the last person\'s name shown for the next').to.equal(false);
    expect(bar(session)).to.contain(`Signed in as ${shortNpub(blair.pubkey)}`);
    expect($$(session, '[part=bar] .name').length).to.equal(0);
  });

  it('after a switch to another account with a profile, names the next person', async () => {
    const [alex, blair] = [await person(), await person()];
    await publish([main], await profileEvent(alex, 'Alex Rivera'), await profileEvent(blair, 'Blair Chen'));
    const { ext, session, viewer } = await namedWithRecords(alex);
    await switchAndSave(ext, viewer, blair, () => nameShown(session) === 'Blair Chen', 'the next person\'s name shown');
    expect(session.pubkey).to.equal(blair.pubkey);
    expect(bar(session).includes('Alex Rivera')).to.equal(false);
    expect(accountShown(session)).to.equal(`Account ${shortNpub(blair.pubkey)}`);
  });

  it('a profile that answers after a sign-out never names the next person', async () => {
    // The slow relay answers every message after 1.5 s: the first person's lookup is still out
    // when they sign out and the next person, who has no profile, signs in.
    const slow = await relayUrl('slow');
    const [alex, casey] = [await person(), await person()];
    await publish([slow], await profileEvent(alex, 'Alex Rivera'));
    const { ext, session } = await signedIn(alex, [slow]);
    await waitUntil(async () => asksForKind(await relayRequests('slow', alex.pubkey), 0), 'the first profile asked for');
    buttonByText(session, 'Sign out')!.click();
    await waitUntil(() => session.pubkey === undefined, 'signed out');
    ext.use(casey.signer);
    await signInAgain(session, casey);
    // Asked after the session's lookup, so answered after it: by now the first person's profile came back.
    const client = new RelayClient({ relays: [slow] });
    try {
      const { events } = await client.query({ kinds: [0], authors: [alex.pubkey] });
      expect(events.length, 'the first profile on the relay').to.equal(1);
    } finally {
      client.close();
    }
    await session.updateComplete;
    expect(bar(session).includes('Alex Rivera'), 'the last person\'s name shown for the next').to.equal(false);
    expect(bar(session)).to.contain(`Signed in as ${shortNpub(casey.pubkey)}`);
  });

  it('at 320 px, a long name wraps and the page does not scroll sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      for (const name of ['Maximiliana Alexandrina Wolfeschlegelsteinhausenbergerdorff', 'Wolfeschlegelsteinhausenbergerdorffvoralternwarenge']) {
        const who = await person();
        await publish([main], await profileEvent(who, name));
        const { session } = await signedIn(who, [main]);
        await waitUntil(() => nameShown(session) === name, 'the long name shown');
        const page = document.documentElement;
        expect(page.scrollWidth <= page.clientWidth, `the page scrolls sideways (${page.scrollWidth} > ${page.clientWidth})`).to.equal(true);
        const barBox = $(session, '[part=bar]')!;
        expect(barBox.scrollWidth <= barBox.clientWidth, `the bar overflows (${barBox.scrollWidth} > ${barBox.clientWidth})`).to.equal(true);
        const signOut = buttonByText(session, 'Sign out')!.getBoundingClientRect();
        expect(signOut.right <= window.innerWidth, 'Sign out off screen').to.equal(true);
        await expect(session).to.be.accessible();
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('the name in the user\'s own profile', () => {
  /** The name the profiles give this key, as the session reads them (the kit's one profile reader). */
  const ownProfileName = (events: NostrEvent[], key: string) => namesFromProfiles(events).get(key)?.name ?? '';
  const sk = generateSecretKey();
  const pubkey = getPublicKey(sk);
  const profile = (name: string, created_at: number, key = sk) => finalizeEvent({ kind: 0, created_at, tags: [], content: JSON.stringify({ name }) }, key) as NostrEvent;

  it('is the newest validly signed profile of this very key', () => {
    expect(ownProfileName([profile('Old Name', 100), profile('New Name', 200), profile('Older', 50)], pubkey)).to.equal('New Name');
    // Another key's profile, and one that claims this key without its signature, name nobody.
    const other = profile('Someone Else', 300, generateSecretKey());
    expect(ownProfileName([other], pubkey)).to.equal('');
    const forged = { ...profile('Impostor', 400), content: JSON.stringify({ name: 'Forged' }) };
    expect(ownProfileName([profile('Real', 100), forged], pubkey)).to.equal('Real');
    expect(ownProfileName([{ ...other, pubkey }], pubkey)).to.equal('');
  });

  it('prefers the display name, cleaned; nothing when the profile is no JSON object', () => {
    const both = finalizeEvent({ kind: 0, created_at: 1, tags: [], content: JSON.stringify({ name: 'alex', display_name: ' \u202EAlex Rivera\u200B ' }) }, sk) as NostrEvent;
    expect(ownProfileName([both], pubkey)).to.equal('Alex Rivera');
    for (const content of ['not json', '["Alex"]', 'null', '{"name": 42}']) {
      expect(ownProfileName([finalizeEvent({ kind: 0, created_at: 2, tags: [], content }, sk) as NostrEvent], pubkey), content).to.equal('');
    }
  });
});
