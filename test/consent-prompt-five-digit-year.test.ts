/**
 * A year of five digits in a share's end date (Chromium's date field lets one type "20266"): the
 * form says so at Review and points to the field, rather than previewing "Until 20266-12-0" and
 * failing at Share with "Some of the information given is not valid.". The field offers no later
 * day than 31 Dec 9999.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, setInput, text, typeRecipient } from './element-helpers.js';

describe('consent prompt: an end date with a five-digit year', function () {
  this.timeout(60000);

  for (const [lang, words] of [['en', 'Choose a date from today on, with a year of 4 digits.'], ['es', 'Elija una fecha a partir de hoy, con un año de 4 cifras.']] as const) {
    it(`is refused at Review, at the field (${lang})`, async () => {
      const url = await relayUrl('main');
      const [patient, clinician] = [await person(), await person()];
      const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt></div>`);
      const el = wrapper.firstElementChild as Nip82ConsentPrompt;
      await waitUntil(() => buttonByText(el, lang === 'en' ? 'Share records…' : /^Compartir/), 'the share button');
      buttonByText(el, lang === 'en' ? 'Share records…' : /^Compartir/)!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      await typeRecipient(el, clinician.pubkey);
      const until = $<HTMLInputElement>(el, '#until')!;
      expect(until.max, 'the latest day offered').to.equal('9999-12-31');
      setInput(until, '20266-12-05');
      await el.updateComplete;
      expect(until.value, 'the test\'s premise: the field holds it').to.equal('20266-12-05');
      $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
      await waitUntil(() => $(el, '#problems'), 'the problems listed');
      expect(text($(el, '#problems'))).to.equal(words);
      expect($(el, '#preview-title'), 'no preview').to.equal(null);
      expect(until.getAttribute('aria-invalid')).to.equal('true');
    });
  }
});
