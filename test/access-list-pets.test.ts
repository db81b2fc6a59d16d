/**
 * An owner's two pets, each a vet's record under the owner's key: the access list, its revoke
 * dialog and "What you shared" say which pet each record is about; a person's own records (one
 * patient) are named as before, without their name.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, sampleBundle, type Person } from './helpers.js';
import { CAT, DOG, petRecord } from './pets.js';
import { $, $$, dialogOf, text } from './element-helpers.js';

/** `record` shared whole with `to` by its owner, opened back as the owner's copy. */
async function sharedCopy(record: OpenedRecord, owner: Person, to: Person): Promise<OpenedRecord> {
  const { source, fullUrl } = consentSource(record, grantConsent({ patient: owner.pubkey, recipient: to.pubkey, role: 'viewer' }));
  const events = await createShare({
    from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: owner.signer, participants: [{ pubkey: to.pubkey, role: 'viewer' }],
  });
  return openRecord(events, owner.signer);
}

/** The records' headings (under each pet's name, once there are two pets). */
const headings = (el: Element) => $$(el, 'article.record :is(h3, h4)[id]').map((h) => text(h));

describe('the access list: two pets of one owner', function () {
  this.timeout(60000);

  it('names the pet of each record, in the list, "What you shared" and the revoke dialog', async () => {
    const [owner, vet, clinic] = await Promise.all([person(), person(), person()]);
    const rex = await petRecord(owner, vet, 'Rex', DOG);
    const mia = await petRecord(owner, vet, 'Mia', CAT);
    const share = await sharedCopy(rex, owner, clinic);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[rex, mia, share]} .signer=${owner.signer}></nip82-access-list>`);
    await waitUntil(() => headings(el).length === 2 && $(el, '[part=share]'), 'the records and the share are listed');
    const [first, second] = headings(el);
    expect([first!.split(' · ')[0], second!.split(' · ')[0]]).to.have.members(['Vaccinations, family members and carers for Rex', 'Vaccinations, family members and carers for Mia']);
    expect(text($(el, '[part=share] .about'))).to.equal('About Rex');

    $<HTMLButtonElement>(el, '[part=share] button.revoke')!.click();
    await waitUntil(() => dialogOf(el).open && $(el, 'dialog .record-name'), 'the revoke dialog');
    expect(text($(el, 'dialog .record-name'))).to.match(/^Record: Vaccinations, family members and carers for Rex · from /);
  });

  it('names the pet of a single pet\'s record; a person\'s own records stay without their name', async () => {
    const [owner, vet, patient] = await Promise.all([person(), person(), person()]);
    const rex = await petRecord(owner, vet, 'Rex', DOG);
    const pets = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[rex]} .signer=${owner.signer}></nip82-access-list>`);
    await waitUntil(() => headings(pets).length === 1, 'the record is listed');
    expect(headings(pets)[0]).to.match(/^Vaccinations, family members and carers for Rex · from /);

    const own = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[own]} .signer=${patient.signer}></nip82-access-list>`);
    await waitUntil(() => headings(el).length === 1, 'the record is listed');
    expect(headings(el)[0]).to.match(/^Allergies, conditions, vaccinations · from you · /);
  });

  it('says it in Spanish too', async () => {
    const [owner, vet] = await Promise.all([person(), person()]);
    const records = [await petRecord(owner, vet, 'Rex', DOG), await petRecord(owner, vet, 'Mia', CAT)];
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-access-list .records=${records} .signer=${owner.signer}></nip82-access-list></div>`);
    const el = wrapper.querySelector('nip82-access-list')!;
    await waitUntil(() => headings(el).length === 2 && headings(el).every((h) => h.includes('paciente')), 'the records are listed in Spanish');
    expect(headings(el).map((h) => h.split(' · ')[0])).to.have.members(['Vacunas, familiares y cuidadores (paciente: Rex)', 'Vacunas, familiares y cuidadores (paciente: Mia)']);
  });
});
