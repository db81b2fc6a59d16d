import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import '../components/session/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82Session } from '../components/session/session.js';
import { shortNpub } from '../components/shared/identity.js';
import type { Nip82Event } from '../components/shared/events.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { answerRequest, consentResource, createAccessRequest, readConsentMessages, type ConsentMessage } from '../components/core/nip82/requests.js';
import { giftWrap, makeRumor } from '../components/core/nip82/gift-wrap.js';
import { createBundle } from '../components/core/fhir/bundle.js';
import { MEDICAL_DATA_KIND, RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { nostrIdentifier } from '../components/core/fhir/patient.js';
import { SignerError } from '../components/core/errors.js';
import { readGrant } from '../components/core/nip82/grant.js';
import { counting, itemsOf, downRelayUrl, fixture as dataFixture, litWarnings, person, relayAcceptsOnly, relayUrl, sampleBundle, type Person, decliningSignIn, profileEvent } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import type { Signer } from '../components/core/signers/signer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { dayText } from '../components/shared/dates.js';
import { $, $$, accessibleName, approveHalfWay, brokenWords, buttonByText, dialogOf, errorCodes, heldSigner, isoDay, itemRow, receiptLines, root, setApart, setInput, text, typeRecipient } from './element-helpers.js';

/**
 * Runs a test against the `picky` relay (which the test tells how many events to accept) with a
 * client of its own, and afterwards makes the relay accept everything again for the next test.
 */
async function onPickyRelay(run: (picky: string, pickyClient: RelayClient) => Promise<void>): Promise<void> {
  const picky = await relayUrl('picky');
  const pickyClient = new RelayClient({ relays: [picky] });
  try {
    await run(picky, pickyClient);
  } finally {
    await relayAcceptsOnly('picky', null);
    pickyClient.close();
  }
}

describe('<nip82-consent-prompt>', function () {
  this.timeout(60000);

  const relay = sharedRelayClient();

  async function patientRecord(patient: Person, publish = true): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    if (publish) await relay.client.publishAll(events);
    return openRecord(events, patient.signer);
  }

  async function shareFixture(patient: Person, record: OpenedRecord, attrs: { lang?: string } = {}) {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang=${attrs.lang ?? 'en'}>
      <nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>
    </div>`);
    const el = wrapper.querySelector('nip82-consent-prompt')!;
    // The wrapper is no Lit element: the prompt's first render (after its language pack, in Spanish) is its own to wait for.
    await el.updateComplete;
    return el;
  }

  async function openDialog(el: Nip82ConsentPrompt) {
    const trigger = buttonByText(el, 'Share records…') ?? $<HTMLButtonElement>(el, '[data-trigger]')!;
    trigger.focus();
    trigger.click();
    await el.updateComplete;
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    return trigger;
  }

  /**
   * The open dialog on a 320 px screen: no sideways scroll, every control inside it and uncovered,
   * accessible, in patient words (unless it shows a relay's own refusal, in the relay's words).
   */
  /**
   * Deny, in the open answer dialog: the event names the request, the page says the requester was
   * told, the requester reads a rejection, and no record reached them. Returns their answers to it.
   */
  async function denyAndExpectTold(el: Nip82ConsentPrompt, requestId: string, requester: Person): Promise<ConsentMessage[]> {
    const answered = oneEvent(el, 'nip82-answer');
    buttonByText(el, 'Deny')!.click();
    const { detail } = (await answered) as Nip82Event<'nip82-answer'>;
    expect(detail).to.deep.equal({ requestId, decision: 'rejected', naddrs: [], recipient: requester.pubkey, hidden: 0, missed: [] });
    await el.updateComplete;
    expect(text($(el, '#result-title'))).to.match(/^Denied\. npub1.+ has been told\.$/);
    const answers = (await readConsentMessages((await relay.client.wrapsFor(requester.pubkey)).events, requester.signer)).filter((m) => m.answers === requestId);
    expect(answers.map((m: ConsentMessage) => m.status)).to.deep.equal(['rejected']);
    const { events } = await relay.client.query({ kinds: [RECORD_KIND], '#p': [requester.pubkey] });
    expect(events).to.have.length(0);
    return answers;
  }

  async function fitsPhone(el: Nip82ConsentPrompt, step: string, ownWordsOnly = true) {
    await el.updateComplete;
    const dialog = dialogOf(el);
    const box = dialog.getBoundingClientRect();
    expect(document.documentElement.scrollWidth, `${step}: page width`).to.be.at.most(320);
    expect(box.left, `${step}: dialog left`).to.be.at.least(0);
    expect(box.right, `${step}: dialog right`).to.be.at.most(320);
    expect(dialog.scrollWidth, `${step}: dialog scrolls sideways`).to.be.at.most(dialog.clientWidth);
    const controls = $$<HTMLElement>(el, 'dialog button, dialog input, dialog textarea, dialog summary, dialog nip82-npub-picker').filter((c) => c.getClientRects().length);
    for (const control of controls) {
      control.scrollIntoView({ block: 'center' });
      const r = control.getBoundingClientRect();
      expect(r.left, `${step}: ${control.outerHTML.slice(0, 80)} left`).to.be.at.least(box.left - 1);
      expect(r.right, `${step}: ${control.outerHTML.slice(0, 80)} right`).to.be.at.most(box.right + 1);
      const hit = root(el).elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const covered = !hit || !(hit === control || control.contains(hit) || hit.contains(control) || (hit as HTMLLabelElement).control === control);
      expect(covered, `${step}: ${control.outerHTML.slice(0, 80)} is covered by ${hit?.outerHTML.slice(0, 80)}`).to.equal(false);
    }
    expect(brokenWords(root(el), step)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // Patient words only: no protocol or FHIR code words.
    if (ownWordsOnly) expect(text(dialog)).not.to.match(/\bAMB\b|charset|relay|event\(s\)|\b(DocumentReference|MedicationRequest|AllergyIntolerance|Immunization)\b|<nip82-/);
  }

  describe('share', () => {
    it('shares chosen items with one hidden and flagged; the preview says exactly what they get; the clinician opens it', async () => {
      const patient = await person();
      const clinician = await person();
      const record = await patientRecord(patient);
      const el = await shareFixture(patient, record);
      expect(text($(el, '.ready'))).to.equal('4 items from 1 record can be shared.');
      await expect(el).to.be.accessible();

      await openDialog(el);
      const dialog = dialogOf(el);
      expect(dialog.getAttribute('aria-labelledby')).to.equal('dialog-title');
      expect(text($(el, '#dialog-title'))).to.equal('Share your records');
      await typeRecipient(el, clinician.pubkey);

      // Hide the condition (flagged), leave the immunization out (not flagged).
      itemRow(el, 'Chlamydia').querySelector<HTMLButtonElement>('button.hide')!.click();
      await el.updateComplete;
      expect(itemRow(el, 'Chlamydia').querySelector('button.hide')!.getAttribute('aria-pressed')).to.equal('true');
      expect(text(itemRow(el, 'Chlamydia'))).to.contain('hidden, flagged');
      itemRow(el, 'Tetanus').querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
      $$<HTMLInputElement>(el, 'input[name=disclose]').find((r) => r.value === 'count-and-kind')!.click();
      setInput($<HTMLInputElement>(el, '#until')!, '2099-01-31');
      // What an end date does, told as it is: servers that honour it stop serving the share; the list offers to revoke it after.
      expect(text($(el, '#until-help'))).to.match(/honour end dates stop giving the share out.*offers to revoke it/);
      setInput($<HTMLInputElement>(el, '#purpose')!, 'Second opinion');
      await el.updateComplete;
      await expect(el).to.be.accessible();

      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      const preview = $(el, '[part=preview]')!;
      expect(text($(el, '#preview-title'))).to.equal(`What ${npubEncode(clinician.pubkey).slice(0, 10)}…${npubEncode(clinician.pubkey).slice(-6)} will be able to open`);
      const shared = [...preview.querySelectorAll('.shared-items li')].map((li) => text(li));
      expect(shared).to.deep.equal(['Personal details: Ana Rivera', 'Allergies: Penicillin']);
      expect(text(preview.querySelector('.hidden-count'))).to.equal('1 hidden item is left out.');
      expect(text(preview.querySelector('.flag'))).to.equal('The flag will tell them that 1 item was withheld: 1 problem (in your words: 1 condition).');
      expect(text(preview.querySelector('.role'))).to.equal('They can view it.');
      expect(text(preview.querySelector('.until'))).to.contain(`Until ${dayText('2099-01-31', 'en')}`);
      expect(text(preview.querySelector('.purpose'))).to.equal('Purpose: Second opinion');
      expect(text(preview)).not.to.contain('Chlamydia');
      expect(text(preview)).not.to.contain('Tetanus');
      expect(text(root(el))).to.contain('You can revoke it later: they can then no longer open it from the storage servers. Anything they already opened, downloaded or copied stays with them.');
      await expect(el).to.be.accessible();

      const requests: Nip82Event<'nip82-signer-request'>[] = [];
      el.addEventListener('nip82-signer-request', (e) => requests.push(e));
      const receiptsEvent = oneEvent(el, 'nip82-receipts');
      const shareEvent = oneEvent(el, 'nip82-share');
      buttonByText(el, /^Share with npub1/)!.click();
      const { detail } = (await shareEvent) as Nip82Event<'nip82-share'>;
      expect(requests.map((r) => r.detail.action)).to.deep.equal(['share']);
      expect(requests[0]!.detail.recipient).to.equal(clinician.pubkey);
      expect(detail).to.include({ recipient: clinician.pubkey, role: 'viewer', hidden: 1 });
      expect(detail.naddrs).to.have.length(1);
      expect(JSON.stringify(detail)).not.to.contain('Penicillin');
      const receipts = ((await receiptsEvent) as Nip82Event<'nip82-receipts'>).detail.receipts;
      expect(receipts.every((r) => r.status === 'accepted' && r.relay === relay.url)).to.equal(true);

      await waitUntil(() => el.status === 'done', 'share done');
      await el.updateComplete;
      expect(text($(el, '#result-title'))).to.match(/^Shared with npub1.+\. 1 of 1 storage server accepted it\.$/);
      const lines = receiptLines(el);
      expect(lines).to.deep.equal([`${relay.url}: 1 of 1 part saved`]);
      await expect(el).to.be.accessible();

      // The clinician opens what was published.
      const reader = new RelayClient({ relays: [relay.url] });
      try {
        const { events } = await reader.query({ kinds: [RECORD_KIND], authors: [detail.signPubkey] });
        const opened = await openRecord(events, clinician.signer);
        expect(opened.withheld).to.deep.equal({ disclose: 'count-and-kind', count: 1, kinds: { Condition: 1 } });
        const types = itemsOf(opened.bundle).map((e) => e.resource.resourceType);
        expect(types).to.have.members(['Patient', 'AllergyIntolerance', 'Consent', 'List']);
        expect(JSON.stringify(opened.bundle)).not.to.contain('Chlamydia');
        expect(JSON.stringify(opened.bundle)).not.to.contain('Tetanus');
        const consent = opened.bundle.entry!.find((e) => e.resource.resourceType === 'Consent')!.resource as unknown as {
          status: string;
          provision: { period: { end: string }; actor: { reference: { identifier: unknown } }[]; purpose: { display: string }[] };
        };
        expect(consent.status).to.equal('active');
        // The chosen day's last second in the patient's time zone: the same moment as the expiration.
        expect(consent.provision.period.end).to.match(/^2099-01-31T23:59:59[+-]\d{2}:\d{2}$/);
        const expiration = events[0]!.tags.find((t) => t[0] === 'expiration')![1];
        expect(Date.parse(consent.provision.period.end) / 1000 + 1).to.equal(Number(expiration));
        expect(Number(expiration)).to.equal(new Date(2099, 1, 1).getTime() / 1000);
        expect(consent.provision.actor[0].reference.identifier).to.deep.equal(nostrIdentifier(clinician.pubkey));
        expect(consent.provision.purpose[0].display).to.equal('Second opinion');
        expect(opened.subject).to.equal(patient.pubkey);
      } finally {
        reader.close();
      }
    });

    it('hiding a diagnosis: the preview names the visit and notes that still mention it (a bare reference to it is dropped), and hides them on request', async () => {
      const patient = await person();
      const clinician = await person();
      const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
      const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
      const el = await shareFixture(patient, record);
      await openDialog(el);
      await typeRecipient(el, clinician.pubkey);
      // Kinds of more than 12 items start folded: each is unfolded, as the patient would to pick from it.
      for (const summary of $$(el, '.group-items summary')) summary.click();
      await waitUntil(() => $$<HTMLDetailsElement>(el, '.group-items').every((d) => d.open && d.querySelector('li.item')), 'every kind unfolded');

      // One checkbox per kind shares or leaves out all of them, and shows a mixed choice as mixed.
      const group = () => $$<HTMLInputElement>(el, '.group-head input').find((i) => i.getAttribute('aria-label') === 'Share all vaccinations (17)')!;
      const immunizations = () => $$<HTMLInputElement>(el, 'li.item input[type=checkbox]').filter((i) => i.closest('.group')!.contains(group()));
      expect(group().checked).to.equal(true);
      group().click();
      await el.updateComplete;
      expect(immunizations().every((i) => !i.checked)).to.equal(true);
      immunizations()[0]!.click();
      await el.updateComplete;
      expect(group().indeterminate).to.equal(true);
      group().click();
      await el.updateComplete;
      expect(group().checked && !group().indeterminate).to.equal(true);
      expect(immunizations().every((i) => i.checked)).to.equal(true);
      // A hidden vaccination is settled: the box speaks for the others, and leaves it hidden.
      const firstRow = immunizations()[0]!.closest('li')!;
      firstRow.querySelector<HTMLButtonElement>('button.hide')!.click();
      await el.updateComplete;
      expect(group().checked && !group().indeterminate).to.equal(true);
      group().click();
      await el.updateComplete;
      expect(group().checked || group().indeterminate).to.equal(false);
      expect(immunizations().every((i) => !i.checked)).to.equal(true);
      expect(firstRow.querySelector('button.hide')!.getAttribute('aria-pressed')).to.equal('true');
      group().click();
      await el.updateComplete;
      expect(group().checked && !group().indeterminate).to.equal(true);
      firstRow.querySelector<HTMLButtonElement>('button.hide')!.click();
      await el.updateComplete;

      itemRow(el, 'Fracture of ankle').querySelector<HTMLButtonElement>('button.hide')!.click();
      await el.updateComplete;
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      const mentions = $(el, '.mentions')!;
      expect(text(mentions.querySelector('h4'))).to.equal('10 shared items still mention what you hid');
      const named = [...mentions.querySelectorAll('li')].map((li) => text(li));
      expect(named.filter((line) => line.startsWith('Documents:'))).to.have.length(9);
      expect(named.some((line) => /^Visits: .*, which mentions “Fracture of ankle”$/.test(line))).to.equal(true, named.join(' / '));
      // The procedure done for it named it only in its reference to it, which the share drops by itself.
      expect(named.some((line) => line.startsWith('Procedures: Bone immobilization'))).to.equal(false, named.join(' / '));
      // Every item is recognisable (documents by their kind and date), and the warning comes before the long list.
      expect(named.filter((line) => line.includes('(no description)'))).to.deep.equal([]);
      expect(named.some((line) => /^Documents: History and physical note \([A-Z][a-z]{2} \d{1,2}, \d{4}\), which mentions/.test(line))).to.equal(true, named.join(' / '));
      // Newest first, as every list of items in the dialog.
      const days = named.flatMap((line) => /\(([A-Z][a-z]{2} \d{1,2}, \d{4})\)/.exec(line)?.[1] ?? []).map((d) => Date.parse(d));
      expect(days.length > 1).to.equal(true);
      expect(days.join()).to.equal([...days].sort((a, b) => b - a).join());
      const firstGroup = $(el, 'details.shared-group')!;
      expect(mentions.compareDocumentPosition(firstGroup) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      expect($$<HTMLDetailsElement>(el, 'details.shared-group').every((d) => !d.open)).to.equal(true);
      await expect(el).to.be.accessible();

      buttonByText(el, 'Hide these 10 too')!.click();
      await el.updateComplete;
      expect($(el, '.mentions')).to.equal(null);
      expect(text($(el, '.hidden-count'))).to.equal('11 hidden items are left out.');
      expect(root(el).activeElement?.id).to.equal('hidden-count');

      const shareEvent = oneEvent(el, 'nip82-share');
      buttonByText(el, /^Share with npub1/)!.click();
      const { detail } = (await shareEvent) as Nip82Event<'nip82-share'>;
      expect(detail.hidden).to.equal(11);
      const reader = new RelayClient({ relays: [relay.url] });
      try {
        const { events } = await reader.query({ kinds: [RECORD_KIND], authors: [detail.signPubkey] });
        const opened = await openRecord(events, clinician.signer);
        const notes = opened.bundle.entry!.flatMap((e) => (e.resource as { content?: { attachment?: { data?: string } }[] }).content ?? [])
          .map((c) => (c.attachment?.data ? atob(c.attachment.data) : ''));
        expect(`${JSON.stringify(opened.bundle)} ${notes.join(' ')}`.toLowerCase()).not.to.contain('fracture of ankle');
        expect(opened.withheld?.disclose).to.equal('flag');
      } finally {
        reader.close();
      }
    });

    it('a share too large to search whole for mentions says so, instead of freezing the page', async () => {
      const patient = await person();
      const clinician = await person();
      const base = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
      // Twenty megabytes of notes: more than the mentions search reads.
      const notes = Array.from({ length: 80 }, (_, i) => ({
        fullUrl: `urn:uuid:note-${i}`,
        resource: { resourceType: 'Basic', id: `note-${i}`, code: { text: `Long note ${i}` }, text: { status: 'generated', div: 'lorem ipsum '.repeat(22000) } },
      }));
      const record = { ...base, bundle: { ...base.bundle, entry: [...base.bundle.entry!, ...notes] } } as OpenedRecord;
      const el = await shareFixture(patient, record);
      await openDialog(el);
      await typeRecipient(el, clinician.pubkey);
      itemRow(el, 'Chlamydia').querySelector<HTMLButtonElement>('button.hide')!.click();
      await el.updateComplete;
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      expect(text($(el, '.mentions-unchecked'))).to.equal('This share is too large to check every item for mentions of what you hid. Look through the list below before you share.');
      await expect(el).to.be.accessible();
    });

    for (const [disclose, expected] of [
      ['flag', { disclose: 'flag' }],
      ['count', { disclose: 'count', count: 1 }],
    ] as const) {
      it(`the "${disclose}" disclosure is what the clinician's flag says`, async () => {
        const patient = await person();
        const clinician = await person();
        const el = await shareFixture(patient, await patientRecord(patient, false));
        await openDialog(el);
        await typeRecipient(el, clinician.pubkey);
        itemRow(el, 'Penicillin').querySelector<HTMLButtonElement>('button.hide')!.click();
        $$<HTMLInputElement>(el, 'input[name=disclose]').find((r) => r.value === disclose)!.click();
        $$<HTMLInputElement>(el, 'input[name=role]').find((r) => r.value === 'editor')!.click();
        await el.updateComplete;
        buttonByText(el, 'Review')!.click();
        await el.updateComplete;
        const preview = $(el, '[part=preview]')!;
        expect(preview.querySelectorAll('.shared-items li')).to.have.length(3);
        expect(text(preview.querySelector('.flag'))).to.equal(
          disclose === 'flag'
            ? 'The flag will tell them only that something was withheld: not how much, not what.'
            : 'The flag will tell them that 1 item was withheld, but not of which kind.',
        );
        expect(text(preview.querySelector('.role'))).to.equal('They can view it and share it with others (add and remove people).');
        expect(text(preview.querySelector('.until'))).to.equal('No end date: access lasts until you revoke it.');
        const shareEvent = oneEvent(el, 'nip82-share');
        buttonByText(el, /^Share with npub1/)!.click();
        const { detail } = (await shareEvent) as Nip82Event<'nip82-share'>;
        expect(detail.role).to.equal('editor');
        const { events } = await relay.client.query({ kinds: [RECORD_KIND], authors: [detail.signPubkey] });
        const opened = await openRecord(events, clinician.signer);
        expect(opened.withheld).to.deep.equal(expected);
        expect(opened.role).to.equal('editor');
      });
    }

    it('cancelling nip82-signer-request stops the share: nothing is signed or published', async () => {
      const patient = await person();
      const clinician = await person();
      const el = await shareFixture(patient, await patientRecord(patient, false));
      await openDialog(el);
      await typeRecipient(el, clinician.pubkey);
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      let shared = false;
      el.addEventListener('nip82-share', () => { shared = true; });
      el.addEventListener('nip82-signer-request', (e) => e.preventDefault(), { once: true });
      buttonByText(el, /^Share with npub1/)!.click();
      await el.updateComplete;
      expect(el.status).to.equal('cancelled');
      expect(text($(el, '[role=status]'))).to.equal('Cancelled. Nothing was signed or sent.');
      expect(dialogOf(el).open).to.equal(true);
      expect(shared).to.equal(false);
      const { events } = await relay.client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] });
      expect(events).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('asks the signer nothing while the dialog is open, and on Share only after the request', async () => {
      const patient = await person();
      const clinician = await person();
      const order: string[] = [];
      const signer = counting(patient.signer);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[await patientRecord(patient, false)]} .signer=${signer} relays=${relay.url}></nip82-consent-prompt>`);
      await openDialog(el);
      await typeRecipient(el, clinician.pubkey);
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      expect(signer.calls).to.deep.equal({});
      el.addEventListener('nip82-signer-request', () => order.push(`request with ${JSON.stringify(signer.calls)}`), { once: true });
      const shared = oneEvent(el, 'nip82-share');
      buttonByText(el, /^Share with npub1/)!.click();
      await shared;
      expect(order).to.deep.equal(['request with {}']);
      expect(signer.calls.signEvent).to.be.greaterThan(0);
    });

    it('Escape closes the dialog, fires nip82-cancel, and focus returns to the trigger', async () => {
      const patient = await person();
      const el = await shareFixture(patient, await patientRecord(patient, false));
      const trigger = await openDialog(el);
      await expect(el).to.be.accessible();
      const cancelled = oneEvent(el, 'nip82-cancel');
      await sendKeys({ press: 'Escape' });
      const { detail } = (await cancelled) as Nip82Event<'nip82-cancel'>;
      expect(detail.source).to.equal('nip82-consent-prompt');
      await waitUntil(() => root(el).activeElement === trigger, 'focus back on the trigger');
      expect(dialogOf(el).open).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('Review explains what is missing, and refuses your own key as recipient', async () => {
      const patient = await person();
      const el = await shareFixture(patient, await patientRecord(patient, false));
      await openDialog(el);
      for (const box of $$<HTMLInputElement>(el, 'li.item input[type=checkbox]')) box.click();
      await el.updateComplete;
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      const problems = $$(el, '#problems li').map((li) => text(li));
      expect(problems).to.deep.equal(['Choose who will receive the share.', 'Choose at least one item to share.']);
      expect(root(el).activeElement?.id).to.equal('problems');
      expect($(el, '[part=preview]')).to.equal(null);
      await expect(el).to.be.accessible();
      itemRow(el, 'Penicillin').querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
      await typeRecipient(el, patient.pubkey);
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      expect($$(el, '#problems li').map((li) => text(li))).to.deep.equal(['That is your own key. Choose someone else.']);
    });

    it('shows "waiting for your signer" (saying what it will be asked) until the signer answers', async () => {
      const patient = await person();
      const clinician = await person();
      const held = heldSigner(patient.signer);
      const record = await patientRecord(patient, false);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${held.signer} relays=${relay.url}></nip82-consent-prompt>`);
      await openDialog(el);
      await typeRecipient(el, clinician.pubkey);
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      buttonByText(el, /^Share with npub1/)!.click();
      // First the storage servers are read ("Preparing…"), then the signer is asked to sign.
      const asked = 'Waiting for your signer. Approval 1 in your signer for this. Your signer will be asked once, to sign the shared record.';
      await waitUntil(() => el.status === 'waiting-signer' && text($(el, '[role=status]')) === asked, 'the signer is asked to sign', { timeout: 20000 });
      expect(buttonByText(el, /^Share with npub1/)!.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
      held.release();
      await waitUntil(() => el.status === 'done', 'share done');
    });

    /** A share held at the signer: the dialog at "waiting for your signer", and the action's promise to await once released. */
    async function heldShare(patient: Person, clinician: Person) {
      const held = heldSigner(patient.signer);
      const record = await patientRecord(patient, false);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${held.signer} relays=${relay.url}></nip82-consent-prompt>`);
      const seen: string[] = [];
      for (const type of ['nip82-share', 'nip82-receipts', 'nip82-error', 'nip82-cancel'] as const) el.addEventListener(type, () => seen.push(type));
      await openDialog(el);
      await typeRecipient(el, clinician.pubkey);
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      // The Share button's own handler, called as its click would, so the test can wait for the action to end.
      const action = (el as unknown as { confirmShare: () => Promise<void> }).confirmShare();
      await waitUntil(() => el.status === 'waiting-signer', 'waiting for the signer');
      return { el, seen, action, release: held.release };
    }

    it('signing out while the signer is asked stops the share: nothing is published, announced or named to the next user', async () => {
      const patient = await person();
      const clinician = await person();
      const { el, seen, action, release } = await heldShare(patient, clinician);
      el.signer = undefined;
      await waitUntil(() => !dialogOf(el).open, 'dialog closes on sign-out');
      release();
      await action;
      await el.updateComplete;
      expect(seen).to.deep.equal([]);
      expect(el.status).to.equal('idle');
      const said = text(root(el));
      expect(said).not.to.contain(npubEncode(clinician.pubkey).slice(0, 10));
      expect(said).not.to.match(/Shared with|storage server/);
      const { events } = await relay.client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] });
      expect(events).to.have.length(0);
    });

    it('Escape while the signer is asked stops the share: nothing is published, and the page says nothing was sent', async () => {
      const patient = await person();
      const clinician = await person();
      const { el, seen, action, release } = await heldShare(patient, clinician);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialogOf(el).open, 'dialog closes');
      expect(el.status).to.equal('cancelled');
      release();
      await action;
      await el.updateComplete;
      expect(seen).to.deep.equal(['nip82-cancel']);
      expect(el.status).to.equal('cancelled');
      expect(text($(el, '[role=status]'))).to.equal('Cancelled. Nothing was sent.');
      const { events } = await relay.client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] });
      expect(events).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('lists every relay\'s receipt: accepted on one, unreachable on another, and offers to send it to the one that missed it', async () => {
      const patient = await person();
      const clinician = await person();
      const down = await downRelayUrl();
      const record = await patientRecord(patient, false);
      const el = await fixture<Nip82ConsentPrompt>(
        html`<nip82-consent-prompt .records=${[record]} .signer=${patient.signer} relays=${`${relay.url} ${down}`}></nip82-consent-prompt>`,
      );
      await openDialog(el);
      await typeRecipient(el, clinician.pubkey);
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => el.status === 'done', 'share done', { timeout: 15000 });
      await el.updateComplete;
      expect(text($(el, '#result-title'))).to.match(/1 of 2 storage servers accepted it\. Not every storage server took it\. It is in effect from the ones that did; send it to the others too, so that it is kept on all of them\.$/);
      expect(buttonByText(el, 'Send to the storage servers that missed it')).to.exist;
      const lines = receiptLines(el);
      expect(lines).to.have.length(2);
      expect(lines.find((l) => l.startsWith(relay.url))).to.match(/: Storage server [12]: 1 of 1 part saved$/);
      expect(lines.find((l) => l.startsWith(down))).to.match(/: Storage server [12]: (could not be reached|timed out)$/);
      await expect(el).to.be.accessible();
    });

    it('a relay-only failure is a relay error with receipts; nothing is reported as shared', async () => {
      const patient = await person();
      const clinician = await person();
      const down = await downRelayUrl();
      const record = await patientRecord(patient, false);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${patient.signer} relays=${down}></nip82-consent-prompt>`);
      let shared = false;
      el.addEventListener('nip82-share', () => { shared = true; });
      await openDialog(el);
      await typeRecipient(el, clinician.pubkey);
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      const codes = errorCodes(el);
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => el.status === 'relay-error', 'relay error', { timeout: 15000 });
      await el.updateComplete;
      expect(codes).to.deep.equal(['not-accepted']);
      expect(text($(el, '[role=status]'))).to.equal('No storage server accepted it. Nothing was shared or sent; you can try again.');
      expect($$(el, '[part=receipts] li')).to.have.length(1);
      expect(shared).to.equal(false);
      expect($(el, '[part=preview]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('loads the patient\'s records from the relay after "Unlock my records"', async () => {
      const patient = await person();
      await patientRecord(patient);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
      await expect(el).to.be.accessible();
      const request = oneEvent(el, 'nip82-signer-request');
      buttonByText(el, 'Unlock my records')!.click();
      expect(((await request) as Nip82Event<'nip82-signer-request'>).detail.action).to.equal('unlock');
      await waitUntil(() => el.status === 'done', 'records loaded');
      await el.updateComplete;
      expect(text($(el, '[role=status]'))).to.equal('1 record loaded.');
      expect(text($(el, '.ready'))).to.equal('4 items from 1 record can be shared.');
      expect(buttonByText(el, 'Share records…')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('without a signer says how to get one', async () => {
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt relays=${relay.url}></nip82-consent-prompt>`);
      buttonByText(el, 'Unlock my records')!.click();
      await el.updateComplete;
      expect(el.status).to.equal('no-signer');
      expect(text($(el, '[role=status]'))).to.contain('add a signer extension to this browser, or');
      expect(text($(el, '[role=status]'))).to.contain('your signer app');
      await expect(el).to.be.accessible();
    });

    it('a recipient attribute presets the picker', async () => {
      const patient = await person();
      const clinician = await person();
      const record = await patientRecord(patient, false);
      const el = await fixture<Nip82ConsentPrompt>(
        html`<nip82-consent-prompt .records=${[record]} .signer=${patient.signer} relays=${relay.url} recipient=${clinician.pubkey}></nip82-consent-prompt>`,
      );
      await openDialog(el);
      const picker = $(el, 'nip82-npub-picker') as HTMLElement & { value: string };
      expect(picker.value).to.equal(clinician.pubkey);
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      expect($(el, '[part=preview]')).to.exist;
      expect($$(el, '.shared-items li').map((li) => text(li))).to.include.members([`Vaccinations: Tetanus (${dayText('2021-05-01', 'en')})`]);
    });
  });

  describe('answer', () => {
    async function sendRequest(patient: Person, clinician: Person, types: string[]) {
      const { events, request } = await createAccessRequest({
        signer: clinician.signer, patient: patient.pubkey, resourceTypes: types, purpose: 'Pre-operative assessment', days: 30, note: 'Surgery on the 3rd',
      });
      await relay.client.publishAll(events);
      return request;
    }

    it('checking again after an answer does not ask the signer to open the user\'s own copy of it', async () => {
      const patient = await person();
      const clinician = await person();
      await sendRequest(patient, clinician, ['Condition']);
      const signer = counting(patient.signer);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .signer=${signer} relays=${relay.url}></nip82-consent-prompt>`);
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done' && $$(el, 'li.request').length === 1, 'request listed');
      $(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      const answered = oneEvent(el, 'nip82-answer');
      buttonByText(el, 'Deny')!.click();
      await answered;
      await waitUntil(() => el.status === 'done', 'denied');
      buttonByText(el, 'Close')!.click();
      await waitUntil(() => !dialogOf(el).open, 'dialog closes');
      const opened = signer.calls.nip44Decrypt ?? 0;
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done', 'checked again');
      await el.updateComplete;
      expect((signer.calls.nip44Decrypt ?? 0) - opened, 'signer calls to read back the answer just sent').to.equal(0);
      expect($$(el, 'li.request')).to.have.length(0);
      expect(text($(el, 'table.history tbody'))).to.contain('denied');
    });

    it('loads a request, approves it narrowed; the clinician reads the answer and opens exactly what was granted', async () => {
      const patient = await person();
      const clinician = await person();
      const record = await patientRecord(patient);
      const sent = await sendRequest(patient, clinician, ['AllergyIntolerance', 'Immunization', 'Condition']);
      const el = await fixture<Nip82ConsentPrompt>(
        html`<nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`,
      );
      await expect(el).to.be.accessible();
      const request = oneEvent(el, 'nip82-signer-request');
      buttonByText(el, 'Check for requests')!.click();
      expect(((await request) as Nip82Event<'nip82-signer-request'>).detail.action).to.equal('read-requests');
      await waitUntil(() => el.status === 'done', 'requests read');
      await el.updateComplete;
      const items = $$(el, 'li.request');
      expect(items).to.have.length(1);
      expect(text(items[0])).to.match(/^npub1.+ asks for allergies, vaccinations, conditions\./);
      await expect(el).to.be.accessible();

      const review = items[0]!.querySelector('button')!;
      review.focus();
      review.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      const facts = text($(el, '.facts'));
      expect(facts).to.contain('Pre-operative assessment');
      expect(facts).to.contain('Surgery on the 3rd');
      expect(facts).to.contain(`until ${dayText(sent.period!.end!.slice(0, 10), 'en')}`);
      // The three items asked for and the patient's own details, which go with them: as the preview counts.
      expect(buttonByText(el, /^Review: approve/)!.textContent!.trim()).to.equal('Review: approve and share 4 items');
      // The items one by one, grouped by kind in a fixed order, each with its own Hide.
      expect($$(el, '.group-head label').map((l) => text(l))).to.deep.equal(['Allergies (1)', 'Conditions (1)', 'Vaccinations (1)']);
      expect(itemRow(el, 'Chlamydia').querySelector('button.hide')).to.exist;
      await expect(el).to.be.accessible();

      // Narrow: no conditions (the whole kind), and a shorter period.
      $$<HTMLInputElement>(el, '.group-head input').find((i) => i.getAttribute('aria-label') === 'Share all conditions (1)')!.click();
      const until = isoDay(10);
      setInput($<HTMLInputElement>(el, '#grant-until')!, until);
      await el.updateComplete;
      buttonByText(el, 'Review: approve and share 3 items')!.click();
      await el.updateComplete;
      // The same exact preview as sharing.
      // The patient's own details go with it, asked for or not, and the preview says so.
      expect($$(el, '.shared-items li').map((li) => text(li)).slice(1)).to.deep.equal(['Allergies: Penicillin', `Vaccinations: Tetanus (${dayText('2021-05-01', 'en')})`]);
      expect(text($(el, '.shared-items li'))).to.contain('Ana');
      expect(text($(el, '.preview .identity'))).to.match(/^Your name and personal details go with what you share/);
      expect(text($(el, '#preview-title'))).to.match(/^What npub1.+ will be able to open$/);
      await expect(el).to.be.accessible();
      const answered = oneEvent(el, 'nip82-answer');
      buttonByText(el, /^Approve and share with npub1/)!.click();
      const { detail } = (await answered) as Nip82Event<'nip82-answer'>;
      expect(detail.requestId).to.equal(sent.id);
      expect(detail.decision).to.equal('active');
      expect(detail.naddrs).to.have.length(1);
      await el.updateComplete;
      expect(text($(el, '#result-title'))).to.match(/^Approved\. npub1.+ can now open what you granted\.$/);
      expect(receiptLines(el)).to.deep.equal([`${relay.url}: 3 of 3 parts saved`]);
      await expect(el).to.be.accessible();
      buttonByText(el, 'Close')!.click();
      await waitUntil(() => !dialogOf(el).open, 'dialog closes');
      await el.updateComplete;
      expect($$(el, 'li.request')).to.have.length(0);
      const row = text($(el, 'table.history tbody tr'));
      expect(row).to.contain('approved');
      expect(row).to.contain('allergies, vaccinations');
      // Dates in words, in the page's language.
      expect(row).to.contain(new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(until)));

      // The clinician's side.
      const answers = (await readConsentMessages((await relay.client.wrapsFor(clinician.pubkey)).events, clinician.signer)).filter((m) => m.answers === sent.id);
      expect(answers).to.have.length(1);
      const answer = answers[0]!;
      expect(answer.status).to.equal('active');
      expect(answer.records).to.deep.equal(detail.naddrs);
      expect(answer.resourceTypes).to.deep.equal(['AllergyIntolerance', 'Immunization']);
      // The chosen day, ending at the patient's midnight (as the share does).
      expect(answer.period?.end).to.match(new RegExp(`^${until}T23:59:59[+-]\\d{2}:\\d{2}$`));
      const { events } = await relay.client.recordByNaddr(answer.records[0]!);
      const granted = await openRecord(events, clinician.signer);
      // The granted items, and the Consent that documents the grant (so the patient's session knows it as a share).
      expect(itemsOf(granted.bundle).map((e) => e.resource.resourceType).sort()).to.deep.equal(['AllergyIntolerance', 'Consent', 'Immunization', 'Patient']);
      expect(readGrant(granted.bundle)).to.include({ recipient: clinician.pubkey, role: 'viewer', until });
      expect(JSON.stringify(granted.bundle)).not.to.contain('Chlamydia');
    });

    it('denies a request given as .request; the clinician reads "rejected"', async () => {
      const patient = await person();
      const clinician = await person();
      const record = await patientRecord(patient, false);
      const sent = await sendRequest(patient, clinician, ['Condition']);
      const incoming = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === sent.id)!;
      const el = await fixture<Nip82ConsentPrompt>(
        html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`,
      );
      expect(buttonByText(el, 'Check for requests')).to.equal(undefined);
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      const answers = await denyAndExpectTold(el, sent.id, clinician);
      expect(answers[0]!.records).to.deep.equal([]);
    });

    it('a request whose asked period ended yesterday is listed as ended and can only be denied', async () => {
      const patient = await person();
      const clinician = await person();
      const record = await patientRecord(patient, false);
      // An old (or replayed) request: its software wrote a period that is over.
      const ended = new Date(Date.now() - 86_400_000);
      const consent = consentResource({
        status: 'proposed', requester: clinician.pubkey, patient: patient.pubkey, types: ['AllergyIntolerance'], purpose: 'Check-up',
        period: { start: new Date(Date.now() - 30 * 86_400_000).toISOString(), end: ended.toISOString() }, records: [],
      });
      const rumor = makeRumor({ kind: MEDICAL_DATA_KIND, tags: [['p', patient.pubkey]], content: JSON.stringify(createBundle([consent])) }, clinician.pubkey);
      await relay.client.publishAll(await giftWrap(clinician.signer, rumor, [patient.pubkey, clinician.pubkey]));
      const el = await fixture<Nip82ConsentPrompt>(
        html`<nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`,
      );
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done', 'requests read');
      await el.updateComplete;
      const items = $$(el, 'li.request');
      expect(items).to.have.length(1);
      const day = dayText(ended.toISOString(), 'en');
      expect(text(items[0])).to.contain(`This request ended on ${day}: it can only be denied.`);
      await expect(el).to.be.accessible();

      items[0]!.querySelector('button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      expect(text($(el, '.ended'))).to.equal(`The time they asked for ended on ${day}, so this request can no longer be approved. You can deny it, or cancel to leave it unanswered.`);
      expect(buttonByText(el, /approve/i)).to.equal(undefined);
      expect($(el, '#grant-until')).to.equal(null);
      expect($(el, 'button[type=submit]')).to.equal(null);
      await expect(el).to.be.accessible();

      await denyAndExpectTold(el, rumor.id, clinician);
    });

    it('a refused signer leaves the request unanswered', async () => {
      const patient = await person();
      const clinician = await person();
      const sent = await sendRequest(patient, clinician, ['Condition']);
      const incoming = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === sent.id)!;
      const no = async (): Promise<never> => {
        throw new SignerError('refused', 'User said no.');
      };
      const refusing = { getPublicKey: () => patient.signer.getPublicKey(), signEvent: no, nip44Encrypt: no, nip44Decrypt: no };
      const el = await fixture<Nip82ConsentPrompt>(
        html`<nip82-consent-prompt mode="answer" .request=${incoming} .signer=${refusing} relays=${relay.url}></nip82-consent-prompt>`,
      );
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      const codes = errorCodes(el);
      buttonByText(el, 'Deny')!.click();
      await waitUntil(() => el.status === 'refused', 'refused');
      await el.updateComplete;
      expect(codes).to.deep.equal(['refused']);
      expect(text($(el, '[role=status]'))).to.equal('Your signer declined. Nothing was shared or sent.');
      expect(dialogOf(el).open).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('"Check for requests" says how many wait, in the status line; each Review button says who asks, for what and when', async () => {
      const patient = await person();
      const clinician = await person();
      const profile = await profileEvent(clinician, 'Harbor Clinic');
      await relay.client.publishAll([profile]);
      const record = await patientRecord(patient, false);
      const allergies = await sendRequest(patient, clinician, ['AllergyIntolerance']);
      await sendRequest(patient, clinician, ['Immunization']);
      // Sent twice alike, within the same minute (a double submit): still two names.
      await sendRequest(patient, clinician, ['Condition']);
      await sendRequest(patient, clinician, ['Condition']);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done', 'requests read');
      await el.updateComplete;
      expect($$(el, 'li.request')).to.have.length(4);
      expect(text($(el, '[role=status]'))).to.equal('4 requests are waiting for your answer.');

      const named = `Harbor Clinic (${shortNpub(clinician.pubkey)})`;
      const names = () => $$(el, 'li.request button').map((b) => b.getAttribute('aria-label')!.replace(/[\u2066-\u2069]/g, ''));
      await waitUntil(() => names().every((n) => n.includes('Harbor Clinic')), 'the requester named');
      expect(new Set(names()).size, names().join(' | ')).to.equal(4);
      expect(names()).to.include(`Review and answer the request from ${named} for allergies, sent ${dayText(allergies.createdAt, 'en')}`);
      for (const name of names()) expect(name).to.match(new RegExp(`^Review and answer the request from ${named.replace(/[()]/g, '\\$&')} for (allergies|vaccinations|conditions), sent \\S`));
      // Alike to the minute, the two are numbered; across a minute, their times tell them apart.
      expect(names().filter((n) => n.includes(' for conditions, sent '))).to.have.length(2);
      await expect(el).to.be.accessible();

      // In Spanish, and with one request: the singular.
      const other = await person();
      await sendRequest(other, clinician, ['Condition']);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-consent-prompt mode="answer" .signer=${other.signer} relays=${relay.url}></nip82-consent-prompt></div>`);
      const es = wrapper.querySelector('nip82-consent-prompt')!;
      await es.updateComplete;
      buttonByText(es, 'Ver solicitudes')!.click();
      await waitUntil(() => es.status === 'done', 'solicitudes leídas');
      await es.updateComplete;
      expect(text($(es, '[role=status]'))).to.equal('1 solicitud espera su respuesta.');
      expect($<HTMLButtonElement>(es, 'li.request button')!.getAttribute('aria-label')).to.match(/^Revisar y responder la solicitud de .+ de acceso a .+, enviada el \d/);
    });

    it('a right-to-left requester\'s name is set apart on screen, and the preview, the Approve button and the result that name them are named without the isolation marks', async () => {
      const patient = await person();
      const clinician = await person();
      const rtl = 'مريم 2';
      await relay.client.publishAll([await profileEvent(clinician, rtl)]);
      const record = await patientRecord(patient, false);
      const sent = await sendRequest(patient, clinician, ['AllergyIntolerance']);
      const incoming = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === sent.id)!;
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
      const named = `${rtl} (${shortNpub(clinician.pubkey)})`;
      await waitUntil(() => text($(el, 'li.request')).startsWith(`${named} asks`), 'the requester named');
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      buttonByText(el, /^Review: approve/)!.click();
      await el.updateComplete;
      expect(accessibleName($(el, '[part=preview]')!)).to.equal(`What ${named} will be able to open`);
      expect(setApart($(el, '#preview-title')!)).to.deep.equal([rtl]);
      const approve = buttonByText(el, `Approve and share with ${named}`)!;
      expect(accessibleName(approve)).to.equal(`Approve and share with ${named}`);
      expect(setApart(approve)).to.deep.equal([rtl]);
      await expect(el).to.be.accessible();
      approve.click();
      await waitUntil(() => el.status === 'done', 'approved');
      await el.updateComplete;
      const result = $(el, '#result-title')!;
      expect(accessibleName(result)).to.equal(`Approved. ${named} can now open what you granted.`);
      expect(setApart(result)).to.deep.equal([rtl]);
    });

    it('"Unlock my records" in the answer dialog: focus moves to the records chosen from, each named by its author\'s name', async () => {
      const patient = await person();
      const hospital = await person();
      const clinician = await person();
      const profile = await profileEvent(hospital, 'Lakeside Hospital');
      await relay.client.publishAll([profile]);
      // A record the hospital wrote for the patient.
      await relay.client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] }));
      const sent = await sendRequest(patient, clinician, ['AllergyIntolerance', 'Immunization']);
      const incoming = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === sent.id)!;
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      const load = buttonByText(el, 'Unlock my records')!;
      load.focus();
      load.click();
      await waitUntil(() => $(el, 'p.from'), 'records loaded');
      await el.updateComplete;
      await waitUntil(() => text(root(el).activeElement) !== '', 'focus in the dialog, not on the page behind it');
      expect(document.activeElement).to.equal(el);
      expect(text(root(el).activeElement)).to.match(/^From which of your records: /);
      expect(dialogOf(el).contains(root(el).activeElement)).to.equal(true);
      await waitUntil(() => text($(el, 'p.from')).includes('from Lakeside Hospital'), 'the author named as the viewer names them');
      // A self-chosen name, so the short npub stands beside it, as in the viewer.
      expect(text($(el, 'p.from'))).to.contain(`from Lakeside Hospital (${shortNpub(hospital.pubkey)})`);
      await expect(el).to.be.accessible();
    });

    it('a storage server the user declined to sign in to is named as such after "Check for requests", not as one that did not answer', async () => {
      const patient = await person();
      const clinician = await person();
      await sendRequest(patient, clinician, ['Condition']);
      const signIn = await relayUrl('auth');
      // The user declines every sign-in their signer is asked for, and signs everything else.
      const declining = decliningSignIn(patient.signer);
      const el = await fixture<Nip82ConsentPrompt>(
        html`<nip82-consent-prompt mode="answer" .signer=${declining} relays=${`${relay.url} ${signIn}`}></nip82-consent-prompt>`,
      );
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done', 'requests read');
      await el.updateComplete;
      expect($$(el, 'li.request'), 'the request, from the server that answered').to.have.length(1);
      const said = text($(el, '[role=status]'));
      expect(said).to.contain(`${signIn} asked you to sign in, and you did not.`);
      expect(said).not.to.contain('did not answer');
    });

    it('Deny asks once to sign in at a storage server the user declines, not once for each event it sends', async () => {
      const patient = await person();
      const clinician = await person();
      const sent = await sendRequest(patient, clinician, ['Condition']);
      const incoming = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === sent.id)!;
      const signIn = await relayUrl('auth');
      const same = (a: string, b: string) => a.replace(/\/$/, '') === b.replace(/\/$/, '');
      // Every sign-in prompt, by the server it names; each is declined, everything else signed.
      const prompts: string[] = [];
      let signed = 0;
      const declining: Signer = {
        getPublicKey: () => patient.signer.getPublicKey(),
        signEvent: async (template) => {
          if (template.kind === 22242) {
            prompts.push(template.tags.find((t) => t[0] === 'relay')?.[1] ?? '');
            throw new SignerError('refused', 'User said no.');
          }
          signed++;
          return patient.signer.signEvent(template);
        },
        nip44Encrypt: (peer, text) => patient.signer.nip44Encrypt(peer, text),
        nip44Decrypt: (peer, text) => patient.signer.nip44Decrypt(peer, text),
      };
      const el = await fixture<Nip82ConsentPrompt>(
        html`<nip82-consent-prompt mode="answer" .request=${incoming} .signer=${declining} relays=${`${relay.url} ${signIn}`}></nip82-consent-prompt>`,
      );
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      const answered = oneEvent(el, 'nip82-answer');
      buttonByText(el, 'Deny')!.click();
      await answered;
      await waitUntil(() => el.status === 'done', 'denied');
      expect(signed, 'Deny sends several events').to.be.greaterThan(1);
      expect(prompts.filter((r) => same(r, signIn)), 'one prompt for the whole Deny').to.have.length(1);
      expect(prompts.filter((r) => same(r, relay.url)), 'the open server never asks').to.have.length(0);
    });

    it('a send that a sign-in-only server did not take says whether the user said no or the sign-in failed', async () => {
      const patient = await person();
      const clinician = await person();
      const sent = await sendRequest(patient, clinician, ['Condition']);
      const incoming = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === sent.id)!;
      const signIn = await relayUrl('auth');
      // The user's signer cannot sign the sign-in (it is not the user's no): the sign-in fails.
      const failing: Signer = { ...decliningSignIn(patient.signer), signEvent: async (t) => {
        if (t.kind === 22242) throw new SignerError('failed', 'The signer broke.');
        return patient.signer.signEvent(t);
      } };
      const lines: Record<string, string[]> = {};
      for (const [how, signer] of [['declined', decliningSignIn(patient.signer)], ['failed', failing]] as const) {
        const el = await fixture<Nip82ConsentPrompt>(
          html`<nip82-consent-prompt mode="answer" .request=${incoming} .signer=${signer} relays=${signIn}></nip82-consent-prompt>`,
        );
        $<HTMLButtonElement>(el, 'li.request button')!.click();
        await waitUntil(() => dialogOf(el).open, 'dialog opens');
        buttonByText(el, 'Deny')!.click();
        await waitUntil(() => el.status === 'relay-error', `not sent (${how})`);
        await el.updateComplete;
        lines[how] = receiptLines(el);
      }
      expect(lines).to.deep.equal({
        declined: [`${signIn}: asked you to sign in; you did not, so it did not accept it`],
        failed: [`${signIn}: asked you to sign in; the sign-in did not go through, so it did not accept it`],
      });
    });
  });


  describe('all or nothing, and the truth about it', () => {
    /** A signer that refuses (or times out at) its k-th call of any kind, counting every call. */
    function refusingAt(base: Signer, k: number, code: 'refused' | 'timeout') {
      let n = 0;
      const gate = async <T>(run: () => Promise<T>): Promise<T> => {
        n++;
        if (n === k) throw new SignerError(code, 'No.');
        return run();
      };
      const signer: Signer = {
        getPublicKey: () => gate(() => base.getPublicKey()),
        signEvent: (t) => gate(() => base.signEvent(t)),
        nip44Encrypt: (p, x) => gate(() => base.nip44Encrypt(p, x)),
        nip44Decrypt: (p, c) => gate(() => base.nip44Decrypt(p, c)),
      };
      return { signer, calls: () => n };
    }

    /** What reached the relay for `clinician`: record parts listing them, and gift wraps to them. */
    async function published(clinician: Person, patient: Person) {
      const records = (await relay.client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events.length;
      const toClinician = (await relay.client.wrapsFor(clinician.pubkey)).events.length;
      const toPatient = (await relay.client.wrapsFor(patient.pubkey)).events.length;
      return { records, toClinician, toPatient };
    }

    async function incomingRequest(patient: Person, clinician: Person) {
      const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance', 'Condition'], purpose: 'Check-up' });
      await relay.client.publishAll(events);
      return (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
    }

    type Action = 'share' | 'approve' | 'deny';

    /** Runs one action up to its last click with `signer`; returns the element. */
    async function run(action: Action, _patient: Person, clinician: Person, record: OpenedRecord, signer: Signer, request?: ConsentMessage) {
      if (action === 'share') {
        const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${signer} relays=${relay.url} recipient=${clinician.pubkey}></nip82-consent-prompt>`);
        await openDialog(el);
        buttonByText(el, 'Review')!.click();
        await el.updateComplete;
        buttonByText(el, /^Share with npub1/)!.click();
        return el;
      }
      const el = await fixture<Nip82ConsentPrompt>(
        html`<nip82-consent-prompt mode="answer" .request=${request} .records=${[record]} .signer=${signer} relays=${relay.url}></nip82-consent-prompt>`,
      );
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      if (action === 'deny') {
        buttonByText(el, 'Deny')!.click();
        return el;
      }
      buttonByText(el, /^Review: approve/)!.click();
      await el.updateComplete;
      buttonByText(el, /^Approve and share with npub1/)!.click();
      return el;
    }

    for (const action of ['share', 'approve', 'deny'] as const) {
      it(`${action}: a signer that refuses or times out at its k-th call, for every k, publishes nothing and says so`, async () => {
        const patient = await person();
        const record = await patientRecord(patient, false);
        // How many signer calls the whole action makes.
        const probeClinician = await person();
        const probe = refusingAt(patient.signer, 0, 'refused');
        const probeRequest = action === 'share' ? undefined : await incomingRequest(patient, probeClinician);
        const done = await run(action, patient, probeClinician, record, probe.signer, probeRequest);
        await waitUntil(() => done.status === 'done', `${action} done`);
        const total = probe.calls();
        expect(total).to.be.greaterThan(1);
        console.log(`${action}: ${total} signer calls, each refused in turn`);
        for (let k = 1; k <= total; k++) {
          const code = k % 2 ? 'refused' : 'timeout';
          const clinician = await person();
          const request = action === 'share' ? undefined : await incomingRequest(patient, clinician);
          const before = await published(clinician, patient);
          const el = await run(action, patient, clinician, record, refusingAt(patient.signer, k, code).signer, request);
          await waitUntil(() => el.status === (code === 'refused' ? 'refused' : 'timed-out'), `call ${k} of ${total} stops it`);
          await el.updateComplete;
          // A refusal after approvals given says which approval it was, and that trying again asks for each again.
          expect(text($(el, '[role=status]'))).to.match(
            code === 'refused'
              ? /^Your signer declined\. Nothing was shared or sent\.( You declined approval \d+: the approvals before it are not used\. To go ahead after all, try again; your signer will ask for each one again\.)?$/
              : /^Your signer did not answer in time\. Nothing was shared or sent; you can try again\.$/,
          );
          expect(await published(clinician, patient)).to.deep.equal(before, `call ${k} of ${total}`);
          expect(before.records).to.equal(0);
        }
      });
    }

    it('a relay that accepts only some events: the page says exactly what went out; finishing sends the same signed events', async () => {
      await onPickyRelay(async (picky, pickyClient) => {
        // The share goes out; the answer does not.
        const { clinician, request, signer, el, answered } = await halfSentApproval(pickyClient, picky);
        const said = text($(el, '[role=status]'));
        expect(said).to.match(/^Only part of this went out\. Sent: the shared record for npub1\S+\. Not sent yet: your answer to npub1\S+; your own copy of the answer\. Finish sending to complete it; nothing is signed again\.$/);
        expect(answered.count).to.equal(0);
        expect(answered.unfinished, 'told that part of it went out').to.equal(1);
        expect((await pickyClient.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events).to.have.length(1);
        // Only the clinician's own copy of their request is there: no answer.
        expect((await pickyClient.wrapsFor(clinician.pubkey)).events).to.have.length(1);
        await expect(el).to.be.accessible();

        // Finishing: the relay takes events again; nothing is signed again, nothing is duplicated.
        await relayAcceptsOnly('picky', null);
        const calls = { ...signer.calls };
        buttonByText(el, 'Finish sending')!.click();
        await waitUntil(() => el.status === 'done', 'finished');
        await el.updateComplete;
        expect(signer.calls).to.deep.equal(calls);
        expect(answered.count).to.equal(1);
        expect(text($(el, '#result-title'))).to.match(/^Approved\. npub1.+ can now open what you granted\.$/);
        expect((await pickyClient.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events).to.have.length(1);
        const answers = await readConsentMessages((await pickyClient.wrapsFor(clinician.pubkey)).events, clinician.signer);
        expect(answers.filter((m) => m.answers === request.id)).to.have.length(1);
        expect((await pickyClient.wrapsFor(clinician.pubkey)).events).to.have.length(2);
      });
    });

    /** A prompt answering a fresh request on the picky relay, stopped after the share went out and before the answer did. */
    async function halfSentApproval(pickyClient: RelayClient, picky: string) {
      const patient = await person();
      const clinician = await person();
      const record = await patientRecord(patient, false);
      const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up' });
      await pickyClient.publishAll(events);
      const incoming = (await readConsentMessages((await pickyClient.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
      const signer = counting(patient.signer);
      const el = await fixture<Nip82ConsentPrompt>(
        html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${signer} relays=${picky}></nip82-consent-prompt>`,
      );
      const sent: string[][] = [];
      el.addEventListener('nip82-receipts', (e) => sent.push(e.detail.receipts.map((r) => r.eventId)));
      // Finished answers; one only half-sent is told apart (\`unfinished\`).
      const answered = { count: 0, unfinished: 0 };
      el.addEventListener('nip82-answer', (e) => (e.detail.unfinished ? answered.unfinished++ : answered.count++));
      await approveHalfWay(el);
      return { patient, clinician, request, incoming, record, signer, el, sent, answered };
    }

    /** Closes the dialog and opens the same request again. */
    async function reopen(el: Nip82ConsentPrompt) {
      const closed = oneEvent(dialogOf(el), 'close');
      dialogOf(el).close();
      await closed;
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens again');
      await el.updateComplete;
    }

    it('reopening a request whose share went out offers only to finish sending the same events: no Deny, nothing signed again', async () => {
      await onPickyRelay(async (picky, pickyClient) => {
        const { clinician, request, signer, el, sent, answered } = await halfSentApproval(pickyClient, picky);
        const shareOut = (await pickyClient.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events.map((e) => e.id);
        expect(shareOut).to.have.length(1);
        // The share and the answer it stopped at were tried.
        const tried = sent.at(-1)!;
        expect(tried).to.include(shareOut[0]);

        await reopen(el);
        expect(!!buttonByText(el, 'Deny'), 'Deny offered').to.equal(false);
        expect(!!buttonByText(el, /^Review: approve/), 'approve offered').to.equal(false);
        expect(!!buttonByText(el, /^Approve and share/), 'approve offered').to.equal(false);
        expect(text($(el, '[role=status]'))).to.match(/^Only part of this went out\. Sent: the shared record for npub1\S+\. Not sent yet: your answer to npub1\S+; your own copy of the answer\. Finish sending to complete it; nothing is signed again\.$/);
        expect(text($(el, 'dialog .warning'))).to.match(/^You approved this request and part of the share has already reached a storage server, where npub1\S+ can open it, so it can no longer be denied\./);
        await expect(el).to.be.accessible();

        await relayAcceptsOnly('picky', null);
        const calls = { ...signer.calls };
        buttonByText(el, 'Finish sending')!.click();
        await waitUntil(() => el.status === 'done', 'finished');
        await el.updateComplete;
        // No new signature, and the very events signed before: the share once, the answer once.
        expect(signer.calls).to.deep.equal(calls);
        expect(answered.count).to.equal(1);
        const finished = sent.at(-1)!;
        expect(finished).to.have.length(3);
        for (const id of tried) expect(finished).to.include(id);
        expect((await pickyClient.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events.map((e) => e.id)).to.deep.equal(shareOut);
        const wraps = (await pickyClient.wrapsFor(clinician.pubkey)).events;
        // The request's own copy and the answer tried before, not a new one.
        expect(wraps).to.have.length(2);
        expect(wraps.map((w) => w.id)).to.include(tried.find((id) => id !== shareOut[0]));
        const answers = await readConsentMessages(wraps, clinician.signer);
        expect(answers.filter((m) => m.answers === request.id).map((m) => m.status)).to.deep.equal(['active']);
      });
    });

    it('reopening a half-sent share offers to finish it or to leave it for a new share: leaving signs and sends nothing, and says what stays', async () => {
      await onPickyRelay(async (picky, pickyClient) => {
        const patient = await person();
        const [clinician, other] = [await person(), await person()];
        // Large enough to be shared in several parts, so that one can go out and the rest not.
        const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
        const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
        const signer = counting(patient.signer);
        const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${signer} relays=${picky}></nip82-consent-prompt>`);
        const sent: string[][] = [];
        el.addEventListener('nip82-receipts', (e) => sent.push(e.detail.receipts.map((r) => r.eventId)));
        const shared: string[] = [];
        el.addEventListener('nip82-share', (e) => e.detail.unfinished || shared.push(e.detail.recipient));
        const partsFor = async (who: Person) => (await pickyClient.query({ kinds: [RECORD_KIND], '#p': [who.pubkey] })).events.map((e) => e.id);

        await openDialog(el);
        await typeRecipient(el, clinician.pubkey);
        buttonByText(el, 'Review')!.click();
        await el.updateComplete;
        await relayAcceptsOnly('picky', 1);
        buttonByText(el, /^Share with npub1/)!.click();
        await waitUntil(() => el.status === 'relay-error', 'stopped half way');
        const out = await partsFor(clinician);
        expect(out).to.have.length(1);
        const closed = oneEvent(dialogOf(el), 'close');
        buttonByText(el, 'Close')!.click();
        await closed;

        // Reopened: both ways, and the truth about what went out.
        await setViewport({ width: 320, height: 640 });
        try {
          await openDialog(el);
          expect(text($(el, '[role=status]'))).to.match(
            /^Only part of this went out\. Sent: 1 of \d+ parts of the shared record for npub1\S+\. Not sent yet: the shared record for npub1\S+\. Finish sending to complete it; nothing is signed again\.$/,
          );
          expect(text($(el, '#leave-help'))).to.match(
            /^Or leave it as it is and start a new share\. Nothing more is sent, but what already went out stays, and npub1\S+ can open it\. A share left unfinished can no longer be finished or taken back\.$/,
          );
          expect(text($(el, '#take-back-help'))).to.match(/^Shared by mistake\? Take it back: what already went out is replaced on the storage servers by a copy only you can open, so npub1\S+ can no longer open it there\./);
          const actions = $$<HTMLButtonElement>(el, 'dialog [part=actions] button').map((b) => text(b));
          expect(actions).to.deep.equal(['Close', 'Leave it and start a new share', 'Take it back', 'Finish sending']);
          await fitsPhone(el, 'half-sent share', false);
        } finally {
          await setViewport({ width: 800, height: 600 });
        }

        // Left by keyboard, with the relay taking everything again: still nothing is signed or sent.
        await relayAcceptsOnly('picky', null);
        const calls = { ...signer.calls };
        const receipts = sent.length;
        buttonByText(el, 'Leave it and start a new share')!.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => $(el, 'dialog nip82-npub-picker'), 'the share form');
        await el.updateComplete;
        expect(signer.calls).to.deep.equal(calls);
        expect(sent).to.have.length(receipts);
        expect(shared).to.deep.equal([]);
        expect(await partsFor(clinician)).to.deep.equal(out);
        expect(el.status).to.equal('idle');
        expect(dialogOf(el).open).to.equal(true);
        expect(text($(el, '#left-note'))).to.match(
          /^The unfinished share with npub1\S+ was left as it is\. What already went out stays, and they can open it\.$/,
        );
        expect(root(el).activeElement?.id, 'focus on what stays').to.equal('left-note');
        expect(!!buttonByText(el, 'Finish sending'), 'finish offered').to.equal(false);
        await expect(el).to.be.accessible();

        // A new share, to someone else, goes out whole.
        await typeRecipient(el, other.pubkey);
        buttonByText(el, 'Review')!.click();
        await el.updateComplete;
        buttonByText(el, /^Share with npub1/)!.click();
        await waitUntil(() => el.status === 'done', 'shared anew');
        expect(shared).to.deep.equal([other.pubkey]);
        expect(signer.calls.signEvent).to.be.greaterThan(calls.signEvent ?? 0);
        const whole = sent.at(-1)!;
        expect(await partsFor(other)).to.have.length(whole.length);
        expect(await partsFor(clinician)).to.deep.equal(out);

        // The half-sent share is forgotten: the dialog opens on the form.
        const done = oneEvent(dialogOf(el), 'close');
        buttonByText(el, 'Close')!.click();
        await done;
        await openDialog(el);
        expect(!!$(el, 'dialog nip82-npub-picker'), 'the share form').to.equal(true);
        expect(!!buttonByText(el, 'Finish sending'), 'finish offered').to.equal(false);
        expect($(el, '#left-note')).to.equal(null);
      });
    });

    it('records handed in taken away while the host reloads them are nobody yet, not another user: a half-sent share is still said, and finishing it sends the same events', async () => {
      await onPickyRelay(async (picky, pickyClient) => {
        const [patient, clinician] = [await person(), await person()];
        const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
        const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
        const signer = counting(patient.signer);
        // No session and no store of its own: who the user is comes from the records alone.
        const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${signer} relays=${picky} recipient=${clinician.pubkey}></nip82-consent-prompt>`);
        const shared: string[] = [];
        el.addEventListener('nip82-share', (e) => e.detail.unfinished || shared.push(e.detail.recipient));
        const partsFor = async () => (await pickyClient.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events.map((e) => e.id);
        await openDialog(el);
        buttonByText(el, 'Review')!.click();
        await el.updateComplete;
        await relayAcceptsOnly('picky', 1);
        buttonByText(el, /^Share with npub1/)!.click();
        await waitUntil(() => el.status === 'relay-error', 'stopped half way');
        const out = await partsFor();
        expect(out).to.have.length(1);
        const closed = oneEvent(dialogOf(el), 'close');
        buttonByText(el, 'Close')!.click();
        await closed;
        await el.updateComplete;
        const said = text($(el, '[role=status]'));
        expect(said).to.match(/^Only part of this went out\. Sent: 1 of \d+ parts/);

        // The host reloads its records: none for a moment (either way a host may say so), then the same again.
        for (const reloading of [undefined, []]) {
          el.records = reloading;
          await el.updateComplete;
          expect(el.status, 'still half sent while no records are handed in').to.equal('relay-error');
          el.records = [record];
          await el.updateComplete;
          expect(el.status).to.equal('relay-error');
          expect(text($(el, '[role=status]'))).to.equal(said);
          expect(!!buttonByText(el, 'Finish sending'), 'a way to finish').to.equal(true);
        }

        // Reopened, it still offers only to finish; finishing sends the rest of the same signed share.
        await openDialog(el);
        expect(text($(el, 'dialog [role=status]'))).to.equal(said);
        await relayAcceptsOnly('picky', null);
        const calls = { ...signer.calls };
        buttonByText(el, 'Finish sending')!.click();
        await waitUntil(() => el.status === 'done', 'finished');
        expect(shared).to.deep.equal([clinician.pubkey]);
        expect(signer.calls, 'nothing signed again').to.deep.equal(calls);
        const all = await partsFor();
        expect(all.length).to.be.greaterThan(1);
        expect(all).to.include(out[0]);
      });
    });

    it('a share half sent through relays of the prompt\'s own inside a session: once another user signs in there, nothing of it is shown or sent', async () => {
      await onPickyRelay(async (picky, pickyClient) => {
        const [patient, clinician, next] = [await person(), await person(), await person()];
        const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
        const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
        const nextSigner = counting(next.signer);
        // Records handed in and relays of its own: the prompt follows no store, so no store
        // replacement tells it of the next user; only the signer in effect changes under it.
        const session = await fixture<Nip82Session>(html`<nip82-session relays=${relay.url} .signer=${patient.signer}>
          <nip82-consent-prompt .records=${[record]} relays=${picky} recipient=${clinician.pubkey}></nip82-consent-prompt>
        </nip82-session>`);
        await waitUntil(() => session.pubkey === patient.pubkey, 'the patient is signed in');
        const el = session.querySelector('nip82-consent-prompt') as Nip82ConsentPrompt;
        await el.updateComplete;
        await openDialog(el);
        buttonByText(el, 'Review')!.click();
        await el.updateComplete;
        await relayAcceptsOnly('picky', 1);
        buttonByText(el, /^Share with npub1/)!.click();
        await waitUntil(() => el.status === 'relay-error', 'stopped half way');
        const partsFor = async () => (await pickyClient.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events.map((e) => e.id);
        const out = await partsFor();
        expect(out).to.have.length(1);

        await relayAcceptsOnly('picky', null);
        session.signer = nextSigner;
        await waitUntil(() => session.pubkey === next.pubkey, 'the next user is signed in');
        await el.updateComplete;
        // The next user is not shown the last one's half-sent share, nor a button to send the rest.
        await waitUntil(() => !dialogOf(el).open, 'the last user\'s dialog closed');
        await el.updateComplete;
        expect(await partsFor(), 'the rest of the last user\'s share sent').to.deep.equal(out);
        expect(nextSigner.calls.signEvent ?? 0).to.equal(0);
        expect(el.status).to.equal('idle');
        expect(text(root(el))).not.to.contain(shortNpub(clinician.pubkey));
        expect($$(el, '[part=receipts] li')).to.have.length(0);
        expect(!!buttonByText(el, 'Finish sending'), 'a way to send the last user\'s events').to.equal(false);
        // Opened by the next user: the share form, not the last user's share.
        await openDialog(el);
        expect(!!$(el, 'dialog nip82-npub-picker'), 'the share form').to.equal(true);
      });
    });

    it('a sign-out forgets a half-sent answer: reopening after signing in again starts afresh', async () => {
      await onPickyRelay(async (picky, pickyClient) => {
        const { signer, el, incoming, record } = await halfSentApproval(pickyClient, picky);
        await relayAcceptsOnly('picky', null);
        const closed = oneEvent(dialogOf(el), 'close');
        el.signer = undefined;
        await closed;
        await el.updateComplete;
        // What the page handed in for the person went with them: no request is left to reopen.
        expect([el.request, el.records, $$(el, 'li.request').length]).to.deep.equal([undefined, undefined, 0]);
        // Signed in again, the page hands in the same request and records.
        el.signer = signer;
        el.request = incoming;
        el.records = [record];
        await el.updateComplete;
        $<HTMLButtonElement>(el, 'li.request button')!.click();
        await waitUntil(() => dialogOf(el).open, 'dialog opens again');
        await el.updateComplete;
        expect(!!buttonByText(el, 'Finish sending'), 'finish offered').to.equal(false);
        expect(!!buttonByText(el, 'Deny'), 'Deny offered').to.equal(true);
      });
    });

    it('a deny no relay accepts says nothing was sent, and trying again sends the same answer once', async () => {
      await onPickyRelay(async (picky, pickyClient) => {
        const patient = await person();
        const clinician = await person();
        const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'Check-up' });
        await pickyClient.publishAll(events);
        const incoming = (await readConsentMessages((await pickyClient.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
        const el = await fixture<Nip82ConsentPrompt>(
          html`<nip82-consent-prompt mode="answer" .request=${incoming} .signer=${patient.signer} relays=${picky}></nip82-consent-prompt>`,
        );
        $<HTMLButtonElement>(el, 'li.request button')!.click();
        await waitUntil(() => dialogOf(el).open, 'dialog opens');
        await relayAcceptsOnly('picky', 0);
        buttonByText(el, 'Deny')!.click();
        await waitUntil(() => el.status === 'relay-error', 'nothing accepted');
        await el.updateComplete;
        expect(text($(el, '[role=status]'))).to.equal('No storage server accepted it. Nothing was shared or sent; you can try again.');
        expect((await pickyClient.wrapsFor(clinician.pubkey)).events).to.have.length(1);
        await expect(el).to.be.accessible();
        await relayAcceptsOnly('picky', null);
        buttonByText(el, 'Try again')!.click();
        await waitUntil(() => el.status === 'done', 'sent');
        // The request's own copy, and the one answer.
        expect((await pickyClient.wrapsFor(clinician.pubkey)).events).to.have.length(2);
      });
    });
  });

  describe('what was hidden from a recipient stays hidden', () => {
    it('items hidden from a clinician in an earlier share start hidden when answering them, and are not shared unless unhidden', async () => {
      const patient = await person();
      const clinician = await person();
      await patientRecord(patient);
      // A share from one session, hiding the diagnosis from this clinician.
      const first = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .signer=${patient.signer} relays=${relay.url} recipient=${clinician.pubkey}></nip82-consent-prompt>`);
      buttonByText(first, 'Unlock my records')!.click();
      await waitUntil(() => buttonByText(first, 'Share records…'), 'records loaded');
      await openDialog(first);
      itemRow(first, 'Chlamydia').querySelector<HTMLButtonElement>('button.hide')!.click();
      await first.updateComplete;
      buttonByText(first, 'Review')!.click();
      await first.updateComplete;
      buttonByText(first, /^Share with npub1/)!.click();
      await waitUntil(() => first.status === 'done', 'shared');
      first.remove();

      // Another session: the clinician asks for conditions; the answer starts with the diagnosis hidden.
      const { events } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Condition', 'AllergyIntolerance'], purpose: 'Referral' });
      await relay.client.publishAll(events);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => $(el, 'li.request button'), 'request listed');
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      buttonByText(el, 'Unlock my records')!.click();
      await waitUntil(() => $$(el, 'li.item').length > 0, 'items listed');
      await el.updateComplete;
      expect(itemRow(el, 'Chlamydia').querySelector('button.hide')!.getAttribute('aria-pressed')).to.equal('true');
      expect(text($(el, '.hidden-before'))).to.match(/^1 item you hid from npub1\S+ before starts hidden\.$/);
      // Ticking the whole kind leaves it hidden: only its own Hide button brings it back.
      $$<HTMLInputElement>(el, '.group-head input').find((i) => i.getAttribute('aria-label') === 'Share all conditions (1)')!.click();
      await el.updateComplete;
      buttonByText(el, /^Review: approve/)!.click();
      await el.updateComplete;
      expect(text($(el, '[part=preview]'))).not.to.contain('Chlamydia');
      const answered = oneEvent(el, 'nip82-answer');
      buttonByText(el, /^Approve and share with npub1/)!.click();
      const { detail } = (await answered) as Nip82Event<'nip82-answer'>;
      const granted = await openRecord((await relay.client.recordByNaddr(detail.naddrs[0]!)).events, clinician.signer);
      expect(JSON.stringify(granted.bundle)).not.to.contain('Chlamydia');
      expect(granted.withheld?.disclose).to.equal('flag');
      // The recipient's copy does not say what was hidden: the note is for editors.
      expect(granted.editorNote).to.equal(undefined);
      expect(JSON.stringify(granted.events)).not.to.contain('Chlamydia');

      // Sharing with them again, from a third session: hidden from the start as well; its own Hide brings it back.
      const again = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .signer=${patient.signer} relays=${relay.url} recipient=${clinician.pubkey}></nip82-consent-prompt>`);
      buttonByText(again, 'Unlock my records')!.click();
      await waitUntil(() => buttonByText(again, 'Share records…'), 'records loaded');
      await openDialog(again);
      expect(itemRow(again, 'Chlamydia').querySelector('button.hide')!.getAttribute('aria-pressed')).to.equal('true');
      itemRow(again, 'Chlamydia').querySelector<HTMLButtonElement>('button.hide')!.click();
      await again.updateComplete;
      buttonByText(again, 'Review')!.click();
      await again.updateComplete;
      expect(text($(again, '[part=preview]'))).to.contain('Chlamydia');
    });
  });


  describe('names, keyboard and phone', () => {
    it('names the recipient at every consent moment, with the short npub beside it', async () => {
      const patient = await person();
      const clinician = await person();
      const profile = await profileEvent(clinician, 'Harbor Clinic');
      await relay.client.publishAll([profile]);
      const record = await patientRecord(patient, false);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${patient.signer} relays=${relay.url} recipient=${clinician.pubkey}></nip82-consent-prompt>`);
      await openDialog(el);
      const fingerprint = `${npubEncode(clinician.pubkey).slice(0, 10)}…${npubEncode(clinician.pubkey).slice(-6)}`;
      const named = `Harbor Clinic (${fingerprint})`;
      await waitUntil(() => text($(el, '.items')).length > 0, 'items');
      buttonByText(el, 'Review')!.click();
      await waitUntil(() => text($(el, '#preview-title')) === `What ${named} will be able to open`, 'named preview heading');
      const shareButton = buttonByText(el, `Share with ${named}`)!;
      expect(shareButton).to.exist;
      shareButton.click();
      await waitUntil(() => el.status === 'done', 'shared');
      await el.updateComplete;
      expect(text($(el, '#result-title'))).to.equal(`Shared with ${named}. 1 of 1 storage server accepted it.`);
    });

    it('a right-to-left name is set apart on screen, and the preview, the Share button and the result that name the recipient are named without the isolation marks', async () => {
      const patient = await person();
      const clinician = await person();
      const rtl = 'مريم 2';
      await relay.client.publishAll([await profileEvent(clinician, rtl)]);
      const record = await patientRecord(patient, false);
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${patient.signer} relays=${relay.url} recipient=${clinician.pubkey}></nip82-consent-prompt>`);
      await openDialog(el);
      const named = `${rtl} (${shortNpub(clinician.pubkey)})`;
      await waitUntil(() => text($(el, '.items')).length > 0, 'items');
      buttonByText(el, 'Review')!.click();
      await waitUntil(() => text($(el, '#preview-title')) === `What ${named} will be able to open`, 'named preview heading');
      expect(accessibleName($(el, '[part=preview]')!)).to.equal(`What ${named} will be able to open`);
      expect(setApart($(el, '#preview-title')!)).to.deep.equal([rtl]);
      const share = buttonByText(el, `Share with ${named}`)!;
      expect(accessibleName(share)).to.equal(`Share with ${named}`);
      expect(setApart(share)).to.deep.equal([rtl]);
      share.click();
      await waitUntil(() => el.status === 'done', 'shared');
      await el.updateComplete;
      const result = $(el, '#result-title')!;
      expect(accessibleName(result)).to.equal(`Shared with ${named}. 1 of 1 storage server accepted it.`);
      expect(setApart(result)).to.deep.equal([rtl]);
    });

    it(`a keyboard-only share of the demo patient's record takes fewer than 40 key presses, and focus never falls to the page`, async () => {
      const patient = await person();
      const clinician = await person();
      const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
      const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
      const el = await shareFixture(patient, record);
      let presses = 0;
      const focused = () => {
        let node: Element | null = document.activeElement;
        while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
        return node;
      };
      const press = async (key: string) => {
        // Past twice the target the share has failed already: stop rather than press on.
        if (++presses > 80) throw new Error(`more than 80 key presses, at ${key}`);
        await sendKeys({ press: key });
        await el.updateComplete;
        // Booleans, not elements: a failure message never has to print a whole dialog.
        expect(focused() === document.body || !focused(), `focus fell to the page after ${key}`).to.equal(false);
      };
      const pressUntil = async (key: string, reached: () => boolean, what: string) => {
        for (let i = 0; i < 20 && !reached(); i++) await press(key);
        expect(reached(), what).to.equal(true);
      };
      (document.activeElement as HTMLElement | null)?.blur();
      await pressUntil('Tab', () => focused() === buttonByText(el, 'Share records…'), 'the trigger');
      await press('Enter');
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      // The recipient: their npub pasted into the picker (one key press, Control+V).
      const picker = $(el, 'nip82-npub-picker')!;
      await waitUntil(() => picker.shadowRoot?.querySelector('#input'), 'picker rendered');
      const input = picker.shadowRoot!.querySelector<HTMLInputElement>('#input')!;
      await pressUntil('Tab', () => focused() === input, 'the recipient field');
      presses++;
      setInput(input, npubEncode(clinician.pubkey));
      await el.updateComplete;
      // The item list is one tab stop: into it, Page Down to conditions, arrows to the fracture, Hide.
      await pressUntil('Tab', () => !!focused()?.closest('.item-grid'), 'the item list');
      await pressUntil('PageDown', () => text(focused()?.closest('[data-row]')?.querySelector('label')) === 'Conditions (3)', 'the conditions');
      await pressUntil('ArrowDown', () => text(focused()?.closest('li')?.querySelector('label')).includes('Fracture of ankle'), 'the fracture');
      await press('ArrowRight');
      expect(focused()?.classList.contains('hide')).to.equal(true);
      await press('Space');
      expect(itemRow(el, 'Fracture of ankle').querySelector('button.hide')!.getAttribute('aria-pressed')).to.equal('true');
      // One Tab leaves the whole list.
      await press('Tab');
      expect(!!focused()?.closest('.item-grid'), 'one Tab leaves the list').to.equal(false);
      await pressUntil('Tab', () => focused() === buttonByText(el, 'Review'), 'Review');
      await press('Enter');
      await waitUntil(() => $(el, '[part=preview]'), 'preview');
      await pressUntil('Tab', () => /^Hide these \d+ too$/.test(text(focused())), 'hide the mentions');
      await press('Enter');
      await pressUntil('Tab', () => /^Share with npub1/.test(text(focused())), 'the share button');
      await press('Enter');
      await waitUntil(() => el.status === 'done', 'shared');
      await el.updateComplete;
      await waitUntil(() => focused()?.id === 'result-title', 'the result');
      console.log(`keyboard-only share: ${presses} key presses`);
      expect(presses).to.be.lessThan(40);
      await expect(el).to.be.accessible();
    });

    it('every step of both dialogs fits a 320 px screen: no horizontal scroll, nothing covered', async () => {
      await setViewport({ width: 320, height: 640 });
      // As on a host page that lets long tokens wrap anywhere (the demo's cards do).
      document.body.style.overflowWrap = 'anywhere';
      try {
        const patient = await person();
        const clinician = await person();
        const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
        const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
        const el = await shareFixture(patient, record);
        await openDialog(el);
        await typeRecipient(el, clinician.pubkey);
        await fitsPhone(el, 'share: choose');
        itemRow(el, 'Fracture of ankle').querySelector<HTMLButtonElement>('button.hide')!.click();
        buttonByText(el, 'Review')!.click();
        await fitsPhone(el, 'share: preview');
        buttonByText(el, /^Share with npub1/)!.click();
        await waitUntil(() => el.status === 'done', 'shared');
        await fitsPhone(el, 'share: result');

        const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Condition', 'Immunization'], purpose: 'Referral' });
        await relay.client.publishAll(events);
        const incoming = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
        const answer = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
        $<HTMLButtonElement>(answer, 'li.request button')!.click();
        await waitUntil(() => dialogOf(answer).open, 'dialog opens');
        await fitsPhone(answer, 'answer: choose');
        buttonByText(answer, /^Review: approve/)!.click();
        await fitsPhone(answer, 'answer: preview');
      } finally {
        document.body.style.overflowWrap = '';
        await setViewport({ width: 800, height: 600 });
      }
    });
  });

  describe('past answers on a phone', () => {
    it('at 320 px, under a host page that wraps anywhere, the past answers stack with each cell named and no word split', async () => {
      await setViewport({ width: 320, height: 640 });
      document.body.style.overflowWrap = 'anywhere';
      try {
        const patient = await person();
        const clinician = await person();
        for (let i = 0; i < 2; i++) {
          const { events } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance', 'Immunization'], purpose: 'Check-up', days: 20 });
          await relay.client.publishAll(events);
        }
        const requests = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).filter((m) => m.status === 'proposed');
        await relay.client.publishAll((await answerRequest(requests[0]!, { signer: patient.signer, decision: 'active', until: isoDay(10) })).events);
        await relay.client.publishAll((await answerRequest(requests[1]!, { signer: patient.signer, decision: 'rejected' })).events);
        const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
        buttonByText(el, 'Check for requests')!.click();
        await waitUntil(() => $$(el, 'table.history tbody tr').length === 2, 'past answers');
        await el.updateComplete;
        expect(brokenWords(root(el), 'past answers')).to.deep.equal([]);
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        // The header row is there for screen readers only; each cell says its column.
        expect(getComputedStyle($(el, 'table.history thead')!).clipPath).not.to.equal('none');
        const cells = $$(el, 'table.history tbody tr:first-child td');
        expect(cells.map((td) => td.dataset.label)).to.deep.equal(['Date', 'Who', 'Decision', 'What', 'Until']);
        expect(cells.map((td) => getComputedStyle(td).display)).to.deep.equal(['block', 'block', 'block', 'block', 'block']);
        await expect(el).to.be.accessible();
      } finally {
        document.body.style.overflowWrap = '';
        await setViewport({ width: 800, height: 600 });
      }
    });
  });

  describe('failures', () => {
    it('a signer that times out shows the timed-out state', async () => {
      const patient = await person();
      const clinician = await person();
      const slow = async (): Promise<never> => {
        throw new SignerError('timeout', 'No answer.');
      };
      const record = await patientRecord(patient, false);
      const signer = { getPublicKey: () => patient.signer.getPublicKey(), signEvent: slow, nip44Encrypt: slow, nip44Decrypt: slow };
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${signer} relays=${relay.url}></nip82-consent-prompt>`);
      await openDialog(el);
      await typeRecipient(el, clinician.pubkey);
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      const codes = errorCodes(el);
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => el.status === 'timed-out', 'timed out');
      await el.updateComplete;
      expect(codes).to.deep.equal(['timeout']);
      expect(text($(el, '[role=status]'))).to.equal('Your signer did not answer in time. Nothing was shared or sent; you can try again.');
      await expect(el).to.be.accessible();
    });

    it('answering a request addressed to someone else is bad data, said plainly', async () => {
      const patient = await person();
      const clinician = await person();
      const stranger = await person();
      const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'Follow-up' });
      await relay.client.publishAll(events);
      const el = await fixture<Nip82ConsentPrompt>(
        html`<nip82-consent-prompt mode="answer" .request=${request} .signer=${stranger.signer} relays=${relay.url}></nip82-consent-prompt>`,
      );
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      const errors: Nip82Event<'nip82-error'>[] = [];
      el.addEventListener('nip82-error', (e) => errors.push(e));
      buttonByText(el, 'Deny')!.click();
      await waitUntil(() => el.status === 'bad-data', 'bad data');
      await el.updateComplete;
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['invalid-input']);
      // A sentence per code on screen, as in every language; the core's own words are the host's.
      expect(text($(el, '[role=status]'))).to.equal('Something in the data could not be used. Some of the information given is not valid.');
      expect(errors[0]!.detail.message).to.equal('Only the patient a request is addressed to can answer it.');
      await expect(el).to.be.accessible();
    });
  });

  describe('strings and language', () => {
    it('speaks Spanish under lang="es"', async () => {
      const patient = await person();
      const el = await shareFixture(patient, await patientRecord(patient, false), { lang: 'es' });
      expect(text($(el, '.ready'))).to.equal('Se pueden compartir 4 elementos de 1 historial.');
      await openDialog(el);
      expect(text($(el, '#dialog-title'))).to.equal('Compartir sus historiales');
      expect(buttonByText(el, 'Revisar')).to.exist;
      expect(text(root(el))).to.contain('Alergias (1)');
      // One word for record (historial), and the kit's one register (usted) throughout: no tú forms.
      expect(text(root(el))).not.to.match(/(^|[^\p{L}])(registros?|tú|tu|tus|te|ti|contigo|puedes|quieres|tienes|elige|marca|pega)(?!\p{L})/iu);
      expect(text(root(el))).to.contain('Marque lo que quiere compartir.');
      await expect(el).to.be.accessible();
    });

    it('shows overridden strings in place of the built-ins', async () => {
      const patient = await person();
      const record = await patientRecord(patient, false);
      const el = await fixture<Nip82ConsentPrompt>(
        html`<nip82-consent-prompt .records=${[record]} .signer=${patient.signer} relays=${relay.url}
          .strings=${{ openShare: 'Send to my doctor', ready: (r: number, _records: string, i: number) => `${i}/${r}` }}></nip82-consent-prompt>`,
      );
      expect(buttonByText(el, 'Send to my doctor')).to.exist;
      expect(text($(el, '.ready'))).to.equal('4/1');
    });

    it('creates and uses the element without Lit warnings', async () => {
      const patient = await person();
      const record = await patientRecord(patient, false);
      const warnings = await litWarnings(async () => {
        const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
        await openDialog(el);
        itemRow(el, 'Penicillin').querySelector<HTMLButtonElement>('button.hide')!.click();
        await el.updateComplete;
        dialogOf(el).close();
        await el.updateComplete;
        const answer = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer"></nip82-consent-prompt>`);
        await answer.updateComplete;
      });
      expect(warnings).to.deep.equal([]);
    });
  });
});
