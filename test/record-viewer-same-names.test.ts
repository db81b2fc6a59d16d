/**
 * A vet holds the records of two dogs called Max, of two owners: each heading, and each item on the
 * timeline, says whose Max it is, and a search for an owner's name finds their dog's items.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, type Person } from './helpers.js';
import { CAT, DOG, petBundle } from './pets.js';

describe('<nip82-record-viewer>: two pets of the same name', function () {
  this.timeout(60000);

  it('each is told apart by its owner, in the headings, on the timeline and in a search', async () => {
    const [vet, ana, bo] = [await person(), await person(), await person()];
    const pet = async (owner: Person, name: string, species = DOG): Promise<OpenedRecord> =>
      openRecord(await createRecord({ bundle: petBundle(name, species, owner.pubkey), author: vet.signer, participants: [{ pubkey: owner.pubkey, role: 'editor' }, { pubkey: vet.pubkey, role: 'viewer' }], subject: owner.pubkey }), vet.signer);
    const records = [await pet(ana, 'Max'), await pet(bo, 'Max'), await pet(bo, 'Luna', CAT)];
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" .records=${records} .knownNames=${{ [ana.pubkey]: 'Ana Rivera', [bo.pubkey]: 'Bo Chen' }}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 3, 'every record shown');
    await el.updateComplete;
    expect($$(el, 'article h2').map(text)).to.deep.equal(['Record 1 of 3: Max (Ana Rivera\'s)', 'Record 2 of 3: Max (Bo Chen\'s)', 'Record 3 of 3: Luna']);

    buttonByText(el, 'Timeline')!.click();
    await waitUntil(() => $$(el, '.timeline li.item').length === 3, 'the timeline shows the three vaccines');
    await el.updateComplete;
    expect($$(el, '.timeline li.item .whose').map(text)).to.have.members(['For Max (Ana Rivera\'s)', 'For Max (Bo Chen\'s)', 'For Luna']);

    const search = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    search.value = 'ana rivera';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => $$(el, '.timeline li.item').length === 1, 'her dog\'s vaccine alone');
    expect(text($$(el, '.timeline li.item .whose')[0]!)).to.equal('For Max (Ana Rivera\'s)');

    // A pet's items are found by its owner's name, whatever the pet is called.
    search.value = 'bo chen';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => $$(el, '.timeline li.item').length === 2, 'his two pets\' vaccines');
    expect($$(el, '.timeline li.item .whose').map(text)).to.have.members(['For Max (Bo Chen\'s)', 'For Luna']);
  });

  it('with no name from the page, each owner is named as their pet\'s record names them, never by a key', async () => {
    const [vet, ana, bo] = [await person(), await person(), await person()];
    const pet = async (owner: Person, ownerName: [string, string]): Promise<OpenedRecord> =>
      openRecord(await createRecord({ bundle: petBundle('Max', DOG, owner.pubkey, ownerName), author: vet.signer, participants: [{ pubkey: owner.pubkey, role: 'editor' }, { pubkey: vet.pubkey, role: 'viewer' }], subject: owner.pubkey }), vet.signer);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" .records=${[await pet(ana, ['Ana', 'Rivera']), await pet(bo, ['Bo', 'Chen'])]}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 2, 'every record shown');
    await el.updateComplete;
    expect($$(el, 'article h2').map(text)).to.deep.equal(['Record 1 of 2: Max (Ana Rivera\'s)', 'Record 2 of 2: Max (Bo Chen\'s)']);
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    search.value = 'bo chen';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => $$(el, 'article h2').length === 1, 'his dog\'s record alone');
    expect(text($$(el, 'article h2')[0]!)).to.equal('Record 2 of 2: Max (Bo Chen\'s)');
  });

  it('with entered-in-error items hidden, a record left with nothing to show is not shown as an empty heading', async () => {
    const vet = await person();
    const record = async (bundle: ReturnType<typeof petBundle>): Promise<OpenedRecord> =>
      openRecord(await createRecord({ bundle, author: vet.signer, participants: [{ pubkey: vet.pubkey, role: 'viewer' }] }), vet.signer);
    const wrong = petBundle('Rex', DOG, vet.pubkey);
    for (const entry of wrong.entry!) entry.resource.status = entry.resource.resourceType === 'Immunization' ? 'entered-in-error' : entry.resource.status;
    const onlyShot = { ...wrong, entry: wrong.entry!.filter((e) => e.resource.resourceType === 'Immunization') };
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" .records=${[await record(petBundle('Mia', CAT, vet.pubkey)), await record(onlyShot)]}></nip82-record-viewer>`);
    await waitUntil(() => $$(el, 'article h2').length === 2, 'both records shown');
    el.hideEnteredInError = true;
    await waitUntil(() => $$(el, 'article h2').length === 1, 'the record with nothing left is not shown');
  });
});
