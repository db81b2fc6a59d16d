/**
 * What the consent prompt says, in the page's language and at the right moment: every line it
 * stores (what a read found or left, what went out of a half-sent share or answer, the wait for the
 * signer, the problems in the way, what was left of a share) follows the page when its language
 * changes; and while a share or an answer is signed, "Waiting for your signer" is said only while
 * a call to the signer is open, the preparing words while the storage servers are read.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { consentPromptStrings } from '../components/consent-prompt/consent-prompt.strings.js';
import { consentPromptStringsEs as es } from '../components/consent-prompt/consent-prompt.strings.es.js';
import type { PieceState } from '../components/consent-prompt/signed-action.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages, type ConsentMessage } from '../components/core/nip82/requests.js';
import type { Signer } from '../components/core/signers/signer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { shortNpub } from '../components/shared/identity.js';
import { downRelayUrl, fixture as dataFixture, person, relayAcceptsOnly, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, approveHalfWay, buttonByText, dialogOf, statusFollowsLanguage, text, typeRecipient } from './element-helpers.js';
import { waitUntil } from './wait.js';

const en = consentPromptStrings.en;
const WAITING = /^Waiting for your signer\./;

/** `base`, counting the calls to it still open; `holdAt` holds the next call it matches until `release`. */
function watched(base: Signer) {
  let open = 0;
  let match: ((call: string, arg: unknown) => boolean) | undefined;
  let gate = Promise.resolve();
  let release = () => {};
  let held = false;
  const call = async <T>(name: string, arg: unknown, work: () => Promise<T>): Promise<T> => {
    open += 1;
    try {
      if (match?.(name, arg)) {
        match = undefined;
        held = true;
        await gate;
      }
      return await work();
    } finally {
      open -= 1;
    }
  };
  const signer: Signer = {
    getPublicKey: () => call('getPublicKey', undefined, () => base.getPublicKey()),
    signEvent: (t) => call('signEvent', t, () => base.signEvent(t)),
    nip44Encrypt: (p, x) => call('nip44Encrypt', p, () => base.nip44Encrypt(p, x)),
    nip44Decrypt: (p, c) => call('nip44Decrypt', p, () => base.nip44Decrypt(p, c)),
  };
  return {
    signer,
    open: () => open,
    held: () => held,
    holdAt(when: (call: string, arg: unknown) => boolean) {
      held = false;
      gate = new Promise((resolve) => { release = resolve; });
      match = when;
    },
    release: () => release(),
  };
}

type Seen = { status: string; said: string; open: number };

/** The dialog's status line and the status of every render of `el` from now on, beside the signer calls open then. */
function everyRender(el: Nip82ConsentPrompt, open: () => number) {
  const seen: Seen[] = [];
  el.addController({ hostUpdated: () => seen.push({ status: el.status, said: text($(el, 'dialog [role=status]')), open: open() }) });
  return seen;
}

/**
 * What the dialog said while each storage server was read over HTTP (its limits), taken as the
 * answer came: the element waits on that read, so the line shown then is the one shown during it.
 */
function duringReads(el: Nip82ConsentPrompt, open: () => number) {
  const seen: Seen[] = [];
  const original = window.fetch;
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    const response = await original(...args);
    seen.push({ status: el.status, said: text($(el, 'dialog [role=status]')), open: open() });
    return response;
  };
  return { seen, restore: () => { window.fetch = original; } };
}

