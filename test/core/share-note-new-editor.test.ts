/**
 * A share's note of which items the patient hid is for the patient alone, since every editor reads
 * it: a recipient made an editor later (the viewer clinic given edit rights) must not find it in
 * the new version, while the patient's own view says which ones are no longer kept.
 */
import { expect } from '@open-wc/testing';
import { createRecord, grantAccess, openRecord } from '../../components/core/nip82/record.js';
import { createShare } from '../../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../../components/core/nip82/grant-create.js';
import { shareCopyOf } from '../../components/core/store/share-copies.js';
import { person, sampleBundle } from '../helpers.js';

describe('share note: a viewer made editor', function () {
  this.timeout(60000);

  it('does not pass the hidden items list to the new editor', async () => {
    const [patient, clinic] = await Promise.all([person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const urls = record.bundle.entry!.map((e) => e.fullUrl!);
    const hiddenUrl = record.bundle.entry!.find((e) => !['Patient', 'Provenance'].includes(e.resource.resourceType))!.fullUrl!;
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until: '2099-01-31' }));
    const events = await createShare({
      from: [record, source], include: [...urls, fullUrl], withhold: [hiddenUrl],
      author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }],
    });
    const share = await openRecord(events, patient.signer);
    expect(share.editorNote ?? '', 'the patient keeps the list').to.contain(hiddenUrl);
    const promoted = await grantAccess(share, { pubkey: clinic.pubkey, role: 'editor' });
    const atClinic = await openRecord(promoted.events, clinic.signer);
    expect(atClinic.role).to.equal('editor');
    expect(atClinic.editorNote ?? '', 'the clinic, now an editor, does not learn which items were hidden').not.to.contain(hiddenUrl);
    const mine = shareCopyOf(promoted.record)!;
    expect(mine.hiddenKept, 'the patient is told the list is no longer kept').to.equal(false);
  });
});
