/**
 * One server's exports all carry its practitioner under the same `fullUrl`. A record signed after a
 * share that holds that practitioner as it was (and nothing else of the share) is no change to the
 * share: the list says nothing of "changed after you shared this". The practitioner's details
 * changed in a later export are one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $, $$, root, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, sampleBundle } from './helpers.js';

const DOCTOR = {
  fullUrl: 'urn:uuid:0e3c5f4a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
  resource: { resourceType: 'Practitioner', id: '0e3c5f4a-1b2c-4d5e-8f90-a1b2c3d4e5f6', name: [{ given: ['Lena'], family: 'Ortiz' }] },
};

describe('<nip82-access-list>: a later export carrying the same practitioner', function () {
  this.timeout(60000);

  async function listWith(doctor: typeof DOCTOR) {
    const [patient, clinic] = await Promise.all([person(), person()]);
    const t = Math.floor(Date.now() / 1000) - 3 * 86400;
    const bundle = sampleBundle() as FhirBundle;
    bundle.entry!.push(structuredClone(DOCTOR) as never);
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [], createdAt: t }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until: '2099-01-31' }));
    const share = await openRecord(await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], createdAt: t + 10,
      author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }],
    }), patient.signer);
    // The next export from the same server: the patient, the same practitioner, a new lab result.
    const patientEntry = record.bundle.entry!.find((e) => e.resource.resourceType === 'Patient')!;
    const lab = { fullUrl: 'urn:uuid:5b0c6a43-8a5e-4d5a-9a51-3f3c7d1e2a10', resource: { resourceType: 'Observation', status: 'final', code: { text: 'Glucose' }, effectiveDateTime: '2026-11-30' } };
    const next = await openRecord(await createRecord({
      bundle: { resourceType: 'Bundle', type: 'collection', entry: [patientEntry, doctor, lab] } as FhirBundle, author: patient.signer, participants: [], createdAt: t + 86400,
    }), patient.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, next, share]} .signer=${patient.signer} .knownNames=${{ [clinic.pubkey]: 'Lakeside Clinic' }}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=share]').length === 1 && text(root(el)).includes('(you)'), 'the share is listed');
    return el;
  }

  it('says nothing changed when the later record holds the practitioner as shared', async () => {
    const el = await listWith(structuredClone(DOCTOR));
    expect(text($(el, '[part=share]'))).not.to.contain('after you shared this');
  });

  it('says nothing changed when a shared item pointed at an item the patient hid, and the later record holds it as it was', async () => {
    const [patient, clinic] = await Promise.all([person(), person()]);
    const t = Math.floor(Date.now() / 1000) - 3 * 86400;
    const condition = { fullUrl: 'urn:uuid:7c1d2e3f-4a5b-4c6d-8e9f-000000000c01', resource: { resourceType: 'Condition', id: '7c1d2e3f-4a5b-4c6d-8e9f-000000000c01', code: { text: 'Depression' } } };
    const order = {
      fullUrl: 'urn:uuid:7c1d2e3f-4a5b-4c6d-8e9f-000000000c02',
      resource: { resourceType: 'MedicationRequest', id: '7c1d2e3f-4a5b-4c6d-8e9f-000000000c02', status: 'active', intent: 'order', medicationCodeableConcept: { text: 'Sertraline 50 mg tablet' }, reasonReference: [{ reference: condition.fullUrl }] },
    };
    const bundle = sampleBundle() as FhirBundle;
    bundle.entry!.push(structuredClone(condition) as never, structuredClone(order) as never);
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [], createdAt: t }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until: '2099-01-31' }));
    const share = await openRecord(await createShare({
      from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], withhold: [condition.fullUrl], createdAt: t + 10,
      author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }],
    }), patient.signer);
    const sharedOrder = share.bundle.entry!.find((e) => e.fullUrl === order.fullUrl)!;
    expect(JSON.stringify(sharedOrder.resource), 'the share leaves out the link to the hidden item').not.to.contain(condition.fullUrl);
    // The next export: the patient, the order and the condition as they were, a new lab result.
    const patientEntry = record.bundle.entry!.find((e) => e.resource.resourceType === 'Patient')!;
    const lab = { fullUrl: 'urn:uuid:5b0c6a43-8a5e-4d5a-9a51-3f3c7d1e2a11', resource: { resourceType: 'Observation', status: 'final', code: { text: 'Glucose' }, effectiveDateTime: '2026-11-30' } };
    const next = await openRecord(await createRecord({
      bundle: { resourceType: 'Bundle', type: 'collection', entry: [patientEntry, structuredClone(condition), structuredClone(order), lab] } as FhirBundle, author: patient.signer, participants: [], createdAt: t + 86400,
    }), patient.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, next, share]} .signer=${patient.signer} .knownNames=${{ [clinic.pubkey]: 'Lakeside Clinic' }}></nip82-access-list>`);
    await waitUntil(() => $$(el, '[part=share]').length === 1 && text(root(el)).includes('(you)'), 'the share is listed');
    expect(text($(el, '[part=share]'))).not.to.contain('after you shared this');
  });

  it('says the record changed when the practitioner\'s details differ', async () => {
    const changed = structuredClone(DOCTOR);
    changed.resource.name = [{ given: ['Lena'], family: 'Ortiz-Diaz' }];
    const el = await listWith(changed);
    expect(text($(el, '[part=share]'))).to.match(/changed .* after you shared this/);
  });
});
