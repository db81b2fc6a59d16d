// What every demo portal page shares: the relay list, signing in (the browser's NIP-07 extension,
// or a demo identity), and an activity log fed by the kit's events. A real portal would sign its
// users in its own way; the elements only need `.signer` on <nip82-session>.
import { nip07Signer, nostrIdentifier, secretKeySigner, waitForNip07 } from '/dist/cdn/nip82-elements.js';

/** A demo person's name short enough for a list on a phone: "Harbor Clinic", not "Harbor Clinic (demo clinician)". */
export const listName = (name) => name.replace(/\s*\(demo[^)]*\)$/, '');

/** A short, recognisable form of an npub for messages (never a key of any other kind). */
export const short = (npub) => `${npub.slice(0, 12)}…${npub.slice(-6)}`;

function hexToBytes(hex) {
  return Uint8Array.from(hex.match(/../g), (byte) => parseInt(byte, 16));
}

/** Whether the browser's NIP-07 extension has put `window.nostr` on the page yet. */
const extensionHere = () => typeof window.nostr?.getPublicKey === 'function';

/**
 * How long a page looks for an extension before it signs in with a demo identity, and in all. A
 * test sets `window.demoExtensionWatchMs` before the page loads to end the watch sooner, so that
 * what finds a later extension is the user's click alone (the end is marked on the form, see
 * {@link watchForExtension}).
 */
const FIRST_LOOK_MS = 1000;
const WATCH_MS = Number.isFinite(window.demoExtensionWatchMs) ? window.demoExtensionWatchMs : 8000;

/**
 * Signs the page in, as chosen by `?as=` (a demo role, or `extension`), and fills the chooser.
 * The form `#identity-form` lists the roles this page offers in `data-roles`; the first is the
 * default when the browser has no extension. An extension that arrives later (or is there by the
 * time the user opens the chooser or presses Switch) is added to the chooser then.
 * @returns {Promise<{ relays: string[], people: Record<string, { name: string, pubkey: string, npub: string }>, pubkey?: string, viaExtension: boolean }>}
 */
export async function signIn(session) {
  const form = document.getElementById('identity-form');
  const select = form.querySelector('select');
  const status = document.getElementById('signed-in');
  const offered = form.dataset.roles.split(' ');
  const asked = new URLSearchParams(location.search).get('as');

  const [{ relays }, demo] = await Promise.all([
    fetch('/config.json').then((r) => r.json()),
    // Everyone's public keys, and secret keys only for the roles this page offers.
    fetch(`/demo-identities.json?roles=${offered.join(',')}`).then((r) => (r.ok ? r.json() : { identities: [] })),
  ]);
  session.relays = relays;
  const people = Object.fromEntries(demo.identities.map(({ role, name, pubkey, npub }) => [role, { name, pubkey, npub }]));
  const roles = offered.filter((role) => demo.identities.some((i) => i.role === role && i.secret));
  // The portal's own directory: the session hands it to every element inside, so the hospital, the
  // vet and the patient are named in the viewer, the share, a request, its answer and the access list.
  session.knownNames = Object.fromEntries(Object.values(people).map((p) => [p.pubkey, p.name]));
  // A closed list cannot wrap: on a phone 320 px wide each choice shows whole only when short, so
  // the group says "demo" once and each choice gives the name alone.
  const demoGroup = Object.assign(document.createElement('optgroup'), { label: 'Demo identities' });
  for (const role of roles) demoGroup.append(new Option(listName(people[role].name), role));
  if (roles.length) select.append(demoGroup);
  const failed = { relays, people, viaExtension: false };

  // Asked for the extension by name, the page waits for it a while; otherwise briefly, then goes on.
  if (asked === 'extension' && !extensionHere()) status.textContent = 'Waiting for your browser extension…';
  const hasExtension = await waitForNip07(asked === 'extension' ? WATCH_MS : FIRST_LOOK_MS);
  const offerExtension = () => {
    if (!extensionHere()) return false;
    if (![...select.options].some((o) => o.value === 'extension')) {
      select.insertBefore(new Option('My browser extension', 'extension'), select.querySelector('optgroup'));
    }
    return true;
  };
  if (hasExtension) offerExtension();

  // Asked for by name, the extension is never replaced by a demo identity.
  const choice = asked === 'extension' ? (hasExtension ? 'extension' : '') : roles.includes(asked) ? asked : hasExtension ? '' : roles[0];
  if (choice) {
    select.value = choice;
  } else {
    select.prepend(new Option('Choose…', '', true, true));
    status.textContent = hasExtension
      ? 'Not signed in. Use your browser extension, or pick a demo identity.'
      : asked === 'extension'
        ? 'Your browser extension did not appear. Check that it is installed and allowed on this site, then press Switch, or pick a demo identity.'
        : 'No signer was found: add a signer extension to this browser, or open this page at 127.0.0.1 to use the demo identities (the server gives them only to requests for its loopback address).';
  }
  if (!hasExtension) watchForExtension(form, select, offerExtension, status, !choice);
  if (!choice) return failed;

  let signer;
  if (choice === 'extension') {
    signer = nip07Signer();
  } else {
    // The one demo key this page signs with; it stays in this closure, never in the DOM.
    const { secret } = demo.identities.find((i) => i.role === choice);
    signer = secretKeySigner(hexToBytes(secret));
  }
  // Asked before the session gets the signer, so a refusal is told once, here, and the session
  // holds only a signer that answered.
  let pubkey;
  try {
    pubkey = await signer.getPublicKey();
  } catch (error) {
    // In the patient's words, from the error's code (its message names protocol parts).
    const why = { refused: 'you said no in it', timeout: 'it did not answer in time', absent: 'it is no longer there' }[error.code] ?? 'it could not finish';
    // Locked: the user has only to unlock it, which is what the page says.
    status.textContent = error.code === 'locked'
      ? 'Your browser extension is locked. Unlock it, then press Switch to try again.'
      : `Your extension did not sign you in: ${why}. Press Switch to try again.`;
    return failed;
  }
  session.signer = signer;
  const who = choice === 'extension' ? 'your browser extension' : people[choice].name;
  status.replaceChildren(
    `Signed in as ${who} `,
    Object.assign(document.createElement('code'), { textContent: short(npubOf(pubkey)) }),
    choice === 'extension' ? '.' : '. This is a demo identity generated for this install: never use it for real data.',
  );
  status.classList.toggle('demo-identity', choice !== 'extension');
  return { relays, people, pubkey, viaExtension: choice === 'extension' };
}

