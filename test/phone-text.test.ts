/**
 * A phone 320 CSS px wide, as test/phone-width.test.ts checks it in English, now in Spanish (longer
 * words: "historiales", "Compartir historiales…", "Revocar acceso") and with the reader's text at
 * 200% (the page's root font size, WCAG 1.4.4 resize text and 1.4.10 reflow): in the main states
 * of the five elements a person sees, the page does not scroll sideways, no dialog is wider or
 * taller than the screen, every control is big enough and uncovered, nothing is cut off, no word
 * is split, and all text follows the reader's size (test/reflow.ts).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82Session } from '../components/session/session.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { markWithheld } from '../components/core/fhir/withheld-mark.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import type { NostrEvent } from '../components/core/events.js';
import { waitUntil } from './wait.js';
import { fixture as dataFixture, person, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, buttonByText, dialogOf, setInput, text, typeRecipient } from './element-helpers.js';
import { expectReflows, onPhone, publishDeniedRequest, publishEndedShare } from './reflow.js';

/** The words a person taps, in each language the page may speak. */
const words = {
  en: {
    showAccess: 'Unlock my records', showHistory: 'Show consent history', openShare: 'Share records…', review: 'Review',
    shareWith: /^Share with /, approve: /^Review: approve/, timeline: 'Timeline', showCode: /^Show a code/, revokeWho: /^Revoke access for Harbor/, clear: 'Clear',
  },
  es: {
    showAccess: 'Desbloquear mis historiales', showHistory: 'Ver historial de consentimientos', openShare: 'Compartir historiales…', review: 'Revisar',
    shareWith: /^Compartir con /, approve: /^Revisar: aprobar/, timeline: 'Cronología', showCode: /^Mostrar un código/, revokeWho: /^Revocar el acceso de Harbor/, clear: 'Borrar',
  },
};

const cases = [
  { name: 'in Spanish', lang: 'es' as const },
  { name: 'with text at 200%', lang: 'en' as const, fontSize: '200%' },
  { name: 'in Spanish with text at 200%', lang: 'es' as const, fontSize: '200%' },
];

const CLINIC = 'Harbor Community Health Clinic and Family Practice';

