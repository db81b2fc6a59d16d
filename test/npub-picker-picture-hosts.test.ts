/**
 * A profile's picture may be on anyone's server: loading it tells that server whom the person is
 * about to share with, from where and when. The picker loads one only from hosts the page lists.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import '../components/npub-picker/define.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { RelayClient } from '../components/core/relay/client.js';
import { nowSeconds, type NostrEvent } from '../components/core/events.js';
import { relayUrl } from './helpers.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const partText = (el: Element, part: string) => $(el, `[part~="${part}"]`)?.textContent?.replace(/[\u2066-\u2069]/g, '').trim() ?? '';

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

describe('<nip82-npub-picker> profile pictures', () => {
  it('load from no server the page did not list: the person is named, and nothing is fetched', async () => {
    const relay = await relayUrl('main');
    const pk = await publishProfile(relay, { name: 'Harbor Clinic', picture: 'https://127.0.0.1:9/harbor.png' });
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay}></nip82-npub-picker>`);
    el.value = pk;
    await waitUntil(() => partText(el, 'name') === 'Harbor Clinic', 'their profile shown', { timeout: 8000 });
    expect($(el, 'img') !== null, 'a picture is shown').to.equal(false);
    expect(el.shadowRoot!.innerHTML).not.to.contain('127.0.0.1:9');
  });

  it('load from a host the page lists', async () => {
    const relay = await relayUrl('main');
    const pk = await publishProfile(relay, { name: 'Harbor Clinic', picture: 'https://127.0.0.1:9/harbor.png' });
    const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay} picture-hosts="portal.example 127.0.0.1:9"></nip82-npub-picker>`);
    el.value = pk;
    await waitUntil(() => $(el, 'img'), 'their picture shown', { timeout: 8000 });
    expect($<HTMLImageElement>(el, 'img')!.getAttribute('src')).to.equal('https://127.0.0.1:9/harbor.png');
    expect($<HTMLImageElement>(el, 'img')!.getAttribute('referrerpolicy')).to.equal('no-referrer');
  });
});
