/**
 * A name's server is anyone's: the picker's check of a NIP-05 name ends (after a few seconds) when
 * the server never answers, reads no document larger than 64 KB, and asks no IP address or
 * one-word host (a router, a printer, the portal's back office) at all.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { useFetchImplementation } from 'nostr-tools/nip05';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import '../components/npub-picker/define.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { RelayClient } from '../components/core/relay/client.js';
import { nowSeconds, type NostrEvent } from '../components/core/events.js';
import { relayUrl } from './helpers.js';

const realFetch = window.fetch.bind(window);
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const partText = (el: Element, part: string) => $(el, `[part~="${part}"]`)?.textContent?.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim() ?? '';

async function publishProfile(relay: string, profile: Record<string, unknown>): Promise<string> {
  const event = finalizeEvent({ kind: 0, created_at: nowSeconds(), tags: [], content: JSON.stringify(profile) }, generateSecretKey()) as NostrEvent;
  const client = new RelayClient({ relays: [relay] });
  try {
    await client.publishAll([event]);
  } finally {
    client.close();
  }
  return event.pubkey;
}

describe('<nip82-npub-picker> checks a name within bounds', function () {
  this.timeout(30000);
  let asked: string[] = [];
  /** What each name server does: never answers, or answers with `body`. */
  let answer: 'never' | string = 'never';
  before(() => {
    // The name servers are served from memory (the test machine has no Internet); installed as
    // the page's fetch and in nostr-tools' hook alike, whichever the picker asks through.
    const served = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      if (!String(url).includes('/.well-known/nostr.json')) return realFetch(url, init);
      asked.push(String(url));
      if (answer !== 'never') return new Response(answer, { status: 200, headers: { 'content-type': 'application/json' } });
      // A server that takes the request and says nothing, as long as the asker waits.
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    };
    window.fetch = served;
    useFetchImplementation(served);
  });
  after(() => {
    window.fetch = realFetch;
    useFetchImplementation(realFetch);
  });
  beforeEach(() => {
    asked = [];
    answer = 'never';
  });

  async function claimShown(nip05: string) {
    const relay = await relayUrl('main');
    const pk = await publishProfile(relay, { name: 'Front desk', nip05 });
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay} .value=${pk}></nip82-npub-picker>`);
    await waitUntil(() => $(el, '[part~="verify-button"]'), 'the claim', { timeout: 8000 });
    return { el, pk };
  }

  it('a server that never answers: "Checking…" ends in "Could not confirm", and Verify works again', async () => {
    const { el } = await claimShown('desk@slow.example');
    $<HTMLButtonElement>(el, '[part~="verify-button"]')!.click();
    await waitUntil(() => partText(el, 'nip05').includes('Checking'), 'checking');
    await waitUntil(() => partText(el, 'nip05').includes('Could not confirm desk@slow.example'), 'the check ends');
    expect(partText(el, 'nip05')).not.to.contain('Checking');
    $<HTMLButtonElement>(el, '[part~="verify-button"]')!.click();
    await waitUntil(() => asked.length === 2, 'Verify asks again');
  });

  it('a document over 64 KB is not read to its end: the name could not be confirmed', async () => {
    const { el, pk } = await claimShown('desk@big.example');
    answer = JSON.stringify({ names: { desk: pk }, padding: 'x'.repeat(70_000) });
    $<HTMLButtonElement>(el, '[part~="verify-button"]')!.click();
    await waitUntil(() => /Could not confirm|Verified/.test(partText(el, 'nip05')), 'the check ends');
    expect(partText(el, 'nip05')).to.contain('Could not confirm desk@big.example');
  });

  it('an IP address is not asked', async () => {
    const pk = getPublicKey(generateSecretKey());
    answer = JSON.stringify({ names: { desk: pk } });
    for (const name of ['desk@10.0.0.1', 'desk@192.168.1.0x1']) {
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker></nip82-npub-picker>`);
      const field = $<HTMLInputElement>(el, 'input')!;
      field.focus();
      document.execCommand('insertText', false, name);
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part~="lookup-button"]')!.click();
      await waitUntil(() => partText(el, 'error') !== '' || el.value, `the lookup of ${name} ends`);
      expect(el.value, name).to.equal('');
      expect(partText(el, 'error')).to.contain(`Could not find ${name}`);
    }
    expect(asked).to.deep.equal([]);
  });
});
