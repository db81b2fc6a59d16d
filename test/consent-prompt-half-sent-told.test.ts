/**
 * A share that went out only in part, left by the patient: the portal's log hears that something
 * went out (`nip82-share` with `unfinished`), and which storage servers missed it; once finished it
 * hears again, with none missed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82Event } from '../components/shared/events.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { waitUntil } from './wait.js';
import { counting, fixture as dataFixture, person, relayAcceptsOnly, relayUrl } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';

describe('consent prompt: a half-sent share is told to the host', function () {
  this.timeout(120000);
  afterEach(async () => {
    delete (window as { nostr?: unknown }).nostr;
    await relayAcceptsOnly('picky', null);
  });

  it('fires nip82-share naming the server that missed it, and again once finished', async () => {
    const picky = await relayUrl('picky');
    const [patient, clinician] = [await person(), await person()];
    // Large enough to be shared in several parts, so that one can go out and the rest not.
    const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
    const client = new RelayClient({ relays: [picky] });
    try {
      await client.publishAll(await createRecord({ bundle, author: patient.signer, participants: [] }));
    } finally { client.close(); }
    const signer = counting(patient.signer);
    const ext = fakeExtension(signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${picky}><nip82-consent-prompt></nip82-consent-prompt></nip82-session>`);
    await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const el = session.querySelector('nip82-consent-prompt') as Nip82ConsentPrompt;
    const told: Nip82Event<'nip82-share'>['detail'][] = [];
    session.addEventListener('nip82-share', (e) => told.push(e.detail));
    await el.updateComplete;
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'done', 'records loaded', { timeout: 30000 });
    await el.updateComplete;
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await typeRecipient(el, clinician.pubkey);
    buttonByText(el, 'Review')!.click();
    await el.updateComplete;
    await relayAcceptsOnly('picky', 1);
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el.status === 'relay-error', 'stopped half way', { timeout: 30000 });
    await el.updateComplete;
    expect(text($(el, 'dialog [role=status]'))).to.match(/^Only part of this went out\./);
    const signs = signer.calls.signEvent ?? 0;

    expect(told.length, 'the host heard that part of a share went out').to.equal(1);
    expect(told[0]!.recipient).to.equal(clinician.pubkey);
    expect(told[0]!.unfinished).to.equal(true);
    expect(told[0]!.missed).to.deep.equal([picky]);
    expect(told[0]!.naddrs.length).to.be.greaterThan(0);

    // Finished: the same events (nothing signed again), told once more, with no server missing any.
    await relayAcceptsOnly('picky', null);
    $<HTMLButtonElement>(el, 'dialog button.finish')!.click();
    await waitUntil(() => told.length === 2, 'told again once finished', { timeout: 30000 });
    expect(told[1]!.unfinished).to.equal(undefined);
    expect(told[1]!.missed).to.deep.equal([]);
    expect(told[1]!.naddrs).to.deep.equal(told[0]!.naddrs);
    expect(signer.calls.signEvent ?? 0, 'nothing signed again').to.equal(signs);
  });
});
