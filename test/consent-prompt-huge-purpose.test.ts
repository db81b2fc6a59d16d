/**
 * A stranger sends a request whose reason runs to tens of thousands of characters, as long as one
 * message can carry. The patient reads a paragraph's worth, marked as cut, and can still deny it:
 * the answer, which restates the reason, fits a message. A clinic's own request is held to that
 * length when it is made, so every request it sends can be answered.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { consentResource, createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { giftWrap, makeRumor } from '../components/core/nip82/gift-wrap.js';
import { MEDICAL_DATA_KIND } from '../components/core/nip82/constants.js';
import { createBundle } from '../components/core/fhir/bundle.js';
import { RecordError } from '../components/core/errors.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, rejects, relayUrl, sampleBundle, type Person } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** A request from `from` to `to` whose reason is `purpose`, wrapped as any sender could, with no limit of the kit's. */
async function rawRequest(from: Person, to: Person, purpose: string) {
  const consent = consentResource({
    status: 'proposed', requester: from.pubkey, patient: to.pubkey, types: ['AllergyIntolerance'], purpose, period: { start: new Date().toISOString() }, records: [],
  });
  const rumor = makeRumor({ kind: MEDICAL_DATA_KIND, tags: [['p', to.pubkey]], content: JSON.stringify(createBundle([consent])) }, from.pubkey);
  return giftWrap(from.signer, rumor, [to.pubkey, from.pubkey]);
}

describe('<nip82-consent-prompt>: a request with a huge reason', function () {
  this.timeout(90000);

  it('shows a paragraph of it, marked as cut, and can still be denied', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const [patient, stranger] = [await person(), await person()];
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
      await client.publishAll(events);
      const record = await openRecord(events, patient.signer);
      // The longest reason one message carries.
      let [fits, fails] = [1000, 70000];
      while (fails - fits > 1) {
        const mid = (fits + fails) >> 1;
        [fits, fails] = await rawRequest(stranger, patient, 'x'.repeat(mid)).then(() => [mid, fails], () => [fits, mid]);
      }
      await client.publishAll(await rawRequest(stranger, patient, `Give me everything. ${'x'.repeat(fits - 20)}`));

      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => el.status === 'done' && $$(el, 'li.request').length === 1, 'the request listed');
      $(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'the dialog opens');
      await el.updateComplete;
      const why = text($(el, '.facts dd:nth-of-type(3)'));
      expect(why.startsWith('Give me everything. xxx')).to.equal(true);
      expect([...why].length).to.equal(2000);
      expect(why.endsWith('x…')).to.equal(true);

      buttonByText(el, 'Deny')!.click();
      await waitUntil(() => el.status === 'done', 'denied', { timeout: 30000 });
      await el.updateComplete;
      expect(text($(el, '#result-title'))).to.match(/^Denied\. npub1.+ has been told\.$/);
      const answers = (await readConsentMessages((await client.wrapsFor(stranger.pubkey)).events, stranger.signer)).filter((m) => m.status === 'rejected');
      expect(answers).to.have.length(1);
    } finally {
      client.close();
    }
  });

  it('a clinic cannot send one: its request is refused before its signer is asked', async () => {
    const [patient, clinician] = [await person(), await person()];
    const error = await rejects(createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'x'.repeat(2000 + 1) }), RecordError, 'invalid-input');
    expect(error.message).to.equal('Say why, and any note, in at most 2,000 characters each.');
    await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'x'.repeat(2000) });
  });
});
