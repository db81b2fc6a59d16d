/**
 * A clinician holds two of Ana's records, each shared without an item, and both name her by the same
 * entry. Sharing on items of one of them only, the flag tells of that record's withheld item, not
 * also of the other record's, which gave the share nothing but Ana's details.
 */
import { expect } from '@open-wc/testing';
import { openRecord } from '../components/core/nip82/record.js';
import { createRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import type { FhirResource } from '../components/core/fhir/types.js';
import { ANA, anaWith, person } from './helpers.js';

describe('sharing on one of two records shared without an item', function () {
  this.timeout(60000);

  it('the flag tells only of the record the items come from', async () => {
    const [ana, clinician, next] = await Promise.all([person(), person(), person()]);
    const shot: FhirResource = { resourceType: 'Immunization', id: 'shot', status: 'completed', vaccineCode: { text: 'Flu vaccine' }, occurrenceDateTime: '2025-01-02', patient: ANA };
    const cough: FhirResource = { resourceType: 'Condition', id: 'cough', code: { text: 'Cough' }, subject: ANA };
    const asthma: FhirResource = { resourceType: 'Condition', id: 'asthma', code: { text: 'Asthma' }, subject: ANA };
    const hiv: FhirResource = { resourceType: 'Condition', id: 'hiv', code: { text: 'HIV' }, subject: ANA };
    const toClinician = { author: ana.signer, disclose: 'count-and-kind' as const, participants: [{ pubkey: clinician.pubkey, role: 'editor' as const }] };
    const own = async (items: FhirResource[]) => openRecord(await createRecord({ bundle: anaWith(items), author: ana.signer, participants: [] }), ana.signer);
    const [first, second] = await Promise.all([own([cough, shot]), own([asthma, hiv])]);
    const a = await openRecord(await createShare({ from: [first], withhold: ['urn:uuid:shot'], ...toClinician }), clinician.signer);
    const b = await openRecord(await createShare({ from: [second], withhold: ['urn:uuid:hiv'], ...toClinician }), clinician.signer);
    const events = await createShare({ from: [a, b], include: ['urn:uuid:cough'], author: clinician.signer, participants: [{ pubkey: next.pubkey, role: 'viewer' }] });
    const passed = await openRecord(events, next.signer);
    expect(passed.bundle.entry!.map((e) => e.fullUrl)).to.include('urn:uuid:cough');
    expect(passed.withheld, 'the flag').to.deep.equal({ disclose: 'count-and-kind', count: 1, kinds: { Immunization: 1 } });
  });
});
