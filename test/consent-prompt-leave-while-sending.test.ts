/**
 * Closing or reloading the tab while a share is being sent would leave it half sent (the record
 * opened to the person, their notice never sent): the browser asks before leaving then, and only then.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { person, relayAnswersLate, sampleBundle } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { buttonByText, dialogOf } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** Whether the browser would ask "Leave site?" were the tab closed now. */
const asksBeforeLeaving = () => !window.dispatchEvent(new Event('beforeunload', { cancelable: true }));

describe('<nip82-consent-prompt>: the tab closed while a share is sent', function () {
  this.timeout(60000);

  const picky = sharedRelayClient('picky');
  after(() => relayAnswersLate('picky', 0));

  it('the browser asks before leaving while the share is sent, not before it is, nor once it is done', async () => {
    const [patient, clinician] = [await person(), await person()];
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    await picky.client.publishAll(events);
    const record = await openRecord(events, patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${patient.signer} relays=${picky.url} recipient=${clinician.pubkey}></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    buttonByText(el, 'Review')!.click();
    await el.updateComplete;
    expect(asksBeforeLeaving(), 'nothing sent yet: nothing to lose').to.equal(false);

    // The storage server keeps each event at once but confirms it late: the share is being sent.
    await relayAnswersLate('picky', 4000);
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(async () => (await picky.client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events.length > 0, 'the share is being sent', { timeout: 30000 });
    expect(el.status, 'still sending').to.equal('working');
    expect(asksBeforeLeaving(), 'leaving now would leave it half sent').to.equal(true);

    await relayAnswersLate('picky', 0);
    await waitUntil(() => el.status === 'done', 'shared', { timeout: 30000 });
    expect(asksBeforeLeaving(), 'all sent: the tab closes freely').to.equal(false);
  });
});
