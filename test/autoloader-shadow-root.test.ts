/**
 * The autoloaded embed (dist/cdn/auto, built by `npm run build` before the tests) in a host that
 * renders kit tags in its own shadow root, as a Lit component does: the document's scan
 * and observer do not reach inside it, so the host hands its root to `discover` once, and every kit
 * tag it renders there loads, those of its first render and those it renders later. This file
 * imports no define module: the autoloader registers the tags.
 */
import { expect, fixture } from '@open-wc/testing';
import { LitElement, html, nothing } from 'lit';
import { npubEncode } from 'nostr-tools/nip19';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Signer } from '../components/core/signers/signer.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { waitUntil } from './wait.js';

const AUTO = new URL('../dist/cdn/auto/', import.meta.url);

type Discover = (root?: ParentNode) => Promise<void>;
let discover: Discover | undefined;

/** A host component: a flag from its first render, a picker only once signed in. */
class ShadowHost extends LitElement {
  static override properties = { signedIn: { type: Boolean } };
  declare signedIn: boolean;

  constructor() {
    super();
    this.signedIn = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // As the README says: the root once it exists, before anything is rendered in it.
    void discover!(this.renderRoot);
  }

  override render() {
    return html`<nip82-hidden-flag></nip82-hidden-flag>${this.signedIn ? html`<nip82-npub-picker></nip82-npub-picker>` : nothing}`;
  }
}

/** The README's host: a session and a record viewer in its template, its root handed in on connection. */
class RecordsHost extends LitElement {
  static override properties = { relay: { type: String }, signer: { attribute: false } };
  declare relay: string;
  declare signer: Signer;

  override connectedCallback(): void {
    super.connectedCallback();
    void discover!(this.renderRoot);
  }

  override render() {
    return html`<nip82-session relays=${this.relay} .signer=${this.signer}><nip82-record-viewer></nip82-record-viewer></nip82-session>`;
  }
}

describe('autoloaded embed in a host\'s shadow root', () => {
  it('loads the kit tags a host renders in its shadow root once handed the root, those rendered later too', async () => {
    const loader = (await import(/* @vite-ignore */ new URL('nip82-autoloader.js', AUTO).href)) as { discover: Discover };
    discover = loader.discover;
    customElements.define('shadow-host', ShadowHost);
    const host = await fixture<ShadowHost>('<div><shadow-host></shadow-host></div>').then((div) => div.querySelector('shadow-host')! as ShadowHost);
    await host.updateComplete;
    // The document itself shows none: only the root handed in finds them.
    expect(document.querySelector('nip82-hidden-flag')).to.equal(null);
    // Handed in before the first render: what the render puts there is seen as it arrives.
    await waitUntil(() => customElements.get('nip82-hidden-flag'), 'a kit tag of the host\'s first render never loaded');
    expect(host.renderRoot.querySelector('nip82-hidden-flag')!.shadowRoot, 'the flag in the host\'s root was not upgraded').to.not.equal(null);

    expect(customElements.get('nip82-npub-picker')).to.equal(undefined);
    host.signedIn = true;
    await host.updateComplete;
    await waitUntil(() => customElements.get('nip82-npub-picker'), 'a kit tag the host rendered later in its shadow root never loaded');
    expect(host.renderRoot.querySelector('nip82-npub-picker')!.shadowRoot).to.not.equal(null);
  });

  it('shows a record in a session and viewer of a host\'s template, as the README shows', async () => {
    const loader = (await import(/* @vite-ignore */ new URL('nip82-autoloader.js', AUTO).href)) as { discover: Discover };
    discover = loader.discover;
    const relay = await relayUrl('main');
    const patient = await person();
    const reader = await person();
    const client = new RelayClient({ relays: [relay] });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] }));
    } finally {
      client.close();
    }
    customElements.define('records-host', RecordsHost);
    const host = document.createElement('records-host') as RecordsHost;
    host.relay = relay;
    host.signer = reader.signer;
    const page = await fixture<HTMLDivElement>('<div></div>');
    page.append(host);
    await waitUntil(() => host.renderRoot.querySelector('nip82-record-viewer')?.shadowRoot, 'the viewer in the host\'s root never loaded');
    const viewer = host.renderRoot.querySelector('nip82-record-viewer')! as HTMLElement & { status: string };
    const root = viewer.shadowRoot!;
    const unlock = () => [...root.querySelectorAll('button')].find((b) => /Unlock my records/.test(b.textContent ?? ''));
    await waitUntil(unlock, 'the viewer never found its session');
    unlock()!.click();
    await waitUntil(() => viewer.status === 'done' && (root.textContent ?? '').includes('Penicillin'), 'the record never showed', { timeout: 15000 });
  });

  it('leaves a host\'s shadow root alone until it is handed in: the document\'s scan does not reach it', async () => {
    const loader = (await import(/* @vite-ignore */ new URL('nip82-autoloader.js', AUTO).href)) as { discover: Discover };
    const plain = document.createElement('div');
    const root = plain.attachShadow({ mode: 'open' });
    document.body.append(plain);
    try {
      root.innerHTML = '<nip82-access-list></nip82-access-list>';
      // Every tag the document shows is loaded by then, and the shadow root's is not among them.
      await loader.discover(document);
      expect(customElements.get('nip82-access-list')).to.equal(undefined);
      await loader.discover(root);
      expect(customElements.get('nip82-access-list')).to.not.equal(undefined);
    } finally {
      plain.remove();
    }
  });
});
