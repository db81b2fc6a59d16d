/**
 * Inside a session, an element is handed records the page opened for the person signed in (no
 * store of the session holds them). The extension is switched to the next person's account and
 * the share or the revocation is confirmed: nothing is signed or sent, and the session hears of
 * the switch as it does from records it holds itself: it closes every record (the viewer beside
 * no longer shows the last person's), names who is in now and says why.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord, type Participant } from '../components/core/nip82/record.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { fakeExtension } from './fake-extension.js';
import { $, $$, buttonByText, dialogOf, errorCodes, text, toSharePreview } from './element-helpers.js';
import { waitUntil } from './wait.js';

const ANOTHER_ACCOUNT = 'Your signer is now using another account. The previous person\'s records were closed.';
const live = (el: Element) => text($(el, '[role=status]'));

describe('records handed in, inside a session, after the extension is switched to another account', function () {
  this.timeout(60000);

  const relay = sharedRelayClient();
  afterEach(() => { delete (window as { nostr?: unknown }).nostr; });

  /** `patient`'s record, published and opened for `openedFor`, as a page that reads records itself hands it in. */
  async function handedRecord(patient: Person, participants: Participant[] = [], openedFor: Person = patient): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
    await relay.client.publishAll(events);
    return openRecord(events, openedFor.signer);
  }

  /**
   * `a` signed in through the extension, with the hospital's record of theirs unlocked in a viewer
   * beside `element` (made with the records handed in).
   */
  async function signedIn<T extends HTMLElement & { updateComplete: Promise<boolean> }>(a: Person, element: (records: OpenedRecord[]) => unknown, records: OpenedRecord[]) {
    const hospital = await person();
    await relay.client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(a.pubkey)}`), author: hospital.signer, participants: [{ pubkey: a.pubkey, role: 'editor' }] }));
    const ext = fakeExtension(a.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relay.url}>
      <nip82-record-viewer></nip82-record-viewer>
      ${element(records)}
    </nip82-session>`);
    await waitUntil(() => { const x = buttonByText(session, /browser extension/); return !!x && !x.disabled; }, 'the extension offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === a.pubkey, 'signed in');
    const viewer = session.querySelector('nip82-record-viewer') as Nip82RecordViewer;
    const el = session.querySelector('nip82-record-viewer + *') as T;
    await Promise.all([viewer.updateComplete, el.updateComplete]);
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done', 'unlocked', { timeout: 20000 });
    await viewer.updateComplete;
    // The hospital's record, and a record of the person's own the page handed in, once published.
    const shown = $$(viewer, 'article[part=record]').length;
    expect(shown).to.be.greaterThan(0);
    return { ext, session, viewer, el, shown };
  }

  /** The user switches accounts in the extension's own window, then comes back to the page. */
  function switchAway(ext: ReturnType<typeof fakeExtension>, to: Person): void {
    ext.use(to.signer);
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
  }

  /** The session closed the last person's records, names the next one and says why. */
  async function sessionMovedOn(session: Nip82Session, viewer: Nip82RecordViewer, a: Person, b: Person): Promise<void> {
    await waitUntil(() => session.pubkey === b.pubkey, 'the session still names the first person', { timeout: 20000 });
    await Promise.all([viewer.updateComplete, session.updateComplete]);
    expect($$(viewer, 'article[part=record]'), 'the first person\'s records shown').to.have.length(0);
    const bar = text($(session, '[part=bar]'));
    expect(bar).to.contain(shortNpub(b.pubkey));
    expect(bar).not.to.contain(shortNpub(a.pubkey));
    expect(live(session)).to.contain(ANOTHER_ACCOUNT);
  }

  it('Share: nothing is signed or sent, the session closes the first person\'s records and names the next one', async () => {
    const [a, b, clinician] = [await person(), await person(), await person()];
    const handed = await handedRecord(a);
    const { ext, session, viewer, el: share } = await signedIn<Nip82ConsentPrompt>(a, (records) => html`<nip82-consent-prompt mode="share" .records=${records}></nip82-consent-prompt>`, [handed]);
    await toSharePreview(share, clinician.pubkey);
    const codes = errorCodes(share);
    let shared = false;
    share.addEventListener('nip82-share', () => { shared = true; });
    const signed = ext.calls.signEvent ?? 0;

    switchAway(ext, b);
    buttonByText(share, /^Share with /)!.click();
    await sessionMovedOn(session, viewer, a, b);
    await waitUntil(() => codes.length > 0, 'the share said nothing');
    await share.updateComplete;
    expect(codes).to.deep.equal(['account-changed']);
    expect(shared, 'shared').to.equal(false);
    expect(ext.calls.signEvent ?? 0, 'signatures asked of the next person').to.equal(signed);
    expect((await relay.client.query({ '#p': [clinician.pubkey] })).events, 'events naming the clinician').to.have.length(0);
    expect(dialogOf(share).open, 'the first person\'s dialog').to.equal(false);
    expect(live(share)).to.contain(ANOTHER_ACCOUNT);
  });

  it('Revoking an editor: nothing is signed or sent, the session closes the first person\'s records and names the next one', async () => {
    const [a, b, editor, family] = [await person(), await person(), await person(), await person()];
    const handed = await handedRecord(a, [{ pubkey: editor.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const { ext, session, viewer, el: access } = await signedIn<Nip82AccessList>(a, (records) => html`<nip82-access-list .records=${records}></nip82-access-list>`, [handed]);
    const revoke = () => $<HTMLButtonElement>(access, `[part=person][data-pubkey="${editor.pubkey}"] button.revoke`);
    await waitUntil(() => revoke(), 'the editor is listed');
    const versions = async () => (await relay.client.query({ authors: [handed.signPubkey] })).events.length;
    const before = await versions();
    revoke()!.click();
    await waitUntil(() => dialogOf(access).open, 'the revoke dialog opens');
    await access.updateComplete;
    const codes = errorCodes(access);
    let revoked = false;
    access.addEventListener('nip82-revoke', () => { revoked = true; });
    const [signed, encrypted] = [ext.calls.signEvent ?? 0, ext.calls.encrypt ?? 0];

    switchAway(ext, b);
    buttonByText(access, `Revoke access for ${shortNpub(editor.pubkey)}`)!.click();
    await sessionMovedOn(session, viewer, a, b);
    await waitUntil(() => codes.length > 0, 'the revocation said nothing');
    await access.updateComplete;
    expect(codes).to.deep.equal(['account-changed']);
    expect(revoked, 'revoked').to.equal(false);
    expect(ext.calls.signEvent ?? 0, 'signatures asked of the next person').to.equal(signed);
    expect(ext.calls.encrypt ?? 0, 'encryptions asked of the next person').to.equal(encrypted);
    expect(await versions(), 'versions of the record').to.equal(before);
    expect(dialogOf(access).open, 'the first person\'s dialog').to.equal(false);
    expect(live(access)).to.contain(ANOTHER_ACCOUNT);
  });

  it('records handed in that were opened for someone else, with the account unchanged: the share is refused, and the session stays as it was', async () => {
    const [a, other, clinician] = [await person(), await person(), await person()];
    const handed = await handedRecord(other, [], other);
    const { ext, session, viewer, el: share, shown } = await signedIn<Nip82ConsentPrompt>(a, (records) => html`<nip82-consent-prompt mode="share" .records=${records}></nip82-consent-prompt>`, [handed]);
    await toSharePreview(share, clinician.pubkey);
    const codes = errorCodes(share);
    const signed = ext.calls.signEvent ?? 0;
    buttonByText(share, /^Share with /)!.click();
    await waitUntil(() => codes.length > 0, 'the share said nothing', { timeout: 20000 });
    await Promise.all([share.updateComplete, viewer.updateComplete, session.updateComplete]);
    expect(codes).to.deep.equal(['wrong-reader']);
    expect(live(share)).to.contain('open your records again');
    expect(ext.calls.signEvent ?? 0, 'signatures asked').to.equal(signed);
    expect(session.pubkey).to.equal(a.pubkey);
    expect(live(session)).not.to.contain(ANOTHER_ACCOUNT);
    expect($$(viewer, 'article[part=record]'), 'the person\'s own records').to.have.length(shown);
  });
});
