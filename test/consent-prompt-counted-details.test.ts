/**
 * Hiding their personal details with "how many and of which kind", the patient reads a count that
 * reads as language: "1 set of patient details (in your words: 1 set of personal details)", never
 * "1 patient details".
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person } from './helpers.js';
import { sampleBundle } from './helpers.js';
import { $, previewHidingOne, text } from './element-helpers.js';

describe('the consent prompt: the flag line for hidden personal details', function () {
  this.timeout(60000);

  it('does not say "1 patient details"', async () => {
    const [patient, clinic] = [await person(), await person()];
    // The patient the record is about cannot be hidden; another person's details in it can.
    const bundle = sampleBundle();
    bundle.entry.push({
      fullUrl: 'urn:uuid:6a1f0bb2-6f0e-4c3a-9a43-0000000000f1',
      resource: { resourceType: 'Patient', id: '6a1f0bb2-6f0e-4c3a-9a43-0000000000f1', name: [{ family: 'Rivera', given: ['Luis'] }] },
    } as (typeof bundle.entry)[number]);
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    await previewHidingOne(el, clinic.pubkey, 'Luis Rivera');
    expect(text($(el, '.flag'))).not.to.match(/\b1 (patient|personal) details\b/);
    expect(text($(el, '.flag'))).to.contain('1 set of patient details (in your words: 1 set of personal details)');
  });
});