for (const { name, lang, fontSize } of cases) {
  describe(`at 320 CSS px wide ${name}`, function () {
    this.timeout(120000);
    const say = words[lang];
    let patient: Person;
    let clinician: Person;
    let family: Person;

    onPhone({ fontSize });
    const relay = sharedRelayClient();
    beforeEach(async () => {
      [patient, clinician, family] = [await person(), await person(), await person()];
      const profile = { name: CLINIC, picture: 'https://example.com/harbor.png', nip05: 'frontdesk@harbor.example.org' };
      await relay.client.publishAll([(await clinician.signer.signEvent({ kind: 0, created_at: Math.floor(Date.now() / 1000), tags: [], content: JSON.stringify(profile) })) as NostrEvent]);
    });

    /** `element` under a page in the case's language, after its first render there. */
    async function onPage<T extends HTMLElement & { updateComplete: Promise<unknown> }>(element: ReturnType<typeof html>): Promise<T> {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>${element}</div>`);
      const el = wrapper.firstElementChild as T;
      await el.updateComplete;
      return el;
    }

    async function patientRecord(participants: { pubkey: string; role: 'editor' | 'viewer' }[] = []): Promise<OpenedRecord> {
      const events = await createRecord({ bundle: (await dataFixture('synthea-patient.json')) as FhirBundle, author: patient.signer, participants });
      await relay.client.publishAll(events);
      return openRecord(events, patient.signer);
    }

    it('the session: signing in, with the code for a signer app shown, and signed in', async () => {
      const el = await onPage<Nip82Session>(html`<nip82-session relays=${relay.url}></nip82-session>`);
      await waitUntil(() => $(el, 'details')?.hasAttribute('open'), 'the remote signer\'s way in is open');
      for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
      await expectReflows(el, 'signing in');
      buttonByText(el, say.showCode)!.click();
      await waitUntil(() => $(el, '[part=qr]'), 'the code', { timeout: 20000 });
      await expectReflows(el, 'the code for a signer app');
      el.signer = clinician.signer;
      await waitUntil(() => el.pubkey === clinician.pubkey && (el.shadowRoot!.textContent ?? '').includes('Harbor'), 'signed in, with their name', { timeout: 20000 });
      await expectReflows(el, 'signed in');
    });

    it('the record viewer: before unlocking', async () => {
      const el = await onPage<Nip82RecordViewer>(html`<nip82-record-viewer relays=${relay.url} .signer=${family.signer}></nip82-record-viewer>`);
      await waitUntil(() => $(el, '.gate button'), 'the way to unlock');
      await expectReflows(el, 'before unlocking');
    });

    it('the record viewer: a full record with a hidden-item flag, searched, and its timeline', async () => {
      const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
      const hidden = [{ resourceType: 'Condition', id: 'h1' }, { resourceType: 'Observation', id: 'h2' }];
      const el = await onPage<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${markWithheld(bundle, hidden, 'count-and-kind')}></nip82-record-viewer>`);
      await waitUntil(() => el.status === 'done' && $(el, 'nip82-hidden-flag')?.shadowRoot?.textContent, 'shown with its flag', { timeout: 20000 });
      await expectReflows(el, 'a full record with a flag');
      const all = $$(el, '[part=item]').length;
      setInput($<HTMLInputElement>(el, '.search input')!, 'ankle');
      await waitUntil(() => $$(el, '[part=item]').length > 0 && $$(el, '[part=item]').length < all, 'searched', { timeout: 20000 });
      await expectReflows(el, 'searched');
      setInput($<HTMLInputElement>(el, '.search input')!, '');
      await waitUntil(() => $$(el, '[part=item]').length === all, 'the search cleared', { timeout: 20000 });
      buttonByText(el, say.timeline)!.click();
      await expectReflows(el, 'its timeline');
    });

    it('the consent prompt: the share dialog with a chosen person, its preview and result; the answer dialog', async () => {
      const record = await patientRecord();
      const el = await onPage<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays=${relay.url} picture-hosts="example.com"></nip82-consent-prompt>`);
      await expectReflows(el, 'share: closed');
      buttonByText(el, say.openShare)!.click();
      await waitUntil(() => dialogOf(el).open, 'the share dialog');
      await typeRecipient(el, clinician.pubkey);
      const picker = $(el, 'nip82-npub-picker')!.shadowRoot!;
      await waitUntil(() => picker.querySelector('[part~=verify-button]') && (picker.textContent ?? '').includes('Harbor'), 'their profile', { timeout: 20000 });
      await expectReflows(el, 'share: choose');
      buttonByText(el, say.review)!.click();
      await waitUntil(() => buttonByText(el, say.shareWith), 'the preview');
      await expectReflows(el, 'share: preview');
      buttonByText(el, say.shareWith)!.click();
      await waitUntil(() => el.status === 'done', 'shared', { timeout: 20000 });
      await expectReflows(el, 'share: result');
      el.parentElement!.remove();

      const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Condition', 'Immunization'], purpose: 'Referral to a specialist' });
      await relay.client.publishAll(events);
      const incoming = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
      const answer = await onPage<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
      await expectReflows(answer, 'answer: the request');
      $<HTMLButtonElement>(answer, 'li.request button')!.click();
      await waitUntil(() => dialogOf(answer).open, 'the answer dialog');
      await expectReflows(answer, 'answer: choose');
      buttonByText(answer, say.approve)!.click();
      await waitUntil(() => buttonByText(answer, say.shareWith) ?? $$(answer, 'dialog button').find((b) => /npub1|Harbor/.test(b.textContent ?? '')), 'the answer preview');
      await expectReflows(answer, 'answer: preview');
    });

    it('the access list: people with access, an ended share, their history, the revoke dialog and its outcome', async () => {
      const record = await patientRecord([{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }]);
      await publishEndedShare(relay.client, record, patient, clinician);
      await publishDeniedRequest(relay.client, patient, clinician);
      const el = await onPage<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${relay.url}></nip82-access-list>`);
      await expectReflows(el, 'before loading');
      buttonByText(el, say.showAccess)!.click();
      await waitUntil(() => $(el, '[part=record]') && $(el, '[part=overdue]') && (el.shadowRoot!.textContent ?? '').includes('Harbor'), 'people, named, and the ended share', { timeout: 20000 });
      buttonByText(el, say.showHistory)!.click();
      await waitUntil(() => $(el, 'table.history'), 'history', { timeout: 20000 });
      await expectReflows(el, 'people and history');
      $(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`)!.click();
      await waitUntil(() => dialogOf(el).open, 'the revoke dialog', { timeout: 20000 });
      await expectReflows(el, 'the revoke dialog');
      buttonByText(el, say.revokeWho)!.click();
      await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
      await expectReflows(el, 'revoked');
    });

    it('the npub picker: its suggestions, a chosen person with a picture, a long name and a claim, and a name not found', async () => {
      const el = await onPage<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay.url} picture-hosts="example.com" .recent=${[clinician.pubkey]} .follows=${[family.pubkey]}></nip82-npub-picker>`);
      await expectReflows(el, 'empty');
      $<HTMLInputElement>(el, '#input')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => $(el, '[part=listbox]') && (text($(el, '[part=listbox]'))).includes('Harbor'), 'the suggestions, named', { timeout: 20000 });
      await expectReflows(el, 'its suggestions');
      await sendKeys({ press: 'Escape' });
      el.value = clinician.pubkey;
      await waitUntil(() => $(el, '[part~=verify-button]') && text(el.shadowRoot!).includes('Harbor'), 'their profile', { timeout: 20000 });
      expect(el.value).to.equal(clinician.pubkey);
      await expectReflows(el, 'a chosen person');
      buttonByText(el, say.clear)!.click();
      await el.updateComplete;
      setInput($<HTMLInputElement>(el, '#input')!, 'alexandra_montgomery_fitzwilliams@medicalcenter.invalid');
      $<HTMLInputElement>(el, '#input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      await waitUntil(() => text($(el, '[part=error]')).includes('alexandra'), 'the name not found', { timeout: 30000 });
      await expectReflows(el, 'a name not found');
    });
  });
}
