/**
 * Where a keyboard or screen-reader user is left in the access list: on the share they revoked
 * (never on another one the re-sorted list put in its place), on buttons that each name their own
 * share, and on the button they pressed while it works.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import type { Signer } from '../components/core/signers/signer.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, $$, buttonByText, dialogOf, isoDay, root, text } from './element-helpers.js';

/** `base`, whose decrypting waits while held: the element stays busy reading until `release()`. */
function holdingDecrypt(base: Signer) {
  let gate: Promise<void> = Promise.resolve();
  let release = () => {};
  const signer: Signer = {
    getPublicKey: () => base.getPublicKey(),
    signEvent: (t) => base.signEvent(t),
    nip44Encrypt: (p, x) => base.nip44Encrypt(p, x),
    nip44Decrypt: async (p, c) => { await gate; return base.nip44Decrypt(p, c); },
  };
  const hold = () => { gate = new Promise<void>((resolve) => { release = resolve; }); };
  return { signer, hold, release: () => release() };
}

describe('<nip82-access-list>: focus and names', function () {
  this.timeout(60000);
  let patient: Person;
  let clinician: Person;

  const relay = sharedRelayClient();
  beforeEach(async () => {
    [patient, clinician] = [await person(), await person()];
  });

  async function publishedRecord(): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    await relay.client.publishAll(events);
    return openRecord(events, patient.signer);
  }

  /** A share to `who` of the record's first `count` items, made `ago` seconds back; its address. */
  async function shareOf(record: OpenedRecord, who: Person, count: number, ago: number): Promise<string> {
    const consent = grantConsent({ patient: patient.pubkey, recipient: who.pubkey, role: 'viewer', until: isoDay(30) });
    // Granted `ago` seconds back too, as the list orders shares by when they were granted: made now,
    // the older share's grant could fall a second after the newer one's.
    const granted = new Date(Date.now() - ago * 1000).toISOString();
    Object.assign(consent, { dateTime: granted });
    (consent.provision as { period: { start: string } }).period.start = granted;
    const { source, fullUrl } = consentSource(record, consent);
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.slice(0, count).map((e) => e.fullUrl!), fullUrl], author: patient.signer,
      participants: [{ pubkey: who.pubkey, role: 'viewer' }], createdAt: Math.floor(Date.now() / 1000) - ago,
    });
    await relay.client.publishAll(events);
    return events[0]!.pubkey;
  }

  const revokeOf = (li: Element) => li.querySelector<HTMLButtonElement>('button.revoke');
  /** Where the keyboard is, in words (elements themselves are not compared: a failure would print the whole element). */
  const focusOf = (el: Element) => {
    const at = root(el).activeElement;
    return at ? `${at.localName}#${at.id} ${text(at)}` : `nothing in the element (the page's focus: ${document.activeElement?.localName})`;
  };
  const named = (node: Element) => `${node.localName}#${node.id} ${text(node)}`;

  const who = () => shortNpub(clinician.pubkey);
  /** How many items a listed share says it holds ("1 item", "4 items"). */
  const items = (li: Element) => /: (\d+ items?)\./.exec(text(li))![1]!;

  /** The list of the patient's records, loaded as a user would, with two shares to the clinician: all items (newer), one item (older). */
  async function twoShares() {
    const record = await publishedRecord();
    const newer = await shareOf(record, clinician, record.bundle.entry!.length, 100);
    // The Patient entry is no item: this share holds one.
    const older = await shareOf(record, clinician, 2, 200);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${relay.url}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => $$(el, 'li.share').length === 2, 'both shares listed', { timeout: 20000 });
    await el.updateComplete;
    const [first, second] = $$(el, 'li.share');
    expect([items(first!), items(second!)], 'newest first').to.deep.equal([`${record.bundle.entry!.length - 1} items`, '1 item']);
    return { el, newer, older, first: first!, second: second! };
  }

  it('two shares to one person: each Revoke button names its own share (how many items, shared when, until when)', async () => {
    const { first, second } = await twoShares();
    const day = '[A-Z][a-z]{2} \\d{1,2}, \\d{4}';
    // Two shares to one person on one day say their time as well (not when midnight falls between them).
    const moment = `${day}(?:, \\d{1,2}:\\d{2}\\s?[AP]M)?`;
    const labels = [first, second].map((li) => revokeOf(li)!.getAttribute('aria-label')!);
    expect(labels[0]).to.match(new RegExp(`^Revoke access for ${who()} to the ${items(first)} shared on ${moment}, until ${day}$`));
    expect(labels[1]).to.match(new RegExp(`^Revoke access for ${who()} to the 1 item shared on ${moment}, until ${day}$`));
    expect(labels[0], 'two shares, two names').not.to.equal(labels[1]);
  });

  it('revoking the second of two shares to one person: once the dialog closes, focus is on that share, not on the other one now in its place', async () => {
    const { el, older, second } = await twoShares();
    revokeOf(second)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    buttonByText(el, `Revoke access for ${who()}`)!.click();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialogOf(el).open, 'dialog closes');
    await el.updateComplete;

    // The revoked share moved under "No longer shared", after the one still open, which took its place.
    const shares = $$(el, 'li.share');
    expect(items(shares[1]!)).to.equal('1 item');
    expect(shares[1]!.classList.contains('revoked')).to.equal(true);
    await waitUntil(() => root(el).activeElement?.localName === 'li', 'focus on a share');
    const focused = root(el).activeElement!;
    expect(items(focused), 'focus on the share revoked').to.equal('1 item');
    expect(focused.classList.contains('revoked')).to.equal(true);
    expect(!!revokeOf(focused), 'nothing left to revoke on it').to.equal(false);
    expect(focused.id, 'named by its address').to.equal(`share-${older}`);
  });

  it('"Unlock my records" and "Show consent history" keep the keyboard\'s focus while they read, and a second press does nothing', async () => {
    await publishedRecord();
    // A request to the patient: reading the history has a message to open.
    const { events: wraps } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Immunization'], purpose: 'Check-up', days: 20 });
    await relay.client.publishAll(wraps);
    const held = holdingDecrypt(patient.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${held.signer} relays=${relay.url}></nip82-access-list>`);
    let asked = 0;
    el.addEventListener('nip82-signer-request', () => asked++);

    held.hold();
    const show = buttonByText(el, 'Unlock my records')!;
    show.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.status === 'waiting-signer', 'reading');
    await el.updateComplete;
    expect(focusOf(el), 'focus stays on the button pressed').to.equal(named(show));
    expect(show.getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(asked, 'a second press asks nothing').to.equal(1);
    held.release();
    await waitUntil(() => el.status === 'done', 'loaded', { timeout: 20000 });
    await el.updateComplete;
    expect(text(show)).to.equal('Load your records again');
    expect(show.getAttribute('aria-disabled')).to.equal('false');
    expect(focusOf(el), 'focus is still there once loaded').to.equal(named(show));

    held.hold();
    const history = buttonByText(el, 'Show consent history')!;
    history.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.status === 'waiting-signer', 'reading the history');
    await el.updateComplete;
    expect(focusOf(el), 'focus stays on the history button').to.equal(named(history));
    expect(history.getAttribute('aria-disabled')).to.equal('true');
    held.release();
    await waitUntil(() => el.status === 'done', 'history read', { timeout: 20000 });
    await el.updateComplete;
    // An open request is no consent given yet: nothing to show, and focus stays where it was.
    expect(text($(el, '[role=status]'))).to.equal('You have not shared anything or answered any requests yet.');
    expect(focusOf(el)).to.equal(named(history));
    expect(history.getAttribute('aria-disabled')).to.equal('false');
  });
});
