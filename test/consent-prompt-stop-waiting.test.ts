/**
 * A signer that never answers while the consent prompt's dialog asks it (a remote signer on a
 * phone, with no Escape key): the dialog's live "Stop waiting" ends the wait at once, nothing goes
 * out (not even once the signer answers late), the dialog says so, focus stays in the dialog, and
 * the patient can start again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages, type ConsentMessage } from '../components/core/nip82/requests.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { heldDecrypt, person, sampleBundle, silentAt, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, buttonByText, dialogOf, focused, statusFollowsLanguage, stopButton, tap, text, typeRecipient, toSharePreview } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-consent-prompt>: "Stop waiting" while the signer never answers', function () {
  this.timeout(60000);

  const relay = sharedRelayClient();
  before(async () => {
    await setViewport({ width: 320, height: 640 });
  });
  after(() => setViewport({ width: 800, height: 600 }));

  async function patientRecord(patient: Person, publish = true): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    if (publish) await relay.client.publishAll(events);
    return openRecord(events, patient.signer);
  }

  async function incomingRequest(patient: Person, clinician: Person): Promise<ConsentMessage> {
    const { events, request } = await createAccessRequest({
      signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Pre-operative assessment', days: 30,
    });
    await relay.client.publishAll(events);
    return (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
  }

  /** Events on the relay the clinician could be handed: shares naming them, and gift wraps to them (their request's own copy aside). */
  const toClinician = async (clinician: Person) => (await relay.client.query({ '#p': [clinician.pubkey] })).events.length;

  it('share: the signature never comes; a tap on "Stop waiting" ends it, nothing is shared, a late answer sends nothing, and sharing works again', async () => {
    const patient = await person();
    const clinician = await person();
    const quiet = silentAt(patient.signer);
    const record = await patientRecord(patient, false);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${quiet.signer} relays=${relay.url}></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await typeRecipient(el, clinician.pubkey);
    buttonByText(el, 'Review')!.click();
    await el.updateComplete;
    expect(stopButton(el), 'no "Stop waiting" before the signer is asked').to.equal(undefined);

    quiet.arm(1);
    // The Share button's own handler, called as its click would, so the test can wait for the action to end.
    const action = (el as unknown as { confirmShare: () => Promise<void> }).confirmShare();
    await waitUntil(() => quiet.asked(), 'the signer is asked to sign');
    await el.updateComplete;
    expect(el.status).to.equal('waiting-signer');
    expect(buttonByText(el, /^Share with npub1/)!.getAttribute('aria-disabled')).to.equal('true');
    const stop = stopButton(el);
    expect(stop, 'a live "Stop waiting" while the signer is asked').to.exist;
    await expect(el).to.be.accessible();

    await tap(stop!);
    await waitUntil(() => el.status === 'cancelled', 'stopped at once');
    await el.updateComplete;
    expect(dialogOf(el).open, 'the dialog stays to say what happened').to.equal(true);
    expect(text($(el, 'dialog [role=status]'))).to.equal('Stopped waiting for your signer. Nothing was shared or sent; you can try again.');
    expect(focused(el)?.id).to.equal('preview-title');
    expect(stopButton(el)).to.equal(undefined);
    expect(buttonByText(el, /^Share with npub1/)!.getAttribute('aria-disabled')).to.equal('false');

    // The signer answers late: the action ends with nothing more asked or sent.
    quiet.release();
    await action;
    expect(quiet.answered()).to.equal(true);
    await el.updateComplete;
    expect(el.status).to.equal('cancelled');
    expect((await relay.client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events).to.have.length(0);

    // Sharing again works: signed afresh and sent.
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el.status === 'done', 'shared the second time');
    expect((await relay.client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events.length).to.be.greaterThan(0);
  });

  it('"Stopped waiting…" follows the page\'s language: Spanish once the page is, English again after', async () => {
    const patient = await person();
    const clinician = await person();
    const quiet = silentAt(patient.signer);
    const record = await patientRecord(patient, false);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><nip82-consent-prompt .records=${[record]} .signer=${quiet.signer} relays=${relay.url}></nip82-consent-prompt></div>`);
    const el = wrapper.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    await toSharePreview(el, clinician.pubkey);
    quiet.arm(1);
    await tap(buttonByText(el, /^Share with npub1/)!);
    await waitUntil(() => quiet.asked() && stopButton(el), 'the signer is asked, and "Stop waiting" is offered');
    await tap(stopButton(el)!);
    await waitUntil(() => el.status === 'cancelled', 'stopped');
    await el.updateComplete;
    await statusFollowsLanguage(wrapper, el,
      { en: 'Stopped waiting for your signer. Nothing was shared or sent; you can try again.', es: 'Se dejó de esperar a su firmador. No se compartió ni envió nada; puede volver a intentarlo.' },
      { en: 'Back', es: 'Atrás' });
    quiet.release();
    await waitUntil(() => quiet.answered(), 'the late answer came');
  });

  it('approve: the 3rd signer call never comes; "Stop waiting" ends it, nothing reaches the requester, even once the signer answers late', async () => {
    const patient = await person();
    const clinician = await person();
    const quiet = silentAt(patient.signer);
    const record = await patientRecord(patient, false);
    const incoming = await incomingRequest(patient, clinician);
    const el = await fixture<Nip82ConsentPrompt>(
      html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${quiet.signer} relays=${relay.url}></nip82-consent-prompt>`,
    );
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    buttonByText(el, /^Review: approve/)!.click();
    await el.updateComplete;
    const before = await toClinician(clinician);

    quiet.arm(3);
    const action = (el as unknown as { approve: () => Promise<void> }).approve();
    await waitUntil(() => quiet.asked(), 'the 3rd signer call is asked');
    await el.updateComplete;
    // Back and the Approve button say they are busy; "Stop waiting" is the way out.
    expect(buttonByText(el, 'Back')!.getAttribute('aria-disabled')).to.equal('true');
    expect(stopButton(el), 'a live "Stop waiting" while the signer is asked').to.exist;
    await tap(stopButton(el)!);
    await waitUntil(() => el.status === 'cancelled', 'stopped at once');
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(true);
    expect(text($(el, 'dialog [role=status]'))).to.equal('Stopped waiting for your signer. Nothing was shared or sent; you can try again.');
    expect(focused(el)?.id).to.equal('preview-title');

    quiet.release();
    await action;
    await el.updateComplete;
    expect(el.status).to.equal('cancelled');
    expect(await toClinician(clinician)).to.equal(before);

    // Approving again goes through.
    buttonByText(el, /^Approve and share with /)!.click();
    await waitUntil(() => el.status === 'done', 'approved the second time');
    expect(await toClinician(clinician)).to.be.greaterThan(before);
  });

  it('"Unlock my records" in the answer dialog: the decrypt never comes; "Stop waiting" ends the wait, and the records a late answer opens still arrive', async () => {
    const patient = await person();
    const clinician = await person();
    await patientRecord(patient);
    const incoming = await incomingRequest(patient, clinician);
    const held = heldDecrypt(patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(
      html`<nip82-consent-prompt mode="answer" .request=${incoming} .signer=${held.signer} relays=${relay.url}></nip82-consent-prompt>`,
    );
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => held.asked(), 'the decrypt is asked');
    await el.updateComplete;
    expect(el.status).to.equal('waiting-signer');
    expect(stopButton(el), 'a live "Stop waiting" while the records are opened').to.exist;

    await tap(stopButton(el)!);
    await waitUntil(() => el.status === 'cancelled', 'stopped at once');
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(true);
    expect(text($(el, 'dialog [role=status]'))).to.equal('Stopped waiting for your signer. It may still ask you to confirm; if you do, your records load here.');
    expect(focused(el)?.id).to.equal('dialog-title');
    // Free again: Cancel and "Unlock my records" are live.
    expect(buttonByText(el, 'Unlock my records')!.getAttribute('aria-disabled')).to.equal('false');
    expect(buttonByText(el, 'Cancel')!.getAttribute('aria-disabled')).to.equal('false');

    // The signer answers late: the records come into the dialog, ready to approve from.
    held.release();
    await waitUntil(() => $(el, '#records-from') && !buttonByText(el, /^Review: approve/)?.disabled, 'records arrive');
    expect(el.status).to.equal('cancelled');
  });
});
