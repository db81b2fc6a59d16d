/**
 * The first file of the chunked embed build (`dist/cdn/auto/nip82-autoloader.js`): it knows every
 * tag of the kit and loads an element's code, with the elements it renders, the first time the page
 * uses that tag, so a page pays only for the elements it shows. It watches the document for tags
 * added later (a framework rendering, `innerHTML`); elements a host creates but has not attached yet
 * can be loaded ahead with {@link load}. A shadow root is out of the document's sight: a host that
 * renders kit tags in its own hands it to {@link discover}. Heavier parts load later still, inside
 * the elements: the remote signer and its QR code when the user chooses them.
 *
 * Everything is fetched from the folder this file was served from (same origin, no eval), so a
 * strict Content-Security-Policy with `script-src 'self'` allows it.
 */

/** Each tag's define module: it registers the tag and the tags its element renders inside itself. */
const DEFINES: Record<string, () => Promise<unknown>> = {
  'nip82-session': () => import('./session/define.js'),
  'nip82-record-viewer': () => import('./record-viewer/define.js'),
  'nip82-consent-prompt': () => import('./consent-prompt/define.js'),
  'nip82-access-list': () => import('./access-list/define.js'),
  'nip82-npub-picker': () => import('./npub-picker/define.js'),
  'nip82-hidden-flag': () => import('./hidden-flag/define.js'),
};

/** Every tag the autoloader knows. */
export const TAGS = Object.keys(DEFINES);

const loading = new Map<string, Promise<void>>();

/**
 * Loads and registers one tag (and what its element renders). Resolves once the tag is defined;
 * a failed fetch rejects and may be retried.
 */
export function load(tag: string): Promise<void> {
  const name = tag.toLowerCase();
  const define = DEFINES[name];
  if (!define) return Promise.reject(new Error(`${tag} is not an element of this kit.`));
  if (customElements.get(name)) return Promise.resolve();
  let pending = loading.get(name);
  if (!pending) {
    pending = define().then(() => undefined);
    pending.catch(() => loading.delete(name));
    loading.set(name, pending);
  }
  return pending;
}

/**
 * One observer for the document and every shadow root handed in: a tag added to any loads. None on
 * a server building a page (a server-rendering framework imports this file there, with no DOM), where
 * nothing is watched: the browser loads the tags when it runs the page.
 */
const observer = globalThis.document && new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    for (const node of mutation.addedNodes) if (node instanceof Element) void discover(node);
  }
});
const WATCH = { childList: true, subtree: true };

/**
 * Loads every kit tag used, not yet defined, in `root` (itself included when it is an element).
 * A shadow root is watched from then on too, as the document is: neither its tags nor the document
 * observer's reach the other, and a host's template may render a kit tag only later (once signed in,
 * say), so the host hands its root in once, when it has one, and every tag it ever renders there loads.
 */
export function discover(root: ParentNode = document): Promise<void> {
  if (root instanceof ShadowRoot) observer.observe(root, WATCH);
  const found = new Set<string>();
  if (root instanceof Element && root.localName in DEFINES) found.add(root.localName);
  for (const el of root.querySelectorAll(':not(:defined)')) if (el.localName in DEFINES) found.add(el.localName);
  return Promise.all([...found].map((tag) => load(tag).catch((error: unknown) => {
    // A host sees why an element stays blank; the error carries only the chunk's address.
    console.error(`nip82-elements: could not load <${tag}>`, error);
  }))).then(() => undefined);
}

// Elements may define in any order: each element's base puts the buffer of unanswered session
// requests in place as the first one connects (localized-element.ts), once per document. A script
// in <head> may run before <body> exists: the observer on <html> sees the body's tags as the
// parser adds them.
if (observer) {
  observer.observe(document.documentElement, WATCH);
  void discover();
}
