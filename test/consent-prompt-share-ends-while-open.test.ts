/**
 * A clinician a patient let view and share a record until today opens "Share records…", and the
 * share to them ends while the dialog is open: pressing Share must not send on what is no longer
 * theirs to pass on, nor send a share quietly missing the items the preview listed. The dialog
 * says why, and the signer is asked nothing.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord, type OpenedRecord, type Role } from '../components/core/nip82/record.js';
import type { Signer } from '../components/core/signers/signer.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { ANA, anaWith, counting, person, recordAbout, relayAcceptsOnly, relayUrl, skewClock, type Person } from './helpers.js';
import { $, $$, buttonByText, dialogOf, isoDay, itemRow, text, typeRecipient } from './element-helpers.js';
import { waitUntil } from './wait.js';

const SHARE_WITH = /^Share with npub1/;
const ENDED = /ended while this was open/;

/** The patient's `record` shared with the clinician as `role`, until `until` (no end when not given), opened by the clinician. */
async function shareOf(patient: Person, clinician: Person, record: OpenedRecord, role: Role, until?: string): Promise<OpenedRecord> {
  const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role, ...(until ? { until } : {}) }));
  return openRecord(await createShare({
    from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer,
    participants: [{ pubkey: clinician.pubkey, role }],
  }), clinician.signer);
}

/** Shares a record about the patient holding `label` (made now, or `record`) with the clinician as an editor, until `until`. */
async function sharedToClinician(patient: Person, clinician: Person, label: string, until: string, record?: OpenedRecord) {
  record ??= await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', label, patient), author: patient.signer, participants: [] }), patient.signer);
  return { record, theirs: await shareOf(patient, clinician, record, 'editor', until) };
}

/** The clinician's own record about `about`, holding `label`. */
async function ownRecord(clinician: Person, about: Person, name: string, label: string): Promise<OpenedRecord> {
  return openRecord(await createRecord({ bundle: recordAbout(name, label, about), author: clinician.signer, participants: [] }), clinician.signer);
}

/** The clinician's own record about the patient (Migraine), beside the patient's share to them ending today (Hepatitis C). */
async function ownAndEnding() {
  const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
  const mine = await ownRecord(clinician, patient, 'Rosa Diaz', 'Migraine');
  const { theirs } = await sharedToClinician(patient, clinician, 'Hepatitis C', isoDay(0));
  return { clinician, other, records: [mine, theirs] };
}

