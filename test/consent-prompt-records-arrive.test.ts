/**
 * The patient answers a request before their records were loaded, and the records arrive in the
 * session while that answer is under way (another element on the page unlocks them): the answer
 * goes out exactly as the patient chose it, nothing built from the new records, and the dialog
 * does not change its choices under them. Once nothing is under way any more, the records that
 * came are there to choose from.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { sendKeys } from '@web/test-runner-commands';
import '../components/consent-prompt/define.js';
import '../components/record-viewer/define.js';
import '../components/session/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82Event } from '../components/shared/events.js';
import { createRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages, type ConsentMessage } from '../components/core/nip82/requests.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Signer } from '../components/core/signers/signer.js';
import { counting, person, relayAcceptsOnly, relayUrl, sampleBundle, silentAt, type Person } from './helpers.js';
import { $, $$, buttonByText, dialogOf, setInput, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-consent-prompt>: records arriving while an answer is under way', function () {
  this.timeout(60000);

  /** The patient's record and a clinician's request for their allergies, on `relay`. */
  async function recordAndRequest(client: RelayClient, patient: Person, clinician: Person): Promise<ConsentMessage> {
    await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }));
    const { events, request } = await createAccessRequest({
      signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Pre-operative assessment', days: 30,
    });
    await client.publishAll(events);
    return (await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
  }

  /**
   * The patient's page: a session holding the answer prompt and a record viewer (the other element
   * that loads records into the session), with the request's dialog open and no records loaded.
   */
  async function answerPage(relay: string, signer: Signer, patient: Person, request: ConsentMessage) {
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relay} .signer=${signer}>
      <nip82-consent-prompt mode="answer" .request=${request}></nip82-consent-prompt>
      <nip82-record-viewer></nip82-record-viewer>
    </nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const el = session.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    const viewer = session.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    expect(buttonByText(el, 'Unlock my records'), 'no records loaded yet').to.exist;
    return { el, viewer };
  }

  /** A patient with a record, and a clinician's request for it, on relay `name`; the caller closes `client`. */
  async function scene(name: 'main' | 'picky') {
    const url = await relayUrl(name);
    const client = new RelayClient({ relays: [url] });
    try {
      const [patient, clinician] = [await person(), await person()];
      return { url, client, patient, clinician, request: await recordAndRequest(client, patient, clinician) };
    } catch (error) {
      client.close();
      throw error;
    }
  }

  /** The viewer unlocks the patient's records into the session's store, as its button would. */
  async function recordsArrive(viewer: Nip82RecordViewer, el: Nip82ConsentPrompt) {
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done' && text(viewer.shadowRoot).includes('Penicillin'), 'records unlocked in the session');
    await el.updateComplete;
  }

  /** The items the answer dialog offers to choose from, by their words. */
  const itemsOffered = (el: Nip82ConsentPrompt) => $$(el, 'dialog li.item').map((li) => text(li.querySelector('label')));

  /** The answers to their request the clinician can read. */
  const answersTo = async (client: RelayClient, clinician: Person, requestId: string) =>
    (await readConsentMessages((await client.wrapsFor(clinician.pubkey)).events, clinician.signer)).filter((m) => m.answers === requestId);

  /** What reached the clinician: the answers to their request they can read, and any record parts naming them. */
  async function toClinician(client: RelayClient, clinician: Person, requestId: string) {
    const answers = await answersTo(client, clinician, requestId);
    const records = (await client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events;
    return { answers: answers.map((m) => ({ status: m.status, records: m.records })), records: records.length };
  }

  it('Deny while the signer is asked: the records that arrive change nothing under it, and the denial goes out as signed', async () => {
    const { url, client, patient, clinician, request } = await scene('main');
    try {
      const quiet = silentAt(patient.signer);
      const { el, viewer } = await answerPage(url, quiet.signer, patient, request);

      quiet.arm(1);
      const answered = oneEvent(el, 'nip82-answer');
      buttonByText(el, 'Deny')!.click();
      await waitUntil(() => quiet.asked(), 'the signer is asked to sign the denial');
      await recordsArrive(viewer, el);

      // Still the denial the patient asked for, waiting on their signer: no choices appear under it.
      expect(el.status).to.equal('waiting-signer');
      expect(text($(el, 'dialog [role=status]'))).to.contain('Your signer will be asked 4 times, to sign your answer.');
      expect(itemsOffered(el), 'no items to choose from appear under the denial').to.deep.equal([]);
      expect(buttonByText(el, 'Deny')!.getAttribute('aria-disabled')).to.equal('true');
      expect(buttonByText(el, /^Review: approve/)?.getAttribute('aria-disabled')).to.equal('true');

      quiet.release();
      const { detail } = (await answered) as Nip82Event<'nip82-answer'>;
      expect(detail).to.deep.equal({ requestId: request.id, decision: 'rejected', naddrs: [], recipient: request.requester, hidden: 0, missed: [] });
      await waitUntil(() => el.status === 'done', 'denied');
      await el.updateComplete;
      expect(text($(el, '#result-title'))).to.match(/^Denied\. npub1.+ has been told\.$/);
      expect(await toClinician(client, clinician, request.id)).to.deep.equal({ answers: [{ status: 'rejected', records: [] }], records: 0 });
    } finally {
      client.close();
    }
  });

  it('a signed denial no server took, left to try again: records arriving keep "Try again", which sends that same denial', async () => {
    const { url: picky, client, patient, clinician, request } = await scene('picky');
    try {
      const signer = counting(patient.signer);
      const { el, viewer } = await answerPage(picky, signer, patient, request);

      await relayAcceptsOnly('picky', 0);
      buttonByText(el, 'Deny')!.click();
      await waitUntil(() => el.status === 'relay-error', 'no server took the denial');
      await el.updateComplete;
      const nothingSent = 'No storage server accepted it. Nothing was shared or sent; you can try again.';
      expect(text($(el, 'dialog [role=status]'))).to.equal(nothingSent);
      expect(buttonByText(el, 'Try again'), 'the signed denial can be sent again').to.exist;

      await recordsArrive(viewer, el);
      // The signed denial is still the one on offer, said in the same words: no plan replaced it.
      expect(el.status).to.equal('relay-error');
      expect(text($(el, 'dialog [role=status]'))).to.equal(nothingSent);
      expect(buttonByText(el, 'Try again'), '"Try again" stays for the signed denial').to.exist;
      expect(itemsOffered(el)).to.deep.equal([]);

      const signings = () => ({ sign: signer.calls.signEvent ?? 0, encrypt: signer.calls.nip44Encrypt ?? 0 });
      const signed = signings();
      await relayAcceptsOnly('picky', null);
      const answered = oneEvent(el, 'nip82-answer');
      buttonByText(el, 'Try again')!.click();
      const { detail } = (await answered) as Nip82Event<'nip82-answer'>;
      expect(detail).to.deep.equal({ requestId: request.id, decision: 'rejected', naddrs: [], recipient: request.requester, hidden: 0, missed: [] });
      await waitUntil(() => el.status === 'done', 'sent');
      await el.updateComplete;
      expect(text($(el, '#result-title'))).to.match(/^Denied\. npub1.+ has been told\.$/);
      // The same signed events, sent: the signer was asked nothing more.
      expect(signings()).to.deep.equal(signed);
      expect(await toClinician(client, clinician, request.id)).to.deep.equal({ answers: [{ status: 'rejected', records: [] }], records: 0 });
    } finally {
      await relayAcceptsOnly('picky', null);
      client.close();
    }
  });
  it('a signed denial no server took is forgotten when the patient edits its note: the next Deny signs and sends the note as it now reads', async () => {
    const { url: picky, client, patient, clinician, request } = await scene('picky');
    try {
      const { el } = await answerPage(picky, patient.signer, patient, request);
      const note = $<HTMLTextAreaElement>(el, '#reply')!;

      await relayAcceptsOnly('picky', 0);
      setInput(note, 'Please call me first');
      buttonByText(el, 'Deny')!.click();
      await waitUntil(() => el.status === 'relay-error', 'no server took the denial');
      await el.updateComplete;
      expect(buttonByText(el, 'Try again'), 'the signed denial can be sent again').to.exist;

      // "Try again" would send the words signed before, not the ones now in the box.
      setInput(note, 'Please write to me instead');
      await el.updateComplete;
      expect(buttonByText(el, 'Try again') === undefined, 'the denial with the old note is no longer offered').to.equal(true);
      // Nor spoken of: the line offering to try again goes with it.
      expect(el.status).to.equal('idle');
      expect(text($(el, 'dialog [role=status]'))).to.equal('');

      await relayAcceptsOnly('picky', null);
      buttonByText(el, 'Deny')!.click();
      await waitUntil(() => el.status === 'done', 'denied');
      const answers = await answersTo(client, clinician, request.id);
      expect(answers.map((m) => [m.status, m.note])).to.deep.equal([['rejected', 'Please write to me instead']]);
    } finally {
      await relayAcceptsOnly('picky', null);
      client.close();
    }
  });

  it('the note cannot change while its denial is being signed: what goes out is what the box shows', async () => {
    const { url, client, patient, clinician, request } = await scene('main');
    try {
      const quiet = silentAt(patient.signer);
      const { el } = await answerPage(url, quiet.signer, patient, request);
      const note = $<HTMLTextAreaElement>(el, '#reply')!;
      setInput(note, 'Please call me first');

      quiet.arm(1);
      buttonByText(el, 'Deny')!.click();
      await waitUntil(() => quiet.asked(), 'the signer is asked to sign the denial');
      await el.updateComplete;
      note.focus();
      await sendKeys({ type: ' and soon' });
      expect(note.value).to.equal('Please call me first');

      quiet.release();
      await waitUntil(() => el.status === 'done', 'denied');
      const answers = await answersTo(client, clinician, request.id);
      expect(answers.map((m) => m.note)).to.deep.equal(['Please call me first']);
    } finally {
      client.close();
    }
  });

  it('records that arrived while the signer was asked are there to choose from once the patient stops waiting, and approving from them works', async () => {
    const { url, client, patient, clinician, request } = await scene('main');
    try {
      const quiet = silentAt(patient.signer);
      const { el, viewer } = await answerPage(url, quiet.signer, patient, request);

      quiet.arm(1);
      buttonByText(el, 'Deny')!.click();
      await waitUntil(() => quiet.asked(), 'the signer is asked to sign the denial');
      await recordsArrive(viewer, el);
      expect(itemsOffered(el)).to.deep.equal([]);

      buttonByText(el, 'Stop waiting')!.click();
      await waitUntil(() => el.status === 'cancelled', 'stopped waiting');
      await el.updateComplete;
      expect(text($(el, 'dialog [role=status]'))).to.equal('Stopped waiting for your signer. Nothing was shared or sent; you can try again.');
      // The records named in the dialog are the ones to choose from: never named with nothing to choose.
      expect(text($(el, '#records-from'))).to.contain('From which of your records');
      expect(itemsOffered(el)).to.deep.equal(['Penicillin']);
      // Penicillin, and the patient's details that go with it.
      const review = buttonByText(el, 'Review: approve and share 2 items')!;
      expect(review.disabled || review.getAttribute('aria-disabled') === 'true').to.equal(false);

      // The denial signed late goes nowhere.
      quiet.release();
      await waitUntil(() => quiet.answered(), 'the signer answers late');
      expect(await toClinician(client, clinician, request.id)).to.deep.equal({ answers: [], records: 0 });

      review.click();
      await el.updateComplete;
      const answered = oneEvent(el, 'nip82-answer');
      buttonByText(el, /^Approve and share with /)!.click();
      const { detail } = (await answered) as Nip82Event<'nip82-answer'>;
      expect(detail.decision).to.equal('active');
      await waitUntil(() => el.status === 'done', 'approved');
      const { answers, records } = await toClinician(client, clinician, request.id);
      expect(answers.map((a) => a.status)).to.deep.equal(['active']);
      expect(records).to.be.greaterThan(0);
    } finally {
      client.close();
    }
  });
});
