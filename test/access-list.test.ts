import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82Event } from '../components/shared/events.js';
import { createRecord, openRecord, type OpenedRecord, type Participant } from '../components/core/nip82/record.js';
import { answerRequest, createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RecordError, SignerError } from '../components/core/errors.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import type { Signer } from '../components/core/signers/signer.js';
import type { NostrEvent } from '../components/core/events.js';
import { shortNpub } from '../components/shared/identity.js';
import { counting, downRelayUrl, litWarnings, person, publishAnyway, rejects, relayUrl, sampleBundle, type Person, profileEvent } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, $$, accessibleName, buttonByText, dialogOf, errorCodes, heldSigner, receiptLines, root, setApart, text } from './element-helpers.js';

const personRow = (el: Element, pubkey: string) => $<HTMLLIElement>(el, `[part=person][data-pubkey="${pubkey}"]`);

const TRUTH =
  'What stops: the record is locked again with new keys, so they can no longer open it from the storage servers, this version or any later one. ' +
  'What cannot be taken back: anything they already opened, downloaded or copied stays with them. A storage server that keeps old copies may still hand out the old version, which the old key still opens.';
const MOVES = 'Because they could edit, the record moves to a new address and the old one is deleted; the others on the record are told where it went.';

describe('<nip82-access-list>', function () {
  this.timeout(60000);
  let patient: Person;
  let clinician: Person;
  let family: Person;

  const relay = sharedRelayClient();
  beforeEach(async () => {
    patient = await person();
    clinician = await person();
    family = await person();
  });

  /** A record the patient made, listing others, published and opened back from the relay as `reader`. */
  async function publishedRecord(participants: Participant[], reader: Person = patient): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
    await relay.client.publishAll(events);
    const fresh = new RelayClient({ relays: [relay.url] });
    try {
      return await openRecord((await fresh.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] })).events, reader.signer);
    } finally {
      fresh.close();
    }
  }

  async function listFor(records: OpenedRecord[], who: Person, relays: string = relay.url, lang = 'en') {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>
      <nip82-access-list .records=${records} .signer=${who.signer} relays=${relays}></nip82-access-list>
    </div>`);
    const el = wrapper.querySelector('nip82-access-list')!;
    await waitUntil(() => text(root(el)).includes(lang === 'es' ? '(usted)' : '(you)'), 'knows who "you" are');
    return el;
  }

  async function freshEvents(signPubkey: string) {
    const fresh = new RelayClient({ relays: [relay.url] });
    try {
      return (await fresh.query({ kinds: [RECORD_KIND], authors: [signPubkey] })).events;
    } finally {
      fresh.close();
    }
  }

  async function askRevoke(el: Nip82AccessList, pubkey: string) {
    const button = personRow(el, pubkey)!.querySelector<HTMLButtonElement>('button.revoke')!;
    button.focus();
    button.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    return button;
  }

  it('shows "you" without asking the signer anything on load', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'viewer' }]);
    const signer = counting(patient.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${signer} relays=${relay.url}></nip82-access-list>`);
    await el.updateComplete;
    expect(text(personRow(el, patient.pubkey))).to.contain('(you)');
    expect(signer.calls).to.deep.equal({});
  });

  it('an editor sees everyone with their role, marked "you", with revoke for others only', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'editor' }]);
    const el = await listFor([record], patient);
    // Named by what it is, who wrote it and when: never by the patient's own name, which all their records share.
    expect(text($(el, '[part=record] h3'))).to.match(/^Allergies, conditions, vaccinations · from you · [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    expect(text($(el, '[part=record]'))).to.contain('You can view and share this record.');
    const me = personRow(el, patient.pubkey)!;
    expect(text(me)).to.equal(`${shortNpub(patient.pubkey)} (you) can view and share`);
    expect(me.querySelector('button')).to.equal(null);
    expect(text(personRow(el, clinician.pubkey)!.querySelector('.role'))).to.equal('can view');
    expect(text(personRow(el, family.pubkey)!.querySelector('.role'))).to.equal('can view and share');
    expect(personRow(el, clinician.pubkey)!.querySelector('button')!.getAttribute('aria-label')).to.equal(`Revoke access for ${shortNpub(clinician.pubkey)}`);
    await expect(el).to.be.accessible();
  });

  it('revoking a viewer: truthful confirmation, receipts, and only that viewer loses access on fresh relay data', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const el = await listFor([record], patient);
    await askRevoke(el, clinician.pubkey);
    expect(text($(el, '#dialog-title'))).to.equal(`Revoke access for ${shortNpub(clinician.pubkey)}?`);
    expect(text(dialogOf(el))).to.contain(TRUTH);
    expect(text(dialogOf(el))).not.to.contain(MOVES);
    await expect(el).to.be.accessible();

    const requests: Nip82Event<'nip82-signer-request'>[] = [];
    el.addEventListener('nip82-signer-request', (e) => requests.push(e));
    const revoked = oneEvent(el, 'nip82-revoke');
    const receiptsEvent = oneEvent(el, 'nip82-receipts');
    buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
    const { detail } = (await revoked) as Nip82Event<'nip82-revoke'>;
    expect(detail).to.deep.equal({ signPubkey: record.signPubkey, pubkey: clinician.pubkey });
    expect(requests.map((r) => r.detail.action)).to.deep.equal(['revoke']);
    const receipts = ((await receiptsEvent) as Nip82Event<'nip82-receipts'>).detail.receipts;
    expect(receipts.length).to.be.greaterThan(0);
    expect(receipts.every((r) => r.status === 'accepted')).to.equal(true);
    await el.updateComplete;
    expect(el.status).to.equal('done');
    expect(text($(el, '#result-title'))).to.equal(`Access revoked for ${shortNpub(clinician.pubkey)}. 1 of 1 storage server accepted the change.`);
    expect(receiptLines(el)).to.deep.equal([`${relay.url}: 1 of 1 part saved`]);
    await expect(el).to.be.accessible();
    buttonByText(el, 'Close')!.click();
    await waitUntil(() => !dialogOf(el).open, 'dialog closes');
    await el.updateComplete;
    expect(personRow(el, clinician.pubkey)).to.equal(null);
    expect(personRow(el, family.pubkey)).to.exist;
    // The revoke button is gone with the person: focus goes back to the record's heading.
    await waitUntil(() => root(el).activeElement?.id === `record-${record.signPubkey}`, 'focus on the record heading');

    const events = await freshEvents(record.signPubkey);
    await rejects(openRecord(events, clinician.signer), RecordError, 'not-a-participant');
    const asFamily = await openRecord(events, family.signer);
    expect(asFamily.bundle.entry!.some((e) => JSON.stringify(e.resource).includes('Penicillin'))).to.equal(true);
    expect((await openRecord(events, patient.signer)).participants!.map((p) => p.pubkey).sort()).to.deep.equal([patient.pubkey, family.pubkey].sort());
  });

  it('revoking an editor says the record moves, and reports where it went', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const el = await listFor([record], patient);
    await askRevoke(el, clinician.pubkey);
    expect(text(dialogOf(el))).to.contain(TRUTH);
    expect(text(dialogOf(el))).to.contain(MOVES);
    const revoked = oneEvent(el, 'nip82-revoke');
    buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
    const { detail } = (await revoked) as Nip82Event<'nip82-revoke'>;
    expect(detail.pubkey).to.equal(clinician.pubkey);
    expect(detail.movedTo).to.match(/^[0-9a-f]{64}$/);
    expect(detail.movedTo).not.to.equal(record.signPubkey);
    await el.updateComplete;
    expect(text($(el, '#result-title'))).to.contain('The record moved to a new address; the others were told.');
    const events = await freshEvents(detail.movedTo!);
    await rejects(openRecord(events, clinician.signer), RecordError, 'not-a-participant');
    expect((await openRecord(events, family.signer)).role).to.equal('viewer');
  });

  it('waits visibly for the signer while it signs the notice to the others', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const { signer: held, release } = heldSigner(patient.signer);
    const el = await listFor([record], { signer: held as never, pubkey: patient.pubkey });
    await askRevoke(el, clinician.pubkey);
    buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
    await waitUntil(() => el.status === 'waiting-signer', 'waiting');
    await el.updateComplete;
    expect(text($(el, '[role=status]'))).to.equal('Waiting for your signer. Approval 1 in your signer for this. Your signer will be asked to sign a notice to the remaining people.');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => el.status === 'done', 'revoked');
  });

  /** A revocation held at the signer, and the action's promise to await once released. */
  async function heldRevoke(record: OpenedRecord) {
    const { signer: held, release } = heldSigner(patient.signer);
    const el = await listFor([record], { signer: held as never, pubkey: patient.pubkey });
    const seen: string[] = [];
    for (const type of ['nip82-revoke', 'nip82-receipts', 'nip82-error', 'nip82-cancel'] as const) el.addEventListener(type, () => seen.push(type));
    await askRevoke(el, clinician.pubkey);
    // The Revoke button's own handler, called as its click would, so the test can wait for the action to end.
    const action = (el as unknown as { confirm: () => Promise<void> }).confirm();
    await waitUntil(() => el.status === 'waiting-signer', 'waiting for the signer');
    return { el, seen, action, release };
  }

  it('signing out while the signer is asked stops the revocation: nothing is published, announced or named', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const { el, seen, action, release } = await heldRevoke(record);
    el.signer = undefined;
    await el.updateComplete;
    release();
    await action;
    await el.updateComplete;
    expect(seen).to.deep.equal([]);
    expect(el.status).to.equal('idle');
    expect(text($(el, '[role=status]'))).not.to.contain(shortNpub(clinician.pubkey));
    // The record is as it was on the relay: the clinician still opens it as an editor.
    expect((await openRecord(await freshEvents(record.signPubkey), clinician.signer)).role).to.equal('editor');
  });

  it('Escape while the signer is asked stops the revocation: nothing is published, and nothing changed', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const { el, seen, action, release } = await heldRevoke(record);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialogOf(el).open, 'dialog closes');
    release();
    await action;
    await el.updateComplete;
    expect(seen).to.deep.equal(['nip82-cancel']);
    expect(el.status).to.equal('cancelled');
    expect(text($(el, '[role=status]'))).to.equal('Cancelled. Nothing was changed.');
    expect(personRow(el, clinician.pubkey)).to.exist;
    expect((await openRecord(await freshEvents(record.signPubkey), clinician.signer)).role).to.equal('editor');
  });

  it('Cancel while the signer signs the notices stops asking it: no signature follows the "Cancelled"', async () => {
    const third = await person();
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }, { pubkey: third.pubkey, role: 'viewer' }]);
    const { signer: held, release } = heldSigner(patient.signer);
    const signer = counting(held);
    const asked = () => (signer.calls.signEvent ?? 0) + (signer.calls.nip44Encrypt ?? 0);
    const el = await listFor([record], { signer: signer as never, pubkey: patient.pubkey });
    await askRevoke(el, clinician.pubkey);
    const action = (el as unknown as { confirm: () => Promise<void> }).confirm();
    // The first of the notices' signer calls (two per person told of the move) is being asked.
    await waitUntil(() => asked() > 0, 'the signer is asked');
    await el.updateComplete;
    buttonByText(el, 'Cancel')!.click();
    await waitUntil(() => !dialogOf(el).open, 'dialog closes');
    const atCancel = asked();
    release();
    await action;
    await el.updateComplete;
    expect(asked(), 'signer calls after Cancel').to.equal(atCancel);
    expect(el.status).to.equal('cancelled');
    expect(text($(el, '[role=status]'))).to.equal('Cancelled. Nothing was changed.');
    expect((await openRecord(await freshEvents(record.signPubkey), clinician.signer)).role).to.equal('editor');
  });

  it('a relay that is down is passed over by the newer-version check (it cannot take the change either): relay-error with per-relay receipts, and the person is still listed', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'viewer' }]);
    const down = await downRelayUrl();
    const el = await listFor([record], patient, down);
    await askRevoke(el, clinician.pubkey);
    let revoked = false;
    el.addEventListener('nip82-revoke', () => { revoked = true; });
    const codes = errorCodes(el);
    const receiptsEvent = oneEvent(el, 'nip82-receipts');
    buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
    const receipts = ((await receiptsEvent) as Nip82Event<'nip82-receipts'>).detail.receipts;
    expect(receipts.every((r) => r.relay === down && r.status !== 'accepted')).to.equal(true);
    await waitUntil(() => el.status === 'relay-error', 'relay error');
    await el.updateComplete;
    expect(codes).to.deep.equal(['not-accepted']);
    expect(text($(el, '[role=status]'))).to.equal('Not enough storage servers accepted the change, so access was not revoked yet. You can try again.');
    const lines = receiptLines(el);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(new RegExp(`^${down.replace(/[.]/g, '\\.')}: (could not be reached|timed out)$`));
    expect(buttonByText(el, 'Try again')).to.exist;
    expect(revoked).to.equal(false);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialogOf(el).open, 'dialog closes');
    await el.updateComplete;
    expect(personRow(el, clinician.pubkey)).to.exist;
    // Nothing reached the real relay either: the clinician still opens the record there.
    expect((await openRecord(await freshEvents(record.signPubkey), clinician.signer)).role).to.equal('viewer');
  });

  it('cancelling nip82-signer-request changes nothing; Escape returns focus to the revoke button', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'viewer' }]);
    const el = await listFor([record], patient);
    const trigger = await askRevoke(el, clinician.pubkey);
    el.addEventListener('nip82-signer-request', (e) => e.preventDefault(), { once: true });
    buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
    await el.updateComplete;
    expect(el.status).to.equal('cancelled');
    expect(text($(el, '[role=status]'))).to.equal('Cancelled. Nothing was changed.');
    await expect(el).to.be.accessible();
    const cancelled = oneEvent(el, 'nip82-cancel');
    buttonByText(el, 'Cancel')!.focus();
    await sendKeys({ press: 'Escape' });
    await cancelled;
    await waitUntil(() => root(el).activeElement === trigger, 'focus back on the revoke button');
    expect(dialogOf(el).open).to.equal(false);
    expect(personRow(el, clinician.pubkey)).to.exist;
    expect((await openRecord(await freshEvents(record.signPubkey), clinician.signer)).role).to.equal('viewer');
  });

  it('a viewer sees only who is listed, without roles, told why, and no revoke buttons', async () => {
    const asFamily = await publishedRecord([{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }], family);
    expect(asFamily.role).to.equal('viewer');
    const el = await listFor([asFamily], family);
    const section = $(el, '[part=record]')!;
    expect(text(section)).to.contain('You can view this record.');
    expect(text(section.querySelector('h4'))).to.equal('Listed on this record');
    expect(text(section)).to.contain('Only people who can share a record can see who can do what.');
    expect($$(el, '[part=person]').map((li) => li.dataset.pubkey).sort()).to.deep.equal([patient.pubkey, clinician.pubkey, family.pubkey].sort());
    expect(text(personRow(el, family.pubkey))).to.equal(`${shortNpub(family.pubkey)} (you)`);
    expect(text(section)).not.to.match(/can view and share|can view$/);
    expect($$(el, '.role')).to.have.length(0);
    expect($$(el, 'button.revoke')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('"Unlock my records" unlocks the user\'s records from the relay', async () => {
    await publishedRecord([{ pubkey: clinician.pubkey, role: 'viewer' }]);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${relay.url}></nip82-access-list>`);
    await expect(el).to.be.accessible();
    const request = oneEvent(el, 'nip82-signer-request');
    buttonByText(el, 'Unlock my records')!.click();
    expect(((await request) as Nip82Event<'nip82-signer-request'>).detail.action).to.equal('unlock');
    await waitUntil(() => el.status === 'done', 'loaded');
    await el.updateComplete;
    expect(text($(el, '[role=status]'))).to.equal('1 record loaded.');
    expect(personRow(el, clinician.pubkey)).to.exist;
    expect(text(personRow(el, patient.pubkey))).to.contain('(you)');
    await expect(el).to.be.accessible();
  });

  it('shows the consent history the patient kept', async () => {
    const { events: wraps } = await createAccessRequest({
      signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance', 'Immunization'], purpose: 'Check-up', days: 20,
    });
    await relay.client.publishAll(wraps);
    const incoming = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.status === 'proposed')!;
    const { events } = await answerRequest(incoming, { signer: patient.signer, decision: 'rejected' });
    await relay.client.publishAll(events);

    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[]} .signer=${patient.signer} relays=${relay.url}></nip82-access-list>`);
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => el.status === 'done', 'history read');
    await el.updateComplete;
    expect(text($(el, 'table caption'))).to.equal('Your consent history');
    const rows = $$(el, 'table tbody tr').map((tr) => [...tr.querySelectorAll('td')].map((td) => text(td)));
    expect(rows).to.have.length(1);
    expect(rows[0]![1]).to.equal(shortNpub(clinician.pubkey));
    expect(rows[0]![2]).to.equal('request denied');
    expect(rows[0]![3]).to.equal('allergies, vaccinations');
    await expect(el).to.be.accessible();
  });

  it('without a signer, says how to get one', async () => {
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list relays=${relay.url}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await el.updateComplete;
    expect(el.status).to.equal('no-signer');
    expect(text($(el, '[role=status]'))).to.contain('add a signer extension to this browser, or');
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish under lang="es", dialog included', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'editor' }]);
    const el = await listFor([record], patient, relay.url, 'es');
    expect(text(personRow(el, clinician.pubkey)!.querySelector('.role'))).to.equal('puede ver y compartir');
    await askRevoke(el, clinician.pubkey);
    expect(text(dialogOf(el))).to.contain('ya no podrá abrirlo desde los servidores de almacenamiento');
    expect(text(dialogOf(el))).to.contain('se queda con esa persona');
    expect(text(dialogOf(el))).to.contain('Como podía editar');
    expect(buttonByText(el, 'Cancelar')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows overridden strings in place of the built-ins', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'viewer' }]);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <nip82-access-list .records=${[record]} .signer=${patient.signer} relays=${relay.url}
        .strings=${{ revoke: 'Remove', you: 'me', role: (r: string) => `[${r}]` }}></nip82-access-list>
    </div>`);
    const el = wrapper.querySelector('nip82-access-list')!;
    await waitUntil(() => text(root(el)).includes('(me)'), 'overridden "you"');
    expect(text(personRow(el, clinician.pubkey)!.querySelector('button'))).to.equal('Remove');
    expect(text(personRow(el, clinician.pubkey)!.querySelector('.role'))).to.equal('[viewer]');
  });

  // -------------------------------------------------------------------------------------------
  // All or nothing

  /** `base`, refusing the `k`-th call made after `arm()` (every method counts), as a user declining one prompt. */
  function refusingAt(base: Signer, k: number) {
    let armed = false;
    let calls = 0;
    const signer = new Proxy(base, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (armed && ++calls === k) throw new SignerError('refused', 'The user declined.');
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    return { signer, arm: () => { armed = true; calls = 0; }, calls: () => calls };
  }

  /** Every event on the relay that a revocation of `record` could have published. */
  async function outThere(record: OpenedRecord, others: string[], at = relay.url) {
    const fresh = new RelayClient({ relays: [at] });
    try {
      const parts = (await fresh.query({ kinds: [RECORD_KIND], authors: [record.signPubkey] })).events.map((e) => e.id).sort();
      const deletions = (await fresh.query({ kinds: [5], authors: [record.signPubkey] })).events.length;
      const wraps = (await fresh.query({ kinds: [1059], '#p': others })).events.length;
      return { parts, deletions, wraps };
    } finally {
      fresh.close();
    }
  }

  for (const role of ['viewer', 'editor'] as const) {
    it(`revoking ${role === 'editor' ? 'an editor (the notices to the others are signed too)' : 'a viewer, inside a session store'}: a refusal at any signer call publishes nothing and says so`, async () => {
      // One run that succeeds counts the calls a revocation makes; then each one is refused in turn.
      let total = 0;
      for (let k = 1; k <= Math.max(total, 1); k++) {
        // New people each time: the session's list holds this run's record only.
        [patient, clinician, family] = [await person(), await person(), await person()];
        const record = await publishedRecord([{ pubkey: clinician.pubkey, role }, { pubkey: family.pubkey, role: 'viewer' }]);
        const before = await outThere(record, [clinician.pubkey, family.pubkey]);
        const refusing = refusingAt(patient.signer, total ? k : 0);
        // Viewers are revoked from the session's own records (the store asks who is signed in); editors from handed records.
        const el = role === 'viewer'
          ? await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${refusing.signer} relays=${relay.url}></nip82-access-list>`)
          : await listFor([record], { signer: refusing.signer as never, pubkey: patient.pubkey });
        if (role === 'viewer') {
          buttonByText(el, 'Unlock my records')!.click();
          await waitUntil(() => personRow(el, clinician.pubkey) && el.status === 'done', 'loaded', { timeout: 20000 });
        }
        await askRevoke(el, clinician.pubkey);
        refusing.arm();
        buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
        if (!total) {
          await waitUntil(() => el.status === 'done', 'the counting run revokes', { timeout: 20000 });
          total = refusing.calls();
          expect(total, 'signer calls of one revocation').to.be.greaterThan(0);
          console.log(`signer calls of one ${role} revocation: ${total}`);
          k = 0;
          continue;
        }
        await waitUntil(() => el.status === 'refused', `refused at call ${k} of ${total}`, { timeout: 20000 });
        await el.updateComplete;
        // A refusal after approvals given says which approval it was, and that trying again asks for each again.
        expect(text($(el, '[role=status]'))).to.match(/^Your signer declined\. Nothing was changed\.( You declined approval \d+: the approvals before it are not used\. To go ahead after all, try again; your signer will ask for each one again\.)?$/);
        expect(await outThere(record, [clinician.pubkey, family.pubkey]), `nothing published after refusing call ${k}`).to.deep.equal(before);
        expect((await openRecord(await freshEvents(record.signPubkey), clinician.signer)).role).to.equal(role);
        expect(buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)).to.exist;
        await expect(el).to.be.accessible();
        el.remove();
      }
      expect(total).to.be.greaterThan(0);
    });
  }

  it('a relay that takes only some events: says how many went out, and each retry sends the same signed events until done', async () => {
    const flakyUrl = await relayUrl('flaky');
    const events = await createRecord({
      bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }],
    });
    await publishAnyway(flakyUrl, events);
    const reader = new RelayClient({ relays: [flakyUrl] });
    const record = await openRecord((await reader.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] })).events, patient.signer);
    reader.close();
    const signer = counting(patient.signer);
    const el = await listFor([record], { signer: signer as never, pubkey: patient.pubkey }, flakyUrl);
    await askRevoke(el, clinician.pubkey);
    const sent: string[][] = [];
    el.addEventListener('nip82-receipts', (e) => sent.push((e as Nip82Event<'nip82-receipts'>).detail.receipts.map((r) => r.eventId)));
    let revoked = 0;
    el.addEventListener('nip82-revoke', () => revoked++);

    buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
    await waitUntil(() => el.status === 'relay-error', 'the first event is refused', { timeout: 20000 });
    await el.updateComplete;
    // Nothing went out: the relay refused the first event, and the rest were held back.
    expect(text($(el, '[role=status]'))).to.equal('Not enough storage servers accepted the change, so access was not revoked yet. You can try again.');
    const signed = signer.calls.signEvent ?? 0;
    expect(signed, 'the notices were signed before anything was sent').to.be.greaterThan(0);
    // A record part, the deletion of the old address, a notice per remaining person: each refused once.
    const ids = new Set<string>();
    let attempts = 1;
    for (;;) {
      buttonByText(el, 'Try again')!.click();
      attempts++;
      await waitUntil(() => el.status === 'relay-error' || el.status === 'done', `attempt ${attempts}`, { timeout: 20000 });
      await el.updateComplete;
      if (el.status === 'done') break;
      const line = text($(el, '[role=status]'));
      expect(line).to.match(/^Only part of this went out: (\d+) of (\d+) steps reached a storage server, so access is not fully revoked yet\. Try again to send the rest; nothing new will be signed\.$/);
      const [, went] = line.match(/(\d+) of (\d+)/)!;
      expect(Number(went)).to.equal(attempts - 1);
      expect(revoked).to.equal(0);
      expect(attempts).to.be.lessThan(12);
      await expect(el).to.be.accessible();
    }
    expect(revoked).to.equal(1);
    expect(signer.calls.signEvent ?? 0, 'a retry signs nothing new').to.equal(signed);
    // Every retry carried the events signed the first time: each event was refused once, then taken.
    for (const id of sent.flat()) ids.add(id);
    expect(attempts).to.equal(ids.size + 1);
    expect(text($(el, '#result-title'))).to.contain(`Access revoked for ${shortNpub(clinician.pubkey)}. 1 of 1 storage server accepted the change.`);
    const last = sent[sent.length - 1]!;
    expect([...new Set(last)].sort(), 'the last report covers every signed event').to.deep.equal([...ids].sort());
    const movedTo = (el as unknown as { handed: OpenedRecord[] }).handed[0]!.signPubkey;
    const check = new RelayClient({ relays: [flakyUrl] });
    try {
      const moved = (await check.query({ kinds: [RECORD_KIND], authors: [movedTo] })).events;
      await rejects(openRecord(moved, clinician.signer), RecordError, 'not-a-participant');
      expect((await openRecord(moved, family.signer)).role).to.equal('viewer');
    } finally {
      check.close();
    }
  });

  it('a revocation refused by the only relay: retry sends the very same event and completes', async () => {
    const flakyUrl = await relayUrl('flaky');
    const events = await createRecord({
      bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }],
    });
    await publishAnyway(flakyUrl, events);
    const reader = new RelayClient({ relays: [flakyUrl] });
    const record = await openRecord((await reader.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] })).events, patient.signer);
    reader.close();
    const el = await listFor([record], patient, flakyUrl);
    await askRevoke(el, clinician.pubkey);
    const sent: string[] = [];
    el.addEventListener('nip82-receipts', (e) => sent.push(...(e as Nip82Event<'nip82-receipts'>).detail.receipts.map((r) => r.eventId)));
    buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
    await waitUntil(() => el.status === 'relay-error', 'refused once', { timeout: 20000 });
    buttonByText(el, 'Try again')!.click();
    await waitUntil(() => el.status === 'done' || el.status === 'bad-data', 'retried', { timeout: 20000 });
    expect(el.status).to.equal('done');
    expect(new Set(sent).size, 'one signed event, sent twice').to.equal(1);
    const check = new RelayClient({ relays: [flakyUrl] });
    try {
      await rejects(openRecord((await check.query({ kinds: [RECORD_KIND], authors: [record.signPubkey] })).events, clinician.signer), RecordError, 'not-a-participant');
    } finally {
      check.close();
    }
  });

  it('a revocation one of two relays missed: says what that leaves open, and sends the same event there', async () => {
    const flakyUrl = await relayUrl('flaky');
    const events = await createRecord({
      bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }],
    });
    await relay.client.publishAll(events);
    await publishAnyway(flakyUrl, events);
    const record = await openRecord(events, patient.signer);
    const el = await listFor([record], patient, `${relay.url} ${flakyUrl}`);
    await askRevoke(el, clinician.pubkey);
    const sent: string[] = [];
    el.addEventListener('nip82-receipts', (e) => sent.push(...(e as Nip82Event<'nip82-receipts'>).detail.receipts.map((r) => r.eventId)));
    buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
    await waitUntil(() => el.status === 'done', 'revoked where one relay took it', { timeout: 20000 });
    await el.updateComplete;
    expect(text($(el, '#result-title'))).to.equal(
      `Access revoked for ${shortNpub(clinician.pubkey)}. 1 of 2 storage servers accepted the change. ` +
        'A storage server that did not take it still serves the old version, which they can still open from there: send it there too.',
    );
    // The flaky relay still hands the clinician the old version.
    const there = new RelayClient({ relays: [flakyUrl] });
    expect((await openRecord((await there.query({ kinds: [RECORD_KIND], authors: [record.signPubkey] })).events, clinician.signer)).role).to.equal('viewer');
    await expect(el).to.be.accessible();
    buttonByText(el, 'Send to the storage servers that missed it')!.click();
    await waitUntil(() => el.status === 'done' && !buttonByText(el, 'Send to the storage servers that missed it'), 'sent there too', { timeout: 20000 });
    expect(text($(el, '#result-title'))).to.equal(`Access revoked for ${shortNpub(clinician.pubkey)}. 2 of 2 storage servers accepted the change.`);
    expect(new Set(sent).size, 'the same signed event both times').to.equal(1);
    const fresh = new RelayClient({ relays: [flakyUrl] });
    try {
      await rejects(openRecord((await fresh.query({ kinds: [RECORD_KIND], authors: [record.signPubkey] })).events, clinician.signer), RecordError, 'not-a-participant');
    } finally {
      fresh.close();
      there.close();
    }
  });

  // -------------------------------------------------------------------------------------------
  // End dates

  /** A share of `record` the patient made for `who`, with its last day `until`, published. */
  async function shareFor(record: OpenedRecord, who: Person, until: string) {
    const consent = grantConsent({ patient: patient.pubkey, recipient: who.pubkey, role: 'viewer', until });
    const { source, fullUrl } = consentSource(record, consent);
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: who.pubkey, role: 'viewer' }],
    });
    await relay.client.publishAll(events);
    return events;
  }

  const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  it('shares past their end date: one confirmation, listing each by name and record, revokes them all', async () => {
    const profile = await profileEvent(clinician, 'Harbor Clinic');
    await relay.client.publishAll([profile as NostrEvent]);
    const record = await publishedRecord([]);
    const ended = yesterday();
    const shares = [await shareFor(record, clinician, ended), await shareFor(record, family, ended)];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${relay.url}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => $(el, '[part=overdue]'), 'the overdue shares are found', { timeout: 20000 });
    await waitUntil(() => text($(el, '.shares')).includes('Harbor Clinic'), 'names looked up', { timeout: 20000 });
    expect(text($(el, '[part=overdue] p'))).to.equal('The end date of 2 shares has passed, but those people can still open them until you revoke them.');
    await expect(el).to.be.accessible();
    const requests: Nip82Event<'nip82-signer-request'>[] = [];
    el.addEventListener('nip82-signer-request', (e) => requests.push(e));
    buttonByText(el, 'Revoke the 2 ended shares…')!.click();
    await waitUntil(() => dialogOf(el).open, 'one dialog', { timeout: 20000 });
    await el.updateComplete;
    expect(text($(el, '#dialog-title'))).to.equal('Revoke the 2 shares whose end date has passed?');
    const items = $$(el, '.ended-list li').map((li) => text(li));
    expect(items).to.have.length(2);
    const clinicLine = items.find((t) => t.startsWith('Harbor Clinic'))!;
    expect(clinicLine).to.match(new RegExp(`^Harbor Clinic ${shortNpub(clinician.pubkey)} Allergies, conditions, vaccinations · from you · .+ Ended on `));
    expect(items.some((t) => t.startsWith(shortNpub(family.pubkey)))).to.equal(true);
    expect(text(dialogOf(el))).to.contain(TRUTH);
    await expect(el).to.be.accessible();
    buttonByText(el, 'Revoke all 2')!.click();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    await el.updateComplete;
    expect(requests.map((r) => r.detail.action)).to.deep.equal(['revoke']);
    expect(text($(el, '#result-title'))).to.equal('The 2 ended shares were revoked. 1 of 1 storage server accepted the change.');
    for (const [i, who] of [clinician, family].entries()) {
      await rejects(openRecord(await freshEvents(shares[i]![0]!.pubkey), who.signer), RecordError, 'not-a-participant');
    }
    buttonByText(el, 'Close')!.click();
    await waitUntil(() => !dialogOf(el).open, 'closed', { timeout: 20000 });
    await el.updateComplete;
    expect($(el, '[part=overdue]')).to.equal(null);
    expect($$(el, '.share .state').map((p) => text(p)).every((t) => t.startsWith('Ended on'))).to.equal(true);
  });

  it('an ended share whose revocation the signer declines: says it could not, and it stays listed as past its end', async () => {
    const record = await publishedRecord([]);
    const [part] = await shareFor(record, clinician, yesterday());
    const refusing = refusingAt(patient.signer, 1);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${refusing.signer} relays=${relay.url}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => $(el, '[part=overdue]'), 'found', { timeout: 20000 });
    buttonByText(el, 'Revoke the ended share…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog', { timeout: 20000 });
    refusing.arm();
    buttonByText(el, 'Revoke it')!.click();
    await waitUntil(() => el.status === 'refused', 'refused', { timeout: 20000 });
    await el.updateComplete;
    expect(text($(el, '[role=status]'))).to.equal('Your signer declined. Nothing was changed.');
    expect((await openRecord(await freshEvents(part!.pubkey), clinician.signer)).role).to.equal('viewer');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialogOf(el).open, 'closed', { timeout: 20000 });
    await el.updateComplete;
    expect($(el, '[part=overdue]')).to.exist;
  });

  it('a right-to-left name is set apart on screen, and the record, the dialog and the Revoke button that name people are named without the isolation marks', async () => {
    const hospital = await person();
    const rtl = 'مريم 2';
    await relay.client.publishAll([await profileEvent(hospital, 'Lakeside Hospital'), await profileEvent(clinician, rtl)]);
    // The hospital wrote it: the record's heading names its author.
    const events = await createRecord({
      bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer,
      participants: [{ pubkey: patient.pubkey, role: 'editor' }, { pubkey: clinician.pubkey, role: 'viewer' }],
    });
    await relay.client.publishAll(events);
    const el = await listFor([await openRecord(events, patient.signer)], patient);
    await waitUntil(() => text(personRow(el, clinician.pubkey)).includes(rtl) && text($(el, '[part=record] h3')).includes('Lakeside Hospital'), 'names looked up');

    const article = $(el, '[part=record]')!;
    // A self-chosen name, so the short npub stands beside it.
    expect(accessibleName(article)).to.match(/^Allergies, conditions, vaccinations · from Lakeside Hospital \(npub1.{5}….{6}\) · [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    expect(accessibleName(article)).to.contain(shortNpub(hospital.pubkey));
    expect(setApart(article.querySelector('h3')!)).to.include('Lakeside Hospital');

    await askRevoke(el, clinician.pubkey);
    const named = `${rtl} (${shortNpub(clinician.pubkey)})`;
    expect(accessibleName(dialogOf(el))).to.equal(`Revoke access for ${named}?`);
    expect(setApart($(el, '#dialog-title')!)).to.deep.equal([rtl]);
    const confirm = $<HTMLButtonElement>(el, 'dialog button.danger')!;
    expect(accessibleName(confirm)).to.equal(`Revoke access for ${named}`);
    expect(setApart(confirm)).to.deep.equal([rtl]);
    await expect(el).to.be.accessible();
    buttonByText(el, 'Cancel')!.click();
    await waitUntil(() => !dialogOf(el).open, 'dialog closes');
  });

  it('creates and uses the element without Lit warnings', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'viewer' }]);
    const warnings = await litWarnings(async () => {
      const el = await listFor([record], patient);
      await askRevoke(el, clinician.pubkey);
      buttonByText(el, 'Cancel')!.click();
      await waitUntil(() => !dialogOf(el).open, 'dialog closes', { timeout: 20000 });
      await el.updateComplete;
    });
    expect(warnings).to.deep.equal([]);
  });
});
