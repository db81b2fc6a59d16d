/**
 * A record changed after the patient shared from it (an allergy corrected): the share is a copy
 * made then, so the clinic still has the items as they were. The patient's list of what they
 * shared says so, beside that share, and not beside a share made after the change.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, updateRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, root, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

describe('<nip82-access-list>: a share made before its record changed', function () {
  this.timeout(60000);

  it('says the record changed after that share was made, and that the recipient has the earlier items', async () => {
    const [patient, clinic, dentist] = await Promise.all([person(), person(), person()]);
    const t = Math.floor(Date.now() / 1000) - 3 * 86400;
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [], createdAt: t }), patient.signer);
    const shareTo = async (from: typeof record, who: string, at: number) => {
      const { source, fullUrl } = consentSource(from, grantConsent({ patient: patient.pubkey, recipient: who, role: 'viewer', until: '2099-01-31' }));
      return openRecord(await createShare({
        from: [from, source], include: [...from.bundle.entry!.map((e) => e.fullUrl!), fullUrl], createdAt: at,
        author: patient.signer, participants: [{ pubkey: who, role: 'viewer' }],
      }), patient.signer);
    };
    const before = await shareTo(record, clinic.pubkey, t + 10);
    // The patient corrects the allergy in their record, a day after sharing it with the clinic.
    const corrected = structuredClone(record.bundle) as FhirBundle;
    const allergy = corrected.entry!.find((e) => e.resource.resourceType === 'AllergyIntolerance')!.resource as unknown as { code: { text: string } };
    allergy.code.text = 'Amoxicillin';
    const now = (await updateRecord(record, { bundle: corrected, author: patient.signer, createdAt: t + 86400 })).record;
    // Shared with the dentist after the correction.
    const after = await shareTo(now, dentist.pubkey, t + 2 * 86400);
    // A new record about the same patient, signed after the share, drawn from by neither share.
    const patientEntry = record.bundle.entry!.find((e) => e.resource.resourceType === 'Patient')!;
    const lab = { fullUrl: 'urn:uuid:5b0c6a43-8a5e-4d5a-9a51-3f3c7d1e2a10', resource: { resourceType: 'Observation', status: 'final', code: { text: 'Glucose' }, effectiveDateTime: '2026-11-30' } };
    const other = await openRecord(await createRecord({ bundle: { resourceType: 'Bundle', type: 'collection', entry: [patientEntry, lab] }, author: patient.signer, participants: [], createdAt: t + 3 * 86400 }), patient.signer);
    const names = { [clinic.pubkey]: 'Lakeside Clinic', [dentist.pubkey]: 'Dr Sato' };
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[now, other, before, after]} .signer=${patient.signer} .knownNames=${names}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=share]').length === 2 && text(root(el)).includes('(you)'), 'both shares are listed');
    const [clinicShare] = $$(el, `[part=share][data-pubkey="${clinic.pubkey}"]`);
    const [dentistShare] = $$(el, `[part=share][data-pubkey="${dentist.pubkey}"]`);
    expect(text(clinicShare), 'the share made before the change says so').to.match(/changed .* after you shared this/);
    expect(text(clinicShare)).to.contain('Lakeside Clinic still has it as you shared it');
    // Changed the day after the share (not the day of the other record, which only names the same patient).
    expect(text(clinicShare)).to.contain(`changed on ${new Date((t + 86400) * 1000).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' })},`);
    expect(text(dentistShare), 'the share made after it does not').not.to.contain('after you shared this');
  });
});
