/**
 * A page that uses the recipient picker on its own and sets its `value`: a value that is no public
 * key (a mistyped npub, a private key) chose nobody in silence, and the developer never learned why
 * the field stayed empty. Now the page hears a `nip82-error` (code `invalid-input`) that says what
 * is wrong without repeating the value; a private key is also taken off the element, so it stays
 * nowhere in the page. A hex key in capitals is the same key, and is chosen.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { npubEncode, nsecEncode } from 'nostr-tools/nip19';
import '../components/npub-picker/define.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import type { Nip82Event } from '../components/shared/events.js';
import { waitUntil } from './wait.js';

type ErrorDetail = Nip82Event<'nip82-error'>['detail'];

/** The picker with `value` set as a page would, and every `nip82-error` it fires (the first update reports before a fixture returns). */
async function pickerWith(value: string) {
  const details: ErrorDetail[] = [];
  const listen = (e: Event) => details.push((e as Nip82Event<'nip82-error'>).detail);
  document.addEventListener('nip82-error', listen);
  try {
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker value=${value} relays="ws://127.0.0.1:1"></nip82-npub-picker>`);
    await el.updateComplete;
    return { el, details: [...details] };
  } finally {
    document.removeEventListener('nip82-error', listen);
  }
}

describe('the recipient picker on its own: a value the page sets that is no public key', () => {
  it('a mistyped npub chooses nobody, and the page hears why', async () => {
    const npub = npubEncode(getPublicKey(generateSecretKey()));
    const typo = `${npub.slice(0, 20)}${npub[20] === 'q' ? 'p' : 'q'}${npub.slice(21)}`;
    const { el, details } = await pickerWith(typo);
    expect(el.value).to.equal('');
    expect(details.map((d) => d.code)).to.deep.equal(['invalid-input']);
    expect(details[0]!.message).to.contain('not a public key');
    expect(details[0]!.message).not.to.contain(typo);
  });

  it('a private key is refused, taken off the element, and never repeated', async () => {
    const secret = nsecEncode(generateSecretKey());
    const { el, details } = await pickerWith(secret);
    await waitUntil(() => !el.hasAttribute('value'), 'the private key stayed on the element');
    expect(el.value).to.equal('');
    expect(details.map((d) => d.code)).to.deep.equal(['invalid-input']);
    expect(JSON.stringify(details)).not.to.contain(secret.slice(5));
    expect(el.outerHTML + el.shadowRoot!.innerHTML).not.to.contain(secret.slice(5));
  });

  it('a hex key in capitals is the same key: chosen, and nothing to report', async () => {
    const pubkey = getPublicKey(generateSecretKey());
    const { el, details } = await pickerWith(pubkey.toUpperCase());
    expect(el.value).to.equal(pubkey);
    expect(details).to.deep.equal([]);
  });
});
