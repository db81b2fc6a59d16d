import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { nprofileEncode, npubEncode, nsecEncode } from 'nostr-tools/nip19';
import { bytesToHex } from '@noble/hashes/utils.js';
import '../components/npub-picker/define.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { secretKeySigner } from '../components/core/signers/secret-key.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { parseRecipient, isPublicKey } from '../components/shared/recipient-input.js';
import { safePicture } from '../components/npub-picker/profile.js';
import { RelayClient } from '../components/core/relay/client.js';
import { nowSeconds, type NostrEvent } from '../components/core/events.js';
import { isolate, shortNpub } from '../components/shared/identity.js';
import { litWarnings, relayUrl } from './helpers.js';

/** The page's own fetch: the name lookups below are served from memory, everything else goes through. */
const realFetch = window.fetch.bind(window);

const key = () => getPublicKey(generateSecretKey());
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const input = (el: Element) => $<HTMLInputElement>(el, 'input')!;
/** A part's text as read: white space folded, the invisible isolates around names (FSI…PDI) left out. */
const partText = (el: Element, part: string) => $(el, `[part~="${part}"]`)?.textContent?.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim() ?? '';

/** Puts text into the field the way a paste or an IME commit does (a real insertText edit). */
async function enter(el: Nip82NpubPicker, text: string) {
  const field = input(el);
  field.focus();
  field.select();
  document.execCommand('insertText', false, text);
  await el.updateComplete;
}

/** Publishes a kind-0 profile for a fresh key to the real relay and returns the key. */
async function publishProfile(relay: string, profile: Record<string, unknown>): Promise<string> {
  const sk = generateSecretKey();
  const event = finalizeEvent({ kind: 0, created_at: nowSeconds(), tags: [], content: JSON.stringify(profile) }, sk) as NostrEvent;
  const client = new RelayClient({ relays: [relay] });
  try {
    await client.publishAll([event]);
  } finally {
    client.close();
  }
  return event.pubkey;
}

/** Every kit event and every bubbling edit event the host can see, with their details. */
function recordEvents(target: EventTarget) {
  const seen: { type: string; detail: string }[] = [];
  const types = ['nip82-npub-select', 'nip82-npub-clear', 'nip82-error', 'nip82-signer-request', 'input', 'beforeinput', 'change', 'paste'];
  const listener = (e: Event) =>
    seen.push({ type: e.type, detail: JSON.stringify({ detail: (e as CustomEvent).detail ?? null, data: (e as InputEvent).data ?? null }) });
  for (const t of types) target.addEventListener(t, listener);
  return { seen, stop: () => types.forEach((t) => target.removeEventListener(t, listener)) };
}

/** Everything written to the console while `run` runs. */
async function consoleOutput(run: () => Promise<unknown>): Promise<string> {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((m) => console[m]);
  let out = '';
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      out += args.map(String).join(' ') + '\n';
      (originals[i] as (...a: unknown[]) => void).apply(console, args);
    };
  });
  try {
    await run();
  } finally {
    methods.forEach((m, i) => (console[m] = originals[i]!));
  }
  return out;
}

