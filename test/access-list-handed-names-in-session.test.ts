/**
 * A page that opens the records itself may hand them to an access list inside a session. The
 * names of the people who hold them were looked up before the session's store arrived, and that
 * store's arrival cleared them without asking again: every holder stayed a bare key.
 */
import { fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, profileEvent, publishTo, relayUrl, sampleBundle } from './helpers.js';
import { text } from './element-helpers.js';

describe('records handed to an access list inside a session', function () {
  this.timeout(60000);

  it('name the people who hold them once the session is there', async () => {
    const url = await relayUrl('main');
    const [patient, hospital] = [await person(), await person()];
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }, { pubkey: hospital.pubkey, role: 'viewer' }] });
    await publishTo(url, [await profileEvent(hospital, 'Lakeview Hospital'), ...events]);
    const record = await openRecord(events, patient.signer);

    const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} no-controls .signer=${patient.signer}>
      <nip82-access-list .records=${[record]}></nip82-access-list>
    </nip82-session>`);
    const access = session.querySelector<Nip82AccessList>('nip82-access-list')!;
    await waitUntil(() => text(access.shadowRoot).includes('Lakeview Hospital'), `the hospital was never named: ${text(access.shadowRoot).slice(0, 300)}`, { timeout: 20000 });
  });
});
