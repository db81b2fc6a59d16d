/**
 * A storage server that stores an event but answers after the send's deadline: the share, the
 * approval or the revocation may be in effect. The page says it may have gone out, never that
 * nothing was, and offers only to finish sending the same signed events: no Deny, no fresh share,
 * nothing dropped on close, nothing signed again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import '../components/access-list/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord, type OpenedRecord, type Participant } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { shortNpub } from '../components/shared/identity.js';
import { counting, person, relayAnswersLate, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, $$, buttonByText, dialogOf, statusFollowsLanguage, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** Later than the elements' deadline for a storage server's answer (8 s). */
const LATE_MS = 9000;
const NOTHING = /Nothing was shared or sent|No storage server accepted it/;

describe('a storage server that answers after the deadline', function () {
  this.timeout(90000);

  const picky = sharedRelayClient('picky');
  afterEach(() => relayAnswersLate('picky', 0));

  async function publishedRecord(patient: Person, participants: Participant[] = []): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
    await picky.client.publishAll(events);
    return openRecord(events, patient.signer);
  }

  const sharesFor = async (who: Person) => (await picky.client.query({ kinds: [RECORD_KIND], '#p': [who.pubkey] })).events;
  const dialogButtons = (el: HTMLElement) => $$<HTMLButtonElement>(el, 'dialog button').map((b) => text(b));

  it('share: says it may have reached them and the recipient may open it; only Finish sending, kept on close; finishing sends the same share', async () => {
    const [patient, clinician] = [await person(), await person()];
    const record = await publishedRecord(patient);
    const signer = counting(patient.signer);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><nip82-consent-prompt .records=${[record]} .signer=${signer} relays=${picky.url} recipient=${clinician.pubkey}></nip82-consent-prompt></div>`);
    const el = wrapper.querySelector('nip82-consent-prompt')!;
    await el.updateComplete;
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    buttonByText(el, 'Review')!.click();
    await el.updateComplete;
    await relayAnswersLate('picky', LATE_MS);
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el.status === 'relay-error', 'the deadline passed', { timeout: 30000 });
    await el.updateComplete;

    const said = text($(el, 'dialog [role=status]'));
    expect(said).not.to.match(NOTHING);
    const who = shortNpub(clinician.pubkey);
    await statusFollowsLanguage(wrapper, el, {
      en: `The storage servers did not confirm it in time, so it may have reached them, and ${who} may already be able to open it. Finish sending to make sure; nothing is signed again.`,
      es: `Los servidores de almacenamiento no lo confirmaron a tiempo, así que puede que les haya llegado y que ${who} ya pueda abrirlo. Termine el envío para asegurarse; no se firma nada de nuevo.`,
    }, { en: 'Finish sending', es: 'Terminar el envío' });
    expect(dialogButtons(el)).to.include('Finish sending');
    expect(dialogButtons(el), 'no new share beside one that may be out').not.to.include('Leave it and start a new share');
    expect(dialogButtons(el).some((b) => b.startsWith('Share with'))).to.equal(false);
    // It did land: the recipient can open it.
    await waitUntil(async () => (await sharesFor(clinician)).length === 1, 'the relay holds the share', { timeout: 20000 });

    // Closed and opened again: the same signed share, to be finished, not a fresh form.
    const closed = new Promise((r) => dialogOf(el).addEventListener('close', r, { once: true }));
    buttonByText(el, 'Close')!.click();
    await closed;
    await el.updateComplete;
    expect(text($(el, '.base > .state [role=status]'))).to.contain('may have reached them');
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens again');
    await el.updateComplete;
    expect(text($(el, 'dialog [role=status]'))).to.contain('may already be able to open it');
    expect(dialogButtons(el)).to.include('Finish sending');

    await relayAnswersLate('picky', 0);
    const calls = { ...signer.calls };
    buttonByText(el, 'Finish sending')!.click();
    await waitUntil(() => el.status === 'done', 'finished', { timeout: 20000 });
    await el.updateComplete;
    expect(text($(el, '#result-title'))).to.match(/^Shared with npub1/);
    expect(signer.calls, 'nothing signed again').to.deep.equal(calls);
    expect(await sharesFor(clinician), 'one share, not two').to.have.length(1);
  });

  /** A clinician's request for allergies, with the patient's answer dialog open on it. */
  async function requestOpened() {
    const [patient, clinician] = [await person(), await person()];
    const record = await publishedRecord(patient);
    const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up' });
    await picky.client.publishAll(events);
    const incoming = (await readConsentMessages((await picky.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer} relays=${picky.url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    return { clinician, request, el };
  }

  it('approval: says it may have reached them, never offers Deny (not even reopened), and finishing delivers the approval', async () => {
    const { clinician, request, el } = await requestOpened();
    buttonByText(el, /^Review: approve/)!.click();
    await el.updateComplete;
    await relayAnswersLate('picky', LATE_MS);
    buttonByText(el, /^Approve and share with npub1/)!.click();
    await waitUntil(() => el.status === 'relay-error', 'the deadline passed', { timeout: 30000 });
    await el.updateComplete;

    const who = shortNpub(clinician.pubkey);
    expect(text($(el, 'dialog [role=status]'))).not.to.match(NOTHING);
    expect(text($(el, 'dialog [role=status]'))).to.contain('may have reached them');
    expect(text($(el, 'dialog .warning'))).to.equal(
      `You approved this request and the share may already have reached a storage server, where ${who} could open it, so it can no longer be denied. To take access back after sending, revoke the share.`,
    );
    expect(dialogButtons(el)).not.to.include('Deny');
    expect(dialogButtons(el)).to.include('Finish sending');
    await waitUntil(async () => (await sharesFor(clinician)).length === 1, 'the relay holds the share', { timeout: 20000 });

    const closed = new Promise((r) => dialogOf(el).addEventListener('close', r, { once: true }));
    buttonByText(el, 'Close')!.click();
    await closed;
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens again');
    await el.updateComplete;
    expect(dialogButtons(el), 'reopened: still no Deny').not.to.include('Deny');

    await relayAnswersLate('picky', 0);
    buttonByText(el, 'Finish sending')!.click();
    await waitUntil(() => el.status === 'done', 'finished', { timeout: 20000 });
    await el.updateComplete;
    expect(text($(el, '#result-title'))).to.match(/^Approved\./);
    const answers = await readConsentMessages((await picky.client.wrapsFor(clinician.pubkey)).events, clinician.signer);
    expect(answers.filter((m) => m.answers === request.id).map((m) => m.status)).to.deep.equal(['active']);
    expect(await sharesFor(clinician)).to.have.length(1);
  });

  it('denial: says the requester may already have the answer, offers no Approve, and finishing delivers the same denial', async () => {
    const { clinician, request, el } = await requestOpened();
    await relayAnswersLate('picky', LATE_MS);
    buttonByText(el, 'Deny')!.click();
    await waitUntil(() => el.status === 'relay-error', 'the deadline passed', { timeout: 30000 });
    await el.updateComplete;
    expect(text($(el, 'dialog [role=status]'))).to.equal(
      `The storage servers did not confirm it in time, so it may have reached them, and ${shortNpub(clinician.pubkey)} may already have your answer. Finish sending to make sure; nothing is signed again.`,
    );
    expect(dialogButtons(el).filter((b) => /^(Deny|Review: approve|Approve)/.test(b))).to.deep.equal([]);
    expect(dialogButtons(el)).to.include('Finish sending');

    await relayAnswersLate('picky', 0);
    buttonByText(el, 'Finish sending')!.click();
    await waitUntil(() => el.status === 'done', 'finished', { timeout: 20000 });
    const answers = await readConsentMessages((await picky.client.wrapsFor(clinician.pubkey)).events, clinician.signer);
    expect(answers.filter((m) => m.answers === request.id).map((m) => m.status)).to.deep.equal(['rejected']);
  });

  it('revoke: says the change may have reached them, keeps it beside the list when closed, and trying again sends the same change', async () => {
    const [patient, clinician, family] = [await person(), await person(), await person()];
    const record = await publishedRecord(patient, [{ pubkey: clinician.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const signer = counting(patient.signer);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><nip82-access-list .records=${[record]} .signer=${signer} relays=${picky.url}></nip82-access-list></div>`);
    const el = wrapper.querySelector('nip82-access-list')!;
    await el.updateComplete;
    const revoke = () => $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`);
    await waitUntil(() => revoke(), 'listed');
    revoke()!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    await relayAnswersLate('picky', LATE_MS);
    buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
    await waitUntil(() => el.status === 'relay-error', 'the deadline passed', { timeout: 30000 });
    await el.updateComplete;

    await statusFollowsLanguage(wrapper, el, {
      en: 'The storage servers did not confirm the change in time, so it may have reached them: access may already be revoked, or not yet. Try again to make sure; nothing new is signed.',
      es: 'Los servidores de almacenamiento no confirmaron el cambio a tiempo, así que puede que les haya llegado: quizá el acceso ya esté revocado, o todavía no. Vuelva a intentarlo para asegurarse; no se firmará nada nuevo.',
    }, { en: 'Try again', es: 'Reintentar' });
    // It did land: the newest version no longer lists the clinician.
    const listed = async () => (await picky.client.query({ kinds: [RECORD_KIND], authors: [record.signPubkey] })).events.flatMap((e) => e.tags.filter((t) => t[0] === 'p').map((t) => t[1]));
    await waitUntil(async () => !(await listed()).includes(clinician.pubkey), 'the relay holds the new version', { timeout: 20000 });

    const closed = new Promise((r) => dialogOf(el).addEventListener('close', r, { once: true }));
    buttonByText(el, 'Cancel')!.click();
    await closed;
    await el.updateComplete;
    const notice = $(el, '[part=unfinished]');
    expect(text(notice)).to.contain(`Revoking access for ${shortNpub(clinician.pubkey)} was not confirmed in time: it may have reached the storage servers, or not yet.`);

    await relayAnswersLate('picky', 0);
    const calls = { ...signer.calls };
    buttonByText(el, 'Try again')!.click();
    await waitUntil(() => el.status === 'done', 'in force', { timeout: 20000 });
    await el.updateComplete;
    expect(signer.calls, 'nothing signed again').to.deep.equal(calls);
    expect(text($(el, '[role=status]'))).to.match(new RegExp(`^Access revoked for ${shortNpub(clinician.pubkey)}`));
    expect($(el, `[part=person][data-pubkey="${clinician.pubkey}"]`)).to.equal(null);
  });
});
