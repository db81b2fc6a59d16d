/**
 * The embed bundle (dist/cdn/nip82-elements.js, built by `npm run build` before the tests) on a
 * page that loads nothing else: every tag registers, loading it twice is harmless, the core is
 * exported, and a record round-trips through it against a real relay. The build gives nostr-tools'
 * NIP-46 client the bundle's one relay pool and event code instead of its private copies
 * (scripts/rollup-nostr-tools.mjs), so a remote signer is used through the bundle too.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { relayUrl, sampleBundle } from './helpers.js';
import { runRemoteSigner } from './remote-signer.js';

const TAGS = ['nip82-session', 'nip82-npub-picker', 'nip82-hidden-flag', 'nip82-record-viewer', 'nip82-consent-prompt', 'nip82-access-list'];
const BUNDLE = new URL('../dist/cdn/nip82-elements.js', import.meta.url).href;

describe('embed bundle', () => {
  it('registers every element and exports the core; a second load is harmless', async () => {
    const kit = await import(/* @vite-ignore */ BUNDLE);
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.be.a('function');
    await import(/* @vite-ignore */ `${BUNDLE}?again`);
    expect(typeof kit.createRecord).to.equal('function');
    expect(typeof kit.Nip82RecordViewer).to.equal('function');

    const el = await fixture(html`<nip82-hidden-flag disclose="count" count="2"></nip82-hidden-flag>`);
    expect(el.shadowRoot!.textContent).to.contain('2');

    const author = kit.secretKeySigner(crypto.getRandomValues(new Uint8Array(32)));
    const client = new kit.RelayClient({ relays: [await relayUrl('main')] });
    try {
      const events = await kit.createRecord({ bundle: sampleBundle(), author, participants: [] });
      await client.publishAll(events);
      const { events: fetched } = await client.query({ kinds: [32225], authors: [events[0].pubkey] });
      const opened = await kit.openRecord(fetched, author);
      expect(opened.bundle.entry.filter((e: { resource: never }) => !kit.isAttestation(e.resource))).to.have.length(4);
    } finally {
      client.close();
    }
  });

  it('signs in with a remote signer (bunker://) and opens a record through it', async () => {
    const kit = await import(/* @vite-ignore */ BUNDLE);
    const relay = await relayUrl('main');
    const user = generateSecretKey();
    const stop = runRemoteSigner(relay, generateSecretKey(), user);
    try {
      await stop.ready;
      const signer = await kit.bunkerSigner(`bunker://${stop.pubkey}?relay=${encodeURIComponent(relay)}`, { timeoutMs: 8000 });
      expect(await signer.getPublicKey()).to.equal(getPublicKey(user));
      const author = kit.secretKeySigner(generateSecretKey());
      const events = await kit.createRecord({ bundle: sampleBundle(), author, participants: [{ pubkey: getPublicKey(user), role: 'viewer' }] });
      const opened = await kit.openRecord(events, signer);
      expect(opened.role).to.equal('viewer');
      await signer.close();
    } finally {
      stop.close();
    }
  });
});
