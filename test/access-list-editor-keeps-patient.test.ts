/**
 * A clinic given a share it may edit, looking at who can open it: it may add and remove people it
 * brought, but not the patient who shared it, who would lose their own share and its record of
 * what went to whom. No Revoke beside the patient, and the change is refused if asked for anyway.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, grantAccess, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { RecordError } from '../components/core/errors.js';
import { $ } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-access-list>: an editor recipient cannot take the patient off their share', function () {
  this.timeout(60000);

  it('offers the clinic no Revoke for the patient, and the core refuses it', async () => {
    const [patient, clinic, specialist] = await Promise.all([person(), person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'editor', until: '2099-01-31' }));
    const events = await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl],
      author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'editor' }],
    });
    const atClinic = (await grantAccess(await openRecord(events, clinic.signer), { pubkey: specialist.pubkey, role: 'viewer' })).record;
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[atClinic]} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => $(el, `[part=person][data-pubkey="${specialist.pubkey}"] button.revoke`), 'the clinic may revoke the one it added');
    expect($(el, `[part=person][data-pubkey="${patient.pubkey}"]`), 'the patient is listed').to.exist;
    expect(!!$(el, `[part=person][data-pubkey="${patient.pubkey}"] button.revoke`), 'no Revoke beside the patient').to.equal(false);
    let refused: unknown;
    await revokeAccess(atClinic, patient.pubkey).catch((e) => (refused = e));
    expect(refused, 'the core refuses').to.be.instanceOf(RecordError);
  });
});
