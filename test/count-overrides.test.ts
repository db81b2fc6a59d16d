/**
 * A host's override of a counting string is handed the count as the page's language writes it
 * ("12,345"), as the kit's own strings are: `kind` of the hidden-item flag and `typeCount` of the
 * consent prompt take `(type, n, formatted)`, so a portal's own wording never prints "12345" (or
 * "undefined") beside the kit's "12,345".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/hidden-flag/define.js';
import '../components/consent-prompt/define.js';
import type { Nip82HiddenFlag } from '../components/hidden-flag/hidden-flag.js';
import type { HiddenFlagStrings } from '../components/hidden-flag/hidden-flag.strings.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { ConsentPromptStrings } from '../components/consent-prompt/consent-prompt.strings.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, sampleBundle } from './helpers.js';
import { $, previewHidingOne, text } from './element-helpers.js';

describe('overrides of counting strings get the written count', function () {
  this.timeout(60000);

  it('<nip82-hidden-flag>: a `kind` override shows "12,000 × Condition"', async () => {
    const strings: Partial<HiddenFlagStrings> = { kind: (type, _n, written) => `${written} × ${type}` };
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag disclose="count-and-kind" .kinds=${{ Condition: 12000, Observation: 345 }} .strings=${strings}></nip82-hidden-flag>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=kinds]'), 'the kinds line');
    expect(text(el.shadowRoot!.querySelector('[part=kinds]'))).to.equal('12,000 × Condition, 345 × Observation');
  });

  it('<nip82-consent-prompt>: a `typeCount` override in the preview\'s flag line gets the written count', async () => {
    const [patient, clinic] = [await person(), await person()];
    // Another person's details in the record: the patient it is about cannot be hidden.
    const bundle = sampleBundle();
    bundle.entry.push({
      fullUrl: 'urn:uuid:6a1f0bb2-6f0e-4c3a-9a43-0000000000f1',
      resource: { resourceType: 'Patient', id: '6a1f0bb2-6f0e-4c3a-9a43-0000000000f1', name: [{ family: 'Rivera', given: ['Luis'] }] },
    } as (typeof bundle.entry)[number]);
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const strings: Partial<ConsentPromptStrings> = { typeCount: (type, _n, written) => `${written} × ${type}` };
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} .strings=${strings} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    await previewHidingOne(el, clinic.pubkey, 'Luis Rivera');
    expect(text($(el, '.flag'))).to.contain('(in your words: 1 × Patient)');
  });
});
