import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { naddrEncode } from 'nostr-tools/nip19';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';

describe('<nip82-record-viewer> and a record that moved', function () {
  this.timeout(60000);

  it('opened by its old address, it follows the owner\'s notice to where the record went', async () => {
    const relay = await relayUrl('main');
    const client = new RelayClient({ relays: [relay] });
    try {
      const owner = await person();
      const removed = await person();
      const reader = await person();
      const events = await createRecord({ bundle: sampleBundle(), author: owner.signer, participants: [{ pubkey: removed.pubkey, role: 'editor' }, { pubkey: reader.pubkey, role: 'viewer' }] });
      await client.publishAll(events);
      const opened = await openRecord(events, owner.signer);
      const change = await revokeAccess(opened, removed.pubkey, { notify: owner.signer, relays: [relay] });
      await client.publishAll(change.events);

      const old = naddrEncode({ kind: 32225, pubkey: opened.signPubkey, identifier: opened.identifiers[0]! });
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${relay} naddr=${old} .signer=${reader.signer}></nip82-record-viewer>`);
      await el.updateComplete;
      const unlock = [...el.shadowRoot!.querySelectorAll('button')].find((b) => /^Unlock/.test(b.textContent?.trim() ?? ''))!;
      unlock.click();
      await waitUntil(() => el.status === 'done' || el.status === 'bad-data', 'never finished', { timeout: 20000 });
      await el.updateComplete;
      expect(el.status).to.equal('done');
      expect(el.shadowRoot!.textContent).to.contain('Penicillin');
    } finally {
      client.close();
    }
  });
});
