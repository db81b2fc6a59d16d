/**
 * A share that went out only in part, to the wrong person: the patient takes it back from the
 * dialog that says so. What went out is replaced on the storage server by a copy only the patient
 * can open, the signer is asked nothing (the session made the share and holds its key), the
 * portal hears a revocation, and the session lists the share as taken back. A take-back no server
 * took is said truthfully, and sent again as it was, never sealed anew.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import type { Nip82Event } from '../components/shared/events.js';
import { openRecord } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RecordError } from '../components/core/errors.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { NostrEvent } from '../components/core/events.js';
import type { RecordStore } from '../components/core/store/record-store.js';
import { waitUntil } from './wait.js';
import { counting, fixture as dataFixture, person, rejects, relayAcceptsOnly, relayUrl, type Person } from './helpers.js';
import { promptInSession, shareHalfWay } from './half-sent-share.js';
import { $, buttonByText, dialogOf, root, text, typeRecipient } from './element-helpers.js';

/** The record events on `relay` that list `who` as a participant. */
async function listing(relay: string, who: Person): Promise<NostrEvent[]> {
  const client = new RelayClient({ relays: [relay] });
  try {
    return (await client.query({ kinds: [RECORD_KIND], '#p': [who.pubkey] })).events;
  } finally {
    client.close();
  }
}

const totalCalls = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

