/**
 * A key the page presets that is no public key is warned of in the console, named as the page gave
 * it: a script that set the picker's `value` (or the prompt's `recipient`) as a property hears of
 * "the value property", and looks in its script, not in markup that has no such attribute. Given
 * in the markup, it is still "the value attribute".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { generateSecretKey } from 'nostr-tools/pure';
import { nsecEncode } from 'nostr-tools/nip19';
import '../components/npub-picker/define.js';
import '../components/consent-prompt/define.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { waitUntil } from './wait.js';

const warnings: string[] = [];
const consoleWarn = console.warn;
const NOT_A_KEY = 'npub1notakey';

describe('a preset key that is no public key, warned of as the page gave it', () => {
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = consoleWarn;
  });

  it('the picker\'s value set as a property is named a property; set in the markup, an attribute', async () => {
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays="ws://127.0.0.1:1"></nip82-npub-picker>`);
    el.value = NOT_A_KEY;
    await waitUntil(() => warnings.length > 0, 'no warning');
    expect(warnings).to.deep.equal(['<nip82-npub-picker> The value property is not a public key (64 hex characters, or an npub); that npub does not decode (a typo?). Nobody is chosen.']);

    el.value = nsecEncode(generateSecretKey());
    await waitUntil(() => warnings.length > 1, 'no warning of the private key');
    expect(warnings[1]).to.equal('<nip82-npub-picker> The value property holds a private key: refused, taken off the element, never shown. Treat that key as exposed.');
    expect(el.value).to.equal('');

    el.setAttribute('value', NOT_A_KEY);
    await waitUntil(() => warnings.length > 2, 'no warning of the attribute');
    expect(warnings[2]).to.equal('<nip82-npub-picker> The value attribute is not a public key (64 hex characters, or an npub); that npub does not decode (a typo?). Nobody is chosen.');
  });

  it('the share prompt\'s recipient set as a property is named a property', async () => {
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    el.recipient = NOT_A_KEY;
    await waitUntil(() => warnings.length > 0, 'no warning');
    expect(warnings).to.deep.equal(['<nip82-consent-prompt> The recipient property is not a public key (64 hex characters, or an npub); that npub does not decode (a typo?). Nobody is chosen.']);
  });
});
