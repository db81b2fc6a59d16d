/**
 * The share dialog's help under the recipient field speaks in plain words, as the picker's own hint
 * does: paste their public key, then check with them the Key shown for the person chosen (the
 * picker's label for it). No protocol word such as "npub" is used as a noun.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';

describe('the share dialog\'s help about the recipient', function () {
  this.timeout(60000);

  for (const [lang, open] of [['es', 'Compartir historiales…'], ['en', 'Share records…']] as const) {
    it(`the help under the recipient field speaks of a public key, not an npub (${lang})`, async () => {
      const patient = await person();
      const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt></div>`);
      const el = wrapper.firstElementChild as Nip82ConsentPrompt;
      await waitUntil(() => buttonByText(el, open), 'the share button');
      buttonByText(el, open)!.click();
      await waitUntil(() => dialogOf(el).open && $(el, '[part=recipient] p.help'), 'the share dialog');
      const help = text($(el, '[part=recipient] p.help'));
      expect(help, 'the help is there').not.to.equal('');
      expect(help.match(/\bnpub\b/i)?.[0] ?? '', `the help: "${help}"`).to.equal('');
    });
  }
});
