// Keys copied from a chat, a right-to-left page or a phone keyboard can carry invisible marks
// (direction marks, soft hyphens) or come in full-width letters. A public key so copied is still
// chosen; a private key so copied is still refused and wiped from the field, never kept in it.
import { expect, fixture, html } from '@open-wc/testing';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { npubEncode, nsecEncode } from 'nostr-tools/nip19';
import '../components/npub-picker/define.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { $, text } from './element-helpers.js';

const fullWidth = (t: string) => t.replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Pastes `t` into the field as a user would: the paste event first, then the text if the page let it in. */
async function paste(el: Nip82NpubPicker, t: string) {
  const field = $<HTMLInputElement>(el, 'input')!;
  field.focus();
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', t);
  if (field.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true }))) document.execCommand('insertText', false, t);
  await el.updateComplete;
}

describe('npub picker: keys carrying invisible marks or full-width letters', () => {
  const sk = generateSecretKey();
  const pubkey = getPublicKey(sk);
  const npub = npubEncode(pubkey);
  const nsec = nsecEncode(sk);

  for (const [how, copied] of [
    ['between direction marks', `\u200E${npub}\u200F`],
    ['inside a direction isolate', `\u2068${npub}\u2069`],
    ['with a soft hyphen', `${npub.slice(0, 10)}\u00AD${npub.slice(10)}`],
    ['in full-width letters', fullWidth(npub)],
  ] as const) {
    it(`chooses a public key ${how}`, async () => {
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker lang="en"></nip82-npub-picker>`);
      await paste(el, copied);
      expect(el.value, text($(el, '[part=error]'))).to.equal(pubkey);
      expect($<HTMLInputElement>(el, 'input')!.value).to.equal(npub);
    });
  }

  for (const [how, copied] of [
    ['with a direction mark in its prefix', `ns\u200Eec1${nsec.slice(5)}`],
    ['with a right-to-left override in it', `${nsec.slice(0, 3)}\u202E${nsec.slice(3)}`],
    ['with a soft hyphen in its prefix', `nse\u00ADc${nsec.slice(4)}`],
    ['in full-width letters', fullWidth(nsec)],
  ] as const) {
    it(`refuses and clears a private key ${how}`, async () => {
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker lang="en"></nip82-npub-picker>`);
      await paste(el, copied);
      expect($<HTMLInputElement>(el, 'input')!.value, 'the private key stayed in the field').to.equal('');
      expect(text($(el, '[part=error]'))).to.contain('private key');
      expect(el.value).to.equal('');
    });
  }
});
