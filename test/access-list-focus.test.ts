/**
 * Where a keyboard or screen-reader user is left in the access list: on the share they revoked
 * (never on another one the re-sorted list put in its place), and on buttons that each name their
 * own share.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, relayUrl, sampleBundle, type Person } from './helpers.js';
import { $$, buttonByText, dialogOf, isoDay, root, text } from './element-helpers.js';

describe('<nip82-access-list>: focus and names', function () {
  this.timeout(60000);
  let url: string;
  let client: RelayClient;
  let patient: Person;
  let clinician: Person;

  before(async () => {
    url = await relayUrl('main');
    client = new RelayClient({ relays: [url] });
  });
  after(() => client.close());
  beforeEach(async () => {
    [patient, clinician] = [await person(), await person()];
  });

  async function publishedRecord(): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    await client.publishAll(events);
    return openRecord(events, patient.signer);
  }

  /** A share to `who` of the record's first `count` items, made `ago` seconds back; its address. */
  async function shareOf(record: OpenedRecord, who: Person, count: number, ago: number): Promise<string> {
    const consent = grantConsent({ patient: patient.pubkey, recipient: who.pubkey, role: 'viewer', until: isoDay(30) });
    const { source, fullUrl } = consentSource(record, consent);
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.slice(0, count).map((e) => e.fullUrl!), fullUrl], author: patient.signer,
      participants: [{ pubkey: who.pubkey, role: 'viewer' }], createdAt: Math.floor(Date.now() / 1000) - ago,
    });
    await client.publishAll(events);
    return events[0]!.pubkey;
  }

  const revokeOf = (li: Element) => li.querySelector<HTMLButtonElement>('button.revoke');
  const who = () => shortNpub(clinician.pubkey);
  /** How many items a listed share says it holds ("1 item", "4 items"). */
  const items = (li: Element) => /: (\d+ items?)\./.exec(text(li))![1]!;

  /** The list of the patient's records, loaded as a user would, with two shares to the clinician: all items (newer), one item (older). */
  async function twoShares() {
    const record = await publishedRecord();
    const newer = await shareOf(record, clinician, record.bundle.entry!.length, 100);
    // The Patient entry is no item: this share holds one.
    const older = await shareOf(record, clinician, 2, 200);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${url}></nip82-access-list>`);
    buttonByText(el, 'Show who has access')!.click();
    await waitUntil(() => $$(el, 'li.share').length === 2, 'both shares listed', { timeout: 20000 });
    await el.updateComplete;
    const [first, second] = $$(el, 'li.share');
    expect([items(first!), items(second!)], 'newest first').to.deep.equal([`${record.bundle.entry!.length - 1} items`, '1 item']);
    return { el, newer, older, first: first!, second: second! };
  }

  it('two shares to one person: each Revoke button names its own share (how many items, shared when, until when)', async () => {
    const { first, second } = await twoShares();
    const day = '[A-Z][a-z]{2} \\d{1,2}, \\d{4}';
    const labels = [first, second].map((li) => revokeOf(li)!.getAttribute('aria-label')!);
    expect(labels[0]).to.match(new RegExp(`^Revoke access for ${who()} to the ${items(first)} shared on ${day}, until ${day}$`));
    expect(labels[1]).to.match(new RegExp(`^Revoke access for ${who()} to the 1 item shared on ${day}, until ${day}$`));
    expect(labels[0], 'two shares, two names').not.to.equal(labels[1]);
  });

  it('revoking the second of two shares to one person: once the dialog closes, focus is on that share, not on the other one now in its place', async () => {
    const { el, older, second } = await twoShares();
    revokeOf(second)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    buttonByText(el, `Revoke ${who()}`)!.click();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialogOf(el).open, 'dialog closes');
    await el.updateComplete;

    // The revoked share is now the newest: the list put it first, where the other share was.
    const shares = $$(el, 'li.share');
    expect(items(shares[0]!)).to.equal('1 item');
    expect(shares[0]!.classList.contains('revoked')).to.equal(true);
    await waitUntil(() => root(el).activeElement?.localName === 'li', 'focus on a share');
    const focused = root(el).activeElement!;
    expect(items(focused), 'focus on the share revoked').to.equal('1 item');
    expect(focused.classList.contains('revoked')).to.equal(true);
    expect(!!revokeOf(focused), 'nothing left to revoke on it').to.equal(false);
    expect(focused.id, 'named by its address').to.equal(`share-${older}`);
  });
});
