/**
 * What the access list's revocation dialog says at each moment, on a phone (320 px, taps):
 * "Waiting for your signer" only while the signer is asked something; the words of "Stop waiting"
 * follow the page's language after it; and a send held up by a storage server's sign-in at a silent
 * remote signer can be stopped, with an outcome that says exactly which servers took the change.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord, type Participant } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, relaySignIns, sampleBundle, silentAt, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, buttonByText, dialogOf, focused, receiptLines, statusFollowsLanguage, stopButton, tap, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const WAITING = /^Waiting for your signer\./;
const FINISH = 'Send to the storage servers that missed it';

describe('<nip82-access-list>: the revocation dialog tells the truth about the signer and the send', function () {
  this.timeout(60000);

  const relay = sharedRelayClient();
  before(async () => {
    await setViewport({ width: 320, height: 640 });
  });
  after(() => setViewport({ width: 800, height: 600 }));

  async function publishedRecord(patient: Person, participants: Participant[]): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
    await relay.client.publishAll(events);
    return openRecord(events, patient.signer);
  }

  /** The status line (the dialog's, else the one at `where`) of every render of `el` from now on, beside the signer calls made by then. */
  function everyRender(el: Nip82AccessList, calls: () => number, where = 'dialog [role=status]') {
    const seen: { status: string; said: string; calls: number }[] = [];
    el.addController({ hostUpdated: () => seen.push({ status: el.status, said: text($(el, where)), calls: calls() }) });
    return seen;
  }

  const revokeButton = (el: Nip82AccessList, who: Person) => $<HTMLButtonElement>(el, `[part=person][data-pubkey="${who.pubkey}"] button.revoke`);

  async function openDialog(el: Nip82AccessList, who: Person) {
    await waitUntil(() => revokeButton(el, who), 'the person is listed');
    await tap(revokeButton(el, who)!);
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
  }

  it('records handed in, revoking a viewer: the signer is never asked, and no moment says it is; the dialog says it prepares, then sends', async () => {
    const [patient, clinician, family] = [await person(), await person(), await person()];
    const record = await publishedRecord(patient, [{ pubkey: clinician.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const quiet = silentAt(patient.signer, { countKey: true });
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${quiet.signer} relays=${relay.url}></nip82-access-list>`);
    await openDialog(el, clinician);
    const renders = everyRender(el, quiet.calls);
    const before = quiet.calls();

    await tap(buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!);
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    expect(quiet.calls() - before, 'signer calls of the whole revocation').to.equal(0);
    const said = renders.map((r) => r.said);
    expect(said.filter((line) => WAITING.test(line)), 'moments that said the signer was asked').to.deep.equal([]);
    expect(renders.filter((r) => r.status === 'waiting-signer')).to.deep.equal([]);
    expect(said, 'while the servers are read and the record locked anew').to.include('Preparing the change. Nothing has been sent yet.');
    expect(text($(el, '#result-title'))).to.match(new RegExp(`^Access revoked for ${shortNpub(clinician.pubkey)}\\.`));
  });

  it('records handed in, revoking an editor: while the signer is asked which account it holds, the dialog says so, not that a notice is being signed', async () => {
    const [patient, clinician, family] = [await person(), await person(), await person()];
    const record = await publishedRecord(patient, [{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const quiet = silentAt(patient.signer, { countKey: true });
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${quiet.signer} relays=${relay.url}></nip82-access-list>`);
    await openDialog(el, clinician);

    quiet.arm(1);
    await tap(buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!);
    await waitUntil(() => quiet.asked(), 'the signer is asked which account it holds');
    await el.updateComplete;
    expect(text($(el, 'dialog [role=status]'))).to.equal('Waiting for your signer. Checking which account your signer is using.');
    const renders = everyRender(el, quiet.calls);

    quiet.release();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    expect(renders.map((r) => r.said), 'then the notice is signed').to.include('Waiting for your signer. Approval 1 in your signer for this. Your signer will be asked to sign a notice to the remaining people.');
    expect(text($(el, '#result-title'))).to.match(new RegExp(`^Access revoked for ${shortNpub(clinician.pubkey)}\\.`));
  });

  it('records the element loaded: "Waiting for your signer" while it is asked who is signed in, then "Preparing" once it answered', async () => {
    const [patient, clinician, family] = [await person(), await person(), await person()];
    await publishedRecord(patient, [{ pubkey: clinician.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const quiet = silentAt(patient.signer, { countKey: true });
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${quiet.signer} relays=${relay.url}></nip82-access-list>`);
    await tap(buttonByText(el, 'Unlock my records')!);
    await waitUntil(() => revokeButton(el, clinician) && el.status === 'done', 'loaded', { timeout: 20000 });
    await openDialog(el, clinician);

    quiet.arm(1);
    await tap(buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!);
    await waitUntil(() => quiet.asked(), 'the signer is asked who is signed in');
    await el.updateComplete;
    expect(text($(el, 'dialog [role=status]'))).to.equal('Waiting for your signer. Checking which account your signer is using.');
    expect(stopButton(el), 'a live "Stop waiting" while it is asked').to.exist;
    const renders = everyRender(el, quiet.calls);

    quiet.release();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    expect(renders.map((r) => r.said).filter((line) => WAITING.test(line)), 'said once it answered').to.deep.equal([]);
    expect(renders.map((r) => r.said)).to.include('Preparing the change. Nothing has been sent yet.');
  });

  it('"Stopped waiting…" follows the page\'s language: Spanish once the page is, English again after', async () => {
    const [patient, clinician, family] = [await person(), await person(), await person()];
    const record = await publishedRecord(patient, [{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }]);
    // Revoking an editor signs a notice to the one who stays: its first call never answers.
    const quiet = silentAt(patient.signer);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><nip82-access-list .records=${[record]} .signer=${quiet.signer} relays=${relay.url}></nip82-access-list></div>`);
    const el = wrapper.querySelector<Nip82AccessList>('nip82-access-list')!;
    await openDialog(el, clinician);
    quiet.arm(1);
    await tap(buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!);
    await waitUntil(() => quiet.asked() && stopButton(el), 'the signer is asked, and "Stop waiting" is offered');
    await tap(stopButton(el)!);
    await waitUntil(() => el.status === 'cancelled', 'stopped');
    await el.updateComplete;
    await statusFollowsLanguage(wrapper, el,
      { en: 'Stopped waiting for your signer. Nothing was changed or sent; you can try again.', es: 'Se dejó de esperar a su firmador. No se cambió ni envió nada; puede volver a intentarlo.' },
      { en: 'Cancel', es: 'Cancelar' });
    quiet.release();
    await waitUntil(() => quiet.answered(), 'the late answer came');
  });

  describe('a storage server that takes changes only from the signed in, and a remote signer that never signs the sign-in', () => {
    // Reads there are open to anyone: what it holds is checked without signing in.
    const gated = sharedRelayClient('auth-write');

    const partsOn = async (c: RelayClient, signPubkey: string) => (await c.query({ kinds: [RECORD_KIND], authors: [signPubkey] })).events.map((e) => e.id).sort();

    /** Two viewers on a record handed in, the list on both servers, and the clinician's revocation dialog open. */
    const besideGated = async () => {
      const [patient, clinician, family] = [await person(), await person(), await person()];
      const record = await publishedRecord(patient, [{ pubkey: clinician.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }]);
      const quiet = silentAt(patient.signer);
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${quiet.signer} relays=${`${relay.url} ${gated.url}`}></nip82-access-list>`);
      await openDialog(el, clinician);
      return { patient, clinician, record, quiet, el, gatedBefore: await partsOn(gated.client, record.signPubkey) };
    };

    it('beside another server: "Stop waiting" ends the wait, the change is in force where it went, the dialog names the server that did not take it, and nothing reaches that one after', async () => {
      const { patient, clinician, record, quiet, el, gatedBefore } = await besideGated();

      // Revoking a viewer of records handed in signs nothing: the first signer call is the sign-in.
      quiet.arm(1);
      await tap(buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!);
      await waitUntil(() => quiet.asked(), 'the signer is asked to sign in to the server');
      await waitUntil(() => stopButton(el), 'a live "Stop waiting" while only the sign-in is awaited');
      expect(el.status).to.equal('waiting-signer');
      expect(text($(el, 'dialog [role=status]'))).to.equal('Waiting for your signer. A storage server asks you to sign in first.');
      expect(buttonByText(el, 'Cancel')!.disabled, 'Cancel stays off: part of the change may be out').to.equal(true);
      await expect(el).to.be.accessible();

      await tap(stopButton(el)!);
      await waitUntil(() => el.status === 'done', 'the send ends without the sign-in', { timeout: 20000 });
      await el.updateComplete;
      expect(text($(el, '#result-title'))).to.equal(
        `Access revoked for ${shortNpub(clinician.pubkey)}. 1 of 2 storage servers accepted the change. ` +
        'A storage server that did not take it still serves the old version, which they can still open from there: send it there too.',
      );
      expect(receiptLines(el).find((l) => l.includes(gated.url))).to.contain('asked you to sign in; you did not, so it did not accept it');
      expect(focused(el)?.id).to.equal('result-title');
      const revoked = await partsOn(relay.client, record.signPubkey);
      expect(revoked, 'the new version is on the server that took it').not.to.deep.equal(record.events.map((e) => e.id).sort());
      expect(await partsOn(gated.client, record.signPubkey)).to.deep.equal(gatedBefore);

      // The signer answers late: that signs the connection in, and still nothing of this change is sent there.
      quiet.release();
      await waitUntil(async () => (await relaySignIns('auth-write')).signIns.includes(patient.pubkey), 'the late sign-in reached the server');
      expect(await partsOn(gated.client, record.signPubkey), 'sent there after "Stop waiting"').to.deep.equal(gatedBefore);

      // The way on is the same signed change, sent there now.
      await tap(buttonByText(el, 'Send to the storage servers that missed it')!);
      await waitUntil(() => el.status === 'done' && !buttonByText(el, 'Send to the storage servers that missed it'), 'sent there too', { timeout: 20000 });
      expect(await partsOn(gated.client, record.signPubkey)).to.deep.equal(revoked);
    });

    it('sent on after Close from the notice beside the list: "Waiting for your signer" only while the sign-in is open, a "Stop waiting" reached by keyboard at 320 px passes the server over, and the notice stays for later', async () => {
      const { patient, clinician, record, quiet, el, gatedBefore } = await besideGated();
      // In the dialog the sign-in is passed over: the server missed the change.
      quiet.arm(1);
      await tap(buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!);
      await waitUntil(() => quiet.asked() && stopButton(el), 'the sign-in is asked, and "Stop waiting" offered');
      await tap(stopButton(el)!);
      await waitUntil(() => el.status === 'done', 'in force where it went', { timeout: 20000 });
      await tap(buttonByText(el, 'Close')!);
      const finish = () => buttonByText(el, FINISH);
      await waitUntil(() => !dialogOf(el).open && finish() && focused(el)?.id === 'finish-0', 'closed, focus on the way to finish');
      const outside = () => stopButton(el, '[part=unfinished]');
      expect(outside(), 'no "Stop waiting" before anything is sent').to.equal(undefined);

      // Sent on from the notice: the server asks for a sign-in the signer still does not give.
      quiet.arm(1);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => outside(), 'a live "Stop waiting" beside the notice while only the sign-in is awaited', { timeout: 20000 });
      expect(el.status).to.equal('waiting-signer');
      expect(text($(el, '[role=status]'))).to.equal('Waiting for your signer. A storage server asks you to sign in first.');
      expect(finish()!.getAttribute('aria-disabled'), 'the finish button says it is busy').to.equal('true');
      const page = document.documentElement;
      expect(page.scrollWidth, 'no sideways scrolling at 320 px').to.be.at.most(page.clientWidth);
      expect(outside()!.getBoundingClientRect().right).to.be.at.most(window.innerWidth);
      await expect(el).to.be.accessible();
      const renders = everyRender(el, quiet.calls, '[role=status]');

      // The keyboard reaches it from the button just pressed.
      await sendKeys({ press: 'Tab' });
      expect(text(focused(el)), 'Tab reaches "Stop waiting"').to.equal('Stop waiting');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.status === 'done', 'the send ends without the sign-in', { timeout: 20000 });
      await el.updateComplete;
      expect(renders.map((r) => r.said).filter((line) => WAITING.test(line)), 'said once the wait was stopped').to.deep.equal([]);
      expect(text($(el, '[role=status]'))).to.equal(
        `Access revoked for ${shortNpub(clinician.pubkey)}. 1 of 2 storage servers accepted the change. ` +
        'A storage server that did not take it still serves the old version, which they can still open from there: send it there too.',
      );
      expect(outside()).to.equal(undefined);
      await waitUntil(() => focused(el)?.id === 'finish-0', 'focus on the notice\'s button, which stays');
      expect(await partsOn(gated.client, record.signPubkey)).to.deep.equal(gatedBefore);

      // Once the signer answers, the notice's button sends the same change there.
      quiet.release();
      await waitUntil(async () => (await relaySignIns('auth-write')).signIns.includes(patient.pubkey), 'the late sign-in reached the server');
      await tap(finish()!);
      await waitUntil(() => el.status === 'done' && !finish(), 'sent there too', { timeout: 20000 });
      expect(await partsOn(gated.client, record.signPubkey)).to.deep.equal(await partsOn(relay.client, record.signPubkey));
    });

    it('the only server: "Stop waiting" ends the wait, and the dialog says plainly that nothing was sent and access was not revoked; nothing is there', async () => {
      const [patient, clinician, family] = [await person(), await person(), await person()];
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }] });
      const record = await openRecord(events, patient.signer);
      const quiet = silentAt(patient.signer);
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${quiet.signer} relays=${gated.url}></nip82-access-list>`);
      let revokedEvent = false;
      el.addEventListener('nip82-revoke', () => { revokedEvent = true; });
      await openDialog(el, clinician);

      quiet.arm(1);
      await tap(buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!);
      await waitUntil(() => quiet.asked() && stopButton(el), 'the sign-in is asked, and "Stop waiting" offered');
      await tap(stopButton(el)!);
      await waitUntil(() => el.status === 'relay-error', 'the send ends without the sign-in', { timeout: 20000 });
      await el.updateComplete;
      expect(text($(el, 'dialog [role=status]'))).to.equal(
        'You stopped waiting for your signer and no storage server took the change, so nothing was sent: access was not revoked, and they can still open the record. You can try again.',
      );
      expect(receiptLines(el).join(' ')).to.contain('asked you to sign in; you did not, so it did not accept it');
      expect(buttonByText(el, 'Try again')).to.exist;
      expect(buttonByText(el, 'Cancel')!.disabled).to.equal(false);
      expect(revokedEvent).to.equal(false);
      expect(await partsOn(gated.client, record.signPubkey)).to.deep.equal([]);
      quiet.release();
      await waitUntil(() => quiet.answered(), 'the late answer came');
    });
  });
});
