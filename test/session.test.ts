import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import { LitElement } from 'lit';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import '../components/session/define.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import type { Nip82Event } from '../components/shared/events.js';
import type { Nip82Session } from '../components/session/session.js';
import { Nip82Element } from '../components/shared/base.js';
import { secretKeySigner } from '../components/core/signers/secret-key.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { counting, expectRelayFixWithinUpdate, litWarnings, person, relayLiveRequests, relayRequests, relayUrl, sampleBundle } from './helpers.js';
import { RelayClient } from '../components/core/relay/client.js';
import { runRemoteSigner } from './remote-signer.js';

/** A minimal kit element, to see what the session hands down. */
class ProbeElement extends Nip82Element {
  get seen() {
    return { signer: this.activeSigner, relays: this.activeRelays, store: this.currentStore, rejected: this.session?.rejectedRelays };
  }
  override render() {
    return this.renderLive('');
  }
}
customElements.define('test-probe', ProbeElement);

const shadowText = (el: LitElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const partText = (el: LitElement, part: string) => (el.shadowRoot!.querySelector(`[part="${part}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: LitElement, text: RegExp) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => text.test(b.textContent ?? '')) as HTMLButtonElement;

/** A remote signer's bunker:// address on the test relay. */
const bunkerAddress = (pubkey: string, relay: string, secret?: string) =>
  `bunker://${pubkey}?relay=${encodeURIComponent(relay)}${secret ? `&secret=${secret}` : ''}`;

/** Types `address` into the remote signer field (as a paste) and submits it. */
async function submitBunker(el: Nip82Session, address: string): Promise<void> {
  const field = el.shadowRoot!.querySelector('input[name="bunker"]') as HTMLInputElement;
  field.value = address;
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
  (el.shadowRoot!.querySelector('form') as HTMLFormElement).requestSubmit();
}

describe('<nip82-session>', () => {
  afterEach(() => {
    delete (window as { nostr?: unknown }).nostr;
  });

  it('without an extension explains how to get a signer, and is accessible', async () => {
    const warnings = await litWarnings(async () => {
      const el = await fixture<Nip82Session>(html`<nip82-session relays="ws://127.0.0.1:1"></nip82-session>`);
      await waitUntil(() => el.shadowRoot!.textContent!.includes('No signer was found'), 'explains', { timeout: 3000 });
      expect(button(el, /browser extension/).disabled).to.equal(true);
      expect(shadowText(el)).to.contain('remote signer');
      await expect(el).to.be.accessible();
    });
    expect(warnings).to.deep.equal([]);
  });

  it('offers an extension that arrives after the first look, and looks again when the user clicks', async () => {
    const key = secretKeySigner(generateSecretKey());
    const extension = counting<Nip07Provider>({ getPublicKey: () => key.getPublicKey(), signEvent: (t) => key.signEvent(t) });
    const el = await fixture<Nip82Session>(html`<nip82-session relays="ws://127.0.0.1:1"></nip82-session>`);
    await waitUntil(() => el.shadowRoot!.textContent!.includes('No signer was found'), 'the first look found none', { timeout: 5000 });
    (window as { nostr?: Nip07Provider }).nostr = extension;
    // The click is the user reaching for the card: it looks again there and then.
    el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(button(el, /browser extension/).disabled).to.equal(false);
    // The remote signer's section, open while there was no extension, stays open under the user.
    expect(el.shadowRoot!.querySelector('details')!.open).to.equal(true);
    expect(shadowText(el)).not.to.contain('No signer was found');
    expect(extension.calls).to.deep.equal({});

    // Without a click, the watch finds a late extension on its own.
    delete (window as { nostr?: unknown }).nostr;
    const other = await fixture<Nip82Session>(html`<nip82-session relays="ws://127.0.0.1:1"></nip82-session>`);
    await waitUntil(() => other.shadowRoot!.textContent!.includes('No signer was found'), 'the first look found none', { timeout: 5000 });
    (window as { nostr?: Nip07Provider }).nostr = extension;
    await waitUntil(() => !button(other, /browser extension/).disabled, 'the watch offers the late extension', { timeout: 5000 });
    expect(extension.calls).to.deep.equal({});
  });

  it('an injected signer signs in and reaches the elements inside with one store; sign-out closes and wipes it', async () => {
    const user = await person();
    const el = await fixture<Nip82Session>(html`<nip82-session relays="ws://127.0.0.1:1 ws://127.0.0.1:2" .signer=${user.signer}><test-probe></test-probe></nip82-session>`);
    await waitUntil(() => el.pubkey === user.pubkey, 'signed in', { timeout: 3000 });
    await el.updateComplete;
    expect(el.getAttribute('status')).to.equal('done');
    expect(shadowText(el)).to.contain('Signed in as npub1');
    const probe = el.querySelector('test-probe') as ProbeElement;
    await probe.updateComplete;
    expect(probe.seen.signer).to.equal(user.signer);
    expect(probe.seen.relays).to.deep.equal(['ws://127.0.0.1:1', 'ws://127.0.0.1:2']);
    const store = probe.seen.store!;
    expect(store.reader).to.equal(user.pubkey);
    store.keyCache.set('a'.repeat(64), new Uint8Array(32).fill(7));
    await expect(el).to.be.accessible();

    const changed = oneEvent(el, 'nip82-session-change');
    button(el, /Sign out/).click();
    expect((await changed).detail).to.deep.equal({});
    await el.updateComplete;
    expect(store.keyCache.size).to.equal(0);
    expect(store.isClosed).to.equal(true);
    expect(probe.seen.store).to.equal(undefined);
    expect(shadowText(el)).to.contain('Your records were closed');
    // Signed out stays signed out: the injected signer is not taken back on the next render.
    el.requestUpdate();
    await el.updateComplete;
    await probe.updateComplete;
    expect(el.pubkey).to.equal(undefined);
    expect(el.signer).to.equal(undefined);
    expect(el.getAttribute('status')).to.equal('idle');
    expect(probe.seen.signer).to.equal(undefined);
    expect(shadowText(el)).not.to.contain('Signed in as');

    // The host signs someone in again by injecting a signer.
    const next = await person();
    el.signer = next.signer;
    await waitUntil(() => el.pubkey === next.pubkey, 'signed in again', { timeout: 3000 });
    await probe.updateComplete;
    expect(probe.seen.signer).to.equal(next.signer);
  });

  it('moved elsewhere on the page, keeps handing its elements the same working store; removed for good, closes it', async () => {
    const user = await person();
    const el = await fixture<Nip82Session>(html`<nip82-session relays="ws://127.0.0.1:1" .signer=${user.signer}><test-probe></test-probe></nip82-session>`);
    await waitUntil(() => el.pubkey === user.pubkey, 'signed in', { timeout: 3000 });
    const probe = el.querySelector('test-probe') as ProbeElement;
    await probe.updateComplete;
    const first = probe.seen.store!;
    // A host's layout moves the session (and what it holds) into another container.
    const elsewhere = document.createElement('div');
    el.parentElement!.append(elsewhere);
    elsewhere.append(el);
    await el.updateComplete;
    await probe.updateComplete;
    // A move is not a leave: the records it holds stay open (the signer is not asked again).
    expect(first.isClosed).to.equal(false, 'the move closed the store');
    expect(probe.seen.store).to.equal(first);
    expect(first.reader).to.equal(user.pubkey);
    expect(shadowText(el)).to.contain('Signed in as');
    el.remove();
    await waitUntil(() => first.isClosed, 'removed for good, the store never closed and wiped its keys');
  });

  it('signs in with an extension on a click, after a cancelable request', async () => {
    const sk = generateSecretKey();
    const key = secretKeySigner(sk);
    const extension = counting<Nip07Provider>({ getPublicKey: () => key.getPublicKey(), signEvent: (t) => key.signEvent(t) });
    (window as { nostr?: Nip07Provider }).nostr = extension;
    const el = await fixture<Nip82Session>(html`<nip82-session></nip82-session>`);
    await waitUntil(() => !button(el, /browser extension/).disabled, 'extension found', { timeout: 3000 });
    expect(extension.calls).to.deep.equal({});

    el.addEventListener('nip82-signer-request', (e) => e.preventDefault(), { once: true });
    button(el, /browser extension/).click();
    await el.updateComplete;
    // Cancelled: the session says so and the extension was never called.
    expect(el.status).to.equal('cancelled');
    expect(extension.calls).to.deep.equal({});
    expect(el.pubkey).to.equal(undefined);

    const request = oneEvent(el, 'nip82-signer-request');
    button(el, /browser extension/).click();
    expect((await request).detail).to.deep.equal({ action: 'connect', source: 'nip82-session' });
    const change = await oneEvent(el, 'nip82-session-change');
    expect(change.detail).to.deep.equal({ pubkey: getPublicKey(sk), signer: 'extension' });
    expect(extension.calls).to.deep.equal({ getPublicKey: 1 });
  });

  it('asks a host-injected signer only after a cancelable request, and not at all when it is cancelled', async () => {
    const user = await person();
    const signer = counting(user.signer);
    const requests: Event[] = [];
    const cancel = (e: Event) => { requests.push(e); e.preventDefault(); };
    document.addEventListener('nip82-signer-request', cancel);
    let el: Nip82Session;
    try {
      el = await fixture<Nip82Session>(html`<nip82-session .signer=${signer}></nip82-session>`);
      await el.updateComplete;
    } finally {
      document.removeEventListener('nip82-signer-request', cancel);
    }
    expect(requests).to.have.length(1);
    expect(el.status).to.equal('cancelled');
    expect(signer.calls).to.deep.equal({});
    // Not asked again on the next render.
    el.requestUpdate();
    await el.updateComplete;
    expect(signer.calls).to.deep.equal({});

    // Handed in again with the request allowed: asked once, after the request.
    const order: string[] = [];
    el.addEventListener('nip82-signer-request', () => order.push('request'), { once: true });
    const next = await person();
    el.signer = { ...next.signer, getPublicKey: () => { order.push('getPublicKey'); return next.signer.getPublicKey(); } };
    await waitUntil(() => el.pubkey === next.pubkey, 'signed in', { timeout: 3000 });
    expect(order).to.deep.equal(['request', 'getPublicKey']);
  });

  it('refuses an nsec pasted as a remote signer address without echoing it', async () => {
    const el = await fixture<Nip82Session>(html`<nip82-session></nip82-session>`);
    const nsec = 'nsec1vl029mgpspedva04g90vltkh6fvh240zqtv9k0t9af8935ke9laqsnlfe5';
    await submitBunker(el, nsec);
    const input = el.shadowRoot!.querySelector('input[name="bunker"]') as HTMLInputElement;
    await el.updateComplete;
    expect(input.value).to.equal('');
    expect(shadowText(el)).to.contain('Never share it');
    expect(el.shadowRoot!.innerHTML).not.to.contain(nsec);
    expect(el.outerHTML).not.to.contain(nsec);
  });

  it('connects a remote signer by bunker:// over a real relay', async () => {
    const relay = await relayUrl('main');
    const userKey = generateSecretKey();
    const bunker = runRemoteSigner(relay, generateSecretKey(), userKey);
    await bunker.ready;
    try {
      const el = await fixture<Nip82Session>(html`<nip82-session relays=${relay}></nip82-session>`);
      const change = oneEvent(el, 'nip82-session-change');
      await submitBunker(el, bunkerAddress(bunker.pubkey, relay));
      expect((await change).detail).to.deep.equal({ pubkey: getPublicKey(userKey), signer: 'remote' });
      await el.updateComplete;
      expect(shadowText(el)).to.contain('your remote signer');
      await el.signOut();
    } finally {
      bunker.close();
    }
  });

  it('closes a remote signer that connected but refused to say who the user is', async () => {
    const relay = await relayUrl('main');
    const bunker = runRemoteSigner(relay, generateSecretKey(), generateSecretKey(), { refuse: ['get_public_key'] });
    await bunker.ready;
    // The session's subscription to the remote signer's answers names it as author.
    const fromSession = async () => (await relayLiveRequests('main', bunker.pubkey)).filter((filters) => filters.some((f) => Array.isArray(f.authors) && f.authors.includes(bunker.pubkey)));
    try {
      const el = await fixture<Nip82Session>(html`<nip82-session relays=${relay}></nip82-session>`);
      const failed = oneEvent(el, 'nip82-error');
      await submitBunker(el, bunkerAddress(bunker.pubkey, relay));
      await failed;
      expect(el.pubkey).to.equal(undefined);
      expect(el.status).not.to.equal('done');
      await waitUntil(async () => (await fromSession()).length === 0, 'the subscription to the remote signer stayed open', { timeout: 5000 });
    } finally {
      bunker.close();
    }
  });

  it('contacts no remote signer, by bunker:// or by code, when the host cancels the request', async () => {
    const relay = await relayUrl('main');
    const bunker = runRemoteSigner(relay, generateSecretKey(), generateSecretKey());
    try {
      const el = await fixture<Nip82Session>(html`<nip82-session relays=${relay}></nip82-session>`);
      el.addEventListener('nip82-signer-request', (e) => e.preventDefault());
      await submitBunker(el, bunkerAddress(bunker.pubkey, relay));
      await el.updateComplete;
      expect(el.status).to.equal('cancelled');
      el.shadowRoot!.querySelector('details')!.open = true;
      button(el, /code for my signer/).click();
      await el.updateComplete;
      expect(el.status).to.equal('cancelled');
      expect(el.shadowRoot!.querySelector('svg[part="qr"]')).to.equal(null);
      // A round trip of our own to the relay, then: the session never subscribed to the remote signer's
      // answers (the remote signer's own subscription names it by #p; the session's would by author).
      const own = new RelayClient({ relays: [relay] });
      try {
        await own.query({ kinds: [1], limit: 1 });
      } finally {
        own.close();
      }
      const fromSession = (await relayRequests('main', bunker.pubkey)).filter((filters) => filters.some((f) => Array.isArray(f.authors) && f.authors.includes(bunker.pubkey)));
      expect(fromSession).to.deep.equal([]);
    } finally {
      bunker.close();
    }
  });

  it('shows a nostrconnect:// code as a QR and as text, and cancels calmly', async () => {
    const el = await fixture<Nip82Session>(html`<nip82-session relays=${await relayUrl('main')}></nip82-session>`);
    el.shadowRoot!.querySelector('details')!.open = true;
    button(el, /code for my signer/).click();
    // The remote signer and the QR code are fetched the first time they are chosen.
    await waitUntil(() => el.shadowRoot!.querySelector('svg[part="qr"]'), 'no QR code', { timeout: 5000 });
    const qr = el.shadowRoot!.querySelector('svg[part="qr"]')!;
    expect(qr.querySelector('path')!.getAttribute('d')!.length).to.be.greaterThan(100);
    expect(shadowText(el)).to.match(/nostrconnect:\/\/[0-9a-f]{64}/);
    expect(el.getAttribute('status')).to.equal('waiting-signer');
    await expect(el).to.be.accessible();
    button(el, /Cancel/).click();
    await waitUntil(() => el.getAttribute('status') === 'bad-data' || el.getAttribute('status') === 'idle', 'cancelled', { timeout: 3000 });
    expect(el.shadowRoot!.querySelector('svg[part="qr"]')).to.equal(null);
  });

  it('gives the shown code up at sign-out: the last user approving it late does not sign them back in', async () => {
    const relay = await relayUrl('main');
    const userKey = generateSecretKey();
    const phone = runRemoteSigner(relay, generateSecretKey(), userKey);
    await phone.ready;
    try {
      const el = await fixture<Nip82Session>(html`<nip82-session relays=${relay}></nip82-session>`);
      el.shadowRoot!.querySelector('details')!.open = true;
      button(el, /code for my signer/).click();
      await waitUntil(() => el.shadowRoot!.querySelector('.uri code'), 'no code shown', { timeout: 5000 });
      const uri = el.shadowRoot!.querySelector('.uri code')!.textContent!;
      const client = new URL(uri).hostname;
      await waitUntil(async () => (await relayLiveRequests('main', client)).length > 0, 'the session never waited for the code');
      await el.signOut();
      // The last user's phone approves the code late.
      await phone.connectTo(uri);
      // Given up, nothing listens for an answer to that code any more (the session's subscriptions
      // name the code's client key), so none can sign anyone in; kept, the answer signs them in.
      await waitUntil(async () => el.pubkey !== undefined || (await relayLiveRequests('main', client)).length === 0, 'neither signed in nor given up');
      expect(el.pubkey).to.equal(undefined);
      expect(el.status).not.to.equal('done');
      expect(phone.asked).to.deep.equal([]);
      await el.updateComplete;
      // (A node's presence as a boolean: a failing assertion on the node itself stalls the test runner.)
      expect(el.shadowRoot!.querySelector('svg[part="qr"]') !== null, 'the code stayed on screen after sign-out').to.equal(false);
    } finally {
      phone.close();
    }
  });

  it('forgets the bunker:// address once used and at sign-out, and a bunker connect can be cancelled', async () => {
    const relay = await relayUrl('main');
    const bunker = runRemoteSigner(relay, generateSecretKey(), generateSecretKey());
    const slow = runRemoteSigner(relay, generateSecretKey(), generateSecretKey(), { hold: ['connect'] });
    await Promise.all([bunker.ready, slow.ready]);
    const fromSession = async (pubkey: string) => (await relayLiveRequests('main', pubkey)).filter((filters) => filters.some((f) => Array.isArray(f.authors) && f.authors.includes(pubkey)));
    try {
      const el = await fixture<Nip82Session>(html`<nip82-session relays=${relay}></nip82-session>`);
      const field = () => el.shadowRoot!.querySelector('input[name="bunker"]') as HTMLInputElement;
      const change = oneEvent(el, 'nip82-session-change');
      await submitBunker(el, bunkerAddress(bunker.pubkey, relay, 'one-use-secret'));
      await change;
      await el.signOut();
      await el.updateComplete;
      // The next person at this computer finds no address, and no secret, of the last one.
      expect(field().value).to.equal('');
      expect(el.shadowRoot!.innerHTML).not.to.contain('one-use-secret');

      await submitBunker(el, bunkerAddress(slow.pubkey, relay));
      await waitUntil(() => slow.asked.includes('connect'), 'the remote signer was never asked to connect');
      await el.updateComplete;
      // Kept, unchangeable, while the connect waits: it is emptied once the sign-in succeeded.
      expect(field().value).to.equal(bunkerAddress(slow.pubkey, relay));
      expect(field().readOnly).to.equal(true);
      button(el, /Cancel/).click();
      await waitUntil(async () => (await fromSession(slow.pubkey)).length === 0, 'the cancelled connect stayed open');
      await slow.release();
      expect(el.status).to.equal('idle');
      expect(el.pubkey).to.equal(undefined);
    } finally {
      bunker.close();
      slow.close();
    }
  });

  it('keeps a keyboard user, and the address to correct, through a cancelled and a failed bunker connect; the address goes at the sign-in', async () => {
    const relay = await relayUrl('main');
    const slow = runRemoteSigner(relay, generateSecretKey(), generateSecretKey(), { hold: ['connect'] });
    const refusing = runRemoteSigner(relay, generateSecretKey(), generateSecretKey(), { refuse: ['connect'] });
    const userKey = generateSecretKey();
    const bunker = runRemoteSigner(relay, generateSecretKey(), userKey);
    await Promise.all([slow.ready, refusing.ready, bunker.ready]);
    try {
      const el = await fixture<Nip82Session>(html`<nip82-session relays=${relay}></nip82-session>`);
      el.shadowRoot!.querySelector('details')!.open = true;
      const field = () => el.shadowRoot!.querySelector('input[name="bunker"]') as HTMLInputElement;
      const focused = () => el.shadowRoot!.activeElement;
      const notOnBody = (step: string) => expect(document.activeElement, `focus dropped to the page ${step}`).not.to.equal(document.body);
      /** Types the address (as a paste) and presses Enter in the field. */
      const submit = async (value: string) => {
        field().focus();
        field().value = value;
        field().dispatchEvent(new Event('input'));
        await el.updateComplete;
        await sendKeys({ press: 'Enter' });
      };

      // Submitted: the user is taken to Cancel, the address stays in view.
      await submit(bunkerAddress(slow.pubkey, relay, 'held'));
      await waitUntil(() => /Cancel/.test(focused()?.textContent ?? ''), 'focus never reached Cancel');
      notOnBody('on submit');
      expect(field().value).to.equal(bunkerAddress(slow.pubkey, relay, 'held'));
      await waitUntil(() => slow.asked.includes('connect'), 'the remote signer was never asked to connect');
      notOnBody('while waiting');

      // Cancel, by keyboard: back in the field, the address kept.
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused() === field(), 'focus did not return to the field after Cancel');
      notOnBody('after Cancel');
      expect(el.status).to.equal('idle');
      expect(field().value).to.equal(bunkerAddress(slow.pubkey, relay, 'held'));
      expect(field().readOnly).to.equal(false);

      // A signer that says no: the address stays to correct, the user in the field, but not its
      // one-time secret, which the next person at this screen must not find ready to use.
      const failed = oneEvent(el, 'nip82-error');
      await submit(`${bunkerAddress(refusing.pubkey, relay, 'typo')}&secret=typo2`);
      await failed;
      await waitUntil(() => focused() === field(), 'focus did not return to the field after the failure');
      notOnBody('after the failure');
      expect(field().value).to.equal(bunkerAddress(refusing.pubkey, relay));
      expect(el.shadowRoot!.innerHTML).not.to.contain('typo');
      expect(el.shadowRoot!.querySelector('#bunker-help')!.textContent).to.match(/^For your safety, the one-time secret was taken out of the address/);
      // Typing again is a new address: the note goes.
      field().value = bunkerAddress(refusing.pubkey, relay, 'again');
      field().dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#bunker-help')!.textContent).to.match(/^Your remote signer app shows this address/);

      // Signed in: the address, its secret with it, is gone; the user is on the signed-in bar.
      const change = oneEvent(el, 'nip82-session-change');
      await submit(bunkerAddress(bunker.pubkey, relay, 'one-use-secret'));
      expect((await change).detail).to.deep.equal({ pubkey: getPublicKey(userKey), signer: 'remote' });
      await waitUntil(() => /Sign out/.test(focused()?.textContent ?? ''), 'focus did not reach the signed-in bar');
      notOnBody('after the sign-in');
      expect(el.shadowRoot!.innerHTML).not.to.contain('one-use-secret');
      // (Not shown while signed in: what the field would hold is read directly.)
      expect((el as unknown as { bunkerInput: string }).bunkerInput).to.equal('');
      // Signed out by keyboard: the user lands on the way to sign in again, not on the page.
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !el.pubkey, 'signed out');
      await waitUntil(() => focused()?.localName === 'summary', 'focus did not reach the sign-in controls after signing out');
      notOnBody('after signing out');
      expect(field().value).to.equal('');
    } finally {
      slow.close();
      refusing.close();
      bunker.close();
    }
  });

  it('a bunker connect still waiting when the user signs in with the extension is given up, not switched to', async () => {
    const relay = await relayUrl('main');
    const slow = runRemoteSigner(relay, generateSecretKey(), generateSecretKey(), { hold: ['connect'] });
    await slow.ready;
    const key = secretKeySigner(generateSecretKey());
    (window as { nostr?: Nip07Provider }).nostr = { getPublicKey: () => key.getPublicKey(), signEvent: (t) => key.signEvent(t) };
    const fromSession = async () => (await relayLiveRequests('main', slow.pubkey)).filter((filters) => filters.some((f) => Array.isArray(f.authors) && f.authors.includes(slow.pubkey)));
    try {
      const el = await fixture<Nip82Session>(html`<nip82-session relays=${relay}></nip82-session>`);
      await waitUntil(() => !button(el, /browser extension/).disabled, 'extension found');
      await submitBunker(el, bunkerAddress(slow.pubkey, relay));
      await waitUntil(() => slow.asked.includes('connect'), 'the remote signer was never asked to connect');
      const change = oneEvent(el, 'nip82-session-change');
      button(el, /browser extension/).click();
      expect((await change).detail).to.deep.equal({ pubkey: await key.getPublicKey(), signer: 'extension' });
      await waitUntil(async () => (await fromSession()).length === 0, 'the bunker connect stayed open after another sign-in');
      await slow.release();
      expect(el.pubkey).to.equal(await key.getPublicKey());
      expect(slow.asked).not.to.include('get_public_key');
    } finally {
      slow.close();
    }
  });

  it('shows the page a remote signer asks the user to open, as a link, while a call waits for it', async () => {
    const relay = await relayUrl('main');
    const userKey = generateSecretKey();
    const authUrl = 'https://signer.example/approve?request=7';
    const bunker = runRemoteSigner(relay, generateSecretKey(), userKey, { hold: ['connect', 'sign_event'], authUrl });
    await bunker.ready;
    const link = () => el.shadowRoot!.querySelector(`a[href="${authUrl}"]`) as HTMLAnchorElement | null;
    let el!: Nip82Session;
    try {
      el = await fixture<Nip82Session>(html`<nip82-session relays=${relay}><test-probe></test-probe></nip82-session>`);
      await submitBunker(el, bunkerAddress(bunker.pubkey, relay));
      await waitUntil(link, 'the page the remote signer asked for was not shown');
      const a = link()!;
      expect(a.checkVisibility()).to.equal(true);
      expect(a.rel).to.equal('noopener noreferrer');
      expect(a.target).to.equal('_blank');
      expect(shadowText(el)).to.contain('signer.example');
      // The call now waits for the user there, and the user is told how long, in plain words.
      expect(partText(el, 'auth')).to.contain('This page waits up to 5 minutes for you to finish there.');
      expect(partText(el, 'auth')).not.to.match(/auth_url|NIP-46|timeout/i);
      await expect(el).to.be.accessible();

      // Approved there: the connect goes on, and the link goes once nothing waits for it.
      await bunker.release();
      await waitUntil(() => el.pubkey === getPublicKey(userKey), 'not signed in after the approval');
      await waitUntil(() => !link(), 'the link stayed after the approval');

      // A later call the signer also wants approved on its page.
      const probe = el.querySelector('test-probe') as ProbeElement;
      await waitUntil(() => probe.seen.signer, 'the elements never got the signer');
      const signed = probe.seen.signer!.signEvent({ kind: 1, content: '', tags: [], created_at: Math.floor(Date.now() / 1000) });
      await waitUntil(link, 'the page asked for during a later call was not shown');
      await bunker.release();
      expect((await signed).pubkey).to.equal(getPublicKey(userKey));
      await waitUntil(() => !link(), 'the link stayed after the call');
      await el.signOut();
    } finally {
      bunker.close();
    }
  });

  it('in Spanish, says how long it waits while the user is on the remote signer\'s page; Cancel stops the wait at once', async () => {
    const relay = await relayUrl('main');
    const authUrl = 'https://signer.example/approve?request=8';
    const bunker = runRemoteSigner(relay, generateSecretKey(), generateSecretKey(), { hold: ['connect'], authUrl });
    await bunker.ready;
    const fromSession = async () => (await relayLiveRequests('main', bunker.pubkey)).filter((filters) => filters.some((f) => Array.isArray(f.authors) && f.authors.includes(bunker.pubkey)));
    try {
      const page = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-session relays=${relay}></nip82-session></div>`);
      const el = page.querySelector('nip82-session')!;
      await waitUntil(() => shadowText(el).includes('Inicie sesión'), 'the Spanish pack never loaded');
      await submitBunker(el, bunkerAddress(bunker.pubkey, relay));
      await waitUntil(() => el.shadowRoot!.querySelector(`a[href="${authUrl}"]`), 'the page the remote signer asked for was not shown');
      expect(partText(el, 'auth')).to.contain('Esta página espera hasta 5 minutos a que termine allí.');
      expect(partText(el, 'auth')).not.to.match(/auth_url|NIP-46/i);
      button(el, /Cancelar/).click();
      await el.updateComplete;
      expect(partText(el, 'auth')).to.equal('');
      expect(el.status).to.equal('idle');
      await waitUntil(async () => (await fromSession()).length === 0, 'the connect stayed open after Cancel');
    } finally {
      bunker.close();
    }
  });

  it('does not link a page the remote signer names by anything but https, nor waits longer for it', async () => {
    const relay = await relayUrl('main');
    const bunker = runRemoteSigner(relay, generateSecretKey(), generateSecretKey(), { hold: ['connect'], authUrl: 'javascript:alert(1)' });
    await bunker.ready;
    try {
      const el = await fixture<Nip82Session>(html`<nip82-session relays=${relay}></nip82-session>`);
      await submitBunker(el, bunkerAddress(bunker.pubkey, relay));
      await waitUntil(() => shadowText(el).includes('not a secure'), 'the refused page was not mentioned');
      expect(el.shadowRoot!.querySelector('a') !== null, 'a link to the refused page').to.equal(false);
      expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
      // No page offered, nothing to finish there: no wait is promised, and the remote signer is told
      // the page was declined, so the connect keeps its own deadline.
      expect(partText(el, 'auth')).to.equal('Your remote signer asked you to open a page whose address is not a secure (https) one, so it is not shown. Check your signer app instead.');
      // The remote sign-in's part (remote-sign-in.ts) answers for the session.
      const session = el as unknown as { attempt: AbortController; remote: { authPageFor: (a: AbortSignal, r: () => undefined) => (url: string, waitMs?: number) => boolean } };
      expect(session.remote.authPageFor(session.attempt.signal, () => undefined)('javascript:alert(1)', 300_000), 'the refused page declined').to.equal(false);
      await el.updateComplete;
      expect(partText(el, 'auth')).not.to.contain('waits');
      button(el, /Cancel/).click();
    } finally {
      bunker.close();
    }
  });

  it('speaks Spanish under lang="es", and shows an overridden string', async () => {
    const es = await fixture<Nip82Session>(html`<div lang="es"><nip82-session></nip82-session></div>`);
    const session = es.querySelector('nip82-session')!;
    await session.updateComplete;
    expect(shadowText(session)).to.contain('Inicie sesión');
    const custom = await fixture<Nip82Session>(html`<nip82-session .strings=${{ signIn: 'Log in to your health wallet' }}></nip82-session>`);
    expect(shadowText(custom)).to.contain('Log in to your health wallet');
  });

  describe('a relays list with entries that are no relay addresses', () => {
    type Reported = Nip82Event<'nip82-error'>['detail'];
    const unlockButton = (viewer: Nip82RecordViewer) =>
      [...viewer.shadowRoot!.querySelectorAll('button')].find((b) => /Unlock my records/.test(b.textContent ?? '')) as HTMLButtonElement | undefined;

    it('uses the good addresses, drops only the bad one, and tells the developer once per list', async () => {
      const relay = await relayUrl('main');
      const patient = await person();
      const reader = await person();
      const client = new RelayClient({ relays: [relay] });
      try {
        await client.publishAll(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] }));
      } finally {
        client.close();
      }
      const reported: Reported[] = [];
      const report = (e: Nip82Event<'nip82-error'>) => reported.push(e.detail);
      let el!: Nip82Session;
      const warnings = await litWarnings(async () => {
        el = await fixture<Nip82Session>(html`<nip82-session relays=${`${relay} relay.example.com`} .signer=${reader.signer} @nip82-error=${report}>
          <nip82-record-viewer></nip82-record-viewer>
        </nip82-session>`);
        await waitUntil(() => el.pubkey === reader.pubkey, 'signed in', { timeout: 3000 });
        const viewer = el.querySelector('nip82-record-viewer') as Nip82RecordViewer;
        await waitUntil(() => unlockButton(viewer), 'no unlock button', { timeout: 5000 });
        unlockButton(viewer)!.click();
        await waitUntil(() => viewer.status === 'done' && viewer.shadowRoot!.textContent!.includes('Penicillin'), 'the record was not unlocked through the good relay', { timeout: 15000 });
        // Read again and again: still one report for the one list.
        for (let i = 0; i < 3; i++) {
          el.requestUpdate();
          await el.updateComplete;
        }
      });
      expect(reported.map((r) => r.code)).to.deep.equal(['invalid-url']);
      expect(reported[0]!.message).to.contain('relay.example.com');
      expect(reported[0]!.message).not.to.contain(relay);
      expect(warnings.filter((w) => w.includes('relay.example.com'))).to.have.length(1);
      expect(shadowText(el)).not.to.contain('settings are wrong');

      // Another list is another report, naming its own bad entry.
      await litWarnings(async () => {
        el.relays = `${relay} https://relay.example.org`;
        await el.updateComplete;
      });
      expect(reported.map((r) => r.code)).to.deep.equal(['invalid-url', 'invalid-url']);
      expect(reported[1]!.message).to.contain('https://relay.example.org');
    });

    it('a handler that fixes the relays when told changes them within the update, and alternating lists are each reported once', async () => {
      await expectRelayFixWithinUpdate(
        (bad, onError) => fixture<Nip82Session>(html`<nip82-session relays=${bad} @nip82-error=${onError}><test-probe></test-probe></nip82-session>`),
        async (el, good) => {
          const probe = el.querySelector('test-probe') as ProbeElement;
          await probe.updateComplete;
          // The elements are handed the fixed list, not the one reported.
          expect(probe.seen.relays).to.deep.equal([good]);
          expect(probe.seen.rejected).to.deep.equal([]);
        },
      );
    });

    it('with no usable address left, says in plain words that the page is set up wrong (invalid-url, not no-relays)', async () => {
      const reader = await person();
      const codes: string[] = [];
      let el!: Nip82Session;
      let viewer!: Nip82RecordViewer;
      await litWarnings(async () => {
        el = await fixture<Nip82Session>(html`<nip82-session relays="https://127.0.0.1:7448" .signer=${reader.signer} @nip82-error=${(e: Nip82Event<'nip82-error'>) => codes.push(e.detail.code)}>
          <nip82-record-viewer></nip82-record-viewer>
        </nip82-session>`);
        await waitUntil(() => el.pubkey === reader.pubkey, 'signed in', { timeout: 3000 });
        await el.updateComplete;
        viewer = el.querySelector('nip82-record-viewer') as Nip82RecordViewer;
        await waitUntil(() => unlockButton(viewer), 'no unlock button', { timeout: 5000 });
        unlockButton(viewer)!.click();
        await waitUntil(() => viewer.status === 'relay-error', 'no relay error', { timeout: 5000 });
        await viewer.updateComplete;
      });
      expect(shadowText(el)).to.contain("This page's storage server settings are wrong; please tell the site's team.");
      const said = viewer.shadowRoot!.querySelector('[part="status"]')!.textContent!.replace(/\s+/g, ' ');
      expect(said).to.contain("This page's storage server settings are wrong; please tell the site's team.");
      expect(said).not.to.contain('relay');
      // The session's report of the list, then the viewer's failed unlock: neither says no relays were given.
      expect(codes).to.deep.equal(['invalid-url', 'invalid-url']);
      await expect(el).to.be.accessible();
    });
  });
});