describe('<nip82-npub-picker> parsing', () => {
  it('accepts npub, nprofile, hex, nostr: URIs and uppercase bech32; rejects mixed case', () => {
    const pk = key();
    const npub = npubEncode(pk);
    expect(parseRecipient(npub)).to.deep.equal({ kind: 'key', pubkey: pk });
    expect(parseRecipient(npub.toUpperCase())).to.deep.equal({ kind: 'key', pubkey: pk });
    expect(parseRecipient(`  nostr:${npub}\n`)).to.deep.equal({ kind: 'key', pubkey: pk });
    expect(parseRecipient(`NOSTR:${npub.toUpperCase()}`)).to.deep.equal({ kind: 'key', pubkey: pk });
    expect(parseRecipient(nprofileEncode({ pubkey: pk, relays: ['wss://relay.example'] }))).to.deep.equal({ kind: 'key', pubkey: pk });
    expect(parseRecipient(pk.toUpperCase())).to.deep.equal({ kind: 'key', pubkey: pk });
    expect(parseRecipient(npub.slice(0, 20) + npub.slice(20).toUpperCase())).to.deep.equal({ kind: 'invalid' });
    expect(parseRecipient(npub.slice(0, -1) + (npub.endsWith('q') ? 'p' : 'q'))).to.deep.equal({ kind: 'invalid' });
    expect(parseRecipient('f'.repeat(64))).to.deep.equal({ kind: 'invalid' }); // not on the curve
    expect(parseRecipient('Alice@Example.com')).to.deep.equal({ kind: 'nip05', name: 'alice@example.com' });
    expect(parseRecipient('alice')).to.deep.equal({ kind: 'invalid' });
    expect(parseRecipient('note1' + 'q'.repeat(58))).to.deep.equal({ kind: 'invalid' });
    expect(isPublicKey(pk)).to.equal(true);
  });

  it('recognises private keys without decoding them', () => {
    const nsec = nsecEncode(generateSecretKey());
    expect(parseRecipient(nsec)).to.deep.equal({ kind: 'secret', complete: true });
    expect(parseRecipient(`nostr:${nsec}`)).to.deep.equal({ kind: 'secret', complete: true });
    expect(parseRecipient(nsec.toUpperCase())).to.deep.equal({ kind: 'secret', complete: true });
    expect(parseRecipient(nsec.slice(0, 12))).to.deep.equal({ kind: 'secret', complete: false });
  });

  it('only takes pictures from https:', () => {
    expect(safePicture('https://cdn.example/a.png')).to.equal('https://cdn.example/a.png');
    for (const bad of ['http://cdn.example/a.png', 'data:image/png;base64,AAAA', 'javascript:alert(1)', '//cdn.example/a.png', 'https://u:p@cdn.example/a.png', 42]) {
      expect(safePicture(bad), String(bad)).to.equal(undefined);
    }
  });
});

describe('isolate()', () => {
  it('keeps exactly one FSI…PDI pair around text nobody cleaned: embeddings, overrides and isolates inside are dropped', () => {
    const uncleaned = 'Flu \u202Eshot\u202C \u2067check\u2069 \u2066up\u2068 \u202A\u202B\u202D';
    const shown = isolate(uncleaned);
    expect(shown).to.equal('\u2068Flu shot check up \u2069');
    expect(shown.match(/[\u202A-\u202E\u2066-\u2069]/g)).to.deep.equal(['\u2068', '\u2069']);
    expect(isolate('\u202E\u2069')).to.equal('', 'nothing left: nothing to isolate');
    expect(isolate('Harbor Clinic')).to.equal('\u2068Harbor Clinic\u2069');
  });
});