describe('consent prompt: taking back a half-sent share', function () {
  this.timeout(120000);
  afterEach(async () => {
    delete (window as { nostr?: unknown }).nostr;
    await relayAcceptsOnly('picky', null);
  });

  it('replaces what went out with a copy only the patient can open, asking the signer nothing', async () => {
    const [patient, clinician] = [await person(), await person()];
    const signer = counting(patient.signer);
    const { picky, session, el } = await promptInSession(signer, patient.pubkey);
    const revoked: Nip82Event<'nip82-revoke'>['detail'][] = [];
    session.addEventListener('nip82-revoke', (e) => revoked.push(e.detail));
    await shareHalfWay(el, clinician.pubkey);
    const out = await listing(picky, clinician);
    expect(out.length, 'one part reached the server, open to the clinician').to.equal(1);
    expect(text($(el, 'dialog #take-back-help'))).to.match(/^Shared by mistake\? Take it back: .* Whatever they already opened stays with them\.$/);
    expect(text($(el, 'dialog #leave-help'))).to.include('can no longer be finished or taken back');
    const before = totalCalls(signer.calls);

    await relayAcceptsOnly('picky', null);
    $<HTMLButtonElement>(el, 'dialog button.take-back')!.click();
    await waitUntil(() => el.status === 'done', 'taken back', { timeout: 30000 });
    await el.updateComplete;

    expect(text($(el, 'dialog #result-title'))).to.match(/^Taken back: .* can no longer open this share from the storage servers\./);
    expect(totalCalls(signer.calls), 'nothing asked of the signer').to.equal(before);
    expect(revoked).to.deep.equal([{ signPubkey: out[0]!.pubkey, pubkey: clinician.pubkey }]);
    expect(await listing(picky, clinician), 'no version on the server lists the clinician').to.deep.equal([]);
    const client = new RelayClient({ relays: [picky] });
    try {
      const now = (await client.query({ kinds: [RECORD_KIND], authors: [out[0]!.pubkey] })).events;
      expect(now.length, 'every part is there now, sealed anew').to.be.greaterThan(1);
      await rejects(openRecord(now, clinician.signer), RecordError, 'not-a-participant');
      const mine = await openRecord(now, patient.signer);
      expect(mine.participants?.map((p) => p.pubkey)).to.deep.equal([patient.pubkey]);
    } finally {
      client.close();
    }
    // The session lists it as a share taken back, and nothing is left to finish.
    const store = (el as unknown as { currentStore: RecordStore }).currentStore;
    expect(store.shares.map((s) => [s.grant.recipient, s.status])).to.deep.include([clinician.pubkey, 'revoked']);
    expect($(el, 'dialog button.finish')).to.equal(null);
  });

  it('a take-back no server took is said as such, then sent again as it was', async () => {
    const [patient, clinician] = [await person(), await person()];
    const signer = counting(patient.signer);
    const { picky, session, el } = await promptInSession(signer, patient.pubkey);
    const sent: string[][] = [];
    session.addEventListener('nip82-receipts', (e) => sent.push(e.detail.receipts.map((r) => r.eventId)));
    await shareHalfWay(el, clinician.pubkey);
    const before = totalCalls(signer.calls);
    sent.length = 0;

    $<HTMLButtonElement>(el, 'dialog button.take-back')!.click();
    await waitUntil(() => el.status === 'relay-error' && !!$(el, 'dialog button.take-back.primary'), 'the take-back fell short', { timeout: 30000 });
    await el.updateComplete;
    const said = text($(el, 'dialog [role=status]'));
    expect(said).to.match(/^No storage server took the change: where it did not, .* may still open what went out\. Take it back again; nothing is signed again\./);
    expect(said).not.to.include('Taken back');
    expect($(el, 'dialog button.finish'), 'a share being taken back is not sent on').to.equal(null);
    expect($(el, 'dialog button.leave')).to.equal(null);
    expect((await listing(picky, clinician)).length, 'what went out still stands').to.equal(1);
    const first = new Set(sent.flat());

    await relayAcceptsOnly('picky', null);
    $<HTMLButtonElement>(el, 'dialog button.take-back')!.click();
    await waitUntil(() => el.status === 'done', 'taken back', { timeout: 30000 });
    expect(await listing(picky, clinician)).to.deep.equal([]);
    const second = new Set(sent.at(-1));
    expect(first.size).to.be.greaterThan(0);
    expect([...first].every((id) => second.has(id)), 'the same events, not sealed anew').to.equal(true);
    expect(totalCalls(signer.calls), 'nothing asked of the signer').to.equal(before);
  });

  it('records the page handed in (no session): taken back, still asking the signer nothing', async () => {
    const [patient, clinician] = [await person(), await person()];
    const picky = await relayUrl('picky');
    const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
    const events = await createRecord({ bundle, author: patient.signer, participants: [] });
    const client = new RelayClient({ relays: [picky] });
    try {
      await client.publishAll(events);
    } finally {
      client.close();
    }
    const record = await openRecord(events, patient.signer);
    const signer = counting(patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${signer} relays=${picky}></nip82-consent-prompt>`);
    await shareHalfWay(el, clinician.pubkey);
    expect((await listing(picky, clinician)).length).to.equal(1);
    const before = totalCalls(signer.calls);

    await relayAcceptsOnly('picky', null);
    $<HTMLButtonElement>(el, 'dialog button.take-back')!.click();
    await waitUntil(() => el.status === 'done', 'taken back', { timeout: 30000 });
    expect(await listing(picky, clinician)).to.deep.equal([]);
    expect(totalCalls(signer.calls), 'nothing asked of the signer').to.equal(before);
  });

  it('a take-back only part of which reached the server says so, then sends only the rest', async () => {
    const [patient, clinician] = [await person(), await person()];
    const { picky, el } = await promptInSession(patient.signer, patient.pubkey);
    await shareHalfWay(el, clinician.pubkey);
    await relayAcceptsOnly('picky', 1);
    $<HTMLButtonElement>(el, 'dialog button.take-back')!.click();
    await waitUntil(() => el.status === 'relay-error' && !!$(el, 'dialog button.take-back.primary'), 'the take-back went out in part', { timeout: 30000 });
    await el.updateComplete;
    expect(text($(el, 'dialog [role=status]'))).to.match(/^Only part of the take-back reached the storage servers: where it did not, .* may still open what went out\. Take it back again; nothing is signed again\./);

    await relayAcceptsOnly('picky', null);
    $<HTMLButtonElement>(el, 'dialog button.take-back')!.click();
    await waitUntil(() => el.status === 'done', 'taken back', { timeout: 30000 });
    expect(await listing(picky, clinician)).to.deep.equal([]);
  });

  it('a share to someone who could share it on, after the session read it again: only the copy taken back is kept', async () => {
    const [patient, clinician] = [await person(), await person()];
    const { el } = await promptInSession(patient.signer, patient.pubkey);
    const moved: Nip82Event<'nip82-revoke'>['detail'][] = [];
    el.addEventListener('nip82-revoke', (e) => moved.push(e.detail));
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await typeRecipient(el, clinician.pubkey);
    $<HTMLInputElement>(el, 'input[name=role][value=editor]')!.click();
    await el.updateComplete;
    buttonByText(el, 'Review')!.click();
    await el.updateComplete;
    await relayAcceptsOnly('picky', 1);
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el.status === 'relay-error', 'stopped half way', { timeout: 30000 });
    // Another element of the session reads the records again: the part out is among them.
    const store = (el as unknown as { currentStore: RecordStore }).currentStore;
    await relayAcceptsOnly('picky', null);
    await store.load({ refresh: true });
    const half = store.records.find((r) => r.participants?.some((p) => p.pubkey === clinician.pubkey));
    expect(half, 'the part out, read again').to.not.equal(undefined);

    $<HTMLButtonElement>(el, 'dialog button.take-back')!.click();
    await waitUntil(() => el.status === 'done', 'taken back', { timeout: 30000 });
    expect(moved.length).to.equal(1);
    expect(moved[0]!.movedTo, 'moved to a new address').to.be.a('string');
    expect(store.records.some((r) => r.signPubkey === half!.signPubkey), 'the old copy let go').to.equal(false);
    expect(store.records.some((r) => r.participants?.some((p) => p.pubkey === clinician.pubkey)), 'no copy listing them').to.equal(false);
  });

  it('a take-back whose account question is declined says what went out still stands, never that nothing was shared', async () => {
    const [patient, clinician] = [await person(), await person()];
    const { ext, el } = await promptInSession(patient.signer, patient.pubkey);
    await shareHalfWay(el, clinician.pubkey);
    const declined = ext.declineAccountQuestion();
    try {
      $<HTMLButtonElement>(el, 'dialog button.take-back')!.click();
      await waitUntil(() => declined.asked() > 0 && el.status !== 'waiting-signer', 'the account question declined');
      await el.updateComplete;
      const said = text($(el, 'dialog [role=status]'));
      expect(said).not.to.match(/Nothing was shared/);
      expect(said).to.match(/Only part of this went out\./);
      expect(!!$(el, 'dialog button.take-back'), 'the take-back still offered').to.equal(true);
    } finally {
      declined.restore();
    }
  });

  it('from the page, the dialog closed: the button stays while it runs, and focus is not lost', async () => {
    const [patient, clinician] = [await person(), await person()];
    const { el } = await promptInSession(patient.signer, patient.pubkey);
    await shareHalfWay(el, clinician.pubkey);
    await relayAcceptsOnly('picky', 0);
    $<HTMLButtonElement>(el, 'dialog button.take-back')!.click();
    await waitUntil(() => el.status === 'relay-error' && !!$(el, 'dialog button.take-back.primary'), 'fell short', { timeout: 30000 });
    const closed = oneEvent(dialogOf(el), 'close');
    buttonByText(el, 'Close')!.click();
    await closed;
    await el.updateComplete;
    const button = $<HTMLButtonElement>(el, '.base > .state button.take-back');
    expect(!!button, 'the page offers it').to.equal(true);
    await relayAcceptsOnly('picky', null);
    button!.focus();
    button!.click();
    await el.updateComplete;
    expect(root(el).activeElement, 'the button pressed stays while it runs').to.equal(button);
    await waitUntil(() => el.status === 'done', 'taken back', { timeout: 30000 });
    await waitUntil(() => !!root(el).activeElement || el.matches(':focus-within'), 'focus kept on the element');
    expect(document.activeElement, 'never the page body').to.not.equal(document.body);
  });
});

