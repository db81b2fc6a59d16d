/**
 * Inside a session, whichever element asks first unlocks the records and the viewer shows them.
 * A host that counts opened records from the viewer's `nip82-record-open` (the README's React
 * example) hears of them also when the access list unlocked them first, once, not again for the
 * same records.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82Event } from '../components/shared/events.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText, text } from './element-helpers.js';

describe('the viewer\'s nip82-record-open, when another element of the session unlocked the records', function () {
  this.timeout(60000);

  it('the access list unlocks first: the viewer shows the records and says so once', async () => {
    const url = await relayUrl('main');
    const patient = await person();
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }));
    } finally {
      client.close();
    }
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${patient.signer}>
      <nip82-record-viewer></nip82-record-viewer>
      <nip82-access-list></nip82-access-list>
    </nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const opened: Nip82Event<'nip82-record-open'>[] = [];
    session.addEventListener('nip82-record-open', (e) => opened.push(e));
    const viewer = session.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    const list = session.querySelector<Nip82AccessList>('nip82-access-list')!;
    await list.updateComplete;
    buttonByText(list, 'Unlock my records')!.click();
    await waitUntil(() => list.status === 'done' && text(viewer.shadowRoot).includes('Penicillin'), 'the viewer shows the records', { timeout: 30000 });
    await waitUntil(() => opened.length > 0, 'the host heard that records were opened', { timeout: 10000 });
    expect(opened.map((e) => (e.target as Element).localName)).to.deep.equal(['nip82-record-viewer']);
    expect(opened[0]!.detail.records).to.have.length(1);
    expect(opened[0]!.detail.records[0]!.parts).to.deep.equal({ have: 1, total: 1 });
    // Re-rendering what is already shown is no new opening.
    viewer.mode = 'timeline';
    await viewer.updateComplete;
    viewer.mode = 'summary';
    await viewer.updateComplete;
    expect(opened).to.have.length(1);
  });
});
