/**
 * An owner with two pets (Rex the dog, Mia the cat), each a vet's record under the owner's key (R4
 * Patient with the patient-animal extension), and a user holding a parent's record beside their
 * own: the share dialog says whose each item is, whose details go with a share, names the owner
 * and the vet, and a share is about the person its items are about, never about more than one.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import type { Nip82Event } from '../components/shared/events.js';
import { counting, person, relayUrl, type Person } from './helpers.js';
import { CAT, DOG, petRecord } from './pets.js';

const uuid = () => crypto.randomUUID();
import { $, $$, buttonByText, dialogOf, itemRow, text, typeRecipient } from './element-helpers.js';

/** A person's own record: them (with their key), and one allergy. */
function personBundle(name: string, pubkey: string, allergy: string): FhirBundle {
  const [me, item] = [uuid(), uuid()];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: `urn:uuid:${me}`, resource: { resourceType: 'Patient', id: me, name: [{ text: name }], identifier: [{ system: 'urn:ietf:rfc:3986', value: `nostr:${npubEncode(pubkey)}` }] } },
      {
        fullUrl: `urn:uuid:${item}`,
        resource: {
          resourceType: 'AllergyIntolerance', id: item, code: { text: allergy }, patient: { reference: `urn:uuid:${me}` },
          clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
        },
      },
    ],
  } as FhirBundle;
}

async function openShare(el: Nip82ConsentPrompt, recipient: string) {
  $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
  await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
  await typeRecipient(el, recipient);
  await el.updateComplete;
}

/** The share `events`' record, opened by whom it went to. */
async function published(url: string, signPubkey: string, reader: Person): Promise<OpenedRecord> {
  const client = new RelayClient({ relays: [url] });
  try {
    return await openRecord((await client.query({ kinds: [RECORD_KIND], authors: [signPubkey] })).events, reader.signer);
  } finally {
    client.close();
  }
}

