/**
 * What the access list leaves for later must stay within reach: a revocation some storage server
 * missed can be sent there after its dialog is closed, and reading again (history, records) reads
 * what the last read left.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import '../components/session/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82Event } from '../components/shared/events.js';
import { createRecord, openRecord, type OpenedRecord, type Participant } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RecordError } from '../components/core/errors.js';
import type { NostrEvent } from '../components/core/events.js';
import { shortNpub } from '../components/shared/identity.js';
import { MAX_WRAPS_PER_READ } from '../components/core/store/record-store.js';
import { counting, downRelayUrl, person, publishAnyway, rejects, relayUrl, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, $$, buttonByText, dialogOf, root, statusFollowsLanguage, text } from './element-helpers.js';
import { accessListStringsEs } from '../components/access-list/access-list.strings.es.js';
import { sentences } from '../components/shared/records.strings.js';

const FINISH = 'Send to the storage servers that missed it';

describe('<nip82-access-list>: finishing what was left', function () {
  this.timeout(60000);
  let patient: Person;
  let clinician: Person;
  let family: Person;

  const relay = sharedRelayClient();
  beforeEach(async () => {
    [patient, clinician, family] = [await person(), await person(), await person()];
  });

  /** A record of the patient's listing `participants`, on the main relay and on the flaky one. */
  async function onBoth(participants: Participant[]) {
    const flakyUrl = await relayUrl('flaky');
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
    await relay.client.publishAll(events);
    await publishAnyway(flakyUrl, events);
    return { flakyUrl, record: await openRecord(events, patient.signer) };
  }

  async function listFor(records: OpenedRecord[], signer: unknown, relays: string) {
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${records} .signer=${signer} relays=${relays}></nip82-access-list>`);
    await waitUntil(() => text(root(el)).includes('(you)'), 'knows who "you" are');
    return el;
  }

  const row = (el: Element, pubkey: string) => $(el, `[part=person][data-pubkey="${pubkey}"]`);
  /** The dialog is shut and the element heard of it (its close event comes a task later). */
  const closed = (el: Element) => !dialogOf(el).open && !$(el, '#dialog-title');

  /** Revokes `who` (one relay of two misses it); the dialog stays on the outcome. */
  async function revokeOnOne(el: Nip82AccessList, who: Person) {
    row(el, who.pubkey)!.querySelector<HTMLButtonElement>('button.revoke')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    buttonByText(el, `Revoke access for ${shortNpub(who.pubkey)}`)!.click();
    await waitUntil(() => el.status === 'done', 'revoked where one relay took it', { timeout: 20000 });
    await el.updateComplete;
    expect(text($(el, '#result-title'))).to.contain('send it there too');
  }

  async function close(el: Nip82AccessList) {
    buttonByText(el, 'Close')!.click();
    await waitUntil(() => closed(el), 'dialog closes');
    await el.updateComplete;
  }

  /** Revokes `who` (one relay of two misses it) and closes the dialog. */
  async function revokeAndClose(el: Nip82AccessList, who: Person) {
    await revokeOnOne(el, who);
    await close(el);
  }

  it('a revocation one of two storage servers missed can still be sent there after Close, by keyboard, at 320 px', async () => {
    const { flakyUrl, record } = await onBoth([{ pubkey: clinician.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const signer = counting(patient.signer);
    const el = await listFor([record], signer, `${relay.url} ${flakyUrl}`);
    const sent: string[][] = [];
    el.addEventListener('nip82-receipts', (e) => sent.push((e as Nip82Event<'nip82-receipts'>).detail.receipts.map((r) => r.eventId)));
    await setViewport({ width: 320, height: 640 });
    try {
      await revokeAndClose(el, clinician);
      const signed = signer.calls.signEvent ?? 0;
      const who = shortNpub(clinician.pubkey);
      // The status still says what is left, and the way to do it is beside it, with focus on it.
      expect(text($(el, '[role=status]'))).to.contain('send it there too');
      expect(text($(el, '[part=unfinished] p'))).to.equal(
        `Access for ${who} is revoked, but not on every storage server yet: one that missed it still serves the old version, which they can still open from there.`,
      );
      await waitUntil(() => root(el).activeElement === buttonByText(el, FINISH), 'focus on the way to finish');
      const page = document.documentElement;
      expect(page.scrollWidth, 'no sideways scrolling at 320 px').to.be.at.most(page.clientWidth);
      expect(buttonByText(el, FINISH)!.getBoundingClientRect().right).to.be.at.most(window.innerWidth);
      await expect(el).to.be.accessible();

      // Another revocation begun and dismissed does not make this one forgotten.
      row(el, family.pubkey)!.querySelector<HTMLButtonElement>('button.revoke')!.click();
      await waitUntil(() => dialogOf(el).open, 'second dialog opens');
      await el.updateComplete;
      buttonByText(el, 'Cancel')!.click();
      await waitUntil(() => closed(el), 'second dialog closes');
      await el.updateComplete;
      expect($$(el, '[part=unfinished]')).to.have.length(1);

      // Its words are the host's to change.
      el.strings = { unfinishedNotice: (name: string) => `Not everywhere yet for ${name}.`, finishRelays: 'Send it there' };
      await el.updateComplete;
      expect(text($(el, '[part=unfinished] p'))).to.equal(`Not everywhere yet for ${who}.`);
      buttonByText(el, 'Send it there')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.status === 'done' && !$(el, '[part=unfinished]'), 'sent there too', { timeout: 20000 });
      expect(text($(el, '[role=status]'))).to.equal(`Access revoked for ${who}. 2 of 2 storage servers accepted the change.`);
      expect(signer.calls.signEvent ?? 0, 'nothing new was signed').to.equal(signed);
      expect(new Set(sent[sent.length - 1]), 'the same signed events').to.deep.equal(new Set(sent[0]));
      await waitUntil(() => root(el).activeElement === $(el, '[part=record] h3'), 'focus on the record once nothing is left');
      const there = new RelayClient({ relays: [flakyUrl] });
      try {
        await rejects(openRecord((await there.query({ kinds: [RECORD_KIND], authors: [record.signPubkey] })).events, clinician.signer), RecordError, 'not-a-participant');
      } finally {
        there.close();
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('the outcome of a revocation, in the dialog and beside the list after Close, follows the page\'s language', async () => {
    const { flakyUrl, record } = await onBoth([{ pubkey: clinician.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const el = await listFor([record], patient.signer, `${relay.url} ${flakyUrl}`);
    await revokeOnOne(el, clinician);
    const who = shortNpub(clinician.pubkey);
    const outcome = {
      en: `Access revoked for ${who}. 1 of 2 storage servers accepted the change. ` +
        'A storage server that did not take it still serves the old version, which they can still open from there: send it there too.',
      es: `Acceso revocado para ${who}. 1 de 2 servidores de almacenamiento aceptaron el cambio. ` +
        'Un servidor de almacenamiento que no lo recibió sigue entregando la versión anterior, que esa persona aún puede abrir desde allí: envíelo también a ese servidor.',
    };
    await statusFollowsLanguage(el, el, outcome, { en: 'Close', es: 'Cerrar' }, '#result-title');
    await close(el);
    await statusFollowsLanguage(el, el, outcome, { en: FINISH, es: 'Enviar a los servidores de almacenamiento que no lo recibieron' }, '[role=status]');
  });

  it('an unfinished revocation is forgotten on sign-out', async () => {
    const { flakyUrl, record } = await onBoth([{ pubkey: clinician.pubkey, role: 'viewer' }]);
    const el = await listFor([record], patient.signer, `${relay.url} ${flakyUrl}`);
    await revokeAndClose(el, clinician);
    expect(!!buttonByText(el, FINISH)).to.equal(true);
    el.signer = undefined;
    await waitUntil(() => !$(el, '[part=unfinished]'), 'forgotten on sign-out');
    // Forgotten, not hidden: the same user signing in again is not offered it either.
    el.signer = patient.signer;
    await el.updateComplete;
    expect(!!$(el, '[part=unfinished]'), 'no notice after signing in again').to.equal(false);
    expect(!!buttonByText(el, FINISH), 'no finish button after signing in again').to.equal(false);
  });

  /** Every call the counting signer has had, of any method. */
  const signerCalls = (signer: { calls: Record<string, number> }) => Object.values(signer.calls).reduce((a, b) => a + b, 0);
  const PART = /^Only part of this went out: 1 of 3 steps reached a storage server, so access is not fully revoked yet\. Try again to send the rest; nothing new will be signed\.$/;

  /**
   * Opens Revoke for another person on the record a half-sent revocation changes: it waits, since
   * it would be made from the version the half-sent one replaces (the rest goes first). Then Cancel.
   */
  async function expectSecondRevocationWaits(el: Nip82AccessList, other: string) {
    row(el, other)!.querySelector<HTMLButtonElement>('button.revoke')!.click();
    await waitUntil(() => dialogOf(el).open, 'the other dialog opens');
    await el.updateComplete;
    expect(text(dialogOf(el))).to.contain('Another revocation of this record went out only in part.');
    expect(buttonByText(el, `Revoke access for ${shortNpub(other)}`)!.disabled, 'no second change of the record').to.equal(true);
    buttonByText(el, 'Cancel')!.click();
    await waitUntil(() => closed(el), 'the other dialog closes');
    await el.updateComplete;
  }

  /**
   * The clinician (an editor) revoked on the flaky relay alone, which refuses each event's first
   * copy: the first send is refused, "Try again" gets one step of three out, and Cancel closes the
   * dialog. Returns the element, its counting signer, the record, and the ids of every event sent.
   */
  async function halfSent() {
    const flakyUrl = await relayUrl('flaky');
    const events = await withEditor();
    await publishAnyway(flakyUrl, events);
    const reader = new RelayClient({ relays: [flakyUrl] });
    const record = await openRecord((await reader.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] })).events, patient.signer);
    reader.close();
    const signer = counting(patient.signer);
    const el = await listFor([record], signer, flakyUrl);
    const sent: string[] = [];
    el.addEventListener('nip82-receipts', (e) => sent.push(...(e as Nip82Event<'nip82-receipts'>).detail.receipts.map((r) => r.eventId)));
    row(el, clinician.pubkey)!.querySelector<HTMLButtonElement>('button.revoke')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
    await waitUntil(() => el.status === 'relay-error', 'the first event is refused', { timeout: 20000 });
    await el.updateComplete;
    buttonByText(el, 'Try again')!.click();
    await waitUntil(() => el.status === 'relay-error' && PART.test(text($(el, '[role=status]'))), 'one step of three went out', { timeout: 20000 });
    buttonByText(el, 'Cancel')!.click();
    await waitUntil(() => closed(el), 'dialog closes');
    await el.updateComplete;
    return { el, signer, record, flakyUrl, sent };
  }

  /** The record moved: the clinician can no longer open it there, the family still can, and the old address is deleted. */
  async function revokedOn(flakyUrl: string, el: Nip82AccessList, old: OpenedRecord) {
    const movedTo = (el as unknown as { handed: OpenedRecord[] }).handed[0]!.signPubkey;
    expect(movedTo, 'the record moved').not.to.equal(old.signPubkey);
    const check = new RelayClient({ relays: [flakyUrl] });
    try {
      const moved = (await check.query({ kinds: [RECORD_KIND], authors: [movedTo] })).events;
      await rejects(openRecord(moved, clinician.signer), RecordError, 'not-a-participant');
      expect((await openRecord(moved, family.signer)).role).to.equal('viewer');
      expect((await check.query({ kinds: [5], authors: [old.signPubkey] })).events, 'the old address is deleted').to.have.length.greaterThan(0);
    } finally {
      check.close();
    }
  }

  it('a half-sent revocation is kept after Cancel and another person\'s dialog: reopening it finishes the same signed events, with no new signer call', async () => {
    const { el, signer, record, flakyUrl, sent } = await halfSent();
    const calls = signerCalls(signer);
    const before = new Set(sent);
    let revoked = 0;
    el.addEventListener('nip82-revoke', () => revoked++);
    // What went out is said beside the list, with the way to send the rest.
    expect(text($(el, '[role=status]'))).to.match(PART);
    expect($$(el, '[part=unfinished]'), 'a finish control outside the dialog').to.have.length(1);
    expect(!!buttonByText(el, 'Try again'), 'a finish control outside the dialog').to.equal(true);

    // Another person's dialog, opened and cancelled, does not drop it.
    await expectSecondRevocationWaits(el, family.pubkey);
    expect($$(el, '[part=unfinished]'), 'still kept').to.have.length(1);

    // Revoke for the clinician again resumes it: the same notice and a way to finish, nothing signed anew.
    row(el, clinician.pubkey)!.querySelector<HTMLButtonElement>('button.revoke')!.click();
    await waitUntil(() => dialogOf(el).open, 'the clinician dialog opens again');
    await el.updateComplete;
    expect(text(dialogOf(el).querySelector('[role=status]'))).to.match(PART);
    expect(!!buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`), 'no new revocation offered').to.equal(false);
    await expect(el).to.be.accessible();
    for (let attempt = 0; el.status !== 'done'; attempt++) {
      expect(attempt, 'finished within a few tries').to.be.lessThan(6);
      buttonByText(el, 'Try again')!.click();
      await waitUntil(() => el.status === 'relay-error' || el.status === 'done', `try ${attempt + 1}`, { timeout: 20000 });
      await el.updateComplete;
    }
    expect(signerCalls(signer), 'no new signer call').to.equal(calls);
    expect(revoked).to.equal(1);
    const ids = new Set(sent);
    expect(ids.size, 'three events in all').to.equal(3);
    for (const id of before) expect(ids.has(id), 'the events sent before are among those sent now').to.equal(true);
    expect(text($(el, '#result-title'))).to.contain(`Access revoked for ${shortNpub(clinician.pubkey)}. 1 of 1 storage server accepted the change.`);
    await revokedOn(flakyUrl, el, record);
    buttonByText(el, 'Close')!.click();
    await waitUntil(() => closed(el), 'dialog closes');
    await el.updateComplete;
    expect(!!$(el, '[part=unfinished]'), 'nothing left').to.equal(false);
  });

  it('a half-sent revocation can be finished from beside the list after Cancel, with the same signed events', async () => {
    const { el, signer, record, flakyUrl, sent } = await halfSent();
    const calls = signerCalls(signer);
    const who = shortNpub(clinician.pubkey);
    // What went out is said in the page's language, also once it changes.
    await statusFollowsLanguage(el, el, {
      en: text($(el, '[role=status]')),
      es: 'Solo salió una parte: 1 de 3 pasos llegaron a un servidor de almacenamiento, así que el acceso aún no está revocado del todo. Vuelva a intentarlo para enviar el resto; no se firmará nada nuevo.',
    }, { en: 'Try again', es: 'Reintentar' }, '[role=status]');
    expect(text($(el, '[part=unfinished] p'))).to.equal(
      `Revoking access for ${who} went out only in part: 1 of 3 steps reached a storage server, so access is not fully revoked yet. Try again to send the rest; nothing new will be signed.`,
    );
    await waitUntil(() => root(el).activeElement === buttonByText(el, 'Try again'), 'focus on the way to finish');
    await expect(el).to.be.accessible();
    for (let attempt = 0; $(el, '[part=unfinished]'); attempt++) {
      expect(attempt, 'finished within a few tries').to.be.lessThan(6);
      buttonByText(el, 'Try again')!.click();
      await waitUntil(() => el.status === 'relay-error' || el.status === 'done', `try ${attempt + 1}`, { timeout: 20000 });
      await el.updateComplete;
      if (el.status === 'relay-error') expect(text($(el, '[role=status]'))).to.match(/^Only part of this went out: 2 of 3 steps/);
    }
    expect(text($(el, '[role=status]'))).to.equal(`Access revoked for ${who}. 1 of 1 storage server accepted the change. The record moved to a new address; the others were told.`);
    expect(signerCalls(signer), 'no new signer call').to.equal(calls);
    expect(new Set(sent).size, 'three events in all').to.equal(3);
    await revokedOn(flakyUrl, el, record);
  });

  it('records handed in taken away while the host reloads them are nobody yet, not another user: a half-sent revocation stays kept, still blocks a second change, and finishes', async () => {
    const { el, signer, record, flakyUrl, sent } = await halfSent();
    const calls = signerCalls(signer);
    const who = shortNpub(clinician.pubkey);
    const notice = `Revoking access for ${who} went out only in part: 1 of 3 steps reached a storage server, so access is not fully revoked yet. Try again to send the rest; nothing new will be signed.`;
    // The host reloads its records: none for a moment (either way a host may say so), then the same again.
    for (const reloading of [undefined, []]) {
      el.records = reloading;
      await el.updateComplete;
      expect(text($(el, '[part=unfinished] p')), 'still kept while no records are handed in').to.equal(notice);
      el.records = [record];
      await el.updateComplete;
      expect(text($(el, '[part=unfinished] p'))).to.equal(notice);
    }
    // Still no second change of the record made from the version the half-sent one replaces.
    await expectSecondRevocationWaits(el, family.pubkey);
    // Finished from beside the list: the same signed events, whose new keys were kept.
    for (let attempt = 0; $(el, '[part=unfinished]'); attempt++) {
      expect(attempt, 'finished within a few tries').to.be.lessThan(6);
      buttonByText(el, 'Try again')!.click();
      await waitUntil(() => el.status === 'relay-error' || el.status === 'done', `try ${attempt + 1}`, { timeout: 20000 });
      await el.updateComplete;
    }
    expect(text($(el, '[role=status]'))).to.contain(`Access revoked for ${who}.`);
    expect(signerCalls(signer), 'no new signer call').to.equal(calls);
    expect(new Set(sent).size, 'three events in all').to.equal(3);
    await revokedOn(flakyUrl, el, record);
  });

  it('finishing a half-sent revocation with no usable relay left says so, not what went out before', async () => {
    const { el } = await halfSent();
    const failures: string[] = [];
    el.addEventListener('nip82-error', (e) => {
      const { code, action } = (e as Nip82Event<'nip82-error'>).detail;
      if (action === 'revoke') failures.push(code);
    });
    el.setAttribute('relays', 'relay.example.com');
    await el.updateComplete;
    buttonByText(el, 'Try again')!.click();
    await waitUntil(() => failures.length > 0 && el.status === 'relay-error', 'the finish failed');
    await el.updateComplete;
    expect(failures).to.deep.equal(['invalid-url']);
    expect(text($(el, '[role=status]'))).to.equal("This page's storage server settings are wrong; please tell the site's team.");
    // What went out is still said beside the way to send the rest.
    expect(text($(el, '[part=unfinished] p'))).to.contain('1 of 3 steps reached a storage server');
  });

  it('what went out to a storage server since taken off the list still counts as sent', async () => {
    const { el } = await halfSent();
    let failed = false;
    el.addEventListener('nip82-error', (e) => {
      failed ||= (e as Nip82Event<'nip82-error'>).detail.action === 'revoke';
    });
    el.setAttribute('relays', await downRelayUrl());
    await el.updateComplete;
    buttonByText(el, 'Try again')!.click();
    await waitUntil(() => failed && el.status === 'relay-error', 'nothing taken', { timeout: 20000 });
    await el.updateComplete;
    expect(text($(el, '[role=status]'))).to.match(PART);
    expect(text($(el, '[part=unfinished] p'))).to.contain('1 of 3 steps reached a storage server');
  });

  /** A record of the patient's with an editor (the clinician) and a viewer (family), on the main relay. */
  async function withEditor() {
    const events = await createRecord({
      bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }],
    });
    await relay.client.publishAll(events);
    return events;
  }

  /** Revokes the clinician (an editor) in `el` and waits until the signed events are being sent. */
  async function revokeEditorUntilSending(el: Nip82AccessList) {
    row(el, clinician.pubkey)!.querySelector<HTMLButtonElement>('button.revoke')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
    // "working" is also the change being prepared (nothing sent yet): the status line tells the send.
    await waitUntil(() => el.status === 'working' && /^Sending /.test(text($(el, 'dialog [role=status]'))), 'sending', { timeout: 20000 });
  }

  /** Every event of the editor's removal went out: the notice of the move (the last), and the old address's deletion. */
  async function allWentOut(signPubkey: string) {
    await waitUntil(async () => (await relay.client.query({ kinds: [1059], '#p': [family.pubkey] })).events.length > 0, 'the notice of the move, the last event, went out', { timeout: 30000 });
    expect((await relay.client.query({ kinds: [5], authors: [signPubkey] })).events, 'the old address is deleted').to.have.length.greaterThan(0);
  }

  it('leaving the page while the revocation is sent lets it finish: the record moves, the old address is deleted, the others are told', async () => {
    const events = await withEditor();
    const el = await listFor([await openRecord(events, patient.signer)], patient.signer, `${relay.url} ${await relayUrl('slow')}`);
    // Signed, and being sent one event at a time to a slow storage server: a route change now.
    await revokeEditorUntilSending(el);
    el.remove();
    await allWentOut(events[0]!.pubkey);
    await waitUntil(() => el.status === 'done', 'the element says it is done');
  });

  it('a session taken off the page while its access list sends a revocation lets the send finish too', async () => {
    const events = await withEditor();
    const session = await fixture<HTMLElement>(html`<nip82-session relays=${`${relay.url} ${await relayUrl('slow')}`} .signer=${patient.signer}><nip82-access-list></nip82-access-list></nip82-session>`);
    const el = session.querySelector('nip82-access-list') as Nip82AccessList;
    await waitUntil(() => buttonByText(el, 'Unlock my records'), 'signed in');
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'done' && row(el, clinician.pubkey), 'loaded from the session store', { timeout: 20000 });
    await revokeEditorUntilSending(el);
    // A route change takes the whole session away, and with it the store the send goes through.
    session.remove();
    await allWentOut(events[0]!.pubkey);
  });

  it('signing out while the revocation is sent to the servers that missed it stops it quietly: nothing is said, shown or announced', async () => {
    const { flakyUrl } = await onBoth([{ pubkey: clinician.pubkey, role: 'viewer' }]);
    // The records are the element's own store's, so that signing out closes that store.
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${`${relay.url} ${flakyUrl}`}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'done' && row(el, clinician.pubkey), 'loaded', { timeout: 20000 });
    await revokeAndClose(el, clinician);
    const seen: string[] = [];
    for (const type of ['nip82-revoke', 'nip82-receipts', 'nip82-error'] as const) el.addEventListener(type, () => seen.push(type));
    const unfinished = (el as unknown as { kept: unknown[] }).kept[0];
    // The finish button's own handler, called as its click would, so the test can wait for it to end.
    const finishing = (el as unknown as { finish: (p: unknown) => Promise<void> }).finish(unfinished);
    expect(el.status).to.equal('working');
    el.signer = undefined;
    await finishing;
    await el.updateComplete;
    expect(seen).to.deep.equal([]);
    expect(el.status).to.equal('idle');
    const said = text(root(el));
    expect(said).not.to.contain(shortNpub(clinician.pubkey));
    expect(said).not.to.match(/revoked|storage server/i);
    expect($$(el, '[part=receipts] li')).to.have.length(0);
    expect(!!$(el, '[part=unfinished]')).to.equal(false);
  });

  it('"Show consent history" pressed again reads the messages the last read left', async () => {
    const total = MAX_WRAPS_PER_READ + 2;
    const wraps: NostrEvent[] = [];
    for (let i = 0; i < total; i++) {
      const { events } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: `Visit ${i}` });
      wraps.push(...events);
    }
    await relay.client.publishAll(wraps);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[]} .signer=${patient.signer} relays=${relay.url}></nip82-access-list>`);
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => el.status === 'done', 'first read', { timeout: 20000 });
    await el.updateComplete;
    expect(text($(el, '[role=status]'))).to.contain('2 more messages were not read yet');
    // Not "nothing shared or answered yet": the messages left may be the patient's own answers.
    expect(text($(el, '[role=status]'))).not.to.contain('You have not shared anything');
    // What the read left is said in the page's language, also once it changes.
    const said = { en: text($(el, '[role=status]')), es: sentences(accessListStringsEs.mailLeft(2, '2')) };
    await statusFollowsLanguage(el, el, said, { en: 'Show consent history', es: accessListStringsEs.showHistory }, '[role=status]');
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => el.status === 'done' && !text($(el, '[role=status]')).includes('more messages'), 'second read reads the rest', { timeout: 20000 });
  });

  it('"Unlock my records" becomes "Load your records again", which reads the records anew', async () => {
    const first = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    await relay.client.publishAll(first);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${relay.url}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'done' && row(el, clinician.pubkey), 'loaded', { timeout: 20000 });
    await el.updateComplete;
    expect(!!buttonByText(el, 'Unlock my records')).to.equal(false);
    // What the read found is said in the page's language, also once it changes.
    await statusFollowsLanguage(el, el, { en: '1 record loaded.', es: accessListStringsEs.loaded(1, '1', 0, '0') }, { en: 'Load your records again', es: accessListStringsEs.loadAgain }, '[role=status]');
    const again = buttonByText(el, 'Load your records again');
    expect(!!again, 'a way to load again').to.equal(true);
    const second = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }] });
    await relay.client.publishAll(second);
    again!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.status === 'done' && row(el, family.pubkey), 'the new record is read', { timeout: 20000 });
    expect($$(el, '[part=record]')).to.have.length(2);
    await expect(el).to.be.accessible();
  });
});
