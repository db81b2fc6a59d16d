/**
 * Both embeds on a host page under a strict Content-Security-Policy (`script-src 'self'`, no eval,
 * no inline script or style; set for test/fixtures/csp/ by web-test-runner.config.mjs): every tag
 * loads, a record unlocks from a real relay, its narrative is sanitised and shown, and the policy
 * blocks nothing. The README promises hosts exactly this.
 */
import { expect } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Signer } from '../components/core/signers/signer.js';
import { person, relayUrl, sampleBundle } from './helpers.js';

/** Each embed on its own host page: the autoloaded one fetches the sanitiser as a chunk, the single file carries it. */
const PAGES = [
  { embed: 'autoloaded embed', page: new URL('./fixtures/csp/autoloaded.html', import.meta.url), sanitiserChunk: true },
  { embed: 'single-file embed', page: new URL('./fixtures/csp/single.html', import.meta.url), sanitiserChunk: false },
  // The same pages with Trusted Types enforced, only the policies the README names allowed.
  { embed: 'autoloaded embed with Trusted Types', page: new URL('./fixtures/csp/autoloaded.html?trusted-types', import.meta.url), sanitiserChunk: true },
  { embed: 'single-file embed with Trusted Types', page: new URL('./fixtures/csp/single.html?trusted-types', import.meta.url), sanitiserChunk: false },
];

type CspWindow = Window & typeof globalThis & { cspViolations: string[] };

function buttonIn(root: ShadowRoot, label: RegExp): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((b) => label.test(b.textContent ?? ''));
}

describe('embeds under a strict Content-Security-Policy', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  for (const { embed, page, sanitiserChunk } of PAGES) it(`${embed}: loads, unlocks a record and shows its narrative with nothing blocked`, async () => {
    const policy = (await fetch(page)).headers.get('content-security-policy') ?? '';
    // Without the policy this test would prove nothing.
    expect(policy).to.contain("script-src 'self'");
    expect(policy).not.to.contain('unsafe');
    if (page.search) expect(policy).to.contain("require-trusted-types-for 'script'");

    const relay = await relayUrl('main');
    const patient = await person();
    const reader = await person();
    const bundle = sampleBundle(`nostr:${npubEncode(patient.pubkey)}`);
    const first = bundle.entry[1]!.resource as { text?: { status: string; div: string } };
    first.text = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Allergic to <b>penicillin</b> since childhood.</div>' };
    const client = new RelayClient({ relays: [relay] });
    try {
      await client.publishAll(await createRecord({ bundle, author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] }));
    } finally {
      client.close();
    }

    frame = document.createElement('iframe');
    const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    frame.src = page.href;
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as CspWindow;
    const doc = frame.contentDocument!;
    const session = doc.querySelector('nip82-session') as HTMLElement & { signer?: Signer };
    session.signer = reader.signer;
    session.setAttribute('relays', relay);
    await waitUntil(() => win.customElements.get('nip82-record-viewer'), 'the viewer never loaded', { timeout: 15000 });

    const viewer = doc.querySelector('nip82-record-viewer') as HTMLElement & { status: string; updateComplete: Promise<boolean> };
    // The viewer has taken the session's signer before its button is pressed.
    await viewer.updateComplete;
    await waitUntil(() => viewer.shadowRoot && buttonIn(viewer.shadowRoot, /Unlock my records/), 'no unlock button', { timeout: 15000 });
    const root = viewer.shadowRoot!;
    buttonIn(root, /Unlock my records/)!.click();
    await waitUntil(() => viewer.status === 'done' && (root.textContent ?? '').includes('Penicillin'), 'the record never showed', { timeout: 15000 }).catch((error: unknown) => {
      throw new Error(`${String(error)} (status ${viewer.status}; blocked: ${win.cspViolations.join('; ') || 'nothing'})`);
    });

    buttonIn(root, /Show original text/)!.click();
    await waitUntil(() => root.querySelector('[part="narrative"] b'), 'the narrative never appeared', { timeout: 15000 });
    expect(root.querySelector('[part="narrative"] b')!.textContent).to.equal('penicillin');
    const fetched = win.performance.getEntriesByType('resource').map((e) => e.name);
    expect(fetched.some((name) => /\/chunks\/shared-sanitize-[^/]+\.js$/.test(name)), 'the sanitiser chunk').to.equal(sanitiserChunk);

    expect(win.cspViolations).to.deep.equal([]);
    // The page really is under the policy: an eval is refused.
    expect(() => win.eval('1')).to.throw();
  });
});
