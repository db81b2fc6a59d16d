/**
 * "Try again" pressed on the page (the share dialog closed) for a share nothing of went out: its
 * send waits on a storage server's sign-in, the page offers "Stop waiting", and a keyboard user
 * presses it. Focus stays on a live control of the element throughout, never on the page body.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, relayAcceptsOnly, relayUrl, sampleBundle, silentAt } from './helpers.js';
import { $, buttonByText, dialogOf, focused, stopButton, tap, toSharePreview } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-consent-prompt>: "Try again" and "Stop waiting" on the page keep the keyboard\'s place', function () {
  this.timeout(60000);
  afterEach(() => relayAcceptsOnly('picky', null));

  /**
   * A share nothing of went out, the dialog closed, and "Try again" pressed on the page by keyboard:
   * the picky server takes it this time, the gated one's sign-in waits at the signer.
   */
  async function retriedFromThePage() {
    const picky = await relayUrl('picky');
    const gated = await relayUrl('auth-write');
    const [patient, clinician] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const quiet = silentAt(patient.signer, { signInsOnly: true });
    const el = await fixture<Nip82ConsentPrompt>(html`<div><nip82-consent-prompt .records=${[record]} .signer=${quiet.signer} relays=${`${picky} ${gated}`}></nip82-consent-prompt><input aria-label="Elsewhere on the page"></div>`).then((page) => page.querySelector('nip82-consent-prompt')!);
    await toSharePreview(el, clinician.pubkey);

    // First send: the picky server refuses, the gated one's sign-in is passed over: nothing goes out.
    await relayAcceptsOnly('picky', 0);
    quiet.arm(1);
    await tap(buttonByText(el, /^Share with npub1/)!);
    await waitUntil(() => quiet.asked() && stopButton(el), 'sign-in at the signer', { timeout: 20000 });
    await tap(stopButton(el)!);
    await waitUntil(() => el.status === 'relay-error', 'nothing went out', { timeout: 20000 });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialogOf(el).open, 'dialog closed');
    await waitUntil(() => $(el, '.base > .state button.finish'), '"Try again" on the page');

    // Try again from the page, the picky server taking it this time; the gated sign-in waits again.
    await relayAcceptsOnly('picky', null);
    const retry = $<HTMLButtonElement>(el, '.base > .state button.finish')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => stopButton(el, '.base'), '"Stop waiting" on the page', { timeout: 20000 });
    return { el, quiet, retry };
  }

  it('the pressed "Try again" stays (aria-disabled) and keeps focus through "Stop waiting"; after the outcome focus is on "Send to the storage servers that missed it"', async () => {
    const { el, quiet, retry } = await retriedFromThePage();
    expect(retry.isConnected, 'the pressed "Try again" stays while its send goes on').to.equal(true);
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    expect(focused(el) === retry, 'focus stays on the pressed "Try again"').to.equal(true);

    stopButton(el, '.base')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // The rest of the send may already be out by now: then focus is already on the way on (below).
    const afterStop = focused(el);
    expect(afterStop === retry || (el.status === 'done' && !!afterStop?.matches('button.finish-relays')), `right after "Stop waiting": ${afterStop?.outerHTML}`).to.equal(true);

    await waitUntil(() => el.status === 'done', 'in effect from the picky server', { timeout: 20000 });
    await waitUntil(() => $(el, '.base > .actions button.finish-relays'), 'the way on to the server passed over');
    const missed = $(el, '.base > .actions button.finish-relays')!;
    await waitUntil(() => focused(el) === missed, 'focus on "Send to the storage servers that missed it"');
    expect(document.activeElement === el, 'the page\'s focus is in the element').to.equal(true);
    quiet.release();
  });

  it('a focus the user took elsewhere on the page while the send went on stays there when it ends', async () => {
    const { el, quiet } = await retriedFromThePage();
    const elsewhere = el.parentElement!.querySelector('input')!;
    elsewhere.focus();
    quiet.release();
    await waitUntil(() => el.status === 'done' && !$(el, '.base > .state button.finish'), 'sent everywhere once the sign-in is given', { timeout: 20000 });
    await el.updateComplete;
    expect(document.activeElement === elsewhere, `focus stays where the user put it, not on ${document.activeElement?.tagName}`).to.equal(true);
  });
});
