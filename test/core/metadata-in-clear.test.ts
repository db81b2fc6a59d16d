/**
 * What storage servers and the people a record is shared with can read off the events the kit
 * publishes, outside the encryption: nothing the patient chose to keep to themselves.
 */
import { expect } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { createRecord, openRecord } from '../../components/core/nip82/record.js';
import { createShare } from '../../components/core/nip82/share.js';
import { fetchRelayInfo } from '../../components/core/relay/info.js';
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

describe('what a storage server\'s web address is told', () => {
  const realFetch = window.fetch.bind(window);
  let asked: Request[] = [];
  before(() => {
    window.fetch = async (url: string | URL | Request, init?: RequestInit) => {
      asked.push(new Request(url, init));
      return new Response(JSON.stringify({ limitation: { max_message_length: 100000 } }), { status: 200 });
    };
  });
  after(() => {
    window.fetch = realFetch;
  });

  it('reading a storage server\'s limits sends it neither the page\'s address nor the page\'s cookies', async () => {
    asked = [];
    const info = await fetchRelayInfo('wss://storage.example/');
    expect(info?.limitation?.max_message_length).to.equal(100000);
    expect(asked).to.have.length(1);
    expect(asked[0]!.url).to.equal('https://storage.example/');
    expect(asked[0]!.referrerPolicy, 'no Referer: the page\'s address can name the care (a clinic\'s, a pet\'s page)').to.equal('no-referrer');
    expect(asked[0]!.credentials).to.equal('omit');
  });
});
