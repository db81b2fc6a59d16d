/**
 * A relay that asks who is reading (NIP-42 AUTH) is told the truth after a change of user: once the
 * signer answers for another key (switched in the extension), or another person signs in after a
 * sign-out, nothing is read for the new user over the last one's sign-in. The relay sees the new
 * user sign in (once), and every read of theirs comes on a connection signed in as them: it could
 * otherwise take the two people for one, or withhold the new user's mail from the last one's key.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Signer } from '../components/core/signers/signer.js';
import { nip07Signer, type Nip07Provider } from '../components/core/signers/nip07.js';
import { person, relaySignIns, relayUrl, sampleBundle, type Person } from './helpers.js';
import { buttonByText, dialogOf, typeRecipient } from './element-helpers.js';
import { ContextEvent } from '@lit/context';
import { sessionContext, type SessionValue } from '../components/shared/context.js';

/** A signer over whichever key was chosen last (`use`), noting the key of every relay sign-in it signs (or refusing them all, `refuseSignIns`). */
function switchable(first: Signer) {
  let current = first;
  let refuseSignIns = false;
  const signIns: string[] = [];
  const signer: Signer = {
    getPublicKey: () => current.getPublicKey(),
    signEvent: async (template) => {
      if (template.kind === 22242 && refuseSignIns) throw new Error('User rejected.');
      if (template.kind === 22242) signIns.push(await current.getPublicKey());
      return current.signEvent(template);
    },
    nip44Encrypt: (pubkey, text) => current.nip44Encrypt(pubkey, text),
    nip44Decrypt: (pubkey, text) => current.nip44Decrypt(pubkey, text),
  };
  const provider: Nip07Provider = {
    getPublicKey: () => signer.getPublicKey(),
    signEvent: (template) => signer.signEvent(template),
    nip44: { encrypt: (p, t) => signer.nip44Encrypt(p, t), decrypt: (p, c) => signer.nip44Decrypt(p, c) },
  };
  return { signer, provider, signIns, use: (next: Signer) => { current = next; }, refuseSignIns: (refuse: boolean) => { refuseSignIns = refuse; } };
}

