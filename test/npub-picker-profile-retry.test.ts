/**
 * A profile the storage servers could not be reached for is looked up again when the user chooses
 * the person again: "Could not reach…" is not kept for good once the connection is back.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/npub-picker/define.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { nowSeconds, type NostrEvent } from '../components/core/events.js';
import { downRelayUrl, publishTo, relayUrl } from './helpers.js';
import { waitUntil } from './wait.js';

const partText = (el: Element, part: string) => el.shadowRoot!.querySelector(`[part~="${part}"]`)?.textContent?.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim() ?? '';

async function enter(el: Nip82NpubPicker, text: string) {
  const field = el.shadowRoot!.querySelector<HTMLInputElement>('input')!;
  field.focus();
  field.select();
  document.execCommand('insertText', false, text);
  await el.updateComplete;
}

describe('the recipient picker after its storage servers could not be reached', () => {
  const RealSocket = globalThis.WebSocket;
  afterEach(() => {
    globalThis.WebSocket = RealSocket;
  });

  it('choosing the person again once back online shows their profile', async () => {
    const relay = await relayUrl('main');
    const event = finalizeEvent({ kind: 0, created_at: nowSeconds(), tags: [], content: JSON.stringify({ name: 'Dr Ramona Ortiz' }) }, generateSecretKey()) as NostrEvent;
    await publishTo(relay, [event]);
    // Offline: every connection goes to an address where nothing listens.
    const down = await downRelayUrl();
    globalThis.WebSocket = class extends RealSocket {
      constructor(_url: string | URL, protocols?: string | string[]) {
        super(down, protocols);
      }
    };
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay}></nip82-npub-picker>`);
    await enter(el, npubEncode(event.pubkey));
    await waitUntil(() => partText(el, 'profile').includes('Could not reach'), 'the servers could not be reached', { timeout: 30000 });
    globalThis.WebSocket = RealSocket;
    await enter(el, npubEncode(event.pubkey));
    await waitUntil(() => partText(el, 'name') === 'Dr Ramona Ortiz', `the profile is found once back online: ${partText(el, 'profile')}`, { timeout: 30000 });
    expect(partText(el, 'profile')).not.to.include('Could not reach');
  });
});
