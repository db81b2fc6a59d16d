/**
 * Anyone may make a record for a patient (a key wrapped to them is all it takes) and list on it
 * as many public keys as its event holds: `p` tags cost nothing and prove nothing. Showing who has
 * access must not let such a record decide how much the page asks relays for: the profile names
 * looked up are bounded (a record holds keys for at most 256 people), not one lookup of every key
 * listed, with a read budget of 64 KB for each. A relay that takes at most 1,000 authors in one
 * filter refused that lookup whole, and then no one on any of the patient's records was named. Now
 * the people who hold and signed records are looked up first, at most 100 keys a request, and at
 * most 256 keys in all.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RecordKeyCache } from '../components/core/nip82/keys.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { NostrEvent } from '../components/core/events.js';
import { person, relayRequests, relayUrl, sampleBundle } from './helpers.js';
import { $$, buttonByText, text } from './element-helpers.js';

describe('a stranger\'s record listing a thousand keys, in the access list', function () {
  this.timeout(120000);

  it('does not make the page look up a profile for every key listed', async () => {
    const relays = [await relayUrl('main')];
    const [patient, stranger, hospital] = [await person(), await person(), await person()];
    const listed = Array.from({ length: 1000 }, () => getPublicKey(generateSecretKey()));
    const client = new RelayClient({ relays });
    try {
      // The patient's real record, from a hospital with a profile name.
      await client.publishAll([await hospital.signer.signEvent({ kind: 0, created_at: Math.floor(Date.now() / 1000), tags: [], content: JSON.stringify({ name: 'Saint Mary Hospital' }) })]);
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }, { pubkey: hospital.pubkey, role: 'editor' }] }));
      const keyCache = new RecordKeyCache();
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: stranger.signer, participants: [{ pubkey: patient.pubkey, role: 'viewer' }], keyCache });
      const signKey = keyCache.get(`${stranger.pubkey}:${events[0]!.pubkey}`)!;
      // The same record, its events listing a thousand more keys, signed again with its own sign key.
      const padded = events.map((e) => finalizeEvent({ kind: e.kind, created_at: e.created_at, content: e.content, tags: [...e.tags, ...listed.map((pk) => ['p', pk])] }, signKey) as NostrEvent);
      await client.publishAll(padded);
    } finally {
      client.close();
    }

    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')} no-controls>
      <nip82-access-list></nip82-access-list>
    </nip82-session>`);
    session.signer = patient.signer;
    await waitUntil(() => session.pubkey === patient.pubkey, 'never signed in');
    const access = session.querySelector<Nip82AccessList>('nip82-access-list')!;
    buttonByText(access, 'Unlock my records')!.click();
    await waitUntil(() => $$(access, '[part=record]').length === 2, 'the record never showed', { timeout: 30000 });
    // The hospital, on the patient's own record, is named: its lookup went first and on its own.
    await waitUntil(() => text(access.shadowRoot).includes('Saint Mary Hospital'), 'the hospital was never named', { timeout: 20000 });
    // Some listed keys were looked up too, in requests a relay takes, and not every one of them.
    await waitUntil(async () => (await relayRequests('main', listed[0]!)).length > 0, 'no listed key was looked up', { timeout: 20000 });
    const lookups = [...(await relayRequests('main', listed[0]!)), ...(await relayRequests('main', hospital.pubkey))];
    const keysAsked = Math.max(...lookups.flatMap((filters) => filters.filter((f) => Array.isArray(f.kinds) && f.kinds.includes(0)).map((f) => (Array.isArray(f.authors) ? f.authors.length : 0))));
    expect({ atMost100KeysInOneLookup: keysAsked <= 100, lastListedKeyAsked: (await relayRequests('main', listed[999]!)).length > 0 })
      .to.deep.equal({ atMost100KeysInOneLookup: true, lastListedKeyAsked: false });
  });
});
