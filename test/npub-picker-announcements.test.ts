/**
 * What the picker's live region says, and when: a screen reader hears each thing once, and only
 * what follows from the user's own doing.
 * - Checking a profile's name with the keyboard: the result replaces the "Verify" button and focus
 *   moves to it, which reads it out; the live region does not say it a second time. Pressed
 *   without focus moving there (a script's click), the live region says it.
 * - A person the page sets as the value (`picker.value = …`) is shown, not announced: nobody did
 *   anything, at page load or when a dialog opens. The user's own choice is announced, by name
 *   once their profile arrives.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/npub-picker/define.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { nowSeconds, type NostrEvent } from '../components/core/events.js';
import { shortNpub } from '../components/shared/identity.js';
import { waitUntil } from './wait.js';
import { publishTo, relayUrl } from './helpers.js';

/** The page's own fetch: the name lookups below are served from memory, everything else goes through. */
const realFetch = window.fetch.bind(window);

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const read = (node: Element | null) => (node?.textContent ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
const partText = (el: Element, part: string) => read($(el, `[part~="${part}"]`));

async function publishProfile(relay: string, profile: Record<string, unknown>): Promise<string> {
  const event = finalizeEvent({ kind: 0, created_at: nowSeconds(), tags: [], content: JSON.stringify(profile) }, generateSecretKey()) as NostrEvent;
  await publishTo(relay, [event]);
  return event.pubkey;
}

/** Every text the live region (role=status) has shown since, in order. */
function liveTexts(el: Element) {
  const said: string[] = [];
  const note = () => {
    const now = read($(el, '[role=status]'));
    if (now && now !== said[said.length - 1]) said.push(now);
  };
  const observer = new MutationObserver(note);
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  note();
  return { said, stop: () => observer.disconnect() };
}

async function enter(el: Nip82NpubPicker, text: string) {
  const field = $<HTMLInputElement>(el, 'input')!;
  field.focus();
  field.select();
  document.execCommand('insertText', false, text);
  await el.updateComplete;
}

describe('<nip82-npub-picker> says things once, and only what the user did', function () {
  this.timeout(30000);

  describe('checking a profile\'s name', () => {
    const names: Record<string, string> = {};
    before(() => {
      window.fetch = async (url: string | URL | Request, init?: RequestInit) => {
        if (!String(url).includes('/.well-known/nostr.json')) return realFetch(url, init);
        if (new URL(String(url)).hostname !== 'clinic.test') throw new TypeError('Failed to fetch');
        const local = URL.createObjectURL(new Blob([JSON.stringify({ names })], { type: 'application/json' }));
        try {
          return await realFetch(local);
        } finally {
          URL.revokeObjectURL(local);
        }
      };
    });
    after(() => (window.fetch = realFetch));

    it('with the keyboard: focus reads the result, and the live region does not say it again', async () => {
      const relay = await relayUrl('main');
      names['bo'] = 'f'.repeat(64);
      const pk = await publishProfile(relay, { name: 'Bo', nip05: 'bo@clinic.test' });
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay}></nip82-npub-picker>`);
      await enter(el, npubEncode(pk));
      await waitUntil(() => $(el, '[part~="verify-button"]'), 'the claim', { timeout: 8000 });
      const live = liveTexts(el);
      $<HTMLButtonElement>(el, '[part~="verify-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part~="nip05"]'), 'focus on the result');
      await el.updateComplete;
      live.stop();
      const result = 'This profile claims bo@clinic.test, but that name points to a different key.';
      expect(partText(el, 'nip05')).to.contain(result);
      expect(live.said.filter((t) => t.includes('different key')), 'the result in the live region').to.deep.equal([]);
      expect(partText(el, 'status')).to.equal('');
    });

    it('without focus moving there, the live region says it', async () => {
      const relay = await relayUrl('main');
      const pk = await publishProfile(relay, { name: 'Cy', nip05: 'cy@clinic.test' });
      names['cy'] = pk;
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay} .value=${pk}></nip82-npub-picker>`);
      await waitUntil(() => $(el, '[part~="verify-button"]'), 'the claim', { timeout: 8000 });
      $<HTMLButtonElement>(el, '[part~="verify-button"]')!.click();
      await waitUntil(() => partText(el, 'status') === 'Verified: cy@clinic.test points to this key.', 'the result said');
      expect(el.shadowRoot!.activeElement).to.equal(null);
    });
  });

  describe('a person the page chose', () => {
    it('is shown, and nothing is announced, at first and once their profile arrives', async () => {
      const relay = await relayUrl('main');
      const pk = await publishProfile(relay, { name: 'Alex (demo patient)' });
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('nip82-npub-picker') as Nip82NpubPicker;
      el.setAttribute('relays', relay);
      const live = liveTexts(wrapper.appendChild(el));
      el.value = npubEncode(pk);
      await waitUntil(() => partText(el, 'name') === 'Alex (demo patient)', 'the profile shown', { timeout: 8000 });
      await el.updateComplete;
      expect(partText(el, 'fingerprint')).to.contain(shortNpub(pk));
      live.stop();
      expect(live.said, 'what the live region said').to.deep.equal([]);
    });

    it('a page setting the value after the user chose quiets the last announcement; the user\'s own choice is announced by name', async () => {
      const relay = await relayUrl('main');
      const [mine, theirs] = [await publishProfile(relay, { name: 'Harbor Clinic' }), await publishProfile(relay, { name: 'Page Pick' })];
      const el = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay}></nip82-npub-picker>`);
      await enter(el, npubEncode(mine));
      await waitUntil(() => partText(el, 'status') === `Chosen: Harbor Clinic, key ${shortNpub(mine)}`, 'the user\'s choice announced', { timeout: 8000 });
      const live = liveTexts(el);
      el.value = theirs;
      await waitUntil(() => partText(el, 'name') === 'Page Pick', 'the page\'s choice shown', { timeout: 8000 });
      await el.updateComplete;
      live.stop();
      expect(live.said.filter((t) => t.startsWith('Chosen')).slice(1), 'announced after the page set it').to.deep.equal([]);
      expect(partText(el, 'status')).to.equal('');
    });
  });
});