describe('relay sign-ins follow the user', function () {
  this.timeout(90000);
  let relay: string;
  let hospital: Person;

  before(async () => {
    relay = await relayUrl('auth');
    hospital = await person();
  });

  afterEach(() => {
    delete (window as { nostr?: Nip07Provider }).nostr;
  });

  /** A record for each patient, at the relay that serves only signed-in readers. */
  async function seed(...patients: Person[]): Promise<void> {
    const client = new RelayClient({ relays: [relay], signer: hospital.signer });
    try {
      for (const p of patients) {
        await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(p.pubkey)}`), author: hospital.signer, participants: [{ pubkey: p.pubkey, role: 'editor' }] }));
      }
    } finally {
      client.close();
    }
  }

  /** What the relay saw of `who`: their sign-ins, and the keys its connections were signed in as for the reads naming them. */
  async function seenBy(who: Person): Promise<{ signIns: number; readAs: string[] }> {
    const { signIns, served } = await relaySignIns('auth', who.pubkey);
    return { signIns: signIns.filter((k) => k === who.pubkey).length, readAs: served.map((r) => r.as ?? 'nobody') };
  }

  const servedAsThemselves = (seen: { readAs: string[] }, who: Person) => seen.readAs.every((k) => k === who.pubkey);

  async function sessionPage(ext: ReturnType<typeof switchable>) {
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relay}><nip82-record-viewer></nip82-record-viewer><nip82-access-list></nip82-access-list></nip82-session>`);
    await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension was not offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => !!session.pubkey, 'not signed in');
    const viewer = session.querySelector('nip82-record-viewer') as Nip82RecordViewer;
    const access = session.querySelector('nip82-access-list') as Nip82AccessList;
    await viewer.updateComplete;
    return { session, viewer, access };
  }

  async function unlock(viewer: Nip82RecordViewer): Promise<void> {
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done', 'the records were not unlocked', { timeout: 20000 });
  }

  it('a key switched in the extension signs in afresh: no read for the new key rides on the last key’s sign-in', async () => {
    const [a, b] = [await person(), await person()];
    await seed(a, b);
    const ext = switchable(a.signer);
    const { session, viewer, access } = await sessionPage(ext);
    await unlock(viewer);
    expect(ext.signIns).to.deep.equal([a.pubkey]);

    ext.use(b.signer);
    // Back from the extension's window: the next action asks who the user is.
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
    buttonByText(access, 'Show consent history')!.click();
    await waitUntil(() => session.pubkey === b.pubkey, 'the new key was not noticed', { timeout: 20000 });
    await waitUntil(() => access.status === 'done', 'the history was not read for the new key', { timeout: 20000 });

    // One sign-in as the new key, asked once for the whole action; every read of theirs on it.
    const seen = await seenBy(b);
    expect(seen.readAs.length).to.be.greaterThan(0);
    expect(servedAsThemselves(seen, b), `reads for the new key were served as ${seen.readAs.map((k) => k.slice(0, 8)).join(', ')}`).to.equal(true);
    expect(seen.signIns).to.equal(1);
    expect(ext.signIns).to.deep.equal([a.pubkey, b.pubkey]);
    // And the relay served the new user their own record.
    buttonByText(viewer, 'Unlock my records')?.click();
    await waitUntil(() => viewer.status === 'done' && viewer.shadowRoot!.textContent!.includes('Penicillin'), 'the new user’s record was not shown', { timeout: 20000 });
    expect(servedAsThemselves(await seenBy(b), b)).to.equal(true);
  });

  it('after a sign-out, the next person signs in at the relay as themselves', async () => {
    const [a, b] = [await person(), await person()];
    await seed(a, b);
    const ext = switchable(a.signer);
    const { session, viewer } = await sessionPage(ext);
    await unlock(viewer);

    await session.signOut();
    ext.use(b.signer);
    await session.updateComplete;
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === b.pubkey, 'the next person was not signed in');
    await viewer.updateComplete;
    await unlock(viewer);

    const seen = await seenBy(b);
    expect(seen.readAs.length).to.be.greaterThan(0);
    expect(servedAsThemselves(seen, b), `reads for the new key were served as ${seen.readAs.map((k) => k.slice(0, 8)).join(', ')}`).to.equal(true);
    expect(seen.signIns).to.equal(1);
    expect(ext.signIns).to.deep.equal([a.pubkey, b.pubkey]);
  });

  it('an element with a signer of its own signs in afresh when that signer answers for another key', async () => {
    const [a, b] = [await person(), await person()];
    await seed(a, b);
    const own = switchable(a.signer);
    const access = await fixture<Nip82AccessList>(html`<nip82-access-list relays=${relay} .signer=${own.signer}></nip82-access-list>`);
    buttonByText(access, 'Show consent history')!.click();
    await waitUntil(() => access.status === 'done', 'the history was not read', { timeout: 20000 });
    expect(own.signIns).to.deep.equal([a.pubkey]);

    own.use(b.signer);
    buttonByText(access, 'Show consent history')!.click();
    // Its mail read is the action's last: once the relay served it and the element is done, so is the action.
    const mailRead = async () => (await relaySignIns('auth', b.pubkey)).served.some((r) => r.filters.some((f) => Array.isArray(f.kinds) && f.kinds.includes(1059)));
    await waitUntil(async () => (await mailRead()) && access.status === 'done', 'the history was not read for the new key', { timeout: 20000 });

    const seen = await seenBy(b);
    expect(seen.readAs.length).to.be.greaterThan(0);
    expect(servedAsThemselves(seen, b), `reads for the new key were served as ${seen.readAs.map((k) => k.slice(0, 8)).join(', ')}`).to.equal(true);
    expect(seen.signIns).to.equal(1);
    expect(own.signIns).to.deep.equal([a.pubkey, b.pubkey]);
  });
  /** A record of `patient`'s, opened for them, as a page that reads records itself hands it in. */
  async function ownRecord(patient: Person) {
    return openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
  }

  /** Closes the share's dialog (by its Close button when it has one), once the element heard it close (a Share pressed sooner would be closed with it). */
  async function closeDialog(share: Nip82ConsentPrompt): Promise<void> {
    const dialog = dialogOf(share);
    const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
    const button = buttonByText(share, 'Close');
    if (button) button.click();
    else dialog.close();
    await closed;
    await share.updateComplete;
  }

  /** Opens Share, names `to`, reviews and confirms. */
  async function shareWith(share: Nip82ConsentPrompt, to: Person): Promise<void> {
    buttonByText(share, 'Share records…')!.click();
    await waitUntil(() => dialogOf(share).open, 'the share dialog did not open');
    await typeRecipient(share, to.pubkey);
    buttonByText(share, 'Review')!.click();
    await share.updateComplete;
    buttonByText(share, /^Share with /)!.click();
  }

  it('records handed in and shared after a key switched in the extension: the share goes out signed in as the next person, never on the last one’s sign-in', async () => {
    const [a, b, clinician] = [await person(), await person(), await person()];
    const ext = switchable(a.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    // The page reads records itself and hands them in: the prompt has no store, and sends through a client of its own.
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relay}><nip82-consent-prompt mode="share" .records=${[await ownRecord(a)]}></nip82-consent-prompt></nip82-session>`);
    await waitUntil(() => { const x = buttonByText(session, /browser extension/); return !!x && !x.disabled; }, 'the extension was not offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === a.pubkey, 'not signed in');
    const share = session.querySelector('nip82-consent-prompt') as Nip82ConsentPrompt;
    await share.updateComplete;
    await shareWith(share, clinician);
    await waitUntil(() => share.status === 'done', 'the first person’s share did not go out', { timeout: 20000 });
    expect(ext.signIns).to.deep.equal([a.pubkey]);
    await closeDialog(share);

    // Switched in the extension's own window; back on the page, Share asks who is in first: the
    // session names the next person, and nothing of the last one's opens.
    ext.use(b.signer);
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
    buttonByText(share, 'Share records…')!.click();
    await waitUntil(() => session.pubkey === b.pubkey, 'the new key was not noticed', { timeout: 20000 });
    expect(dialogOf(share).open, 'the last person’s share dialog').to.equal(false);

    // The page hands in the next person's record, and they share it.
    share.records = [await ownRecord(b)];
    await share.updateComplete;
    await shareWith(share, clinician);
    await waitUntil(() => share.status === 'done', 'the next person’s share did not go out', { timeout: 20000 });
    expect(ext.signIns, 'the keys that signed in at the relay').to.deep.equal([a.pubkey, b.pubkey]);
    const { signIns } = await relaySignIns('auth', b.pubkey);
    expect(signIns.filter((k) => k === b.pubkey), 'the next person’s sign-ins the relay saw').to.have.length(1);
  });
  it('an element with an extension signer of its own and records handed in: after the account is switched there, the next share signs in at the relay as the next person', async () => {
    const [a, b, clinician] = [await person(), await person(), await person()];
    const ext = switchable(a.signer);
    const share = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${relay} .signer=${nip07Signer({ provider: () => ext.provider })} .records=${[await ownRecord(a)]}></nip82-consent-prompt>`);
    await shareWith(share, clinician);
    await waitUntil(() => share.status === 'done', 'the first person’s share did not go out', { timeout: 20000 });
    expect(ext.signIns).to.deep.equal([a.pubkey]);
    await closeDialog(share);

    // Switched in the extension: the next share is signed by the other account and publishes nothing.
    ext.use(b.signer);
    await shareWith(share, clinician);
    await waitUntil(() => share.status === 'idle' && (share.shadowRoot!.textContent ?? '').includes('Your signer is now using another account.'), 'the last person’s share was not stopped', { timeout: 20000 });
    // The last person's dialog closed with it; the page takes their records away and hands in the next person's.
    expect(dialogOf(share).open, 'the last person’s share dialog').to.equal(false);

    share.records = [await ownRecord(b)];
    await share.updateComplete;
    await shareWith(share, clinician);
    await waitUntil(() => share.status === 'done', 'the next person’s share did not go out', { timeout: 20000 });
    expect(ext.signIns, 'the keys that signed in at the relay').to.deep.equal([a.pubkey, b.pubkey]);
  });
  /**
   * Events the page sends to `url` wait (at the socket) until `release`: a relay slow to answer.
   * `ended`: each event held was taken by the relay, or its connection is closed.
   */
  function holdEventsTo(url: string) {
    const send = WebSocket.prototype.send;
    const held: (() => void)[] = [];
    const ids = new Set<string>();
    const taken = new Set<string>();
    const sockets = new Set<WebSocket>();
    const watch = (socket: WebSocket) => {
      if (sockets.has(socket)) return;
      sockets.add(socket);
      socket.addEventListener('message', (message) => {
        const [type, id, ok] = JSON.parse(String(message.data)) as [string, string, boolean];
        if (type === 'OK' && ok) taken.add(id);
      });
    };
    WebSocket.prototype.send = function (this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
      if (!this.url.startsWith(url) || typeof data !== 'string' || !data.startsWith('["EVENT"')) return send.call(this, data);
      watch(this);
      ids.add((JSON.parse(data) as [string, { id: string }])[1].id);
      held.push(() => send.call(this, data));
    };
    const restore = () => { WebSocket.prototype.send = send; };
    return {
      held: () => held.length,
      restore,
      release: () => { restore(); for (const go of held.splice(0)) go(); },
      ended: () => [...sockets].every((socket) => socket.readyState === WebSocket.CLOSED) || [...ids].every((id) => taken.has(id)),
    };
  }

  it('a share of the last person still on its way when the session meets another account: it never signs in at the relay as the next person', async () => {
    const main = await relayUrl('main');
    const [a, b, clinician] = [await person(), await person(), await person()];
    // The record is at a relay open to all; the relay that asks who is there has none of it.
    const seeding = new RelayClient({ relays: [main] });
    try {
      await seeding.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(a.pubkey)}`), author: hospital.signer, participants: [{ pubkey: a.pubkey, role: 'editor' }] }));
    } finally {
      seeding.close();
    }
    const ext = switchable(a.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${`${main} ${relay}`}><nip82-consent-prompt mode="share"></nip82-consent-prompt></nip82-session>`);
    await waitUntil(() => { const x = buttonByText(session, /browser extension/); return !!x && !x.disabled; }, 'the extension was not offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === a.pubkey, 'not signed in');
    const share = session.querySelector('nip82-consent-prompt') as Nip82ConsentPrompt;
    await share.updateComplete;
    // The first person says no to signing in at that relay while loading: their share will ask again there.
    ext.refuseSignIns(true);
    buttonByText(share, 'Unlock my records')!.click();
    await waitUntil(() => buttonByText(share, 'Share records…'), 'the records were not loaded', { timeout: 20000 });
    ext.refuseSignIns(false);

    const socket = holdEventsTo(relay);
    try {
      await shareWith(share, clinician);
      await waitUntil(() => socket.held() > 0, 'the share did not reach the relay', { timeout: 20000 });
      // Meanwhile the account is switched, and an element's action meets the other account.
      ext.use(b.signer);
      let value: SessionValue | undefined;
      share.dispatchEvent(new ContextEvent(sessionContext, share, (v: SessionValue | undefined) => { value = v; }));
      value!.accountChanged!(value!.signer!);
      await waitUntil(() => session.pubkey === b.pubkey, 'the new key was not noticed', { timeout: 20000 });
      // The relay now answers the last person's share: it asks who is there.
      socket.release();
      await waitUntil(() => socket.ended(), 'the last person’s share did not end', { timeout: 20000 });
    } finally {
      socket.restore();
    }
    expect(ext.signIns, 'the keys that signed in at the relay').not.to.include(b.pubkey);
    const { signIns } = await relaySignIns('auth', b.pubkey);
    expect(signIns.filter((k) => k === b.pubkey), 'the next person’s sign-ins the relay saw').to.have.length(0);
  });
});
