/**
 * A phone 320 CSS px wide (WCAG 2.2 reflow): in every state and dialog of the access list, the
 * record viewer and the session, the page does not scroll sideways, no dialog is wider or taller
 * than the screen or its own box, every control is really there to tap (big enough, nothing covers
 * its centre), nothing is cut off and no word is split (test/reflow.ts). Each state is also
 * checked with axe. test/phone-text.test.ts checks the same in Spanish and with text at 200%.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82Session } from '../components/session/session.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { RelayClient } from '../components/core/relay/client.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { SignerError } from '../components/core/errors.js';
import type { Signer } from '../components/core/signers/signer.js';
import type { NostrEvent } from '../components/core/events.js';
import { fixture as dataFixture, person, relayUrl, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, $$, buttonByText, dialogOf } from './element-helpers.js';
import { expectReflows, onPhone, publishDeniedRequest, publishEndedShare } from './reflow.js';

describe('at 320 CSS px wide', function () {
  this.timeout(90000);
  let patient: Person;
  let clinician: Person;
  let family: Person;

  onPhone();
  const relay = sharedRelayClient();
  beforeEach(async () => {
    [patient, clinician, family] = [await person(), await person(), await person()];
  });

  async function published(participants: { pubkey: string; role: 'editor' | 'viewer' }[], to = relay.client): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
    await to.publishAll(events);
    return openRecord(events, patient.signer);
  }

  it('the access list: records, shares past their end, history, and every revoke dialog state', async () => {
    const profile = await clinician.signer.signEvent({
      kind: 0, created_at: Math.floor(Date.now() / 1000), tags: [],
      content: JSON.stringify({ name: 'Harbor Community Health Clinic and Family Practice' }),
    });
    await relay.client.publishAll([profile as NostrEvent]);
    const record = await published([{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }]);
    await publishEndedShare(relay.client, record, patient, clinician);
    await publishDeniedRequest(relay.client, patient, clinician);

    // A signer that declines when told to, for the refused state.
    let decline = false;
    const signer: Signer = new Proxy(patient.signer, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (decline && prop !== 'getPublicKey') throw new SignerError('refused', 'The user declined.');
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${signer} relays=${relay.url}></nip82-access-list>`);
    await expectReflows(el, 'before loading');
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => $(el, '[part=overdue]') && $(el, '[part=record]'), 'loaded', { timeout: 20000 });
    await waitUntil(() => (el.shadowRoot!.textContent ?? '').includes('Harbor Community'), 'names', { timeout: 20000 });
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => $(el, 'table.history'), 'history', { timeout: 20000 });
    await expectReflows(el, 'records, shares and history');

    // The revoke dialog of an editor (the longest), declined by the signer.
    $(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(el).open, 'revoke dialog', { timeout: 20000 });
    await expectReflows(el, 'revoke dialog');
    decline = true;
    buttonByText(el, /^Revoke access for Harbor/)!.click();
    await waitUntil(() => el.status === 'refused', 'refused', { timeout: 20000 });
    await expectReflows(el, 'revoke refused');
    decline = false;
    buttonByText(el, /^Revoke access for Harbor/)!.click();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    await expectReflows(el, 'revoke done');
    const closed = oneEvent(dialogOf(el), 'close');
    buttonByText(el, 'Close')!.click();
    await closed;
    await el.updateComplete;

    // The one confirmation for every share past its end.
    buttonByText(el, /^Revoke the ended share/)!.click();
    await waitUntil(() => dialogOf(el).open, 'ended dialog', { timeout: 20000 });
    await expectReflows(el, 'ended shares dialog');
    buttonByText(el, 'Revoke it')!.click();
    await waitUntil(() => el.status === 'done', 'ended revoked', { timeout: 20000 });
    await expectReflows(el, 'ended shares revoked');
  });

  it('the access list: a revocation that went out only in part, with its retry', async () => {
    const flakyUrl = await relayUrl('flaky');
    const flaky = new RelayClient({ relays: [flakyUrl] });
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }] });
    for (const e of events) if ((await flaky.publish(e)).some((r) => r.status !== 'accepted')) await flaky.publish(e);
    const record = await openRecord((await flaky.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] })).events, patient.signer);
    flaky.close();
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${patient.signer} relays=${flakyUrl}></nip82-access-list>`);
    $(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog', { timeout: 20000 });
    buttonByText(el, /^Revoke /)!.click();
    await waitUntil(() => el.status === 'relay-error', 'nothing went out', { timeout: 20000 });
    await expectReflows(el, 'nothing went out');
    buttonByText(el, 'Try again')!.click();
    await waitUntil(() => el.status === 'relay-error' && ($(el, '[role=status]')?.textContent ?? '').includes('Only part'), 'part went out', { timeout: 20000 });
    await expectReflows(el, 'part went out');
  });

  it('the record viewer: before unlocking, a full record, its timeline, and an ended share', async () => {
    const reader = await person();
    const synthea = await dataFixture('synthea-patient.json');
    const handed = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${synthea}></nip82-record-viewer>`);
    await waitUntil(() => handed.status === 'done', 'shown', { timeout: 20000 });
    await expectReflows(handed, 'a full record');
    $$<HTMLButtonElement>(handed, 'button').find((b) => /^Timeline$/.test(b.textContent!.trim()))!.click();
    await expectReflows(handed, 'its timeline');
    handed.remove();

    const own = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    const mine = await openRecord(own, patient.signer);
    const opened = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[mine]} .knownNames=${{ [patient.pubkey]: 'Lakeside Hospital' }}></nip82-record-viewer>`);
    await waitUntil(() => $(opened, '[part=provenance]'), 'a record with its author', { timeout: 20000 });
    await expectReflows(opened, 'a record with its author');
    opened.remove();
    const { source, fullUrl } = consentSource(mine, grantConsent({ patient: patient.pubkey, recipient: reader.pubkey, role: 'viewer', until: '2026-01-01' }));
    const share = await createShare({ from: [mine, source], include: [...mine.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] });
    await relay.client.publishAll(share);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${relay.url} .signer=${reader.signer}></nip82-record-viewer>`);
    await expectReflows(el, 'before unlocking');
    $$<HTMLButtonElement>(el, 'button').find((b) => /^Unlock my records$/.test(b.textContent!.trim()))!.click();
    await waitUntil(() => $(el, '[part="share-ended"]'), 'the ended share', { timeout: 20000 });
    await expectReflows(el, 'an ended share');
  });

  it('the session: signing in (every way open) and signed in', async () => {
    const el = await fixture<Nip82Session>(html`<nip82-session relays=${relay.url}></nip82-session>`);
    await el.updateComplete;
    // No extension in this browser: the remote signer, the only way in, is open and easy to tap.
    await waitUntil(() => $(el, 'details')?.hasAttribute('open'), 'the remote signer\'s way in is not open without an extension');
    expect($(el, 'summary')!.getBoundingClientRect().height, 'its summary is a target a finger can hit').to.be.at.least(24);
    for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
    await expectReflows(el, 'signing in');
    el.signer = patient.signer;
    await waitUntil(() => el.pubkey === patient.pubkey, 'signed in', { timeout: 20000 });
    await expectReflows(el, 'signed in');
  });
});
