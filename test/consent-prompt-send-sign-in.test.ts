/**
 * The consent prompt's send, held up by a storage server that takes nothing from anyone not signed
 * in, while the patient's remote signer never signs them in there (on a phone, 320 px, taps):
 * "Waiting for your signer" only while that sign-in is at the signer; a live "Stop waiting" passes
 * that server over and the rest is sent; the outcome names which servers took it and offers to
 * send it to the one that missed it; and when nothing went out, it says so plainly.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages, type ConsentMessage } from '../components/core/nip82/requests.js';
import { GIFT_WRAP_KIND, RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, relaySignIns, sampleBundle, silentAt, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, buttonByText, dialogOf, focused, receiptLines, stopButton, tap, text, toSharePreview } from './element-helpers.js';
import { waitUntil } from './wait.js';

const WAITING_SIGN_IN = 'Waiting for your signer. A storage server asks you to sign in first.';
const MISSED = 'Send to the storage servers that missed it';

describe('<nip82-consent-prompt>: "Stop waiting" for a storage server\'s sign-in during the send', function () {
  this.timeout(60000);

  const relay = sharedRelayClient();
  // Reads there are open to anyone: what it holds is checked without signing in.
  const gated = sharedRelayClient('auth-write');
  before(async () => {
    await setViewport({ width: 320, height: 640 });
  });
  after(() => setViewport({ width: 800, height: 600 }));

  async function patientRecord(patient: Person): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    return openRecord(events, patient.signer);
  }

  /** Shares naming the clinician on `c`'s servers. */
  const sharesOn = async (c: RelayClient, clinician: Person) => (await c.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events.map((e) => e.id).sort();

  /** The status of every render of `el` from now on. */
  function everyRender(el: Nip82ConsentPrompt) {
    const seen: { status: string; said: string }[] = [];
    el.addController({ hostUpdated: () => seen.push({ status: el.status, said: text($(el, 'dialog [role=status]')) }) });
    return seen;
  }

  it('share, beside another server: the status waits on the signer only while the sign-in is asked; "Stop waiting" passes that server over, the outcome names it, and the way on sends it there', async () => {
    const [patient, clinician] = [await person(), await person()];
    const record = await patientRecord(patient);
    const quiet = silentAt(patient.signer, { signInsOnly: true });
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${quiet.signer} relays=${`${relay.url} ${gated.url}`}></nip82-consent-prompt>`);
    await toSharePreview(el, clinician.pubkey);
    const renders = everyRender(el);

    quiet.arm(1);
    await tap(buttonByText(el, /^Share with npub1/)!);
    await waitUntil(() => quiet.asked() && stopButton(el), 'the sign-in is at the signer, and "Stop waiting" is offered', { timeout: 20000 });
    await el.updateComplete;
    expect(el.status).to.equal('waiting-signer');
    expect(text($(el, 'dialog [role=status]'))).to.equal(WAITING_SIGN_IN);
    expect(buttonByText(el, 'Back')!.getAttribute('aria-disabled'), 'Back stays off: part of it may be out').to.equal('true');
    await expect(el).to.be.accessible();

    const stopped = renders.length;
    await tap(stopButton(el)!);
    await waitUntil(() => el.status === 'done', 'the send ends without the sign-in', { timeout: 20000 });
    await el.updateComplete;
    // The send: "Sending…" until the server's sign-in is at the signer, "Waiting…" only then, and never after the stop.
    const sending = renders.findIndex((r) => r.said === 'Sending to 2 storage servers…');
    expect(sending, 'said while it is sent').to.be.greaterThan(-1);
    const waits = renders.slice(sending).filter((r) => r.status === 'waiting-signer');
    expect(waits.length, 'said while the sign-in is at the signer').to.be.greaterThan(0);
    expect(waits.map((r) => r.said).filter((line) => line !== WAITING_SIGN_IN), 'other waits during the send').to.deep.equal([]);
    expect(renders.slice(stopped).filter((r) => r.status === 'waiting-signer'), 'waits said after "Stop waiting"').to.deep.equal([]);
    expect(text($(el, '#result-title'))).to.equal(
      `Shared with ${shortNpub(clinician.pubkey)}. 1 of 2 storage servers accepted it. ` +
      'Not every storage server took it. It is in effect from the ones that did; send it to the others too, so that it is kept on all of them.',
    );
    expect(receiptLines(el).find((l) => l.includes(gated.url))).to.contain('asked you to sign in; you did not, so it did not accept it');
    expect(focused(el)?.id).to.equal('result-title');
    const shared = await sharesOn(relay.client, clinician);
    expect(shared, 'the share is on the server that took it').to.have.length.greaterThan(0);
    expect(await sharesOn(gated.client, clinician)).to.deep.equal([]);

    // The signer answers late: that signs the connection in, and still nothing of this share is sent there.
    quiet.release();
    await waitUntil(async () => (await relaySignIns('auth-write')).signIns.includes(patient.pubkey), 'the late sign-in reached the server');
    expect(await sharesOn(gated.client, clinician), 'sent there after "Stop waiting"').to.deep.equal([]);

    // The way on sends the same signed share there; nothing is signed again.
    await tap(buttonByText(el, MISSED)!);
    await waitUntil(() => el.status === 'done' && !buttonByText(el, MISSED), 'sent there too', { timeout: 20000 });
    expect(text($(el, '#result-title'))).to.equal(`Shared with ${shortNpub(clinician.pubkey)}. 2 of 2 storage servers accepted it.`);
    expect(await sharesOn(gated.client, clinician)).to.deep.equal(shared);
  });

  it('share, the only server: "Stop waiting" ends the wait, and the dialog says plainly that nothing was sent and the share is not in effect', async () => {
    const [patient, clinician] = [await person(), await person()];
    const record = await patientRecord(patient);
    const quiet = silentAt(patient.signer, { signInsOnly: true });
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${quiet.signer} relays=${gated.url}></nip82-consent-prompt>`);
    let sharedEvent = false;
    el.addEventListener('nip82-share', () => { sharedEvent = true; });
    await toSharePreview(el, clinician.pubkey);

    quiet.arm(1);
    await tap(buttonByText(el, /^Share with npub1/)!);
    await waitUntil(() => quiet.asked() && stopButton(el), 'the sign-in is asked, and "Stop waiting" offered', { timeout: 20000 });
    await tap(stopButton(el)!);
    await waitUntil(() => el.status === 'relay-error', 'the send ends without the sign-in', { timeout: 20000 });
    await el.updateComplete;
    expect(text($(el, 'dialog [role=status]'))).to.equal(
      'You stopped waiting for your signer and no storage server took it, so nothing was sent: the share is not in effect. You can try again.',
    );
    expect(receiptLines(el).join(' ')).to.contain('asked you to sign in; you did not, so it did not accept it');
    expect(buttonByText(el, 'Try again')).to.exist;
    expect(sharedEvent).to.equal(false);
    expect(await sharesOn(gated.client, clinician)).to.deep.equal([]);
    quiet.release();
    await waitUntil(() => quiet.answered(), 'the late answer came');
  });

  it('approve, beside another server: "Stop waiting" is offered in the answer\'s preview too, and the answer reaches the requester where it went', async () => {
    const [patient, clinician] = [await person(), await person()];
    const record = await patientRecord(patient);
    const { events, request } = await createAccessRequest({
      signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Pre-operative assessment', days: 30,
    });
    await relay.client.publishAll(events);
    const incoming: ConsentMessage = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
    const quiet = silentAt(patient.signer, { signInsOnly: true });
    const el = await fixture<Nip82ConsentPrompt>(
      html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${quiet.signer} relays=${`${relay.url} ${gated.url}`}></nip82-consent-prompt>`,
    );
    await tap($<HTMLButtonElement>(el, 'li.request button')!);
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await tap(buttonByText(el, /^Review: approve/)!);
    await waitUntil(() => buttonByText(el, /^Approve and share with /), 'the preview');
    const wrapsBefore = (await relay.client.query({ kinds: [GIFT_WRAP_KIND], '#p': [clinician.pubkey] })).events.length;

    quiet.arm(1);
    await tap(buttonByText(el, /^Approve and share with /)!);
    await waitUntil(() => quiet.asked() && stopButton(el), 'the sign-in is at the signer, and "Stop waiting" is offered', { timeout: 20000 });
    expect(text($(el, 'dialog [role=status]'))).to.equal(WAITING_SIGN_IN);
    await tap(stopButton(el)!);
    await waitUntil(() => el.status === 'done', 'approved without that server', { timeout: 20000 });
    await el.updateComplete;
    expect(text($(el, '#result-title'))).to.match(/^Approved\. .* can now open what you granted\. Not every storage server took it\./);
    expect(buttonByText(el, MISSED)).to.exist;
    expect((await relay.client.query({ kinds: [GIFT_WRAP_KIND], '#p': [clinician.pubkey] })).events.length).to.be.greaterThan(wrapsBefore);
    quiet.release();
    await waitUntil(() => quiet.answered(), 'the late answer came');
  });
});
