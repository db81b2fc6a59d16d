/**
 * A share made for a clinic who may edit it, whose editor the patient then revoked: the record moved
 * to a new key, and a later session reads it afresh. Its author is still the patient (the key it
 * moved from counts as its own), so it stays in the patient's list of what they shared, as revoked.
 */
import { expect } from '@open-wc/testing';
import { createRecord, openRecord, revokeAccess } from '../../components/core/nip82/record.js';
import { createShare } from '../../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../../components/core/nip82/grant-create.js';
import { shareCopyOf } from '../../components/core/store/share-copies.js';
import { person, sampleBundle } from '../helpers.js';

describe('a share whose editor was revoked, read again', function () {
  this.timeout(60000);

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
