/**
 * A share made for a clinic who may edit it, then edited by the clinic (an item added): its newest
 * version is the clinic's writing. The patient's list of what they shared still shows it as their
 * share (to whom, with a way to revoke), says the clinic changed it, and does not list it among the
 * patient's own health records.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, revokeAccess, updateRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { shareCopyOf } from '../components/core/store/share-copies.js';
import { $, root, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-access-list>: a share its editor recipient changed', function () {
  this.timeout(60000);

  it('still lists it as the patient\'s share, says who changed it, and offers to revoke', async () => {
    const [patient, clinic, stranger] = await Promise.all([person(), person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'editor', until: '2099-01-31' }));
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl],
      author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'editor' }],
    });
    // The clinic adds a note of its own to the share and signs the new version.
    const atClinic = await openRecord(events, clinic.signer);
    const bundle = structuredClone(atClinic.bundle);
    bundle.entry!.push({ fullUrl: 'urn:uuid:5b0e4f52-0b8a-4d8e-9a55-3c9f3f0d1a77', resource: { resourceType: 'Observation', id: 'clinic-note', status: 'final', code: { text: 'Weight' }, valueQuantity: { value: 70, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } } });
    const edited = await updateRecord(atClinic, { bundle, author: clinic.signer, createdAt: atClinic.createdAt + 1 });
    const share = await openRecord(edited.events, patient.signer);
    expect(share.author).to.equal(clinic.pubkey);
    const names = { [clinic.pubkey]: 'Lakeside Clinic' };
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, share]} .signer=${patient.signer} .knownNames=${names}></nip82-access-list>`);
    await waitUntil(() => text(root(el)).includes('(you)'), 'the list is drawn');
    await waitUntil(() => $(el, '[part=share]'), 'the share is listed among what the patient shared');
    const said = text($(el, '[part=share]'));
    expect(said).to.contain('Lakeside Clinic');
    expect(said, 'who changed it is said').to.contain('Changed by Lakeside Clinic');
    expect($(el, '[part=share] button.revoke'), 'the clinic can be revoked').to.exist;

    // Revoked, it stays in the list as revoked: the record of what went to whom.
    const revoked = await revokeAccess(share, clinic.pubkey);
    expect(shareCopyOf(revoked.record)?.status).to.equal('revoked');
    const later = await openRecord(revoked.events.filter((e) => e.kind === share.events[0]!.kind), patient.signer);
    expect(later.author, 'still the clinic wrote it, not the old record key').to.equal(clinic.pubkey);
    expect(shareCopyOf(await openRecord(revoked.events.filter((e) => e.kind === share.events[0]!.kind), patient.signer))?.status).to.equal('revoked');

    // Someone else's writing under a grant to the clinic is not the patient's share.
    const { source: s2, fullUrl: f2 } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'editor' }));
    const forged = await openRecord(await createRecord({ bundle: { resourceType: 'Bundle', type: 'collection', entry: s2.bundle.entry!.filter((e) => e.fullUrl === f2) }, author: stranger.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] }), patient.signer);
    expect(shareCopyOf(forged), 'a record the patient never shared').to.equal(undefined);
  });

  it('a share whose editor the patient revoked is still theirs, shown as revoked, in a later session', async () => {
    const [patient, clinic] = await Promise.all([person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'editor', until: '2099-01-31' }));
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl],
      author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'editor' }],
    });
    const revoked = await revokeAccess(await openRecord(events, patient.signer), clinic.pubkey);
    // The next session reads the moved record afresh.
    const later = await openRecord(revoked.events.filter((e) => e.kind === events[0]!.kind), patient.signer);
    expect(later.author, 'the patient wrote it, not the record\'s old key').to.equal(patient.pubkey);
    expect(shareCopyOf(later)?.status).to.equal('revoked');
  });
});
