/**
 * Record keys after a real unlock (record viewer) and a real revoke (access list), through the
 * elements: not in any shadow root, attribute, event detail, public property, log or storage,
 * in any of the forms bytes take when they leak (hex, base64, decimal lists, raw bytes).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import type { LitElement } from 'lit';
import { npubEncode } from 'nostr-tools/nip19';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import '../components/define.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import type { NostrEvent } from '../components/core/events.js';
import { person, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { byteArrays, containsBytes, textForms } from './key-forms.js';
import { $, buttonByText, dialogOf, root, text } from './element-helpers.js';

const EVENT_NAMES = [
  'nip82-signer-request', 'nip82-record-open', 'nip82-share', 'nip82-answer', 'nip82-revoke', 'nip82-npub-select',
  'nip82-npub-clear', 'nip82-receipts', 'nip82-error', 'nip82-session-change', 'nip82-cancel',
];

/** A copy as it was at that moment: the kit wipes key bytes after use, which must not hide a leak. */
function snapshot(value: unknown): unknown {
  if (value instanceof Error) return `${value.message} ${value.stack}`;
  try {
    return structuredClone(value);
  } catch {
    return String(value);
  }
}

/** Shadow roots all the way down, with the light DOM and every attribute. */
function serialised(node: Element | ShadowRoot): string {
  const parts = [node instanceof ShadowRoot ? node.innerHTML : node.outerHTML];
  for (const el of node.querySelectorAll('*')) if (el.shadowRoot) parts.push(serialised(el.shadowRoot));
  return parts.join('\n');
}

/** The element's public (declared, non-state) properties. */
function publicProperties(el: LitElement): unknown[] {
  const declared = (el.constructor as typeof LitElement).elementProperties;
  return [...declared].filter(([, options]) => !options.state).map(([name]) => (el as unknown as Record<PropertyKey, unknown>)[name]);
}

describe('key hygiene through the elements', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  const keyFor = async (who: Person, events: readonly NostrEvent[]) =>
    hexToBytes(await who.signer.nip44Decrypt(events[0]!.pubkey, events[0]!.tags.find((t) => t[0] === 'key' && t[1] === who.pubkey)![2]!));

  it('after an unlock and a revoke, no record key is in the DOM, attributes, event details, properties, logs or storage', async () => {
    const logged: unknown[] = [];
    const details: unknown[] = [];
    const originals = { log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };
    for (const name of Object.keys(originals) as (keyof typeof originals)[]) {
      console[name] = (...args: unknown[]) => { logged.push(args.map(snapshot)); originals[name].apply(console, args as []); };
    }
    const note = (e: Event) => details.push(snapshot((e as CustomEvent).detail));
    for (const name of EVENT_NAMES) document.addEventListener(name, note, true);
    try {
      const patient = await person();
      const clinician = await person();
      const family = await person();
      const events = await createRecord({
        bundle: sampleBundle(), author: patient.signer,
        participants: [{ pubkey: clinician.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }],
      });
      await relay.client.publishAll(events);

      // The family member unlocks the record in the viewer.
      const viewer = await fixture<LitElement & { status: string }>(html`<nip82-record-viewer relays=${relay.url} .signer=${family.signer}></nip82-record-viewer>`);
      buttonByText(viewer, /^Unlock my records$/)!.click();
      await waitUntil(() => viewer.status === 'done', 'the record never unlocked', { timeout: 15000 });
      await viewer.updateComplete;
      expect(text(root(viewer))).to.contain('Penicillin');

      // The patient revokes the clinician in the access list.
      const list = await fixture<LitElement & { status: string }>(html`<nip82-access-list relays=${relay.url} .signer=${patient.signer}></nip82-access-list>`);
      buttonByText(list, 'Unlock my records')!.click();
      await waitUntil(() => root(list).querySelector('button.revoke'), 'the people were never listed', { timeout: 15000 });
      const revokeButton = [...root(list).querySelectorAll<HTMLButtonElement>('button.revoke')].find((b) => b.getAttribute('aria-label')?.includes(npubEncode(clinician.pubkey).slice(-6)))!;
      revokeButton.click();
      await waitUntil(() => dialogOf(list).open, 'dialog opens');
      await list.updateComplete;
      const revoked = oneEvent(list, 'nip82-revoke');
      [...root(list).querySelectorAll<HTMLButtonElement>('dialog button')].find((b) => /^Revoke /.test(text(b)))!.click();
      await revoked;
      await list.updateComplete;
      expect(list.status).to.equal('done');

      // Every key the kit held: the record's sign key, its view key before and after the revoke.
      const after = (await relay.client.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] })).events;
      const keys = [await keyFor(patient, events), await keyFor(family, events), await keyFor(family, after)];
      expect(keys.map((k) => k.length)).to.deep.equal([32, 32, 32]);
      expect(bytesToHex(keys[2]!)).not.to.equal(bytesToHex(keys[1]!));

      const exposed = [
        serialised(document.documentElement), serialised(root(viewer)), serialised(root(list)),
        JSON.stringify(details), JSON.stringify(logged),
        JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie,
        ...[viewer, list].flatMap((el) => publicProperties(el).map((v) => { try { return JSON.stringify(v) ?? ''; } catch { return String(v); } })),
      ].join('\n');
      const arrays = byteArrays([details, logged, ...publicProperties(viewer), ...publicProperties(list)]);
      for (const key of keys) {
        for (const form of textForms(key)) expect(exposed.includes(form), `a record key leaked as text (${form.length} characters)`).to.equal(false);
        expect(arrays.some((a) => containsBytes(a, key)), 'a record key leaked as bytes').to.equal(false);
      }
      expect($(viewer, '[part="provenance"]')).to.exist;
    } finally {
      Object.assign(console, originals);
      for (const name of EVENT_NAMES) document.removeEventListener(name, note, true);
    }
  });
});
