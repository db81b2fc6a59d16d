/**
 * A portal that words the share dialog itself (a language the kit lacks, say) through `.strings`
 * also words what the preview says the recipient's flag will tell: the hidden kinds in a
 * clinician's words ("1 problem") come from a key of the prompt's own table, not from built-in
 * English the host cannot reach.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { consentPromptStrings, type ConsentPromptStrings } from '../components/consent-prompt/consent-prompt.strings.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, sampleBundle } from './helpers.js';
import { $, previewHidingOne, text } from './element-helpers.js';

const MARK = /⟦\w+⟧/g;

describe('the consent prompt\'s preview, every string overridden', function () {
  this.timeout(60000);

  it('the flag line names the hidden kinds only in the host\'s words', async () => {
    const [patient, clinic] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const strings = Object.fromEntries(
      Object.entries(consentPromptStrings.en).map(([key, value]) => [key, typeof value === 'function' ? () => `⟦${key}⟧` : `⟦${key}⟧`]),
    ) as unknown as Partial<ConsentPromptStrings>;
    // The two strings that carry the kinds pass them on, so that what fills them shows.
    strings.flagTells = (_d, _n, _f, kinds) => `⟦flagTells⟧ ${kinds}`;
    strings.inYourWords = (flagWords, yours) => `⟦inYourWords⟧ ${flagWords} / ${yours}`;
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} .strings=${strings} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    await previewHidingOne(el, clinic.pubkey, 'Chlamydia', '⟦review⟧');
    const flag = text($(el, '.flag'));
    expect(flag).to.match(/^⟦flagTells⟧ ⟦inYourWords⟧/);
    expect(flag.replace(MARK, '').match(/\p{L}{2,}/gu) ?? [], `words the host could not override in "${flag}"`).to.deep.equal([]);
  });
});