describe('<nip82-consent-prompt>: its words follow the page\'s language and tell the truth about the signer', function () {
  this.timeout(60000);

  const relay = sharedRelayClient();

  async function patientRecord(patient: Person, publish = false): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    if (publish) await relay.client.publishAll(events);
    return openRecord(events, patient.signer);
  }

  /** A prompt in an English page (the wrapper turns Spanish in the tests). */
  async function inPage(content: unknown) {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en">${content}</div>`);
    const el = wrapper.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    await el.updateComplete;
    return { wrapper, el };
  }

  async function toSharePreview(el: Nip82ConsentPrompt, clinician: Person) {
    buttonByText(el, en.openShare)!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await typeRecipient(el, clinician.pubkey);
    buttonByText(el, en.review)!.click();
    await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the preview');
  }

  /** A request from `clinician` to `patient`, as the patient reads it. */
  async function requestFrom(clinician: Person, patient: Person, on = relay.client): Promise<ConsentMessage> {
    const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up' });
    await on.publishAll(events);
    return (await readConsentMessages((await on.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
  }

  async function toApprovePreview(el: Nip82ConsentPrompt) {
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    buttonByText(el, /^Review: approve/)!.click();
    await waitUntil(() => buttonByText(el, /^Approve and share with /), 'the preview');
  }

  describe('lines that stay on screen follow the page\'s language', () => {
    it('what a read of the records found', async () => {
      const patient = await person();
      await patientRecord(patient, true);
      const { wrapper, el } = await inPage(html`<nip82-consent-prompt .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
      buttonByText(el, en.loadRecords)!.click();
      await waitUntil(() => el.status === 'done', 'loaded', { timeout: 20000 });
      await el.updateComplete;
      await statusFollowsLanguage(wrapper, el, { en: en.loaded(1, '1', 0, '0'), es: es.loaded(1, '1', 0, '0') }, { en: en.openShare, es: es.openShare }, '[role=status]');
    });

    it('what a check for requests found', async () => {
      const [patient, clinician] = [await person(), await person()];
      await requestFrom(clinician, patient);
      const { wrapper, el } = await inPage(html`<nip82-consent-prompt mode="answer" .records=${[await patientRecord(patient)]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
      buttonByText(el, en.checkRequests)!.click();
      await waitUntil(() => el.status === 'done', 'read', { timeout: 20000 });
      await el.updateComplete;
      await statusFollowsLanguage(wrapper, el, { en: en.requestsWaiting(1, '1'), es: es.requestsWaiting(1, '1') }, { en: en.checkRequests, es: es.checkRequests }, '[role=status]');
    });

    it('what stands in the way of the preview', async () => {
      const patient = await person();
      const { wrapper, el } = await inPage(html`<nip82-consent-prompt .records=${[await patientRecord(patient)]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
      buttonByText(el, en.openShare)!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      buttonByText(el, en.review)!.click();
      await waitUntil(() => $(el, '#problems'), 'the problems');
      await statusFollowsLanguage(wrapper, el, { en: en.recipientMissing, es: es.recipientMissing }, { en: en.review, es: es.review }, '#problems');
    });

    it('the wait for the signer while a share is signed, and the outcome once it is out', async () => {
      const [patient, clinician] = [await person(), await person()];
      const signer = watched(patient.signer);
      const { wrapper, el } = await inPage(html`<nip82-consent-prompt .records=${[await patientRecord(patient)]} .signer=${signer.signer} relays=${relay.url}></nip82-consent-prompt>`);
      await toSharePreview(el, clinician);
      signer.holdAt((call) => call !== 'getPublicKey');
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => signer.held() && el.status === 'waiting-signer', 'the signer is asked to sign', { timeout: 20000 });
      await el.updateComplete;
      await statusFollowsLanguage(wrapper, el, { en: en.waiting(en.signerApproval(1, '1', en.waitShare)), es: es.waiting(es.signerApproval(1, '1', es.waitShare)) }, { en: en.back, es: es.back });
      signer.release();
      await waitUntil(() => el.status === 'done', 'shared', { timeout: 20000 });
      await el.updateComplete;
      const who = shortNpub(clinician.pubkey);
      await statusFollowsLanguage(wrapper, el, { en: en.shared(who, 1, 1, '1', '1'), es: es.shared(who, 1, 1, '1', '1') }, { en: en.close, es: es.close }, '#result-title');
    });

    it('the wait for the signer while an approval\'s answer is signed, and while a denial is', async () => {
      const [patient, clinician] = [await person(), await person()];
      const signer = watched(patient.signer);
      const request = await requestFrom(clinician, patient);
      const { wrapper, el } = await inPage(html`<nip82-consent-prompt mode="answer" .request=${request} .records=${[await patientRecord(patient)]} .signer=${signer.signer} relays=${relay.url}></nip82-consent-prompt>`);
      await toApprovePreview(el);
      // The answer is sealed (kind 13) once the share is signed.
      signer.holdAt((call, arg) => call === 'signEvent' && (arg as { kind: number }).kind === 13);
      buttonByText(el, /^Approve and share with /)!.click();
      await waitUntil(() => signer.held() && el.status === 'waiting-signer', 'the signer is asked to sign the answer', { timeout: 20000 });
      await el.updateComplete;
      await statusFollowsLanguage(wrapper, el, { en: en.waiting(en.signerApproval(3, '3', en.waitApprove(5, '5'))), es: es.waiting(es.signerApproval(3, '3', es.waitApprove(5, '5'))) }, { en: en.back, es: es.back });
      signer.release();
      await waitUntil(() => el.status === 'done', 'approved', { timeout: 20000 });

      const other = await requestFrom(await person(), patient);
      const { wrapper: page, el: denying } = await inPage(html`<nip82-consent-prompt mode="answer" .request=${other} .records=${[await patientRecord(patient)]} .signer=${signer.signer} relays=${relay.url}></nip82-consent-prompt>`);
      $<HTMLButtonElement>(denying, 'li.request button')!.click();
      await waitUntil(() => dialogOf(denying).open, 'dialog opens');
      signer.holdAt((call) => call !== 'getPublicKey');
      buttonByText(denying, 'Deny')!.click();
      await waitUntil(() => signer.held() && denying.status === 'waiting-signer', 'the signer is asked to sign the denial', { timeout: 20000 });
      await denying.updateComplete;
      await statusFollowsLanguage(page, denying, { en: en.waiting(en.signerApproval(1, '1', en.waitAnswer(4, '4'))), es: es.waiting(es.signerApproval(1, '1', es.waitAnswer(4, '4'))) }, { en: en.cancel, es: es.cancel });
      signer.release();
      await waitUntil(() => denying.status === 'done', 'denied', { timeout: 20000 });
    });

    it('that no storage server took a share', async () => {
      const [patient, clinician] = [await person(), await person()];
      const { wrapper, el } = await inPage(html`<nip82-consent-prompt .records=${[await patientRecord(patient)]} .signer=${patient.signer} relays=${await downRelayUrl()}></nip82-consent-prompt>`);
      await toSharePreview(el, clinician);
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => el.status === 'relay-error', 'nothing went out', { timeout: 20000 });
      await el.updateComplete;
      await statusFollowsLanguage(wrapper, el, { en: en.relayNothing, es: es.relayNothing }, { en: en.tryAgain, es: es.tryAgain });
    });

    describe('on a storage server that takes only some of it', () => {
      const picky = sharedRelayClient('picky');
      afterEach(() => relayAcceptsOnly('picky', null));

      /** The pieces that make `said` in English, of shapes a share or an answer can have. */
      function statesOf(said: string, who: string, names: PieceState['name'][]): PieceState[] {
        for (let total = 1; total < 40; total++) {
          for (let sent = 0; sent <= total; sent++) {
            const states = names.map((name, i) => (i === 0 ? { name, sent, total } : { name, sent: 0, total: 1 }));
            if (en.partial(states, who) === said) return states;
          }
        }
        throw new Error(`no pieces say: ${said}`);
      }

      it('what went out of a half-sent approval', async () => {
        const [patient, clinician] = [await person(), await person()];
        const request = await requestFrom(clinician, patient, picky.client);
        const { wrapper, el } = await inPage(html`<nip82-consent-prompt mode="answer" .request=${request} .records=${[await patientRecord(patient)]} .signer=${patient.signer} relays=${picky.url}></nip82-consent-prompt>`);
        await approveHalfWay(el);
        const who = shortNpub(clinician.pubkey);
        const said = text($(el, 'dialog [role=status]'));
        const states = statesOf(said, who, ['share', 'answer', 'copy']);
        await statusFollowsLanguage(wrapper, el, { en: said, es: es.partial(states, who) }, { en: en.finishSending, es: es.finishSending });
      });

      it('what went out of a half-sent share, when it is reopened, and what stays of it once left for a new one', async () => {
        const [patient, clinician] = [await person(), await person()];
        // Large enough to be shared in several parts, so that one can go out and the rest not.
        const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
        const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
        const { wrapper, el } = await inPage(html`<nip82-consent-prompt .records=${[record]} .signer=${patient.signer} relays=${picky.url}></nip82-consent-prompt>`);
        await toSharePreview(el, clinician);
        await relayAcceptsOnly('picky', 1);
        buttonByText(el, /^Share with npub1/)!.click();
        await waitUntil(() => el.status === 'relay-error', 'stopped half way', { timeout: 20000 });
        await el.updateComplete;
        const who = shortNpub(clinician.pubkey);
        const said = text($(el, 'dialog [role=status]'));
        const partly = { en: said, es: es.partial(statesOf(said, who, ['share']), who) };
        await statusFollowsLanguage(wrapper, el, partly, { en: en.finishSending, es: es.finishSending });

        const closed = oneEvent(dialogOf(el), 'close');
        buttonByText(el, en.close)!.click();
        await closed;
        buttonByText(el, en.openShare)!.click();
        await waitUntil(() => dialogOf(el).open && buttonByText(el, en.leaveUnfinished), 'reopened on what went out');
        await el.updateComplete;
        await statusFollowsLanguage(wrapper, el, partly, { en: en.leaveUnfinished, es: es.leaveUnfinished }, 'dialog [role=status]');

        buttonByText(el, en.leaveUnfinished)!.click();
        await waitUntil(() => $(el, '#left-note'), 'the share form, with what stays');
        await statusFollowsLanguage(wrapper, el, { en: en.leftUnfinished(who), es: es.leftUnfinished(who) }, { en: en.review, es: es.review }, '#left-note');
      });
    });
  });

  describe('"Waiting for your signer" only while a call to it is open', () => {
    it('a share: the servers are read with the preparing words, and every render that says it waits has a call open', async () => {
      const [patient, clinician] = [await person(), await person()];
      const signer = watched(patient.signer);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[await patientRecord(patient)]} .signer=${signer.signer} relays=${relay.url}></nip82-consent-prompt>`);
      await toSharePreview(el, clinician);
      const renders = everyRender(el, signer.open);
      const reads = duringReads(el, signer.open);
      try {
        buttonByText(el, /^Share with npub1/)!.click();
        await waitUntil(() => el.status === 'done', 'shared', { timeout: 20000 });
      } finally {
        reads.restore();
      }
      expect(renders.filter((r) => WAITING.test(r.said) && r.open === 0), 'said with no call open').to.deep.equal([]);
      expect(renders.filter((r) => r.status === 'waiting-signer').length, 'said while it is asked').to.be.greaterThan(0);
      expect(reads.seen.length, 'the servers were read').to.be.greaterThan(0);
      expect(reads.seen, 'while the servers are read').to.deep.equal(reads.seen.map(() => ({ status: 'working', said: en.preparing, open: 0 })));
    });

    it('an approval: its share, then its answer; every render that says it waits has a call open', async () => {
      const [patient, clinician] = [await person(), await person()];
      const signer = watched(patient.signer);
      const request = await requestFrom(clinician, patient);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${request} .records=${[await patientRecord(patient)]} .signer=${signer.signer} relays=${relay.url}></nip82-consent-prompt>`);
      await toApprovePreview(el);
      const renders = everyRender(el, signer.open);
      const reads = duringReads(el, signer.open);
      try {
        buttonByText(el, /^Approve and share with /)!.click();
        await waitUntil(() => el.status === 'done', 'approved', { timeout: 20000 });
      } finally {
        reads.restore();
      }
      expect(renders.filter((r) => WAITING.test(r.said) && r.open === 0), 'said with no call open').to.deep.equal([]);
      expect(reads.seen.length, 'the servers were read').to.be.greaterThan(0);
      expect(reads.seen, 'while the servers are read').to.deep.equal(reads.seen.map(() => ({ status: 'working', said: en.preparing, open: 0 })));
      expect(renders.map((r) => r.said), 'while the answer is signed').to.include(en.waiting(en.waitApprove(5, '5')));
    });
  });
});
