/**
 * A hospital's signed item moved into another patient's record: the signature still checks over
 * the item, but the hospital signed it about someone else. A clinician opening that record from
 * the server must not read it as the hospital vouching for this patient.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { discloseEntries } from '../components/core/attest/attestation.js';
import type { BundleEntry, FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';
import { person, publishTo, relayUrl, sampleBundle } from './helpers.js';

describe('record viewer: a signed item moved into another patient\'s record', () => {
  for (const where of ['at an address of her own', 'at the address the hospital\'s patient had']) {
    it(`does not call it signed for this patient (her details ${where})`, async () => {
      const relay = await relayUrl('main');
      const [clinic, ana, maria, doctor] = await Promise.all([person(), person(), person(), person()]);
      const names = { [clinic.pubkey]: 'Lakeside Hospital', [maria.pubkey]: 'Maria' };
      const anas = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(ana.pubkey)}`), author: clinic.signer, createdAt: Math.floor(Date.now() / 1000) - 86400, participants: [{ pubkey: maria.pubkey, role: 'viewer' }] }), maria.signer);
      const allergy = anas.bundle.entry!.find((e) => e.resource.resourceType === 'AllergyIntolerance')!;
      const own = anas.bundle.entry![0]!;
      const fullUrl = where.startsWith('at an') ? 'urn:uuid:22222222-2222-4222-8222-222222222222' : own.fullUrl!;
      const herself = { fullUrl, resource: { resourceType: 'Patient', id: fullUrl.slice(9), name: [{ given: ['Maria'], family: 'Lopez' }] } } as unknown as BundleEntry;
      const bundle = { resourceType: 'Bundle', type: 'collection', entry: [herself, allergy, ...discloseEntries([anas.bundle], [allergy])] } as unknown as FhirBundle;
      const events = await createRecord({ bundle, author: maria.signer, participants: [{ pubkey: doctor.pubkey, role: 'viewer' }] });
      await publishTo(relay, events, maria.signer);

      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${relay} .signer=${doctor.signer} .knownNames=${names}></nip82-record-viewer>`);
      await waitUntil(() => $$(el, 'button.unlock').length > 0, 'no unlock button');
      $$<HTMLButtonElement>(el, 'button.unlock')[0]!.click();
      const line = (title: string) => text($$(el, 'li.item').find((li) => text(li.querySelector('.title')) === title)?.querySelector('.item-provenance'));
      await waitUntil(() => line('Penicillin') !== '', 'the record never opened', { timeout: 20000 });
      expect(line('Penicillin')).to.equal('signed by Lakeside Hospital, but for a patient whose details differ from these');
      expect(line('Maria Lopez')).to.match(/^from Maria · signed /);
    });
  }
});