describe('<nip82-npub-picker>', () => {
  // First, because Lit reports each kind of warning only once per page.
  it('logs no Lit warnings while used', async () => {
    const relay = await relayUrl('main');
    const named = await publishProfile(relay, { name: 'Gil', nip05: 'gil@nowhere.test' });
    const warnings = await litWarnings(async () => {
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay} .follows=${[named, key()]}></nip82-npub-picker>`);
      input(el).focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part~="name"]'), 'profile', { timeout: 8000 });
      $<HTMLButtonElement>(el, '[part~="verify-button"]')!.click();
      await waitUntil(() => partText(el, 'nip05').includes('Could not confirm'), 'verify fails offline', { timeout: 8000 });
      $<HTMLButtonElement>(el, '[part~="clear-button"]')!.click();
      await sendKeys({ type: 'gi' });
      await el.updateComplete;
      await enter(el, 'bad');
      await sendKeys({ press: 'Enter' });
      await enter(el, nsecEncode(generateSecretKey()));
      el.value = key();
      await el.updateComplete;
      // The key's profile is looked up (there is none): the element has settled once it says so.
      await waitUntil(() => el.shadowRoot!.textContent!.includes('No profile found'), 'the lookup never finished', { timeout: 8000 });
      await el.updateComplete;
    });
    expect(warnings).to.deep.equal([]);
  });

  it('is accessible and labelled when empty', async () => {
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
    const field = input(el);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(field.labels![0]!.textContent!.trim()).to.equal('Recipient');
    expect(field.getAttribute('aria-invalid')).to.equal('false');
    expect(el.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  for (const [name, make] of [
    ['an npub', (pk: string) => npubEncode(pk)],
    ['an nprofile', (pk: string) => nprofileEncode({ pubkey: pk, relays: ['wss://relay.example'] })],
    ['a hex key', (pk: string) => pk],
    ['a nostr: URI with spaces around', (pk: string) => ` nostr:${npubEncode(pk)} `],
    ['an uppercase npub', (pk: string) => npubEncode(pk).toUpperCase()],
  ] as const) {
    it(`chooses ${name} and says so with the select event`, async () => {
      const pk = key();
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
      const selected = oneEvent(el, 'nip82-npub-select');
      await enter(el, make(pk));
      const event = await selected;
      expect(event.detail).to.deep.equal({ pubkey: pk, npub: npubEncode(pk) });
      expect(el.value).to.equal(pk);
      expect(input(el).value).to.equal(npubEncode(pk));
      await el.updateComplete;
      expect(partText(el, 'fingerprint')).to.contain(shortNpub(pk));
      expect(partText(el, 'status')).to.equal(`Chosen: key ${shortNpub(pk)}`);
      expect(el.getAttribute('status')).to.equal('done');
    });
  }

  it('rejects mixed-case bech32 with an inline error tied to the field', async () => {
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
    const { seen, stop } = recordEvents(el);
    const npub = npubEncode(key());
    await enter(el, npub.slice(0, 30) + npub.slice(30).toUpperCase());
    expect(partText(el, 'error')).to.equal('');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    stop();
    const field = input(el);
    expect(partText(el, 'error')).to.equal('This is neither a public key nor an address like alice@example.com. Check it with them.');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')!.split(' ')).to.include($(el, '[part~="error"]')!.id);
    expect(el.value).to.equal('');
    expect(seen.filter((e) => e.type.startsWith('nip82-'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // Typing again clears the error.
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(partText(el, 'error')).to.equal('');
    expect(field.getAttribute('aria-invalid')).to.equal('false');
  });

  it('shows the invalid error when the field is left with something unusable', async () => {
    const el = await fixture<Nip82NpubPicker>(html`<div><nip82-npub-picker></nip82-npub-picker><button>next</button></div>`);
    const picker = el.querySelector('nip82-npub-picker')!;
    await enter(picker, 'npub1notreally');
    el.querySelector('button')!.focus();
    await picker.updateComplete;
    expect(partText(picker, 'error')).to.equal('This is neither a public key nor an address like alice@example.com. Check it with them.');
  });

  describe('refuses a private key without echoing it', () => {
    const secret = () => {
      const sk = generateSecretKey();
      return { nsec: nsecEncode(sk), hex: bytesToHex(sk) };
    };

    async function expectRefused(el: Nip82NpubPicker, nsec: string, hex: string, seen: { detail: string }[], output: string) {
      await el.updateComplete;
      const data = nsec.slice(5);
      const html = el.shadowRoot!.innerHTML;
      expect(input(el).value).to.equal('');
      for (const needle of [nsec, data, data.slice(0, 20), data.slice(-20), hex]) {
        expect(html.toLowerCase()).not.to.contain(needle.toLowerCase());
        expect(el.outerHTML.toLowerCase()).not.to.contain(needle.toLowerCase());
        for (const a of el.getAttributeNames()) expect(el.getAttribute(a)!.toLowerCase()).not.to.contain(needle.toLowerCase());
        for (const e of seen) expect(e.detail.toLowerCase()).not.to.contain(needle.toLowerCase());
        expect(output.toLowerCase()).not.to.contain(needle.toLowerCase());
      }
      expect(partText(el, 'error')).to.equal('That is a private key (nsec). Never share it with anyone; it has not been stored or sent.');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(el.value).to.equal('');
    }

    it('when inserted whole (as a paste lands)', async () => {
      const { nsec, hex } = secret();
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
      const { seen, stop } = recordEvents(el);
      const output = await consoleOutput(() => enter(el, `nostr:${nsec}`));
      stop();
      await expectRefused(el, nsec, hex, seen, output);
      await expect(el).to.be.accessible();
    });

    it('when pasted (the paste is blocked before it reaches the field)', async () => {
      const { nsec, hex } = secret();
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
      const { seen, stop } = recordEvents(el);
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', ` ${nsec}\n`);
      const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true });
      input(el).focus();
      const output = await consoleOutput(async () => input(el).dispatchEvent(paste));
      stop();
      expect(paste.defaultPrevented).to.equal(true);
      expect(seen.map((e) => e.type)).not.to.include('paste');
      await expectRefused(el, nsec, hex, seen, output);
    });

    it('when typed key by key, and it undoes an earlier choice', async () => {
      const { nsec, hex } = secret();
      const pk = key();
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
      await enter(el, npubEncode(pk));
      expect(el.value).to.equal(pk);
      input(el).select();
      const { seen, stop } = recordEvents(el);
      const cleared = oneEvent(el, 'nip82-npub-clear');
      // Seen before the element's own listener: the field never holds the whole key.
      let heldWhole = false;
      const watch = () => {
        const parsed = parseRecipient(input(el).value);
        if (parsed.kind === 'secret' && parsed.complete) heldWhole = true;
      };
      el.shadowRoot!.addEventListener('input', watch, { capture: true });
      const output = await consoleOutput(() => sendKeys({ type: nsec.toUpperCase() }));
      el.shadowRoot!.removeEventListener('input', watch, { capture: true });
      stop();
      expect(heldWhole).to.equal(false);
      expect((await cleared).detail).to.deep.equal({});
      await expectRefused(el, nsec, hex, seen, output);
      await expect(el).to.be.accessible();
    });

    it('when a script sets the field and fires input', async () => {
      const { nsec, hex } = secret();
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
      const { seen, stop } = recordEvents(el);
      input(el).value = nsec;
      input(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      stop();
      expect(seen.map((e) => e.type)).not.to.include('input');
      await expectRefused(el, nsec, hex, seen, '');
    });

    it('when the host sets it as the value', async () => {
      const { nsec, hex } = secret();
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
      el.value = nsec;
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect(el.shadowRoot!.innerHTML).not.to.contain(nsec);
      expect(el.shadowRoot!.innerHTML).not.to.contain(hex);
    });
  });

  it('announces the chosen person by name once their profile is known, with the short key', async () => {
    const relay = await relayUrl('main');
    const pk = await publishProfile(relay, { name: 'Harbor Clinic' });
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay}></nip82-npub-picker>`);
    await enter(el, npubEncode(pk));
    await waitUntil(() => partText(el, 'status') === `Chosen: Harbor Clinic, key ${shortNpub(pk)}`, 'the name announced', { timeout: 8000 });
    expect($(el, '[part~="status"]')!.getAttribute('role') ?? $(el, '[part~="status"]')!.getAttribute('aria-live')).to.be.ok;
  });

  it('isolates a name with bidi and zero-width characters, warns, and keeps the fingerprint beside it', async () => {
    const relay = await relayUrl('main');
    const pk = await publishProfile(relay, { name: 'bob', display_name: 'Dr \u202EecilA\u202C Smith\u200B', picture: 'http://images.example/dr.png' });
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay}></nip82-npub-picker>`);
    await enter(el, npubEncode(pk));
    await waitUntil(() => $(el, '[part~="name"]'), 'the profile should load from the relay', { timeout: 8000 });
    const name = $(el, '[part~="name"]')!;
    expect(name.localName).to.equal('bdi');
    expect(name.textContent).to.equal('Dr ecilA Smith');
    expect(name.nextElementSibling!.getAttribute('part')).to.equal('fingerprint');
    expect(partText(el, 'fingerprint')).to.equal(`Key: ${shortNpub(pk)}`);
    expect(partText(el, 'profile')).to.contain('hidden or direction-changing characters');
    // An http: picture is never loaded.
    expect($(el, 'img')).to.equal(null);
    expect(el.shadowRoot!.innerHTML).not.to.contain('images.example');
    await expect(el).to.be.accessible();
  });

  it('shows an https: picture only after choosing, without a referrer and lazily', async () => {
    const relay = await relayUrl('main');
    const pk = await publishProfile(relay, { name: 'Carol', picture: 'https://127.0.0.1:9/carol.png' });
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay} picture-hosts="127.0.0.1:9" .follows=${[pk]}></nip82-npub-picker>`);
    input(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => $(el, '[role="option"] bdi'), 'the follow\'s name should load', { timeout: 8000 });
    expect(partText(el, 'option')).to.contain('Carol');
    expect($(el, 'img')).to.equal(null);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, 'img'), 'picture after choosing');
    const img = $<HTMLImageElement>(el, 'img')!;
    expect(img.getAttribute('src')).to.equal('https://127.0.0.1:9/carol.png');
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('alt')).to.equal('');
    expect(partText(el, 'name')).to.equal('Carol');
  });

  it('says calmly when no profile was found, and shows only the fingerprint', async () => {
    const relay = await relayUrl('main');
    const pk = key();
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay}></nip82-npub-picker>`);
    await enter(el, pk);
    await waitUntil(() => partText(el, 'profile').includes('No profile found'), 'no profile', { timeout: 8000 });
    expect($(el, '[part~="name"]')).to.equal(null);
    expect(partText(el, 'fingerprint')).to.contain(shortNpub(pk));
  });

  it('picks from follows and recent people with the keyboard', async () => {
    const relay = await relayUrl('main');
    const [dana, erin] = [await publishProfile(relay, { name: 'Dana Ruiz' }), await publishProfile(relay, { name: 'Erin Park' })];
    const fay = key();
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay} .recent=${[fay]} .follows=${[dana, erin, fay, 'not-a-key']}></nip82-npub-picker>`);
    const field = input(el);
    field.focus();
    expect($(el, '[role="listbox"]')).to.equal(null);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const listbox = $(el, '[role="listbox"]')!;
    expect(field.getAttribute('aria-expanded')).to.equal('true');
    expect(field.getAttribute('aria-controls')).to.equal(listbox.id);
    // Recent first, duplicates and invalid keys dropped.
    const options = () => [...el.shadowRoot!.querySelectorAll('[role="option"]')];
    expect(options()).to.have.length(3);
    expect(options()[0]!.textContent).to.contain(shortNpub(fay)).and.contain('Recent');
    expect(field.getAttribute('aria-activedescendant')).to.equal(options()[0]!.id);
    expect(options()[0]!.getAttribute('aria-selected')).to.equal('true');
    await waitUntil(() => options()[1]!.textContent!.includes('Dana Ruiz'), 'names of follows', { timeout: 8000 });
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(field.getAttribute('aria-activedescendant')).to.equal(options()[1]!.id);
    expect(options()[1]!.getAttribute('aria-selected')).to.equal('true');
    const selected = oneEvent(el, 'nip82-npub-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail).to.deep.equal({ pubkey: dana, npub: npubEncode(dana) });
    await el.updateComplete;
    expect(el.value).to.equal(dana);
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[role="listbox"]')).to.equal(null);
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(field);

    // Typing narrows the list by name; Escape closes it without choosing.
    field.select();
    await sendKeys({ type: 'eri' });
    await el.updateComplete;
    expect(options()).to.have.length(1);
    expect(options()[0]!.textContent).to.contain('Erin Park');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[role="listbox"]')).to.equal(null);
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(el.value).to.equal('');
  });

  it('fires select only on user action, and clear from the clear button', async () => {
    const pk = key();
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
    const { seen, stop } = recordEvents(el);
    el.value = npubEncode(pk);
    await el.updateComplete;
    expect(el.value).to.equal(pk);
    expect(input(el).value).to.equal(npubEncode(pk));
    expect(partText(el, 'fingerprint')).to.contain(shortNpub(pk));
    expect(seen.filter((e) => e.type.startsWith('nip82-'))).to.deep.equal([]);
    const cleared = oneEvent(el, 'nip82-npub-clear');
    $<HTMLButtonElement>(el, '[part~="clear-button"]')!.click();
    expect((await cleared).detail).to.deep.equal({});
    stop();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(input(el).value).to.equal('');
    expect($(el, '[part~="profile"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    // Choosing the same key twice is one choice.
    const other = key();
    await enter(el, other);
    const again = recordEvents(el);
    await enter(el, npubEncode(other));
    again.stop();
    expect(again.seen.filter((e) => e.type.startsWith('nip82-'))).to.deep.equal([]);
  });

  describe('NIP-05 names', () => {
    let calls: string[] = [];
    const names: Record<string, string> = {};
    before(() => {
      // The .well-known documents are served from memory: the test machine has no Internet, and
      // the picker's own lookup still runs against a real fetch of a real response.
      window.fetch = async (url: string | URL | Request, init?: RequestInit) => {
        if (!String(url).includes('/.well-known/nostr.json')) return realFetch(url, init);
        const target = new URL(String(url));
        calls.push(target.href);
        if (target.hostname !== 'clinic.test') throw new TypeError('Failed to fetch');
        const blob = new Blob([JSON.stringify({ names })], { type: 'application/json' });
        const local = URL.createObjectURL(blob);
        try {
          return await realFetch(local);
        } finally {
          URL.revokeObjectURL(local);
        }
      };
    });
    after(() => (window.fetch = realFetch));
    beforeEach(() => {
      calls = [];
    });

    it('looks a name up only when asked, then chooses its key', async () => {
      const pk = key();
      names['alice'] = pk;
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
      await enter(el, 'Alice@Clinic.test');
      input(el).blur();
      await el.updateComplete;
      expect(calls).to.deep.equal([]);
      expect(partText(el, 'error')).to.equal('');
      const selected = oneEvent(el, 'nip82-npub-select');
      $<HTMLButtonElement>(el, '[part~="lookup-button"]')!.click();
      expect((await selected).detail.pubkey).to.equal(pk);
      expect(calls).to.deep.equal(['https://clinic.test/.well-known/nostr.json?name=alice']);
      await el.updateComplete;
      expect(partText(el, 'profile')).to.contain('Found by looking up alice@clinic.test');
    });

    it('fails calmly when a name cannot be resolved', async () => {
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
      const { seen, stop } = recordEvents(el);
      await enter(el, 'nobody@unreachable.test');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => partText(el, 'error') !== '', 'lookup failure');
      stop();
      expect(partText(el, 'error')).to.equal('Could not find nobody@unreachable.test: the name may not exist, or its server did not answer. You can paste their public key instead.');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(input(el).value).to.equal('nobody@unreachable.test');
      expect(el.value).to.equal('');
      expect(seen.filter((e) => e.type.startsWith('nip82-'))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('verifies a profile\'s NIP-05 claim on request and warns on a mismatch', async () => {
      const relay = await relayUrl('main');
      const real = key();
      names['alice'] = real;
      const impostor = await publishProfile(relay, { name: 'Alice', nip05: 'alice@clinic.test' });
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay}></nip82-npub-picker>`);
      await enter(el, npubEncode(impostor));
      await waitUntil(() => $(el, '[part~="verify-button"]'), 'the claim', { timeout: 8000 });
      expect(partText(el, 'nip05')).to.contain('alice@clinic.test');
      expect(calls).to.deep.equal([]);
      $<HTMLButtonElement>(el, '[part~="verify-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => partText(el, 'nip05').includes('different key'), 'mismatch');
      expect(calls).to.deep.equal(['https://clinic.test/.well-known/nostr.json?name=alice']);
      // The button is gone; the keyboard user is left on the result, not on the page.
      await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part~="nip05"]'), 'focus on the result');
      expect(partText(el, 'nip05')).to.contain('This profile claims alice@clinic.test, but that name points to a different key.');
      expect($(el, '[part~="nip05"]')!.matches('[part~="warning"]')).to.equal(true);
      await expect(el).to.be.accessible();

      names['alice'] = impostor;
      const honest = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay} .value=${impostor}></nip82-npub-picker>`);
      await waitUntil(() => $(honest, '[part~="verify-button"]'), 'the claim', { timeout: 8000 });
      $<HTMLButtonElement>(honest, '[part~="verify-button"]')!.click();
      await waitUntil(() => partText(honest, 'nip05').includes('Verified'), 'verified');
      expect(partText(honest, 'nip05')).to.contain('Verified: alice@clinic.test points to this key.');
    });
  });

  it('inside a session, forgets the last user\'s choice, text, profile and checks when they sign out', async () => {
    const relay = await relayUrl('main');
    const pk = await publishProfile(relay, { name: 'Dr Lopez', picture: 'https://127.0.0.1:9/lopez.png', nip05: 'lopez@clinic.test' });
    const user = secretKeySigner(generateSecretKey());
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relay} .signer=${user}><nip82-npub-picker picture-hosts="127.0.0.1:9"></nip82-npub-picker></nip82-session>`);
    await waitUntil(() => session.pubkey, 'signed in', { timeout: 5000 });
    const el = session.querySelector('nip82-npub-picker') as Nip82NpubPicker;
    const events = recordEvents(el);
    await enter(el, npubEncode(pk));
    await waitUntil(() => partText(el, 'name') === 'Dr Lopez' && $(el, 'img'), 'the profile should load from the relay', { timeout: 8000 });
    expect(el.value).to.equal(pk);
    const memory = el as unknown as { profiles: Map<string, unknown>; tried: Set<string>; checks: Map<string, unknown> };
    (memory.checks).set(`${pk} lopez@clinic.test`, 'ok');
    expect(memory.profiles.size).to.equal(1);

    await session.signOut();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(input(el).value).to.equal('');
    expect($(el, '[part~="profile"]')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('Dr Lopez');
    expect(el.shadowRoot!.innerHTML).not.to.contain('lopez');
    expect(el.status).to.equal('idle');
    expect([memory.profiles.size, memory.tried.size, memory.checks.size]).to.deep.equal([0, 0, 0]);
    // Quietly: the user did not clear the choice; the host hears of the sign-out from the session.
    expect(events.seen.map((e) => e.type)).not.to.include('nip82-npub-clear');
    events.stop();
  });

  it('inside a session, offers none of the last user\'s recent or followed people to the next one', async () => {
    const relay = await relayUrl('main');
    const [chosen, followed] = [await publishProfile(relay, { name: 'Dr Recent' }), await publishProfile(relay, { name: 'Dr Followed' })];
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relay} .signer=${secretKeySigner(generateSecretKey())}><nip82-npub-picker></nip82-npub-picker></nip82-session>`);
    await waitUntil(() => session.pubkey, 'signed in', { timeout: 5000 });
    const el = session.querySelector('nip82-npub-picker') as Nip82NpubPicker;
    el.recent = [chosen];
    el.follows = [followed];
    const options = () => [...el.shadowRoot!.querySelectorAll('[role="option"]')].map((o) => o.textContent ?? '');
    input(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => options().some((o) => o.includes('Dr Recent')) && options().some((o) => o.includes('Dr Followed')), 'the user\'s own suggestions', { timeout: 8000 });

    await session.signOut();
    await el.updateComplete;
    expect([el.recent, el.follows]).to.deep.equal([undefined, undefined]);
    input(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(options(), 'suggestions offered to whoever comes next').to.deep.equal([]);
    expect(el.shadowRoot!.innerHTML).not.to.contain('Dr Recent');
    expect(el.shadowRoot!.innerHTML).not.to.contain('Dr Followed');
    for (const pk of [chosen, followed]) expect(el.shadowRoot!.innerHTML).not.to.contain(npubEncode(pk).slice(5, 15));

    // Handed in after the sign-out, for the next person: theirs, and kept.
    const next = key();
    el.recent = [next];
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => options().length === 1, 'the next person\'s suggestion');
  });

  it('speaks Spanish under lang="es"', async () => {
    const wrap = await fixture(html`<div lang="es"><nip82-npub-picker></nip82-npub-picker></div>`);
    const el = wrap.querySelector('nip82-npub-picker')!;
    await el.updateComplete;
    expect(input(el).labels![0]!.textContent!.trim()).to.equal('Destinatario');
    expect(partText(el, 'lookup-button')).to.equal('Buscar');
    await enter(el, 'no es una clave');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(partText(el, 'error')).to.equal('No es una clave pública ni una dirección como ana@ejemplo.com. Compruébela con esa persona.');
    await expect(el).to.be.accessible();
    await enter(el, nsecEncode(generateSecretKey()));
    expect(partText(el, 'error')).to.match(/^Eso es una clave privada \(nsec\)/);
    const pk = key();
    await enter(el, pk);
    expect(partText(el, 'status')).to.equal(`Elegido: clave ${shortNpub(pk)}`);
    expect(partText(el, 'clear-button')).to.equal('Borrar');
  });

  it('shows overridden strings, and the label set', async () => {
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker
      .strings=${{ label: 'Share with', lookUp: 'Find', invalid: 'Nope', hint: 'Paste a key.', secret: 'Private key refused.' }}
    ></nip82-npub-picker>`);
    expect(input(el).labels![0]!.textContent!.trim()).to.equal('Share with');
    expect(partText(el, 'lookup-button')).to.equal('Find');
    expect(partText(el, 'hint')).to.equal('Paste a key.');
    await enter(el, 'garbage');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(partText(el, 'error')).to.equal('Nope');
    await enter(el, nsecEncode(generateSecretKey()));
    expect(partText(el, 'error')).to.equal('Private key refused.');
    el.label = 'Clinician';
    await el.updateComplete;
    expect(input(el).labels![0]!.textContent!.trim()).to.equal('Clinician');
  });

});
