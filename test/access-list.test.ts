import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82Event } from '../components/shared/events.js';
import { createRecord, openRecord, type OpenedRecord, type Participant } from '../components/core/nip82/record.js';
import { answerRequest, createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RecordError } from '../components/core/errors.js';
import { shortNpub } from '../components/shared/identity.js';
import { counting, downRelayUrl, litWarnings, person, rejects, relayUrl, sampleBundle, type Person } from './helpers.js';
import { $, $$, buttonByText, dialogOf, errorCodes, heldSigner, receiptLines, root, text } from './element-helpers.js';

const personRow = (el: Element, pubkey: string) => $<HTMLLIElement>(el, `[part=person][data-pubkey="${pubkey}"]`);

const TRUTH =
  'They will not be able to open new versions of this record. Anything they already opened, downloaded or copied cannot be taken back, and relays that ignore deletion requests may keep old encrypted copies.';
const MOVES = 'Because they could edit, the record moves to a new address and the old one is deleted; the others on the record are told where it went.';

describe('<nip82-access-list>', function () {
  this.timeout(60000);
  let url: string;
  let client: RelayClient;
  let patient: Person;
  let clinician: Person;
  let family: Person;

  before(async () => {
    url = await relayUrl('main');
    client = new RelayClient({ relays: [url] });
  });
  after(() => client.close());
  beforeEach(async () => {
    patient = await person();
    clinician = await person();
    family = await person();
  });

  /** A record the patient made, listing others, published and opened back from the relay as `reader`. */
  async function publishedRecord(participants: Participant[], reader: Person = patient): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
    await client.publishAll(events);
    const fresh = new RelayClient({ relays: [url] });
    try {
      return await openRecord((await fresh.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] })).events, reader.signer);
    } finally {
      fresh.close();
    }
  }

  async function listFor(records: OpenedRecord[], who: Person, relays: string = url, lang = 'en') {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>
      <nip82-access-list .records=${records} .signer=${who.signer} relays=${relays}></nip82-access-list>
    </div>`);
    const el = wrapper.querySelector('nip82-access-list')!;
    await waitUntil(() => text(root(el)).includes(lang === 'es' ? '(tú)' : '(you)'), 'knows who "you" are');
    return el;
  }

  async function freshEvents(signPubkey: string) {
    const fresh = new RelayClient({ relays: [url] });
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
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${signer} relays=${url}></nip82-access-list>`);
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
    buttonByText(el, `Revoke ${shortNpub(clinician.pubkey)}`)!.click();
    const { detail } = (await revoked) as Nip82Event<'nip82-revoke'>;
    expect(detail).to.deep.equal({ signPubkey: record.signPubkey, pubkey: clinician.pubkey });
    expect(requests.map((r) => r.detail.action)).to.deep.equal(['revoke']);
    const receipts = ((await receiptsEvent) as Nip82Event<'nip82-receipts'>).detail.receipts;
    expect(receipts.length).to.be.greaterThan(0);
    expect(receipts.every((r) => r.status === 'accepted')).to.equal(true);
    await el.updateComplete;
    expect(el.status).to.equal('done');
    expect(text($(el, '#result-title'))).to.equal(`Access revoked for ${shortNpub(clinician.pubkey)}. 1 of 1 relay accepted the change.`);
    expect(receiptLines(el)).to.deep.equal([`${url}: accepted (1 of 1)`]);
    await expect(el).to.be.accessible();
    buttonByText(el, 'Close')!.click();
    await waitUntil(() => !dialogOf(el).open, 'dialog closes');
    await el.updateComplete;
    expect(personRow(el, clinician.pubkey)).to.equal(null);
    expect(personRow(el, family.pubkey)).to.exist;
    // The revoke button is gone with the person: focus goes back to the record's heading.
    await waitUntil(() => root(el).activeElement?.id === 'record-0', 'focus on the record heading');

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
    buttonByText(el, `Revoke ${shortNpub(clinician.pubkey)}`)!.click();
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
    buttonByText(el, `Revoke ${shortNpub(clinician.pubkey)}`)!.click();
    await waitUntil(() => el.status === 'waiting-signer', 'waiting');
    await el.updateComplete;
    expect(text($(el, '[role=status]'))).to.equal('Waiting for your signer. Your signer will be asked to sign a notice to the remaining people.');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => el.status === 'done', 'revoked');
  });

  it('a relay that is down: relay-error with per-relay receipts, and the person is still listed', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'viewer' }]);
    const down = await downRelayUrl();
    const el = await listFor([record], patient, down);
    await askRevoke(el, clinician.pubkey);
    let revoked = false;
    el.addEventListener('nip82-revoke', () => { revoked = true; });
    const codes = errorCodes(el);
    const receiptsEvent = oneEvent(el, 'nip82-receipts');
    buttonByText(el, `Revoke ${shortNpub(clinician.pubkey)}`)!.click();
    const receipts = ((await receiptsEvent) as Nip82Event<'nip82-receipts'>).detail.receipts;
    expect(receipts.every((r) => r.relay === down && r.status !== 'accepted')).to.equal(true);
    await waitUntil(() => el.status === 'relay-error', 'relay error');
    await el.updateComplete;
    expect(codes).to.deep.equal(['not-accepted']);
    expect(text($(el, '[role=status]'))).to.equal('Not enough relays accepted the change, so access was not revoked yet. You can try again.');
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
    buttonByText(el, `Revoke ${shortNpub(clinician.pubkey)}`)!.click();
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

  it('"Show who has access" unlocks the user\'s records from the relay', async () => {
    await publishedRecord([{ pubkey: clinician.pubkey, role: 'viewer' }]);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${url}></nip82-access-list>`);
    await expect(el).to.be.accessible();
    const request = oneEvent(el, 'nip82-signer-request');
    buttonByText(el, 'Show who has access')!.click();
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
    await client.publishAll(wraps);
    const incoming = (await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.status === 'proposed')!;
    const { events } = await answerRequest(incoming, { signer: patient.signer, decision: 'rejected' });
    await client.publishAll(events);

    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[]} .signer=${patient.signer} relays=${url}></nip82-access-list>`);
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
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list relays=${url}></nip82-access-list>`);
    buttonByText(el, 'Show who has access')!.click();
    await el.updateComplete;
    expect(el.status).to.equal('no-signer');
    expect(text($(el, '[role=status]'))).to.contain('Install a Nostr signer extension (NIP-07)');
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish under lang="es", dialog included', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'editor' }]);
    const el = await listFor([record], patient, url, 'es');
    expect(text(personRow(el, clinician.pubkey)!.querySelector('.role'))).to.equal('puede ver y compartir');
    await askRevoke(el, clinician.pubkey);
    expect(text(dialogOf(el))).to.contain('No podrá abrir versiones nuevas de este historial.');
    expect(text(dialogOf(el))).to.contain('Como podía editar');
    expect(buttonByText(el, 'Cancelar')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows overridden strings in place of the built-ins', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'viewer' }]);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <nip82-access-list .records=${[record]} .signer=${patient.signer} relays=${url}
        .strings=${{ revoke: 'Remove', you: 'me', role: (r: string) => `[${r}]` }}></nip82-access-list>
    </div>`);
    const el = wrapper.querySelector('nip82-access-list')!;
    await waitUntil(() => text(root(el)).includes('(me)'), 'overridden "you"');
    expect(text(personRow(el, clinician.pubkey)!.querySelector('button'))).to.equal('Remove');
    expect(text(personRow(el, clinician.pubkey)!.querySelector('.role'))).to.equal('[viewer]');
  });

  it('creates and uses the element without Lit warnings', async () => {
    const record = await publishedRecord([{ pubkey: clinician.pubkey, role: 'viewer' }]);
    const warnings = await litWarnings(async () => {
      const el = await listFor([record], patient);
      await askRevoke(el, clinician.pubkey);
      buttonByText(el, 'Cancel')!.click();
      await waitUntil(() => !dialogOf(el).open, 'dialog closes');
      await el.updateComplete;
    });
    expect(warnings).to.deep.equal([]);
  });
});
