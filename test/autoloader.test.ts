/**
 * The autoloaded embed (dist/cdn/auto, built by `npm run build` before the tests), as a clinic page
 * uses it: one script, a <nip82-session> and a <nip82-record-viewer>. Each tag loads on first use,
 * the page renders a record from a real relay, and what it downloaded is exactly what the size table
 * counts for such a page (no consent prompt, no remote signer, no narrative sanitiser), within the
 * ceiling of size-budget.json. This file imports no define module: the autoloader registers the tags.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { executeServerCommand } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';

const AUTO = new URL('../dist/cdn/auto/', import.meta.url);

interface Manifest {
  tags: Record<string, string>;
  files: Record<string, { imports: string[]; dynamicImports: string[] }>;
}

async function json<T>(url: URL): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`missing ${url.pathname}: run npm run build first`);
  return (await res.json()) as T;
}

describe('autoloaded embed', function () {
  // Its first test fetches every chunk of the page cold, then unlocks: slow on a busy machine.
  this.timeout(90000);
  it('loads each tag on first use, renders a record, and downloads only the page\'s chunks', async () => {
    const relay = await relayUrl('main');
    const patient = await person();
    const reader = await person();
    const client = new RelayClient({ relays: [relay] });
    try {
      const bundle = sampleBundle(`nostr:${npubEncode(patient.pubkey)}`);
      await client.publishAll(await createRecord({ bundle, author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] }));
    } finally {
      client.close();
    }

    // The page's tags are in the document before the script arrives, as in a server-rendered page.
    const page = await fixture(html`<div><nip82-session relays=${relay} .signer=${reader.signer}><nip82-record-viewer></nip82-record-viewer></nip82-session></div>`);
    expect(customElements.get('nip82-record-viewer')).to.equal(undefined);
    const loader = await import(/* @vite-ignore */ new URL('nip82-autoloader.js', AUTO).href);
    expect(loader.TAGS).to.include('nip82-consent-prompt');
    await customElements.whenDefined('nip82-session');
    await customElements.whenDefined('nip82-record-viewer');
    const viewer = page.querySelector('nip82-record-viewer')! as HTMLElement & { status: string };
    const root = viewer.shadowRoot!;
    await waitUntil(() => [...root.querySelectorAll('button')].some((b) => /Unlock my records/.test(b.textContent ?? '')), 'no unlock button', { timeout: 30000 });
    [...root.querySelectorAll('button')].find((b) => /Unlock my records/.test(b.textContent ?? ''))!.click();
    await waitUntil(() => viewer.status === 'done' && (root.textContent ?? '').includes('Penicillin'), 'the record never showed', { timeout: 30000 });

    const manifest = await json<Manifest>(new URL('manifest.json', AUTO));
    const closure = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const dep of manifest.files[file]!.imports) closure(dep, seen);
      return seen;
    };
    const expected = new Set([...closure('nip82-autoloader.js'), ...closure(manifest.tags['nip82-session']!), ...closure(manifest.tags['nip82-record-viewer']!)]);
    // The viewer's search may follow once the record shows, while the page is idle (for the first
    // search): it is not part of what the page downloads before a record shows.
    const fetched = performance.getEntriesByType('resource').map((e) => e.name.split('?')[0]!).filter((n) => n.startsWith(AUTO.href) && n.endsWith('.js') && !n.includes('/chunks/record-viewer-record-search-'));
    const files = [...new Set(fetched)].map((n) => n.slice(AUTO.href.length)).sort();
    expect(files).to.deep.equal([...expected].sort());
    // An English page fetches no language pack (chunks/es-…).
    for (const lazy of ['consent-prompt', 'session-remote-sign-in', 'shared-sanitize', 'access-list', 'es']) expect(files.some((f) => f.startsWith(`chunks/${lazy}-`)), lazy).to.equal(false);
    // The session's sign-in card is the session's to load when it first shows: this page's host
    // hands the session its signer, so the card never shows and is never fetched.
    const kit = Object.keys(manifest.files).find((f) => /^chunks\/kit-[\w-]{8}\.js$/.test(f))!;
    const card = manifest.files[kit]!.dynamicImports.find((f) => f.startsWith('chunks/session-sign-in-card-'));
    expect(card, 'the sign-in card is not loaded on demand by the kit chunk').to.be.a('string');
    expect(files, 'the sign-in card was fetched by a page whose host gave the signer').not.to.include(card);
    // What only writing needs is the core chunk's to load on demand (a page that reads never does):
    // the NIP-11 reader, which sizes what is written.
    const core = Object.keys(manifest.files).find((f) => /^chunks\/core-[\w-]{8}\.js$/.test(f))!;
    for (const writing of ['core-relay-info']) {
      const onDemand = manifest.files[core]!.dynamicImports.find((f) => f.startsWith(`chunks/${writing}-`));
      expect(onDemand, `${writing} is not loaded on demand by the core chunk`).to.be.a('string');
      expect(files, `${writing} was fetched by a page that only reads`).not.to.include(onDemand);
    }
    // Nor is signing in at a relay (NIP-42): this page's relay lets anyone read, and asks for none.
    const signIn = manifest.files[core]!.dynamicImports.find((f) => f.startsWith('chunks/core-relay-sign-in-'));
    expect(signIn, 'the relay sign-in is not loaded on demand by the core chunk').to.be.a('string');
    expect(files, 'the relay sign-in was fetched by a page whose relay asked for none').not.to.include(signIn);

    // Sizes of the files as built (the test server rewrites what it serves), each gzipped on its own.
    const sizes = (await executeServerCommand<Record<string, number>, { files: string[] }>('built-gzip-bytes', { files }))!;
    const total = Object.values(sizes).reduce((n, b) => n + b, 0);
    const budget = await json<{ autoPageGzipCeiling: number }>(new URL('../size-budget.json', import.meta.url));
    expect(total, `${files.length} scripts, ${total} bytes gzip`).to.be.at.most(budget.autoPageGzipCeiling);

    // A tag added later loads on its own.
    expect(customElements.get('nip82-access-list')).to.equal(undefined);
    page.appendChild(document.createElement('nip82-access-list'));
    await customElements.whenDefined('nip82-access-list');
  });

  it('sizes what it writes from the relays\' NIP-11 limits, through the reader the core chunk loads on demand', async () => {
    const coreApi = await import(/* @vite-ignore */ new URL('nip82-core.js', AUTO).href);
    const relay = await relayUrl('small');
    const small = new coreApi.RelayClient({ relays: [relay] });
    const documents = () => performance.getEntriesByType('resource').filter((e) => e.name.startsWith(relay.replace(/^ws/, 'http'))).length;
    try {
      expect(await small.maxEventBytes()).to.equal(16000);
      // Asked for once: the relay's document is not fetched again.
      const fetched = documents();
      expect(fetched).to.be.above(0);
      expect(await small.maxEventBytes()).to.equal(16000);
      expect(documents()).to.equal(fetched);
    } finally {
      small.close();
    }
  });

  it('signs in at a relay that asks (NIP-42) through the sign-in the core chunk loads on demand, and reads there', async () => {
    const coreApi = await import(/* @vite-ignore */ new URL('nip82-core.js', AUTO).href);
    const relay = await relayUrl('auth');
    const reader = await person();
    const signIn = () => performance.getEntriesByType('resource').some((e) => e.name.startsWith(new URL('chunks/core-relay-sign-in-', AUTO).href));
    const client = new coreApi.RelayClient({ relays: [relay], signer: reader.signer });
    try {
      const { reports } = await client.query({ kinds: [1], authors: [reader.pubkey], limit: 1 });
      expect(reports.map((r: { status: string; signIn?: string }) => [r.status, r.signIn])).to.deep.equal([['complete', undefined]]);
      expect(signIn(), 'the sign-in was not fetched when the relay asked for one').to.equal(true);
    } finally {
      client.close();
    }
  });

  it('offers the WASM verifier to a script-tag page: its own entry, on the page\'s core, loaded only when asked for', async () => {
    const manifest = await json<Manifest>(new URL('manifest.json', AUTO));
    // The core chunk is "core-" and its content hash (8 characters of A–Z, a–z, 0–9, "_" and "-"), where
    // the core's other chunks have a name between: a hash may itself hold a "-".
    const core = Object.keys(manifest.files).find((f) => /^chunks\/core-[\w-]{8}\.js$/.test(f))!;
    // The elements' signature checks live in the core chunk: the verifier must switch that one, not a copy.
    expect(manifest.files['nip82-wasm-verifier.js']!.imports).to.deep.equal([core]);
    const fetched = () => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.startsWith(AUTO.href));
    const before = fetched().length;
    const verifier = await import(/* @vite-ignore */ new URL('nip82-wasm-verifier.js', AUTO).href);
    expect(fetched().some((n) => n.includes('/chunks/gzipped-')), 'WASM fetched before it was asked for').to.equal(false);
    await verifier.useWasmVerifier();
    try {
      expect(fetched().length).to.be.above(before);
      expect(fetched().some((n) => n.includes('/chunks/gzipped-'))).to.equal(true);
      const coreApi = await import(/* @vite-ignore */ new URL('nip82-core.js', AUTO).href);
      const patient = await person();
      const reader = await person();
      const events = await coreApi.createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] });
      const record = await coreApi.openRecord(events, reader.signer);
      expect(record.authorVerified).to.equal(true);
      const forged = { ...events[0], sig: events[0].sig.replace(/.$/, (c: string) => (c === '0' ? '1' : '0')) };
      expect(coreApi.isValidSignedEvent(forged)).to.equal(false);
    } finally {
      verifier.stopWasmVerifier();
    }
  });
});
