/**
 * The whole story on one page, as a patient at a shared computer lives it: sign in, unlock,
 * share with an item hidden, answer a request, look at who has access, revoke, sign out, and the
 * next person signs in. Every element reads the session's one store: each record is unlocked
 * once, the patient's own records do not fill up with the copies they made, and after the
 * sign-out nothing of the first user is left in any element or in what the next one can act on.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { RecordStore } from '../components/core/store/record-store.js';
import { createRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { secretKeySigner } from '../components/core/signers/secret-key.js';
import type { Signer } from '../components/core/signers/signer.js';
import { nip07Signer, type Nip07Provider } from '../components/core/signers/nip07.js';
import { generateSecretKey } from 'nostr-tools/pure';
import { counting, person, relayUrl, sampleBundle, type Person } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, $$, buttonByText, dialogOf, itemRow, text, typeRecipient } from './element-helpers.js';

const shown = (el: Element) => text(el.shadowRoot);

describe('one session, one store: the whole story on one page', function () {
  this.timeout(90000);
  let relays: string[];
  let hospital: Person;
  let clinic: Person;
  let family: Person;

  before(async () => {
    relays = [await relayUrl('main'), await relayUrl('second')];
    hospital = await person();
    clinic = await person();
    family = await person();
  });

  /** The hospital's record of the patient (the patient may share it), and the clinic's request. */
  async function seed(patient: string): Promise<void> {
    const client = new RelayClient({ relays });
    try {
      const events = await createRecord({
        bundle: sampleBundle(`nostr:${npubEncode(patient)}`),
        author: hospital.signer,
        participants: [{ pubkey: patient, role: 'editor' }],
      });
      await client.publishAll(events);
      const { events: wraps } = await createAccessRequest({
        signer: clinic.signer, patient, resourceTypes: ['AllergyIntolerance', 'Immunization'], purpose: 'Check-up', days: 30,
      });
      await client.publishAll(wraps);
    } finally {
      client.close();
    }
  }

  async function page(signer: Signer) {
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')} .signer=${signer}>
      <nip82-record-viewer></nip82-record-viewer>
      <nip82-consent-prompt mode="share"></nip82-consent-prompt>
      <nip82-consent-prompt mode="answer"></nip82-consent-prompt>
      <nip82-access-list></nip82-access-list>
    </nip82-session>`);
    await waitUntil(() => !!session.pubkey, 'signed in');
    const viewer = session.querySelector('nip82-record-viewer') as Nip82RecordViewer;
    const [share, answer] = [...session.querySelectorAll('nip82-consent-prompt')] as Nip82ConsentPrompt[];
    const access = session.querySelector('nip82-access-list') as Nip82AccessList;
    const all = [viewer, share!, answer!, access];
    await Promise.all(all.map((e) => e.updateComplete));
    const store = () => (session as unknown as { store?: { store: RecordStore } }).store?.store;
    return { session, viewer, share: share!, answer: answer!, access, all, store };
  }

  it('unlocks each record once for every element, keeps shares apart from records, and a sign-out leaves nothing', async () => {
    const sk = generateSecretKey();
    const patient = counting(secretKeySigner(sk));
    const patientKey = await secretKeySigner(sk).getPublicKey();
    await seed(patientKey);
    const { session, viewer, share, answer, access, all, store } = await page(patient);

    // Unlock once, in the viewer.
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done', 'unlocked', { timeout: 20000 });
    await Promise.all(all.map((e) => e.updateComplete));
    expect(shown(viewer)).to.contain('Penicillin');
    expect(patient.calls.nip44Decrypt).to.equal(1);

    // Every other element has the records without loading them again.
    expect(buttonByText(share, 'Unlock my records')).to.equal(undefined);
    expect(buttonByText(access, 'Unlock my records')).to.equal(undefined);
    expect($(access, '[part=record] h3')).to.not.equal(null);

    // Share with the family member, one item hidden.
    buttonByText(share, 'Share records…')!.click();
    await waitUntil(() => dialogOf(share).open, 'share dialog');
    await typeRecipient(share, family.pubkey);
    itemRow(share, 'Chlamydia').querySelector<HTMLButtonElement>('button.hide')!.click();
    await share.updateComplete;
    buttonByText(share, 'Review')!.click();
    await share.updateComplete;
    const shared = oneEvent(share, 'nip82-share');
    buttonByText(share, /^Share with /)!.click();
    await shared;
    dialogOf(share).close();

    // Answer the clinic's request: the records are there, no load inside the dialog.
    buttonByText(answer, 'Check for requests')!.click();
    await waitUntil(() => $$(answer, 'li.request').length === 1, 'request listed', { timeout: 20000 });
    $$(answer, 'li.request')[0]!.querySelector('button')!.click();
    await waitUntil(() => dialogOf(answer).open, 'answer dialog');
    await answer.updateComplete;
    expect(buttonByText(answer, 'Unlock my records')).to.equal(undefined);
    const answered = oneEvent(answer, 'nip82-answer');
    // The same plan as sharing: the items, then the exact preview, then approve.
    buttonByText(answer, /^Review: approve and share/)!.click();
    await answer.updateComplete;
    buttonByText(answer, /^Approve and share with /)!.click();
    await answered;
    dialogOf(answer).close();
    await Promise.all(all.map((e) => e.updateComplete));

    // A third share, with a friend: everything.
    const friend = await person();
    buttonByText(share, 'Share records…')!.click();
    await waitUntil(() => dialogOf(share).open, 'share dialog again');
    await typeRecipient(share, friend.pubkey);
    buttonByText(share, 'Review')!.click();
    await share.updateComplete;
    const sharedAgain = oneEvent(share, 'nip82-share');
    buttonByText(share, /^Share with /)!.click();
    await sharedAgain;
    dialogOf(share).close();
    await Promise.all(all.map((e) => e.updateComplete));

    // Still one record after three shares, not four: the copies made to share are shares.
    expect($$(viewer, 'article[part=record]')).to.have.length(1);
    expect($$(viewer, 'section[data-section=allergies] li[part~=item]')).to.have.length(1);
    expect($(viewer, 'nip82-hidden-flag')).to.equal(null);
    console.log(`after three shares "My records" shows ${$$(viewer, 'article[part=record]').length} record(s), ${$$(viewer, 'li[part~=item]').length} items`);
    expect($$(access, '[part=record]')).to.have.length(1);
    const shares = $$(access, '[part=share]');
    expect(shares).to.have.length(3);
    const toFamily = shares.find((li) => li.dataset.pubkey === family.pubkey)!;
    expect(text(toFamily)).to.contain('You hid some items from');
    expect(text(toFamily)).to.contain('Can view, with no end date.');

    // The record was opened with one signer decryption in all: none by the other elements, none for the copies.
    expect(patient.calls.nip44Decrypt).to.equal(1 + /* the clinic's request, two layers */ 2);

    // Revoke the family member's share: the dialog names the person and the record.
    toFamily.querySelector<HTMLButtonElement>('button.revoke')!.click();
    await waitUntil(() => dialogOf(access).open, 'revoke dialog');
    await access.updateComplete;
    expect(text($(access, '.record-name'))).to.match(/^Record: .+ · from you · /);
    const revoked = oneEvent(access, 'nip82-revoke');
    buttonByText(access, /^Revoke access for npub1/)!.click();
    await revoked;
    dialogOf(access).close();
    await access.updateComplete;
    expect(text($$(access, '[part=share]').find((li) => li.dataset.pubkey === family.pubkey))).to.contain('Revoked on ');

    // The consent history: the share, the approval and the revocation.
    buttonByText(access, 'Show consent history')!.click();
    await waitUntil(() => $(access, 'table.history') !== null, 'history');
    const kinds = $$(access, 'table.history tbody tr').map((tr) => text(tr.querySelectorAll('td')[2]));
    expect(kinds).to.include.members(['shared', 'request approved', 'access revoked']);
    expect(patient.calls.nip44Decrypt).to.equal(3);
    console.log(`signer calls for the story: ${JSON.stringify(patient.calls)}`);

    // Sign out: nothing of the patient anywhere.
    const theStore = store()!;
    buttonByText(session, 'Sign out')!.click();
    await waitUntil(() => !session.pubkey, 'signed out');
    await Promise.all(all.map((e) => e.updateComplete));
    expect(theStore.isClosed).to.equal(true);
    expect(theStore.keyCache.size).to.equal(0);
    expect(theStore.records).to.have.length(0);
    for (const el of all) {
      expect(shown(el)).not.to.contain('Penicillin');
      expect(shown(el)).not.to.contain(npubEncode(family.pubkey).slice(0, 12));
      expect(shown(el)).not.to.contain('Check-up');
    }
    expect($$(access, '[part=record], [part=share], table.history')).to.have.length(0);
    expect([dialogOf(access).open, dialogOf(share).open, dialogOf(answer).open]).to.deep.equal([false, false, false]);

    // Someone else signs in on the same page: nothing to see, nothing to revoke.
    const next = await person();
    session.signer = next.signer;
    await waitUntil(() => session.pubkey === next.pubkey, 'next user');
    await Promise.all(all.map((e) => e.updateComplete));
    expect($$(access, 'button.revoke')).to.have.length(0);
    expect(shown(share)).not.to.contain('can be shared');
    expect(shown(viewer)).not.to.contain('Penicillin');
  });

  it('a key switched in the signer clears the store instead of reporting broken records', async () => {
    const first = await person();
    const second = await person();
    await seed(first.pubkey);
    await seed(second.pubkey);
    let current = first.signer;
    const switching: Signer = {
      getPublicKey: () => current.getPublicKey(),
      signEvent: (t) => current.signEvent(t),
      nip44Encrypt: (p, t) => current.nip44Encrypt(p, t),
      nip44Decrypt: (p, t) => current.nip44Decrypt(p, t),
    };
    const { session, viewer, access, all } = await page(switching);
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done', 'unlocked', { timeout: 20000 });
    await Promise.all(all.map((e) => e.updateComplete));
    const firstRevoke = $$(access, 'button.revoke');
    expect(firstRevoke.length).to.be.greaterThan(0);
    // The first user searches, hides a section and shows narratives: none of it is the next user's.
    const search = $<HTMLInputElement>(viewer, 'input[type="search"]')!;
    search.value = 'penicillin';
    search.dispatchEvent(new Event('input'));
    $$<HTMLInputElement>(viewer, 'fieldset input[type="checkbox"]').find((b) => b.value === 'problems')!.click();
    buttonByText(viewer, 'Show original text')!.click();
    await viewer.updateComplete;
    expect(shown(viewer)).to.contain('Showing 1 of');

    // The user switches keys in the extension, without reloading; their next action finds the other key.
    current = second.signer;
    const changed = oneEvent(session, 'nip82-session-change');
    buttonByText(access, 'Show consent history')!.click();
    expect((await changed).detail.pubkey).to.equal(second.pubkey);
    await waitUntil(() => access.status === 'done' && viewer.status === 'done', 'loaded for the new key', { timeout: 20000 });
    await Promise.all(all.map((e) => e.updateComplete));
    // The first key's records are gone; the second's open, with no "could not be decrypted".
    expect(shown(viewer)).not.to.contain('could not be decrypted');
    expect($$(viewer, 'article[part=record]')).to.have.length(1);
    const list = (access as unknown as { list?: { reader: string }[] }).list!;
    expect(list.length).to.be.greaterThan(0);
    expect(list.every((r) => r.reader === second.pubkey)).to.equal(true);
    expect(firstRevoke.some((b) => b.isConnected)).to.equal(false);
    expect($<HTMLInputElement>(viewer, 'input[type="search"]')!.value).to.equal('');
    expect($$<HTMLInputElement>(viewer, 'fieldset input[type="checkbox"]').every((b) => b.checked)).to.equal(true);
    expect(buttonByText(viewer, 'Show original text')!.getAttribute('aria-pressed')).to.equal('false');
  });
  it('a key switched in the extension is found at the first action after the page gets the focus back', async () => {
    const first = await person();
    const second = await person();
    await seed(first.pubkey);
    await seed(second.pubkey);
    const extension = fakeExtension(first.signer);
    const { session, viewer, access, all, store } = await page(nip07Signer({ provider: () => extension.provider }));
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done', 'unlocked', { timeout: 20000 });
    const asked = extension.keyQuestions();

    // Switched in the extension's own window; back on the page, the user asks for their history.
    extension.use(second.signer);
    window.dispatchEvent(new Event('focus'));
    const changed = oneEvent(session, 'nip82-session-change');
    buttonByText(access, 'Show consent history')!.click();
    expect((await changed).detail.pubkey).to.equal(second.pubkey);
    expect(extension.keyQuestions()).to.equal(asked + 1);
    await waitUntil(() => access.status === 'done' && viewer.status === 'done', 'loaded for the new key', { timeout: 20000 });
    await Promise.all(all.map((e) => e.updateComplete));
    // Nothing of the first key is left to see or to revoke: what shows is the second key's.
    expect(store()!.records.length).to.be.greaterThan(0);
    expect(store()!.records.every((r) => r.reader === second.pubkey)).to.equal(true);
    expect($$(viewer, 'article[part=record]')).to.have.length(store()!.records.length);
    const list = (access as unknown as { list?: { reader: string }[] }).list ?? [];
    expect(list.every((r) => r.reader === second.pubkey)).to.equal(true);
    expect(session.pubkey).to.equal(second.pubkey);
  });

  it('an extension whose prompts give the page the focus back is asked for the key once per action, and a switch is still found', async () => {
    const first = await person();
    const second = await person();
    await seed(first.pubkey);
    await seed(second.pubkey);
    // An extension whose every prompt is a window of its own: closing it gives the page the focus
    // back as the answer arrives.
    const extension = fakeExtension(first.signer, 'focus-after');
    const { calls, keyQuestions } = extension;
    /** Questions of `kind` asked since `before`. */
    const since = (before: Record<string, number>, kind: string) => (calls[kind] ?? 0) - (before[kind] ?? 0);
    const { session, viewer, share, answer, access, all } = await page(nip07Signer({ provider: () => extension.provider }));
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done', 'unlocked', { timeout: 20000 });
    buttonByText(answer, 'Check for requests')!.click();
    await waitUntil(() => $$(answer, 'li.request').length === 1, 'request listed', { timeout: 20000 });
    $$(answer, 'li.request')[0]!.querySelector('button')!.click();
    await waitUntil(() => dialogOf(answer).open, 'answer dialog');
    await answer.updateComplete;

    // Deny: several events signed, the key asked once (the focus after each prompt waits for the next action).
    let before = { ...calls };
    const answered = oneEvent(answer, 'nip82-answer');
    buttonByText(answer, 'Deny')!.click();
    await answered;
    expect(since(before, 'signEvent'), 'events signed to deny').to.be.greaterThan(1);
    expect(since(before, 'getPublicKey'), 'key questions to deny').to.equal(1);
    dialogOf(answer).close();
    await Promise.all(all.map((e) => e.updateComplete));

    // Share: the same.
    buttonByText(share, 'Share records…')!.click();
    await waitUntil(() => dialogOf(share).open, 'share dialog');
    await typeRecipient(share, family.pubkey);
    buttonByText(share, 'Review')!.click();
    await share.updateComplete;
    before = { ...calls };
    const shared = oneEvent(share, 'nip82-share');
    buttonByText(share, /^Share with /)!.click();
    await shared;
    expect(since(before, 'signEvent'), 'events signed to share').to.be.at.least(1);
    expect(since(before, 'getPublicKey'), 'key questions to share').to.equal(1);
    dialogOf(share).close();
    await Promise.all(all.map((e) => e.updateComplete));

    // Switched in the extension between actions: the next action asks once and finds the other key.
    extension.use(second.signer);
    window.dispatchEvent(new Event('focus'));
    const asked = keyQuestions();
    const changed = oneEvent(session, 'nip82-session-change');
    buttonByText(access, 'Show consent history')!.click();
    expect((await changed).detail.pubkey).to.equal(second.pubkey);
    expect(keyQuestions()).to.equal(asked + 1);
    await waitUntil(() => access.status === 'done', 'history for the new key', { timeout: 20000 });
    expect(session.pubkey).to.equal(second.pubkey);
  });

  it('signed in through an extension whose prompt takes the focus, the first action does not ask for the key again; leaving the page afterwards still does', async () => {
    const first = await person();
    const second = await person();
    await seed(first.pubkey);
    await seed(second.pubkey);
    // Every prompt a window of its own: the page loses the focus as it opens and gets it back as it closes.
    const extension = fakeExtension(first.signer, 'blur-and-focus');
    const { keyQuestions } = extension;
    (window as { nostr?: Nip07Provider }).nostr = extension.provider;
    try {
      const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}><nip82-record-viewer></nip82-record-viewer><nip82-access-list></nip82-access-list></nip82-session>`);
      const viewer = session.querySelector('nip82-record-viewer') as Nip82RecordViewer;
      const access = session.querySelector('nip82-access-list') as Nip82AccessList;
      await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
      // The page came to the front once before the sign-in (another tab, another window).
      window.dispatchEvent(new Event('blur'));
      window.dispatchEvent(new Event('focus'));
      buttonByText(session, /browser extension/)!.click();
      await waitUntil(() => session.pubkey === first.pubkey, 'signed in');
      expect(keyQuestions(), 'asked once, to sign in').to.equal(1);
      await viewer.updateComplete;
      buttonByText(viewer, 'Unlock my records')!.click();
      await waitUntil(() => viewer.status === 'done', 'unlocked', { timeout: 20000 });
      expect(keyQuestions(), 'the sign-in\'s own prompt is no reason to ask again').to.equal(1);

      // Away from the page with nothing under way (the user may switch keys there): the next action asks.
      extension.use(second.signer);
      window.dispatchEvent(new Event('blur'));
      window.dispatchEvent(new Event('focus'));
      const changed = oneEvent(session, 'nip82-session-change');
      buttonByText(access, 'Show consent history')!.click();
      expect((await changed).detail.pubkey).to.equal(second.pubkey);
      expect(keyQuestions()).to.equal(2);
    } finally {
      delete (window as { nostr?: unknown }).nostr;
    }
  });
});
