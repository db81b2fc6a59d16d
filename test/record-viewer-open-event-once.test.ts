/**
 * A portal logs each record the patient opened from the viewer's `nip82-record-open`. The patient
 * unlocks their records; a new one arrives, and the access list's "Load your records again" brings
 * it in: the viewer tells the portal of the new record only, not again of the one already open.
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

describe('the viewer\'s nip82-record-open after the records are loaded again', function () {
  this.timeout(60000);

  it('names each record once: the new one, not the one already open', async () => {
    const url = await relayUrl('main');
    const patient = await person();
    const client = new RelayClient({ relays: [url] });
    try {
      const first = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
      await client.publishAll(first);
      const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${patient.signer}>
        <nip82-record-viewer></nip82-record-viewer>
        <nip82-access-list></nip82-access-list>
      </nip82-session>`);
      await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
      const opened: string[][] = [];
      session.addEventListener('nip82-record-open', (e) => opened.push((e as Nip82Event<'nip82-record-open'>).detail.records.map((r) => r.signPubkey)));
      const viewer = session.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
      const list = session.querySelector<Nip82AccessList>('nip82-access-list')!;
      await viewer.updateComplete;
      buttonByText(viewer, 'Unlock my records')!.click();
      await waitUntil(() => opened.length === 1, 'the first record opened');
      expect(opened[0]).to.deep.equal([first[0]!.pubkey]);

      const second = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
      await client.publishAll(second);
      await list.updateComplete;
      buttonByText(list, 'Load your records again')!.click();
      await waitUntil(() => text(viewer.shadowRoot).includes('2 records unlocked') && opened.length === 2, 'the new record shown and told of', { timeout: 20000 });
      expect(opened[1], 'only the new record').to.deep.equal([second[0]!.pubkey]);
    } finally {
      client.close();
    }
  });
});
