/**
 * A storage server that lets nobody in without signing in refuses a sign-in dated far from its own
 * time. A share sent from a device whose clock is hours off said only that the sign-in "did not go
 * through", and a revocation that the server "asked for a sign-in that did not complete"; now both
 * say, in the words every element uses for it, that the server refused it for the device's date
 * and time, and to correct the clock.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord } from '../components/core/nip82/record.js';
import { openRecord } from '../components/core/nip82/record-open.js';
import { person, publishTo, relayUrl, sampleBundle, skewClock, signerWith, CLOCK_OFF_WORDS } from './helpers.js';
import { $, buttonByText, dialogOf, receiptLines, text, toSharePreview } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { SignerError } from '../components/core/errors.js';

const clock = CLOCK_OFF_WORDS;

describe('a share or a revocation sent with this device\'s clock hours off', function () {
  this.timeout(60000);
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('says the server refused the sign-in for the date and time, and to correct the clock; not once the clock is right', async () => {
    const relay = await relayUrl('auth');
    const [patient, clinician] = [await person(), await person()];
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] });
    await publishTo(relay, events, patient.signer);
    const record = await openRecord(events, patient.signer);
    restore = skewClock(2 * 3600 * 1000);
    let unreachable = false;
    const signer = signerWith(patient.signer, {
      signEvent: (t) => (unreachable && t.kind === 22242 ? Promise.reject(new SignerError('connection', 'The signer app could not be reached.')) : patient.signer.signEvent(t)),
    });
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .signer=${signer} relays=${relay} .records=${[record]}></nip82-consent-prompt>`);
    await toSharePreview(el, clinician.pubkey);
    buttonByText(el, /^Share with /)!.click();
    await waitUntil(() => !['working', 'waiting-signer', 'idle'].includes(el.status), `status ${el.status}`, { timeout: 30000 });
    await el.updateComplete;
    const said = text($(el, '.state'));
    expect(said, 'what the server did is said').to.contain('asked you to sign in; the sign-in did not go through');
    expect(receiptLines(el), 'the server, its address behind the line').to.deep.equal([`${relay}: asked you to sign in; the sign-in did not go through, so it did not accept it`]);
    expect(text($(el, '.state [role=status]')), 'said in the live status line').to.contain(clock.en);

    // The clock set right, the next sign-in fails for another reason (the signer app cannot be
    // reached): the clock is not blamed for it.
    restore();
    restore = undefined;
    unreachable = true;
    buttonByText(el, 'Try again')!.click();
    await waitUntil(() => el.status === 'relay-error' && !text($(el, '.state')).includes(clock.en), 'the clock was still blamed', { timeout: 30000 });
    expect(receiptLines(el).join(' ')).to.contain(`${relay}: asked you to sign in; the sign-in did not go through`);
  });

  it('a revocation says it too (Spanish)', async () => {
    const relay = await relayUrl('auth');
    const [patient, clinician] = [await person(), await person()];
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    await publishTo(relay, events, patient.signer);
    const record = await openRecord(events, patient.signer);
    restore = skewClock(-2 * 3600 * 1000);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-access-list .signer=${patient.signer} relays=${relay} .records=${[record]}></nip82-access-list></div>`);
    const el = wrapper.firstElementChild as Nip82AccessList;
    await waitUntil(() => $(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`), 'the clinician is not listed');
    $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog did not open');
    await el.updateComplete;
    buttonByText(el, /^Revocar el acceso de /)!.click();
    await waitUntil(() => el.status === 'relay-error', `status ${el.status}`, { timeout: 30000 });
    await el.updateComplete;
    expect(text($(el, '.state [role=status]')), 'said in the live status line').to.contain(clock.es);
  });
});
