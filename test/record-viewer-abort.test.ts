/**
 * Work the viewer started for one user shows nothing once it is no longer wanted: another user
 * signing in while records are being unlocked aborts the unlock, and its result, late as it comes,
 * never reaches the screen.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import type { Task } from '@lit/task';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle, heldDecrypt } from './helpers.js';


describe('<nip82-record-viewer>: work nobody wants any more', function () {
  this.timeout(60000);

  it('another user signing in while records unlock: nothing of the unlock reaches the screen', async () => {
    const relay = await relayUrl('main');
    const client = new RelayClient({ relays: [relay] });
    try {
      const patient = await person();
      const reader = await person();
      await client.publishAll(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] }));
      const held = heldDecrypt(reader.signer);
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${relay} .signer=${held.signer}></nip82-record-viewer>`);
      const seen: string[] = [];
      for (const type of ['nip82-record-open', 'nip82-error'] as const) el.addEventListener(type, () => seen.push(type));

      [...el.shadowRoot!.querySelectorAll('button')].find((b) => /^Unlock my records$/.test(b.textContent?.trim() ?? ''))!.click();
      await waitUntil(held.asked, 'the signer was never asked to unlock');
      const unlocking = (el as unknown as { unlocking: Task }).unlocking;

      // Someone else signs in while the first user's record is still being opened.
      el.signer = (await person()).signer;
      await el.updateComplete;
      held.release();
      await unlocking.taskComplete.catch(() => undefined);
      await el.updateComplete;

      expect(el.status).to.equal('idle');
      expect(seen).to.deep.equal([]);
      expect(el.shadowRoot!.textContent).not.to.contain('Penicillin');
      expect(el.shadowRoot!.querySelectorAll('[part="item"]')).to.have.length(0);
      expect(el.shadowRoot!.querySelector('button.unlock')).to.exist;
    } finally {
      client.close();
    }
  });
});