/**
 * Keeps looking for an extension that had not arrived: for a few seconds in the background, and
 * again whenever the user opens the chooser or presses Switch. Once found, the chooser offers it.
 * The background look's end is marked on the form (`data-extension-watch="ended"`): a test waits
 * for it, so that an extension it adds later can be found by the user's click only.
 */
function watchForExtension(form, select, offerExtension, status, notSignedIn) {
  let told = false;
  const found = () => {
    if (!offerExtension()) return false;
    if (told) return true;
    told = true;
    const note = 'Your browser extension is ready: choose “My browser extension” and press Switch to use it.';
    if (notSignedIn) status.textContent = `Not signed in. ${note}`;
    else form.after(Object.assign(document.createElement('p'), { className: 'help', id: 'extension-ready', role: 'status', textContent: note }));
    return true;
  };
  void waitForNip07(WATCH_MS).then((here) => {
    if (here) found();
    form.dataset.extensionWatch = 'ended';
  });
  for (const event of ['pointerdown', 'focus', 'keydown']) select.addEventListener(event, found);
  // Switch pressed on "Choose…" just as the extension arrived: use it rather than reload to nothing.
  form.addEventListener('submit', () => {
    if (found() && !select.value) select.value = 'extension';
  });
}

/** The npub of a hex public key (the kit writes it into FHIR as `nostr:npub1…`). */
export const npubOf = (pubkey) => nostrIdentifier(pubkey).value.replace(/^nostr:/, '');

/**
 * Writes what the kit reports into `list`: the host's view of the elements. Details carry ids and
 * public keys only, so the log never holds health data or keys.
 */
export function logActivity(root, list, people) {
  const name = (pubkey) => Object.values(people).find((p) => p.pubkey === pubkey)?.name ?? `${pubkey.slice(0, 8)}…`;
  const add = (text) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()}: ${text}`;
    list.prepend(item);
  };
  root.addEventListener('nip82-signer-request', (e) => add(`the kit asks the signer to ${e.detail.action} (${e.detail.source}).`));
  root.addEventListener('nip82-record-open', (e) => add(`${e.detail.records.length} record(s) unlocked.`));
  root.addEventListener('nip82-record-export', (e) => add(`${e.detail.records.length} record(s) ${e.detail.how === 'print' ? 'printed' : 'downloaded'}.`));
  root.addEventListener('nip82-share', (e) => add(`shared with ${name(e.detail.recipient)} as ${e.detail.role}, ${e.detail.hidden} item(s) hidden.`));
  root.addEventListener('nip82-answer', (e) => add(`request ${e.detail.decision === 'active' ? 'approved' : 'denied'}.`));
  root.addEventListener('nip82-revoke', (e) => add(`access revoked for ${name(e.detail.pubkey)}${e.detail.movedTo ? '; the record moved' : ''}.`));
  root.addEventListener('nip82-receipts', (e) => add(`relays: ${e.detail.receipts.filter((r) => r.status === 'accepted').length} of ${e.detail.receipts.length} event(s) accepted.`));
  root.addEventListener('nip82-error', (e) => add(`error (${e.detail.code}): ${e.detail.message}`));
}

/** Lists how each unlocked record is stored, from `nip82-record-open` (ids and counts only). */
export function showParts(viewer, list) {
  viewer.addEventListener('nip82-record-open', (e) => {
    list.replaceChildren(
      ...e.detail.records.map((r, i) => {
        const item = document.createElement('li');
        const { have, total } = r.parts;
        item.textContent = `Record ${i + 1}: ${have} of ${total} ${total === 1 ? 'part' : 'parts'}${have < total ? ' (some are missing)' : ''}; you ${r.role === 'editor' ? 'can view and share it' : 'can view it'}.`;
        return item;
      }),
    );
  });
}
