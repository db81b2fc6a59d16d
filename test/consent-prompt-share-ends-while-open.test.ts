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
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import type { Signer } from '../components/core/signers/signer.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { ANA, anaWith, counting, person, recordAbout, relayAcceptsOnly, relayUrl, skewClock, type Person } from './helpers.js';
import { $, $$, buttonByText, dialogOf, isoDay, itemRow, text, typeRecipient } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('the consent prompt: a share to the user that ends while its dialog is open', function () {
  this.timeout(60000);

  it('is not passed on: the dialog says the share ended, and nothing is signed or sent', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const record = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Hepatitis C', patient), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role: 'editor', until: isoDay(0) }));
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }],
    });
    const theirs = await openRecord(events, clinician.signer);
    const signer = counting(clinician.signer);

    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${url} .signer=${signer} .records=${[theirs]}></nip82-consent-prompt>`);
    buttonByText(el, /^Share records/)!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog opens');
    await typeRecipient(el, other.pubkey);
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the preview');

    // Two days on, the dialog still open: the share to the clinician ended at the patient's midnight.
    const restore = skewClock(2 * 24 * 3600 * 1000);
    try {
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => $(el, '#problems'), 'the dialog says why', { timeout: 20000 });
      await el.updateComplete;
      expect(text($(el, '#problems'))).to.match(/^The share of “Conditions · from npub1\S+ · [^”]+” with you ended while this was open, so their items can no longer be passed on and were taken off\. Look at what is left before you share\.$/);
      // Nothing of it is left to share: the choice afresh, the patient's items no longer offered.
      expect(text($(el, 'dialog')), 'the patient\'s items').not.to.match(/Hepatitis C/);
      expect(buttonByText(el, /^Share with npub1/), 'no share to confirm').to.equal(undefined);
    } finally {
      restore();
    }
    expect(signer.calls.signEvent ?? 0, 'nothing signed').to.equal(0);
    const client = new RelayClient({ relays: [url] });
    try {
      expect((await client.query({ kinds: [RECORD_KIND], '#p': [other.pubkey] })).events, 'nothing sent').to.deep.equal([]);
    } finally {
      client.close();
    }
  });

  it('beside the user\'s own records: the rest is shown again, and what goes out is what the preview then shows', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const mine = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Migraine', patient), author: clinician.signer, participants: [] }), clinician.signer);
    const record = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Hepatitis C', patient), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role: 'editor', until: isoDay(0) }));
    const theirs = await openRecord(await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }],
    }), clinician.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${url} .signer=${clinician.signer} .records=${[mine, theirs]}></nip82-consent-prompt>`);
    buttonByText(el, /^Share records/)!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog opens');
    await typeRecipient(el, other.pubkey);
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the preview');
    expect(text($(el, 'dialog'))).to.match(/Hepatitis C/);

    const restore = skewClock(2 * 24 * 3600 * 1000);
    try {
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => $(el, '#problems'), 'the dialog says why', { timeout: 20000 });
      await el.updateComplete;
      expect(text($(el, 'dialog')), 'the preview shows what is left').not.to.match(/Hepatitis C/);
      expect(text($(el, 'dialog'))).to.match(/Migraine/);
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => el.status === 'done', 'shared what is left', { timeout: 20000 });
      // Read while this device's clock is still two days on: the share is dated then.
      const shared = await receivedBy(url, other);
      const said = JSON.stringify(shared.bundle);
      expect(said).to.include('Migraine');
      expect(said).not.to.include('Hepatitis C');
    } finally {
      restore();
    }
  });

  /** Shares a record about the patient (made now, or `record`) with the clinician as an editor, until `until`. */
  async function sharedToClinician(patient: Person, clinician: Person, label: string, until: string, record?: OpenedRecord) {
    record ??= await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', label, patient), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role: 'editor', until }));
    const theirs = await openRecord(await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }],
    }), clinician.signer);
    return { record, theirs };
  }

  /** The prompt over `records`, its share dialog on the preview for `to`. */
  async function previewFor(relay: string, signer: Signer, records: OpenedRecord[], to: Person, before?: (el: Nip82ConsentPrompt) => Promise<void>) {
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${relay} .signer=${signer} .records=${records}></nip82-consent-prompt>`);
    buttonByText(el, /^Share records/)!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog opens');
    await typeRecipient(el, to.pubkey);
    await before?.(el);
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the preview');
    return el;
  }

  const TWO_DAYS = 2 * 24 * 3600 * 1000;

  /** The share `who` received on `relay`, opened. */
  async function receivedBy(relay: string, who: Person): Promise<OpenedRecord> {
    const client = new RelayClient({ relays: [relay] });
    try {
      return await openRecord((await client.query({ kinds: [RECORD_KIND], '#p': [who.pubkey] })).events, who.signer);
    } finally {
      client.close();
    }
  }

  it('an item the user hid, also held by a share still open: stays hidden, and nothing is said', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const record = await openRecord(await createRecord({ bundle: anaWith([{ resourceType: 'Condition', id: 'c1', code: { text: 'Hepatitis C' }, subject: ANA }]), author: patient.signer, participants: [] }), patient.signer);
    const ending = await sharedToClinician(patient, clinician, '', isoDay(0), record);
    const lasting = await sharedToClinician(patient, clinician, '', isoDay(30), record);
    const el = await previewFor(url, clinician.signer, [ending.theirs, lasting.theirs], other, async (el) => {
      itemRow(el, 'Hepatitis C').querySelector<HTMLButtonElement>('button.hide')!.click();
      await el.updateComplete;
    });
    const restore = skewClock(TWO_DAYS);
    try {
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => el.status === 'done', 'shared', { timeout: 20000 });
      expect($(el, '#problems'), 'still the user\'s to pass on').to.equal(null);
      const got = await receivedBy(url, other);
      expect(JSON.stringify(got.bundle), 'the hidden item').not.to.include('Hepatitis C');
    } finally {
      restore();
    }
  });

  it('a share signed that no server took: after the end, Try again sends nothing of it', async () => {
    const picky = await relayUrl('picky');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const mine = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Migraine', patient), author: clinician.signer, participants: [] }), clinician.signer);
    const { theirs } = await sharedToClinician(patient, clinician, 'Hepatitis C', isoDay(0));
    const el = await previewFor(picky, clinician.signer, [mine, theirs], other);
    await relayAcceptsOnly('picky', 0);
    try {
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => el.status === 'relay-error', 'no server took it');
    } finally {
      await relayAcceptsOnly('picky', null);
    }
    const restore = skewClock(TWO_DAYS);
    try {
      buttonByText(el, 'Try again')!.click();
      await waitUntil(() => $(el, '#problems'), 'the dialog says why', { timeout: 20000 });
      expect(buttonByText(el, 'Try again'), 'the signed share is dropped').to.equal(undefined);
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => el.status === 'done', 'what is left shared', { timeout: 20000 });
      const got = await receivedBy(picky, other);
      expect(JSON.stringify(got.bundle)).not.to.include('Hepatitis C');
    } finally {
      restore();
    }
  });

  it('an item of the ended record hidden, the share ending on the choice: Review says why instead of failing', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const mine = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Migraine', patient), author: clinician.signer, participants: [] }), clinician.signer);
    const { theirs } = await sharedToClinician(patient, clinician, 'Hepatitis C', isoDay(0));
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${url} .signer=${clinician.signer} .records=${[mine, theirs]}></nip82-consent-prompt>`);
    buttonByText(el, /^Share records/)!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog opens');
    await typeRecipient(el, other.pubkey);
    itemRow(el, 'Hepatitis C').querySelector<HTMLButtonElement>('button.hide')!.click();
    await el.updateComplete;
    const restore = skewClock(TWO_DAYS);
    try {
      buttonByText(el, 'Review')!.click();
      await waitUntil(() => $(el, '#problems'), 'the dialog says why', { timeout: 20000 });
      expect(text($(el, '#problems'))).to.match(/ended while this was open/);
      buttonByText(el, 'Review')!.click();
      await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the preview of what is left');
      expect(text($(el, 'dialog'))).to.match(/Migraine/);
    } finally {
      restore();
    }
  });

  it('"Whose records": the person chosen has nothing left, so the choice starts afresh with the user\'s own', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const mine = await openRecord(await createRecord({ bundle: recordAbout('Carl Clinic', 'Migraine', clinician), author: clinician.signer, participants: [] }), clinician.signer);
    const { theirs } = await sharedToClinician(patient, clinician, 'Hepatitis C', isoDay(0));
    const el = await previewFor(url, clinician.signer, [mine, theirs], other, async (el) => {
      $$<HTMLInputElement>(el, 'input[name=about]').find((r) => /Rosa/.test(text(r.parentElement)))!.click();
      await el.updateComplete;
    });
    const restore = skewClock(TWO_DAYS);
    try {
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => $(el, '#problems'), 'the dialog says why', { timeout: 20000 });
      await el.updateComplete;
      expect(text($(el, 'dialog')), 'the user\'s own records offered again').to.match(/Migraine/);
      buttonByText(el, 'Review')!.click();
      await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the preview of the user\'s own');
    } finally {
      restore();
    }
  });

  it('what the user hid among the items still offered stays hidden when others are taken off', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const ending = await sharedToClinician(patient, clinician, 'Hepatitis C', isoDay(0));
    const lasting = await sharedToClinician(patient, clinician, 'Migraine', isoDay(30));
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${url} .signer=${clinician.signer} .records=${[ending.theirs, lasting.theirs]}></nip82-consent-prompt>`);
    buttonByText(el, /^Share records/)!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog opens');
    await typeRecipient(el, other.pubkey);
    // Only Hepatitis C chosen: the patient's details unticked, Migraine hidden.
    $<HTMLInputElement>(el, '#group-0')!.click();
    await el.updateComplete;
    itemRow(el, 'Migraine').querySelector<HTMLButtonElement>('button.hide')!.click();
    await el.updateComplete;
    const restore = skewClock(TWO_DAYS);
    try {
      buttonByText(el, 'Review')!.click();
      await waitUntil(() => $(el, '#problems'), 'the dialog says why', { timeout: 20000 });
      await el.updateComplete;
      expect(itemRow(el, 'Migraine').querySelector('button.hide')!.getAttribute('aria-pressed'), 'Migraine still hidden').to.equal('true');
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      expect(buttonByText(el, /^Share with npub1/), 'nothing chosen to share: no preview').to.equal(undefined);
    } finally {
      restore();
    }
  });

  it('an item also held by a copy the user may only view is still taken off, and said', async () => {
    const url = await relayUrl('main');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const mine = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Migraine', patient), author: clinician.signer, participants: [] }), clinician.signer);
    const editing = await sharedToClinician(patient, clinician, 'Hepatitis C', isoDay(0));
    const { source, fullUrl } = consentSource(editing.record, grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role: 'viewer' }));
    const viewing = await openRecord(await createShare({
      from: [editing.record, source], include: [...editing.record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'viewer' }],
    }), clinician.signer);
    const el = await previewFor(url, clinician.signer, [viewing, mine, editing.theirs], other);
    expect(text($(el, 'dialog'))).to.match(/Hepatitis C/);
    const restore = skewClock(TWO_DAYS);
    try {
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => $(el, '#problems'), 'the dialog says why', { timeout: 20000 });
      expect(text($(el, '#problems'))).to.match(/ended while this was open/);
      expect(text($(el, 'dialog'))).not.to.match(/Hepatitis C/);
    } finally {
      restore();
    }
  });

  it('Try again pressed on the page after the end: the dialog opens to say why, and nothing is sent', async () => {
    const picky = await relayUrl('picky');
    const [clinician, patient, other] = await Promise.all([person(), person(), person()]);
    const mine = await openRecord(await createRecord({ bundle: recordAbout('Rosa Diaz', 'Migraine', patient), author: clinician.signer, participants: [] }), clinician.signer);
    const { theirs } = await sharedToClinician(patient, clinician, 'Hepatitis C', isoDay(0));
    const el = await previewFor(picky, clinician.signer, [mine, theirs], other);
    await relayAcceptsOnly('picky', 0);
    try {
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => el.status === 'relay-error', 'no server took it');
    } finally {
      await relayAcceptsOnly('picky', null);
    }
    const closed = oneEvent(dialogOf(el), 'close');
    buttonByText(el, 'Back')!.focus();
    await sendKeys({ press: 'Escape' });
    await closed;
    await waitUntil(() => $(el, '.base > .state button.finish'), 'Try again on the page');
    const restore = skewClock(TWO_DAYS);
    try {
      $<HTMLButtonElement>(el, '.base > .state button.finish')!.click();
      await waitUntil(() => dialogOf(el).open && !!$(el, '#problems'), 'the dialog says why', { timeout: 20000 });
      expect(text($(el, '#problems'))).to.match(/ended while this was open/);
    } finally {
      restore();
    }
    const client = new RelayClient({ relays: [picky] });
    try {
      expect((await client.query({ kinds: [RECORD_KIND], '#p': [other.pubkey] })).events, 'nothing sent').to.deep.equal([]);
    } finally {
      client.close();
    }
  });

  it('several patients, none chosen: the one whose items are left stays the one shown', async () => {
    const url = await relayUrl('main');
    const [clinician, first, second, other] = await Promise.all([person(), person(), person(), person()]);
    const ending = await sharedToClinician(first, clinician, 'Hepatitis C', isoDay(0));
    const between = await sharedToClinician(second, clinician, 'Asthma', isoDay(30));
    const lasting = await sharedToClinician(first, clinician, 'Migraine', isoDay(30));
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays=${url} .signer=${clinician.signer} .records=${[ending.theirs, between.theirs, lasting.theirs]}></nip82-consent-prompt>`);
    buttonByText(el, /^Share records/)!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog opens');
    await typeRecipient(el, other.pubkey);
    const restore = skewClock(TWO_DAYS);
    try {
      buttonByText(el, 'Review')!.click();
      await waitUntil(() => $(el, '#problems'), 'the dialog says why', { timeout: 20000 });
      buttonByText(el, 'Review')!.click();
      await waitUntil(() => buttonByText(el, /^Share with npub1/), 'the preview of what is left');
      expect(text($(el, 'dialog'))).to.match(/Migraine/);
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => el.status === 'done', 'shared', { timeout: 20000 });
      const said = JSON.stringify((await receivedBy(url, other)).bundle);
      expect(said).to.include('Migraine');
      expect(said).not.to.include('Asthma');
    } finally {
      restore();
    }
  });
});
