/**
 * A share that went out only in part, left by the patient: the portal's log hears that something
 * went out (`nip82-share` with `unfinished`), and which storage servers missed it; once finished it
 * hears again, with none missed.
 */
import { expect } from '@open-wc/testing';
import type { Nip82Event } from '../components/shared/events.js';
import { waitUntil } from './wait.js';
import { counting, person, relayAcceptsOnly } from './helpers.js';
import { promptInSession, shareHalfWay } from './half-sent-share.js';
import { $, text } from './element-helpers.js';

describe('consent prompt: a half-sent share is told to the host', function () {
  this.timeout(120000);
  afterEach(async () => {
    delete (window as { nostr?: unknown }).nostr;
    await relayAcceptsOnly('picky', null);
  });

  it('fires nip82-share naming the server that missed it, and again once finished', async () => {
    const [patient, clinician] = [await person(), await person()];
    const signer = counting(patient.signer);
    const { picky, session, el } = await promptInSession(signer, patient.pubkey);
    const told: Nip82Event<'nip82-share'>['detail'][] = [];
    session.addEventListener('nip82-share', (e) => told.push(e.detail));
    await shareHalfWay(el, clinician.pubkey);
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
