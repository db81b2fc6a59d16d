/**
 * A patient after years of use: many records, many people, some given several records. The access
 * list helps them find who holds what and tells them what a revocation leaves.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person, type Person } from './helpers.js';
import { $, dialogOf, text } from './element-helpers.js';

const bundleTitled = (title: string) =>
  ({
    resourceType: 'Bundle', type: 'collection',
    entry: [
      { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000000', resource: { resourceType: 'Composition', id: 'd', status: 'final', title, date: '2023-02-01', type: { text: 'Summary' }, author: [{ display: 'Clinic' }] } },
      { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: { resourceType: 'Condition', id: 'c1', code: { text: title }, recordedDate: '2023-02-01' } },
    ],
  }) as unknown as FhirBundle;

async function held(patient: Person, title: string, people: string[]): Promise<OpenedRecord> {
  const events = await createRecord({ bundle: bundleTitled(title), author: patient.signer, participants: people.map((pubkey) => ({ pubkey, role: 'viewer' as const })) });
  return openRecord(events, patient.signer);
}

describe('the access list after years of use', function () {
  this.timeout(60000);

  it('revoking one person from one record says which other records they can still open', async () => {
    const [patient, clinic, other] = await Promise.all([person(), person(), person()]);
    const records = [
      await held(patient, 'Asthma', [clinic.pubkey]),
      await held(patient, 'Migraine', [clinic.pubkey, other.pubkey]),
      await held(patient, 'Broken wrist', [other.pubkey]),
      await held(patient, 'Allergy', [clinic.pubkey]),
    ];
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${records} .signer=${patient.signer}></nip82-access-list>`);
    const button = `#record-${records[0]!.signPubkey} ~ ul [data-pubkey="${clinic.pubkey}"] button.revoke`;
    await waitUntil(() => $(el, button), 'the clinic listed on the first record');
    $<HTMLButtonElement>(el, button)!.click();
    await waitUntil(() => dialogOf(el).open, 'the revoke dialog');
    await el.updateComplete;
    const said = text(dialogOf(el));
    expect(said).to.contain('can still open 2 other records of yours');
    expect(said).to.contain('Migraine');
    expect(said).to.contain('Allergy');
    expect(said).not.to.contain('Broken wrist');
  });
});
