/**
 * What storage servers and the people a record is shared with can read off the events the kit
 * publishes, outside the encryption: nothing the patient chose to keep to themselves.
 */
import { expect } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { createRecord, openRecord } from '../../components/core/nip82/record.js';
import { createShare } from '../../components/core/nip82/share.js';
import { person, sampleBundle, type Person } from '../helpers.js';

describe('what a share shows outside its encryption', () => {
  let patient: Person;
  let clinician: Person;

  before(async () => {
    patient = await person();
    clinician = await person();
  });

  async function patientRecord() {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    return openRecord(events, patient.signer);
  }

  it('a share that only flags hidden items does not tell by its size how many items the patient hid', async () => {
    const record = await patientRecord();
    const hideable = record.bundle.entry!.filter((e) => !['Patient', 'Provenance', 'List'].includes(e.resource.resourceType)).map((e) => e.fullUrl!);
    expect(hideable.length).to.be.greaterThan(2);
    const noteLength = async (withhold: string[]) => {
      const events = await createShare({ from: [record], withhold, disclose: 'flag', author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
      // The clinician holds this event, and every storage server it is on.
      return events[0]!.tags.find((t) => t[0] === 'editor-note')?.[1]?.length ?? 0;
    };
    const none = await noteLength([]);
    const one = await noteLength(hideable.slice(0, 1));
    const three = await noteLength(hideable.slice(0, 3));
    expect([none, one, three], 'the note is the same size whether none, one or three items were hidden').to.deep.equal([none, none, none]);
  });
});
