/**
 * A developer learns from the reference (custom-elements.json, and the README generated from it)
 * when each element fires `nip82-error`. A relay list with an entry that is no ws:// or wss://
 * address makes every element that reads relays fire it (code `invalid-url`): the reference of
 * each must say so, or a page that takes the picker's `nip82-error` to mean "the value I set is no
 * public key", or the session's to mean "the sign-in failed", misreads it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/define.js';
import { waitUntil } from './wait.js';

interface Declaration { tagName?: string; events?: { name: string; description?: string }[] }

const TAGS = ['nip82-session', 'nip82-record-viewer', 'nip82-consent-prompt', 'nip82-access-list', 'nip82-npub-picker'];

describe('nip82-error for a relay address that is none, as documented', () => {
  it('each element that fires it documents the code', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: Declaration[] }[] };
    const declared = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]));
    for (const tag of TAGS) {
      const codes: string[] = [];
      const wrap = await fixture<HTMLDivElement>(html`<div @nip82-error=${(e: CustomEvent) => codes.push(e.detail.code)}></div>`);
      const el = document.createElement(tag);
      el.setAttribute('relays', 'relay.example.com');
      wrap.append(el);
      await waitUntil(() => codes.length > 0, `<${tag}> fired no nip82-error`);
      expect(codes, tag).to.deep.equal(['invalid-url']);
      const documented = declared.get(tag)?.events?.find((e) => e.name === 'nip82-error')?.description ?? '';
      expect(documented, `<${tag}>'s nip82-error`).to.include('`invalid-url`');
    }
  });
});