/** The prompt over `records`, its share dialog open with `to` as the recipient. */
async function dialogFor(relay: string, signer: Signer, records: OpenedRecord[], to: Person): Promise<Nip82ConsentPrompt> {
  const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${relay} .signer=${signer} .records=${records}></nip82-consent-prompt>`);
  buttonByText(el, /^Share records/)!.click();
  await waitUntil(() => dialogOf(el).open, 'the share dialog opens');
  await typeRecipient(el, to.pubkey);
  return el;
}

/** The same, on the preview; `before` chooses first. */
async function previewFor(relay: string, signer: Signer, records: OpenedRecord[], to: Person, before?: (el: Nip82ConsentPrompt) => Promise<void>) {
  const el = await dialogFor(relay, signer, records, to);
  await before?.(el);
  buttonByText(el, 'Review')!.click();
  await waitUntil(() => buttonByText(el, SHARE_WITH), 'the preview');
  return el;
}

/** Hides the item labelled `label`. */
async function hide(el: Nip82ConsentPrompt, label: string): Promise<void> {
  itemRow(el, label).querySelector<HTMLButtonElement>('button.hide')!.click();
  await el.updateComplete;
}

/** Runs `work` two days on: the share "until today" has ended at the patient's midnight. */
async function afterTheEnd(work: () => Promise<void>): Promise<void> {
  const restore = skewClock(2 * 24 * 3600 * 1000);
  try {
    await work();
  } finally {
    restore();
  }
}

/** Presses the button named `name` (Review, Share, Try again) and waits for the dialog to say why. */
async function pressedSaysWhy(el: Nip82ConsentPrompt, name: string | RegExp): Promise<void> {
  buttonByText(el, name)!.click();
  await waitUntil(() => dialogOf(el).open && !!$(el, '#problems'), 'the dialog says why', { timeout: 20000 });
  await el.updateComplete;
}

/** Presses Share, which no storage server takes: the signed share is kept for Try again. */
async function nobodyTakesIt(el: Nip82ConsentPrompt): Promise<void> {
  await relayAcceptsOnly('picky', 0);
  try {
    buttonByText(el, SHARE_WITH)!.click();
    await waitUntil(() => el.status === 'relay-error', 'no server took it');
  } finally {
    await relayAcceptsOnly('picky', null);
  }
}

/** Presses Share, and once shared, what `who` received on `relay` (read while the clock is still on: the share is dated then). */
async function sharedAndReceived(el: Nip82ConsentPrompt, relay: string, who: Person): Promise<string> {
  buttonByText(el, SHARE_WITH)!.click();
  await waitUntil(() => el.status === 'done', 'shared', { timeout: 20000 });
  const client = new RelayClient({ relays: [relay] });
  try {
    return JSON.stringify((await openRecord((await client.query({ kinds: [RECORD_KIND], '#p': [who.pubkey] })).events, who.signer)).bundle);
  } finally {
    client.close();
  }
}

/** The record events on `relay` that list `who`. */
async function listing(relay: string, who: Person) {
  const client = new RelayClient({ relays: [relay] });
  try {
    return (await client.query({ kinds: [RECORD_KIND], '#p': [who.pubkey] })).events;
  } finally {
    client.close();
  }
}

describe('the consent prompt: a share to the user that ends while its dialog is open', function () {
  this.timeout(60000);

  it('is not passed on: the dialog says the share ended, and nothing is signed or sent', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const { theirs } = await sharedToClinician(patient, clinician, 'Hepatitis C', isoDay(0));
    const signer = counting(clinician.signer);
    const el = await previewFor(url, signer, [theirs], other);

    await afterTheEnd(async () => {
      await pressedSaysWhy(el, SHARE_WITH);
      expect(text($(el, '#problems'))).to.match(/^The share of “Conditions · from npub1\S+ · [^”]+” with you ended while this was open, so their items can no longer be passed on and were taken off\. Look at what is left before you share\.$/);
      // Nothing of it is left to share: the choice afresh, the patient's items no longer offered.
      expect(text($(el, 'dialog')), 'the patient\'s items').not.to.match(/Hepatitis C/);
      expect(buttonByText(el, SHARE_WITH), 'no share to confirm').to.equal(undefined);
    });
    expect(signer.calls.signEvent ?? 0, 'nothing signed').to.equal(0);
    expect(await listing(url, other), 'nothing sent').to.deep.equal([]);
  });

  it('beside the user\'s own records: the rest is shown again, and what goes out is what the preview then shows', async () => {
    const url = await relayUrl('main');
    const { clinician, other, records } = await ownAndEnding();
    const el = await previewFor(url, clinician.signer, records, other);
    expect(text($(el, 'dialog'))).to.match(/Hepatitis C/);

    await afterTheEnd(async () => {
      await pressedSaysWhy(el, SHARE_WITH);
      expect(text($(el, 'dialog')), 'the preview shows what is left').not.to.match(/Hepatitis C/);
      expect(text($(el, 'dialog'))).to.match(/Migraine/);
      const said = await sharedAndReceived(el, url, other);
      expect(said).to.include('Migraine');
      expect(said).not.to.include('Hepatitis C');
    });
  });

  it('an item the user hid, also held by a share still open: stays hidden, and nothing is said', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const record = await openRecord(await createRecord({ bundle: anaWith([{ resourceType: 'Condition', id: 'c1', code: { text: 'Hepatitis C' }, subject: ANA }]), author: patient.signer, participants: [] }), patient.signer);
    const ending = await sharedToClinician(patient, clinician, '', isoDay(0), record);
    const lasting = await sharedToClinician(patient, clinician, '', isoDay(30), record);
    const el = await previewFor(url, clinician.signer, [ending.theirs, lasting.theirs], other, (el) => hide(el, 'Hepatitis C'));
    await afterTheEnd(async () => {
      const said = await sharedAndReceived(el, url, other);
      expect($(el, '#problems'), 'still the user\'s to pass on').to.equal(null);
      expect(said, 'the hidden item').not.to.include('Hepatitis C');
    });
  });

  it('a share signed that no server took: after the end, Try again sends nothing of it', async () => {
    const picky = await relayUrl('picky');
    const { clinician, other, records } = await ownAndEnding();
    const el = await previewFor(picky, clinician.signer, records, other);
    await nobodyTakesIt(el);
    await afterTheEnd(async () => {
      await pressedSaysWhy(el, 'Try again');
      expect(buttonByText(el, 'Try again'), 'the signed share is dropped').to.equal(undefined);
      expect(await sharedAndReceived(el, picky, other)).not.to.include('Hepatitis C');
    });
  });

  it('an item of the ended record hidden, the share ending on the choice: Review says why instead of failing', async () => {
    const url = await relayUrl('main');
    const { clinician, other, records } = await ownAndEnding();
    const el = await dialogFor(url, clinician.signer, records, other);
    await hide(el, 'Hepatitis C');
    await afterTheEnd(async () => {
      await pressedSaysWhy(el, 'Review');
      expect(text($(el, '#problems'))).to.match(ENDED);
      buttonByText(el, 'Review')!.click();
      await waitUntil(() => buttonByText(el, SHARE_WITH), 'the preview of what is left');
      expect(text($(el, 'dialog'))).to.match(/Migraine/);
    });
  });

  it('"Whose records": the person chosen has nothing left, so the choice starts afresh with the user\'s own', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const mine = await ownRecord(clinician, clinician, 'Carl Clinic', 'Migraine');
    const { theirs } = await sharedToClinician(patient, clinician, 'Hepatitis C', isoDay(0));
    const el = await previewFor(url, clinician.signer, [mine, theirs], other, async (el) => {
      $$<HTMLInputElement>(el, 'input[name=about]').find((r) => /Rosa/.test(text(r.parentElement)))!.click();
      await el.updateComplete;
    });
    await afterTheEnd(async () => {
      await pressedSaysWhy(el, SHARE_WITH);
      expect(text($(el, 'dialog')), 'the user\'s own records offered again').to.match(/Migraine/);
      buttonByText(el, 'Review')!.click();
      await waitUntil(() => buttonByText(el, SHARE_WITH), 'the preview of the user\'s own');
    });
  });

  it('what the user hid among the items still offered stays hidden when others are taken off', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const ending = await sharedToClinician(patient, clinician, 'Hepatitis C', isoDay(0));
    const lasting = await sharedToClinician(patient, clinician, 'Migraine', isoDay(30));
    const el = await dialogFor(url, clinician.signer, [ending.theirs, lasting.theirs], other);
    // Only Hepatitis C chosen: the patient's details unticked, Migraine hidden.
    $<HTMLInputElement>(el, '#group-0')!.click();
    await el.updateComplete;
    await hide(el, 'Migraine');
    await afterTheEnd(async () => {
      await pressedSaysWhy(el, 'Review');
      expect(itemRow(el, 'Migraine').querySelector('button.hide')!.getAttribute('aria-pressed'), 'Migraine still hidden').to.equal('true');
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      expect(buttonByText(el, SHARE_WITH), 'nothing chosen to share: no preview').to.equal(undefined);
    });
  });

  it('an item also held by a copy the user may only view is still taken off, and said', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const mine = await ownRecord(clinician, patient, 'Rosa Diaz', 'Migraine');
    const editing = await sharedToClinician(patient, clinician, 'Hepatitis C', isoDay(0));
    const viewing = await shareOf(patient, clinician, editing.record, 'viewer');
    const el = await previewFor(url, clinician.signer, [viewing, mine, editing.theirs], other);
    expect(text($(el, 'dialog'))).to.match(/Hepatitis C/);
    await afterTheEnd(async () => {
      await pressedSaysWhy(el, SHARE_WITH);
      expect(text($(el, '#problems'))).to.match(ENDED);
      expect(text($(el, 'dialog'))).not.to.match(/Hepatitis C/);
    });
  });

  it('Try again pressed on the page after the end: the dialog opens to say why, and nothing is sent', async () => {
    const picky = await relayUrl('picky');
    const { clinician, other, records } = await ownAndEnding();
    const el = await previewFor(picky, clinician.signer, records, other);
    await nobodyTakesIt(el);
    const closed = oneEvent(dialogOf(el), 'close');
    buttonByText(el, 'Back')!.focus();
    await sendKeys({ press: 'Escape' });
    await closed;
    await waitUntil(() => $(el, '.base > .state button.finish'), 'Try again on the page');
    await afterTheEnd(async () => {
      await pressedSaysWhy(el, 'Try again');
      expect(text($(el, '#problems'))).to.match(ENDED);
    });
    expect(await listing(picky, other), 'nothing sent').to.deep.equal([]);
  });

  it('several patients, none chosen: the one whose items are left stays the one shown', async () => {
    const url = await relayUrl('main');
    const [clinician, first, second, other] = await Promise.all([person(), person(), person(), person()]);
    const ending = await sharedToClinician(first, clinician, 'Hepatitis C', isoDay(0));
    const between = await sharedToClinician(second, clinician, 'Asthma', isoDay(30));
    const lasting = await sharedToClinician(first, clinician, 'Migraine', isoDay(30));
    const el = await dialogFor(url, clinician.signer, [ending.theirs, between.theirs, lasting.theirs], other);
    await afterTheEnd(async () => {
      await pressedSaysWhy(el, 'Review');
      buttonByText(el, 'Review')!.click();
      await waitUntil(() => buttonByText(el, SHARE_WITH), 'the preview of what is left');
      expect(text($(el, 'dialog'))).to.match(/Migraine/);
      const said = await sharedAndReceived(el, url, other);
      expect(said).to.include('Migraine');
      expect(said).not.to.include('Asthma');
    });
  });
});
