/**
 * A shared computer (a clinic's front desk, a family PC): the patient has the portal open in two
 * tabs, signs out in one and walks away. The other tab must not keep their records for the next
 * person to read, save or print. Here two sessions on one page stand for the two tabs: the
 * platform's channel between them is the same one that joins tabs of one site.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, relayUrl, sampleBundle, type Person } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, $$, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';

const SIGNED_OUT_THERE = 'Signed out in another tab or window of this site. Your records here were closed too, and this page keeps nothing of yours.';
const SIGNED_OUT_THERE_ES = 'Se cerró la sesión en otra pestaña o ventana de este sitio. Sus historiales de aquí también se cerraron y esta página no guarda nada suyo.';
const ACCOUNT_CHANGED_THERE = 'Your signer is now using another account (noticed in another tab or window of this site). The records here were closed; sign in to see yours.';
const status = (session: Nip82Session) => text($(session, '[part=status]'));
const records = (viewer: Nip82RecordViewer) => $$(viewer, 'article[part=record]').length;

/**
 * What the sessions tell each other, as any page of the site could hear it. Opened after the
 * sessions, it hears each message after they do (the platform delivers in the order the
 * channels were made), so once it heard, a session that was going to act on it has.
 */
function overhear() {
  const heard: unknown[] = [];
  const channel = new BroadcastChannel('nip82-session');
  channel.onmessage = (event) => heard.push(event.data);
  return { heard, close: () => channel.close() };
}

