/**
 * A page that signs in itself and hands its element the signer and the records (no session): the
 * extension is switched to the next person's account while the last person's dialog is open. The
 * signature comes from the other account, nothing is published, and the dialog naming the last
 * person's records closes, as it does inside a session: the status says why. The records handed in
 * were the last person's and go with them, so the keyboard lands on the element's way on for the
 * next person (the button that opened the dialog is gone with the records).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord, type Participant } from '../components/core/nip82/record.js';
import { nip07Signer } from '../components/core/signers/nip07.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { fakeExtension } from './fake-extension.js';
import { $, buttonByText, dialogOf, errorCodes, focused, text, typeRecipient } from './element-helpers.js';
import { waitUntil } from './wait.js';

const ANOTHER_ACCOUNT = 'Your signer is now using another account.';
const ANOTHER_ACCOUNT_ES = 'Su firmador usa ahora otra cuenta.';
const live = (el: Element) => text($(el, '[role=status]'));
/** Where the keyboard is in `el`, in words (elements themselves are not compared). */
const focusOf = (el: Element) => text(focused(el)) || `nothing in the element (the page's: ${document.activeElement?.localName})`;

describe('an element with its own signer meets another account with its dialog open', function () {
  this.timeout(60000);

  const relay = sharedRelayClient();

  /** `patient`'s record, published and opened for them, as a page that reads records itself hands it in. */
  async function handedRecord(patient: Person, participants: Participant[] = []): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
    await relay.client.publishAll(events);
    return openRecord(events, patient.signer);
  }

  /** Whatever went out naming `who`, or signed by `by`. */
  async function sentFor(who: Person, by: Person): Promise<number> {
    const [tagged, signed] = await Promise.all([relay.client.query({ '#p': [who.pubkey] }), relay.client.query({ authors: [by.pubkey] })]);
    return tagged.events.length + signed.events.length;
  }

  /** Closed, said and focused: the outcome every case here ends with. */
  async function closedAndSaid(el: HTMLElement & { updateComplete: Promise<boolean>; status: string }, codes: string[], words: string, opener: RegExp): Promise<void> {
    await waitUntil(() => codes.includes('account-changed'), 'the other account was never found', { timeout: 20000 });
    await el.updateComplete;
    expect(dialogOf(el).open, 'the last person\'s dialog').to.equal(false);
    expect(el.status).to.equal('idle');
    expect(live(el)).to.contain(words);
    // The dialog's close event comes after: focus lands on the element's way on, not on the page.
    await waitUntil(() => opener.test(focusOf(el)), `focus on ${opener}, not ${focusOf(el)}`);
    expect(live(el), 'the words stay once the dialog closed').to.contain(words);
  }

  /** The page's own sign-in through the extension, as `patient`: the signer knows who the user is. */
  async function signedIn(patient: Person) {
    const ext = fakeExtension(patient.signer);
    const signer = nip07Signer({ provider: () => ext.provider });
    expect(await signer.getPublicKey()).to.equal(patient.pubkey);
    return { ext, signer };
  }

  async function shareDialog(lang: string) {
    const [a, b, clinician] = [await person(), await person(), await person()];
    const { ext, signer } = await signedIn(a);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-consent-prompt mode="share" relays=${relay.url}
      .signer=${signer} .records=${[await handedRecord(a)]}></nip82-consent-prompt></div>`);
    const share = wrapper.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    await share.updateComplete;
    const open = buttonByText(share, /^(Share records…|Compartir historiales…)$/)!;
    open.focus();
    open.click();
    await waitUntil(() => dialogOf(share).open, 'the share dialog did not open');
    await typeRecipient(share, clinician.pubkey);
    buttonByText(share, /^(Review|Revisar)/)!.click();
    await share.updateComplete;
    return { a, b, clinician, ext, share };
  }

  it('a share dialog over records handed in: nothing is published, the dialog closes and says why, the records handed in go with the last person and focus lands on the way on: Unlock my records', async () => {
    const { b, clinician, ext, share } = await shareDialog('en');
    let shared = false;
    share.addEventListener('nip82-share', () => { shared = true; });
    // Switched in the extension's popup, which never took the page's focus: the signature tells.
    ext.use(b.signer);
    const codes = errorCodes(share);
    buttonByText(share, /^Share with /)!.click();
    // The records handed in went with the last person: the way on is the next one's own.
    await closedAndSaid(share, codes, ANOTHER_ACCOUNT, /^Unlock my records$/);
    expect(shared).to.equal(false);
    expect(await sentFor(clinician, b), 'events sent').to.equal(0);
  });

  it('in Spanish, the share dialog closes and says why in Spanish', async () => {
    const { b, ext, share } = await shareDialog('es');
    ext.use(b.signer);
    const confirm = buttonByText(share, /^(Compartir con |Share with )/);
    expect(confirm, 'the Spanish confirm button').to.not.equal(undefined);
    const codes = errorCodes(share);
    confirm!.click();
    await closedAndSaid(share, codes, ANOTHER_ACCOUNT_ES, /^Desbloquear mis historiales$/);
  });

  it('an access list over records handed in, revoking an editor (a notice signed to the one who stays): nothing is published, the dialog closes and says why, the records handed in go with the last person and focus lands on Unlock my records', async () => {
    const [a, b, editor, family] = [await person(), await person(), await person(), await person()];
    const { ext, signer } = await signedIn(a);
    const record = await handedRecord(a, [{ pubkey: editor.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const access = await fixture<Nip82AccessList>(html`<nip82-access-list relays=${relay.url} .signer=${signer} .records=${[record]}></nip82-access-list>`);
    const revoke = () => $<HTMLButtonElement>(access, `[part=person][data-pubkey="${editor.pubkey}"] button.revoke`);
    await waitUntil(() => revoke(), 'the editor is listed');
    revoke()!.focus();
    revoke()!.click();
    await waitUntil(() => dialogOf(access).open, 'the revoke dialog did not open');
    await access.updateComplete;
    // What the record itself already says to the family (its key for them) is no notice.
    const before = await sentFor(family, b);
    ext.use(b.signer);
    const codes = errorCodes(access);
    buttonByText(access, `Revoke access for ${shortNpub(editor.pubkey)}`)!.click();
    await closedAndSaid(access, codes, ANOTHER_ACCOUNT, /^Unlock my records$/);
    expect(access.records, 'the last person\'s records handed in').to.equal(undefined);
    expect(await sentFor(family, b), 'events sent').to.equal(before);
  });

  it('records handed in for the last person, with a signer never asked who is in: nothing goes out under the next person\'s signature', async () => {
    const [a, b, clinician] = [await person(), await person(), await person()];
    const record = await handedRecord(a);
    // The page opened the records with the last person's key, and hands the element a signer of
    // its own that no one has asked yet: the extension now answers for the next person.
    const ext = fakeExtension(b.signer);
    const signer = nip07Signer({ provider: () => ext.provider });
    const share = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${relay.url} .signer=${signer} .records=${[record]}></nip82-consent-prompt>`);
    let shared = false;
    share.addEventListener('nip82-share', () => { shared = true; });
    buttonByText(share, /^Share records…$/)!.click();
    await waitUntil(() => dialogOf(share).open, 'the share dialog did not open');
    await typeRecipient(share, clinician.pubkey);
    buttonByText(share, /^Review/)!.click();
    await share.updateComplete;
    const codes = errorCodes(share);
    buttonByText(share, /^Share with /)!.click();
    await waitUntil(() => codes.length > 0 || shared, 'the share neither failed nor went out', { timeout: 20000 });
    expect(codes).to.deep.equal(['wrong-reader']);
    expect(shared).to.equal(false);
    expect(await sentFor(clinician, b), 'events sent').to.equal(0);
    await share.updateComplete;
    expect(live(share)).to.contain('open your records again');
  });

  it('an access list over records handed in for the last person, with a signer never asked who is in: revoking an editor (a signed notice) changes nothing', async () => {
    const [a, b, editor, family] = [await person(), await person(), await person(), await person()];
    const record = await handedRecord(a, [{ pubkey: editor.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const ext = fakeExtension(b.signer);
    const signer = nip07Signer({ provider: () => ext.provider });
    const access = await fixture<Nip82AccessList>(html`<nip82-access-list relays=${relay.url} .signer=${signer} .records=${[record]}></nip82-access-list>`);
    const revoke = () => $<HTMLButtonElement>(access, `[part=person][data-pubkey="${editor.pubkey}"] button.revoke`);
    await waitUntil(() => revoke(), 'the editor is listed');
    const versions = async () => (await relay.client.query({ authors: [record.signPubkey] })).events.length;
    const [before, told] = [await versions(), await sentFor(family, b)];
    revoke()!.click();
    await waitUntil(() => dialogOf(access).open, 'the revoke dialog did not open');
    await access.updateComplete;
    const codes = errorCodes(access);
    let revoked = false;
    access.addEventListener('nip82-revoke', () => { revoked = true; });
    buttonByText(access, `Revoke access for ${shortNpub(editor.pubkey)}`)!.click();
    await waitUntil(() => codes.length > 0 || revoked, 'the revocation neither failed nor went out', { timeout: 20000 });
    expect(codes).to.deep.equal(['wrong-reader']);
    expect(revoked).to.equal(false);
    expect(await versions(), 'versions of the record').to.equal(before);
    expect(await sentFor(family, b), 'events sent').to.equal(told);
    expect(ext.calls.signEvent ?? 0, 'signatures asked of the next person').to.equal(0);
  });
});