describe('the consent prompt: two pets, a parent, and whose items are whose', function () {
  this.timeout(60000);

  it('says which pet each item is about, in its label, its Hide button and the preview; the two pets go in one share', async () => {
    const [owner, vet, clinic] = await Promise.all([person(), person(), person()]);
    const url = await relayUrl('main');
    const records = [await petRecord(owner, vet, 'Rex', DOG), await petRecord(owner, vet, 'Mia', CAT)];
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${records} .signer=${owner.signer} relays=${url}></nip82-consent-prompt>`);
    await openShare(el, clinic.pubkey);
    const shots = $$(el, 'li.item').filter((li) => text(li).includes('Rabies vaccine'));
    expect(shots.map((li) => text(li.querySelector('label')))).to.have.members(['Rabies vaccine · Rex Mar 18, 2025', 'Rabies vaccine · Mia Mar 18, 2025']);
    expect(shots.map((li) => li.querySelector('button.hide')!.getAttribute('aria-label')!.replace(/[\u2066-\u2069]/g, ''))).to.have.members([
      'Hide Rabies vaccine · Rex, Mar 18, 2025', 'Hide Rabies vaccine · Mia, Mar 18, 2025',
    ]);
    // The pets themselves: their names, no more.
    expect(text(itemRow(el, 'Rex').querySelector('label'))).to.equal('Rex');

    // Only the shots: the pets go with them, and the preview names each.
    for (const box of $$<HTMLInputElement>(el, '.group-head input[type=checkbox]')) if (box.checked) box.click();
    await el.updateComplete;
    for (const li of shots) li.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await el.updateComplete;
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview (two pets of one owner are one share)');
    const lines = $$(el, '.preview .shared-items li').map((li) => text(li));
    expect(lines).to.include.members(['Vaccinations: Rabies vaccine · Rex (Mar 18, 2025)', 'Vaccinations: Rabies vaccine · Mia (Mar 18, 2025)']);

    const shared = oneEvent(el, 'nip82-share');
    buttonByText(el, /^Share with npub1/)!.click();
    const { detail } = (await shared) as Nip82Event<'nip82-share'>;
    const got = await published(url, detail.signPubkey, clinic);
    expect(got.subject, 'the share is about the owner').to.equal(owner.pubkey);
  });

  it('names the owner and the vet, not "(no description)"', async () => {
    const [owner, vet, clinic] = await Promise.all([person(), person(), person()]);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[await petRecord(owner, vet, 'Rex', DOG)]} .signer=${owner.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    await openShare(el, clinic.pubkey);
    const labels = $$(el, 'li.item label').map((l) => text(l));
    expect(labels).to.include.members(['Sam Lee', 'Vera Vet', 'Happy Paws Clinic']);
    expect(text($(el, '.items'))).not.to.contain('(no description)');
    expect(itemRow(el, 'Sam Lee').querySelector('button.hide')!.getAttribute('aria-label')!.replace(/[\u2066-\u2069]/g, '')).to.equal('Hide Sam Lee');
    // One pet: its items are not labelled with its name.
    expect(text(itemRow(el, 'Rabies vaccine').querySelector('label'))).to.equal('Rabies vaccine Mar 18, 2025');
  });

  it('says the pets\' details go with a share, not "your" details, in English and Spanish', async () => {
    const [owner, vet, clinic] = await Promise.all([person(), person(), person()]);
    const rex = await petRecord(owner, vet, 'Rex', DOG);
    const mia = await petRecord(owner, vet, 'Mia', CAT);
    const preview = async (records: OpenedRecord[], lang: string, review: string) => {
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang=${lang} mode="share" .records=${records} .signer=${owner.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
      await openShare(el, clinic.pubkey);
      // The pets are left out by their box: they still go, and the note says so.
      for (const li of $$(el, 'li.item').filter((row) => ['Rex', 'Mia'].includes(text(row.querySelector('label'))))) li.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
      await el.updateComplete;
      buttonByText(el, review)!.click();
      await waitUntil(() => $(el, '.preview .identity'), 'the note on whose details go');
      return text($(el, '.preview .identity'));
    };
    expect(await preview([rex], 'en', 'Review')).to.equal("Rex's name and details go with what you share, so they know whose health information it is. They cannot be hidden.");
    expect(await preview([rex, mia], 'en', 'Review')).to.equal('The names and details of Rex and Mia go with what you share, so they know whose health information it is. They cannot be hidden.');
    expect(await preview([rex], 'es', 'Revisar')).to.match(/^El nombre y los datos de Rex acompañan lo que comparte/);
  });

  async function parentAndMine(url: string) {
    const [me, parent, clinic] = await Promise.all([person(), person(), person()]);
    const theirs = await openRecord(
      await createRecord({ bundle: personBundle('Rosa Diaz', parent.pubkey, 'Latex'), author: parent.signer, participants: [{ pubkey: me.pubkey, role: 'editor' }] }), me.signer);
    const mine = await openRecord(await createRecord({ bundle: personBundle('Ana Rivera', me.pubkey, 'Penicillin'), author: me.signer, participants: [] }), me.signer);
    const signer = counting(me.signer);
    // The parent's record first, as a store may hold it.
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[theirs, mine]} .signer=${signer} relays=${url}></nip82-consent-prompt>`);
    await openShare(el, clinic.pubkey);
    return { me, clinic, signer, el };
  }

  it('a share of only the user\'s own allergy is about the user, though a parent\'s record comes first', async () => {
    const url = await relayUrl('main');
    const { me, clinic, el } = await parentAndMine(url);
    for (const box of $$<HTMLInputElement>(el, '.group-head input[type=checkbox]')) if (box.checked) box.click();
    await el.updateComplete;
    itemRow(el, 'Penicillin').querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await el.updateComplete;
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview');
    expect(text($(el, '.preview .identity'))).to.match(/^Your name and personal details go with what you share/);
    const shared = oneEvent(el, 'nip82-share');
    buttonByText(el, /^Share with npub1/)!.click();
    const { detail } = (await shared) as Nip82Event<'nip82-share'>;
    const got = await published(url, detail.signPubkey, clinic);
    expect(got.subject, 'the share is about the user').to.equal(me.pubkey);
    const consent = got.bundle.entry!.find((e) => e.resource.resourceType === 'Consent')!.resource as { patient?: { identifier?: { value?: string } } };
    expect(consent.patient?.identifier?.value).to.equal(`nostr:${npubEncode(me.pubkey)}`);
    const names = got.bundle.entry!.filter((e) => e.resource.resourceType === 'Patient').map((e) => (e.resource as { name?: { text?: string }[] }).name?.[0]?.text);
    expect(names).to.deep.equal(['Ana Rivera']);
  });

  it('a parent\'s records and the user\'s are offered one person at a time: the user\'s first, so Review is not refused; the parent\'s on choosing them', async () => {
    const url = await relayUrl('main');
    const { signer, el, clinic } = await parentAndMine(url);
    const rows = () => $$(el, 'li.item').map((li) => text(li.querySelector('label')));
    expect(text($(el, 'fieldset.about legend'))).to.equal('Whose records');
    expect(rows().some((r) => r.includes('Penicillin')), 'the user\'s own allergy offered').to.equal(true);
    expect(rows().some((r) => r.includes('Latex')), 'not the parent\'s').to.equal(false);
    const choices = $$<HTMLInputElement>(el, 'fieldset.about input[type=radio]');
    expect(choices.map((c) => text(c.closest('label')))).to.deep.equal(['Yours', 'Rosa Diaz']);
    expect(choices[0]!.checked).to.equal(true);
    // Everything offered starts chosen: Review goes on to the preview, not to "more than one person".
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview');
    expect(text($(el, '#problems'))).not.to.contain('more than one person');
    buttonByText(el, 'Back')!.click();
    await waitUntil(() => $(el, 'fieldset.about'), 'back to the choice');
    $$<HTMLInputElement>(el, 'fieldset.about input[type=radio]')[1]!.click();
    await waitUntil(() => rows().some((r) => r.includes('Latex')), 'the parent\'s allergy offered');
    expect(rows().some((r) => r.includes('Penicillin')), 'not the user\'s').to.equal(false);
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview of the parent\'s share');
    const shared = oneEvent(el, 'nip82-share');
    buttonByText(el, /^Share with npub1/)!.click();
    const { detail } = (await shared) as Nip82Event<'nip82-share'>;
    const got = await published(url, detail.signPubkey, clinic);
    const names = got.bundle.entry!.filter((e) => e.resource.resourceType === 'Patient').map((e) => (e.resource as { name?: { text?: string }[] }).name?.[0]?.text);
    expect(names, 'about the parent only').to.deep.equal(['Rosa Diaz']);
    expect(signer.calls.signEvent ?? 0, 'signed once the user chose to share').to.be.greaterThan(0);
  });
});