describe('a sign-out in one tab, on a shared computer', function () {
  this.timeout(120000);
  let relays: string[];
  let hospital: Person;
  let listener: ReturnType<typeof overhear> | undefined;

  before(async () => {
    relays = [await relayUrl('main')];
    hospital = await person();
  });

  afterEach(() => {
    listener?.close();
    listener = undefined;
    delete (window as { nostr?: unknown }).nostr;
  });

  /** The hospital's record of `patient`. */
  async function seed(patient: string): Promise<void> {
    const client = new RelayClient({ relays });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient)}`), author: hospital.signer, participants: [{ pubkey: patient, role: 'editor' }] }));
    } finally {
      client.close();
    }
  }

  /** Signs `session` in through the extension, as a person would, and unlocks the records in `viewer`. */
  async function signInAndUnlock(session: Nip82Session, viewer: Nip82RecordViewer, pubkey: string): Promise<void> {
    const useExtension = () => buttonByText(session, /browser extension|extensión del navegador/);
    await waitUntil(() => useExtension()?.disabled === false, 'the extension was never offered');
    useExtension()!.click();
    await waitUntil(() => session.pubkey === pubkey, 'not signed in');
    await viewer.updateComplete;
    buttonByText(viewer, /^(Unlock my records|Desbloquear mis historiales)$/)!.click();
    await waitUntil(() => records(viewer) === 1, 'the records never showed', { timeout: 30000 });
  }

  /**
   * The patient's portal in two tabs, A (with a share dialog) and B. B is signed in and shows the
   * records unless `signedIn` is false; `lang` is B's page language, `alone` its opt-out.
   */
  async function twoTabs(b: { lang?: string; alone?: boolean; signedIn?: boolean } = {}) {
    const [patient, other] = [await person(), await person()];
    await seed(patient.pubkey);
    const ext = fakeExtension(patient.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const page = await fixture<HTMLDivElement>(html`<div>
      <nip82-session id="a" relays=${relays.join(' ')}>
        <nip82-record-viewer></nip82-record-viewer>
        <nip82-consent-prompt mode="share"></nip82-consent-prompt>
      </nip82-session>
      <div lang=${b.lang ?? 'en'}>
        <nip82-session id="b" relays=${relays.join(' ')} ?no-shared-sign-out=${b.alone ?? false}>
          <nip82-record-viewer></nip82-record-viewer>
        </nip82-session>
      </div>
    </div>`);
    const [tabA, tabB] = [...page.querySelectorAll<Nip82Session>('nip82-session')] as [Nip82Session, Nip82Session];
    const [viewerA, viewerB] = [tabA, tabB].map((s) => s.querySelector<Nip82RecordViewer>('nip82-record-viewer')!) as [Nip82RecordViewer, Nip82RecordViewer];
    const share = tabA.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    await signInAndUnlock(tabA, viewerA, patient.pubkey);
    if (b.signedIn !== false) await signInAndUnlock(tabB, viewerB, patient.pubkey);
    listener = overhear();
    return { patient, other, ext, tabA, tabB, viewerA, viewerB, share, listener };
  }

  /** B closed as a sign-out does: nobody in, no records, the way to sign in offered, and nothing of the patient on screen. */
  async function closedLikeASignOut(tabB: Nip82Session, viewerB: Nip82RecordViewer, patient: Person): Promise<void> {
    await waitUntil(() => tabB.pubkey === undefined, 'B stayed signed in');
    await Promise.all([tabB.updateComplete, viewerB.updateComplete]);
    await waitUntil(() => records(viewerB) === 0, 'B still shows the records');
    expect(tabB.getAttribute('status')).to.equal('idle');
    expect(text(tabB.shadowRoot)).not.to.contain(shortNpub(patient.pubkey));
    expect(text(viewerB.shadowRoot)).not.to.contain('Penicillin');
    expect(buttonByText(tabB, /browser extension|extensión del navegador/), 'the way to sign in').to.not.equal(undefined);
  }

  it('signing out in A closes the records in B, and B says why; the message names no one', async () => {
    const { patient, tabA, tabB, viewerB, listener } = await twoTabs();
    let told = 0;
    tabB.addEventListener('nip82-session-change', (e) => { if (!(e as CustomEvent).detail.pubkey) told++; });
    buttonByText(tabA, 'Sign out')!.click();
    await closedLikeASignOut(tabB, viewerB, patient);
    expect(status(tabB)).to.contain(SIGNED_OUT_THERE);
    // The user signed in through the extension: the page cannot lock it, and says so here too.
    expect(status(tabB)).to.contain('Your signer extension may still be unlocked in this browser');
    expect(told, 'the host of B told of the sign-out').to.equal(1);
    // What went out: what happened, and nothing of who (A told once; B, told, told no one).
    await waitUntil(() => listener.heard.length > 0, 'nothing was told');
    expect(listener.heard).to.deep.equal([{ nip82Session: 'signed-out' }]);
    // B's records stay closed: unlocking again asks for a sign-in.
    buttonByText(viewerB, 'Unlock my records')!.click();
    await waitUntil(() => viewerB.status === 'no-signer', 'B\'s viewer did not stop');
  });

  it('a keyboard user in B\'s search box as A signs out lands on B\'s way to unlock, not the page\'s body', async () => {
    const { patient, tabA, tabB, viewerB } = await twoTabs();
    $<HTMLInputElement>(viewerB, 'input#search')!.focus();
    expect(viewerB.shadowRoot!.activeElement?.id).to.equal('search');
    buttonByText(tabA, 'Sign out')!.click();
    await closedLikeASignOut(tabB, viewerB, patient);
    await viewerB.updateComplete;
    expect(document.activeElement?.localName).to.equal('nip82-record-viewer');
    expect(viewerB.shadowRoot!.activeElement?.className).to.equal('primary unlock');
  });

  it('B taken off the page (a hidden route) as A signs out: put back, B holds nothing of the patient and says why', async () => {
    const { patient, tabA, tabB, viewerB, listener } = await twoTabs();
    const place = tabB.parentElement!;
    tabB.remove();
    buttonByText(tabA, 'Sign out')!.click();
    // The listener hears after every session made before it: once it heard, B (off the page) had its chance.
    await waitUntil(() => listener.heard.length === 1, 'A told nothing');
    place.append(tabB);
    await closedLikeASignOut(tabB, viewerB, patient);
    expect(status(tabB)).to.contain(SIGNED_OUT_THERE);
    // B's records stay closed: unlocking again asks for a sign-in.
    buttonByText(viewerB, 'Unlock my records')!.click();
    await waitUntil(() => viewerB.status === 'no-signer', 'B\'s viewer did not stop');
  });

  it('B moved on the page (taken off and put back at once) stays signed in, and still hears A\'s sign-out', async () => {
    const { patient, tabA, tabB, viewerB } = await twoTabs();
    const place = tabB.parentElement!;
    tabB.remove();
    place.append(tabB);
    await Promise.all([tabB.updateComplete, viewerB.updateComplete]);
    expect(tabB.pubkey, 'still signed in after a move').to.equal(patient.pubkey);
    // A move is no departure: the records stay open until A's sign-out closes them.
    expect(records(viewerB), 'records shown after the move').to.equal(1);
    buttonByText(tabA, 'Sign out')!.click();
    await closedLikeASignOut(tabB, viewerB, patient);
    expect(status(tabB)).to.contain(SIGNED_OUT_THERE);
  });

  it('in Spanish, B says why in Spanish', async () => {
    const { patient, tabA, tabB, viewerB } = await twoTabs({ lang: 'es' });
    buttonByText(tabA, 'Sign out')!.click();
    await closedLikeASignOut(tabB, viewerB, patient);
    expect(status(tabB)).to.contain(SIGNED_OUT_THERE_ES);
  });

  it('a host\'s deliberately separate session (no-shared-sign-out) stays signed in, and its own sign-out closes no other', async () => {
    const { patient, tabA, tabB, viewerA, viewerB, listener } = await twoTabs({ alone: true });
    buttonByText(tabA, 'Sign out')!.click();
    await waitUntil(() => listener.heard.length === 1, 'A told nothing');
    await Promise.all([tabB.updateComplete, viewerB.updateComplete]);
    expect(tabB.pubkey).to.equal(patient.pubkey);
    expect(records(viewerB)).to.equal(1);
    expect(status(tabB)).not.to.contain('another tab');

    // A signs in again; B signs out on its own: A stays as it is.
    await signInAndUnlock(tabA, viewerA, patient.pubkey);
    buttonByText(tabB, 'Sign out')!.click();
    await waitUntil(() => tabB.pubkey === undefined, 'B did not sign out');
    // A mark sent after B's sign-out reaches the listener after anything B would have sent.
    const mark = new BroadcastChannel('nip82-session');
    mark.postMessage('mark');
    mark.close();
    await waitUntil(() => listener.heard.length === 2, 'the mark never came');
    expect(listener.heard).to.deep.equal([{ nip82Session: 'signed-out' }, 'mark']);
    await Promise.all([tabA.updateComplete, viewerA.updateComplete]);
    expect(tabA.pubkey).to.equal(patient.pubkey);
    expect(records(viewerA)).to.equal(1);
  });

  it('a session nobody signed in to stays quiet: no message, no event, nothing changes', async () => {
    const { tabA, tabB, listener } = await twoTabs({ signedIn: false });
    const before = status(tabB);
    let events = 0;
    tabB.addEventListener('nip82-session-change', () => events++);
    buttonByText(tabA, 'Sign out')!.click();
    await waitUntil(() => listener.heard.length === 1, 'A told nothing');
    await tabB.updateComplete;
    expect(status(tabB)).to.equal(before);
    expect(status(tabB)).not.to.contain('another tab');
    expect(events).to.equal(0);
    expect(tabB.getAttribute('status')).to.equal('idle');
  });

  it('an account change found in A (a signature from another account) closes the records in B', async () => {
    const { patient, other, ext, tabA, tabB, viewerB, share, listener } = await twoTabs();
    const clinician = await person();
    buttonByText(share, 'Share records…')!.click();
    await waitUntil(() => dialogOf(share).open, 'share dialog');
    await typeRecipient(share, clinician.pubkey);
    buttonByText(share, 'Review')!.click();
    await share.updateComplete;
    // Switched in the extension's popup, which never took the page's focus: the signature tells.
    ext.use(other.signer);
    buttonByText(share, /^Share with /)!.click();
    await waitUntil(() => tabA.pubkey === other.pubkey, 'A never found the switch', { timeout: 20000 });
    await closedLikeASignOut(tabB, viewerB, patient);
    expect(status(tabB)).to.contain(ACCOUNT_CHANGED_THERE);
    expect(listener.heard).to.deep.equal([{ nip82Session: 'account-changed' }]);
  });

  it('an account change found in A as it asks who is there (back on the page, before a print) closes the records in B', async () => {
    const { patient, other, ext, tabA, tabB, viewerA, viewerB, listener } = await twoTabs();
    const print = window.print;
    window.print = () => undefined;
    try {
      // Switched in the extension's own window; back on the page, the print asks who is there first.
      ext.use(other.signer);
      window.dispatchEvent(new Event('blur'));
      window.dispatchEvent(new Event('focus'));
      $<HTMLButtonElement>(viewerA, 'button.print')!.click();
      await waitUntil(() => tabA.pubkey === other.pubkey, 'A never found the switch', { timeout: 20000 });
      await closedLikeASignOut(tabB, viewerB, patient);
      expect(status(tabB)).to.contain(ACCOUNT_CHANGED_THERE);
      expect(listener.heard).to.deep.equal([{ nip82Session: 'account-changed' }]);
    } finally {
      window.print = print;
    }
  });
});
