/**
 * A pet owner's "What you shared": their own records' shares and their dog's and cat's, made with
 * several clinics, read by whom they are about (theirs first, then each animal by name), each a
 * heading one level under "What you shared" over a group it names, as a clinic's list reads by
 * patient. Shares about one patient only stay one list, as ever.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, sampleBundle, type Person } from './helpers.js';
import { CAT, DOG, petRecord } from './pets.js';
import { $, $$, accessibleName, text } from './element-helpers.js';
import { expectReflows, onPhone } from './reflow.js';

/** `record` shared whole with `to` by its owner, opened back as the owner's copy; `taken`: `to` taken off it since (revoked). */
async function sharedCopy(record: OpenedRecord, owner: Person, to: Person, taken = false): Promise<OpenedRecord> {
  const { source, fullUrl } = consentSource(record, grantConsent({ patient: owner.pubkey, recipient: to.pubkey, role: 'viewer' }));
  const events = await createShare({
    from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: owner.signer, participants: taken ? [] : [{ pubkey: to.pubkey, role: 'viewer' }],
  });
  return openRecord(events, owner.signer);
}

/** The owner's own record (Ana Rivera, under her key), written by herself. */
async function ownRecord(owner: Person): Promise<OpenedRecord> {
  return openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(owner.pubkey)}`), author: owner.signer, participants: [], subject: owner.pubkey }), owner.signer);
}

/** Each group of "What you shared": its heading, its accessible name and how many shares it holds. */
const shareGroups = (el: Element) =>
  $$(el, '.shares [part=patient]').map((g) => [text(g.querySelector(':scope > h4')), g.getAttribute('role'), accessibleName(g), g.querySelectorAll('[part=share]').length] as const);

/** The page's headings as Chromium's accessibility tree holds them, in document order: their text and level. */
async function headings(): Promise<[string, number][]> {
  const found = (await executeServerCommand<{ name: string; level: number }[], undefined>('headings')) ?? [];
  return found.map(({ name, level }) => [name, level]);
}

describe('the access list of a pet owner: "What you shared" by whom it is about', function () {
  this.timeout(90000);

  it('groups the shares under "Yours" first, then each animal by name, each group named by its heading', async () => {
    const [owner, vet, clinic, other] = await Promise.all([person(), person(), person(), person()]);
    const [own, rex, mia] = [await ownRecord(owner), await petRecord(owner, vet, 'Rex', DOG), await petRecord(owner, vet, 'Mia', CAT)];
    const shares = [await sharedCopy(rex, owner, clinic), await sharedCopy(own, owner, clinic), await sharedCopy(mia, owner, other), await sharedCopy(rex, owner, other), await sharedCopy(mia, owner, clinic, true)];
    const page = await fixture<HTMLElement>(html`<section lang="en"><h1>My records</h1>
      <nip82-access-list heading-level="2" .records=${[own, rex, mia, ...shares]} .signer=${owner.signer}></nip82-access-list></section>`);
    const el = page.querySelector<Nip82AccessList>('nip82-access-list')!;
    await waitUntil(() => $$(el, '[part=share]').length === 5, 'the shares are listed');
    expect(shareGroups(el)).to.deep.equal([['Yours', 'group', 'Yours', 1], ['Mia', 'group', 'Mia', 2], ['Rex', 'group', 'Rex', 2]]);
    // Under its animal's name, a share does not say again whom it is about.
    expect($$(el, '.shares [part=share] .about').map((p) => text(p))).to.deep.equal([]);
    // "What you shared" at the element's first level, whom each group is about one level under it.
    const levels = (await headings()).slice(1);
    const at = levels.findIndex(([name]) => name === 'What you shared');
    expect(levels[at]![1]).to.equal(2);
    // Mia's revoked share under her name, its "No longer shared" one level further down.
    expect(levels.slice(at + 1).map(([name, level]) => `${name}:${level}`)).to.deep.equal(['Yours:3', 'Mia:3', 'No longer shared:4', 'Rex:3']);

    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-access-list .records=${[own, rex, mia, ...shares]} .signer=${owner.signer}></nip82-access-list></div>`);
    const es = wrapper.querySelector('nip82-access-list')!;
    await waitUntil(() => shareGroups(es)[0]?.[0] === 'Los suyos', 'the groups in Spanish');
    expect(shareGroups(es).map(([name, , label]) => `${name}=${label}`)).to.deep.equal(['Los suyos=Los suyos', 'Mia=Mia', 'Rex=Rex']);
  });

  it('the word for the user\'s own can be overridden', async () => {
    const [owner, vet, clinic] = await Promise.all([person(), person(), person()]);
    const [own, rex] = [await ownRecord(owner), await petRecord(owner, vet, 'Rex', DOG)];
    const shares = [await sharedCopy(own, owner, clinic), await sharedCopy(rex, owner, clinic)];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .strings=${{ sharesAboutYou: 'Mine' }} .records=${[own, rex, ...shares]} .signer=${owner.signer}></nip82-access-list>`);
    await waitUntil(() => shareGroups(el).length === 2, 'two groups');
    expect(shareGroups(el).map(([name]) => name)).to.deep.equal(['Mine', 'Rex']);
  });

  it('shares about one patient only stay one list, without a heading over it', async () => {
    const [owner, clinic, other] = await Promise.all([person(), person(), person()]);
    const own = await ownRecord(owner);
    const shares = [await sharedCopy(own, owner, clinic), await sharedCopy(own, owner, other)];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${[own, ...shares]} .signer=${owner.signer}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=share]').length === 2, 'the shares are listed');
    expect(shareGroups(el)).to.deep.equal([]);
    expect($$(el, '.shares > .share-list > [part=share]')).to.have.length(2);
    expect($(el, '.shares h4')).to.equal(null);
  });

  describe('on a phone', () => {
    onPhone();

    it('the grouped shares fit 320 px', async () => {
      const [owner, vet, clinic] = await Promise.all([person(), person(), person()]);
      const [own, rex] = [await ownRecord(owner), await petRecord(owner, vet, 'Rex', DOG)];
      const shares = [await sharedCopy(own, owner, clinic), await sharedCopy(rex, owner, clinic)];
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${[own, rex, ...shares]} .signer=${owner.signer}></nip82-access-list>`);
      await waitUntil(() => shareGroups(el).length === 2, 'two groups');
      await expectReflows(el, 'a pet owner\'s shares by whom they are about');
    });
  });
});
