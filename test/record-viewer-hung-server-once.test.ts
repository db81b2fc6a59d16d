/**
 * One of the clinic's storage servers takes the request and never answers. A load waited for it
 * once for the records, then as long again for their deletions (and again for a record open that
 * the read did not bring): each load of the viewer took twice the wait or more. It now waits once.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { asksForKind, person, relayRequests, relayUrl, sampleBundle } from './helpers.js';

describe('<nip82-record-viewer>: a storage server that never answers', function () {
  this.timeout(60000);

  it('is waited for once per load: the records of the other are shown, and it is named', async () => {
    const [main, silent] = [await relayUrl('main'), await relayUrl('silent')];
    const client = new RelayClient({ relays: [main] });
    try {
      const [patient, clinic] = [await person(), await person()];
      const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
      await client.publishAll(events);

      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" relays=${`${main} ${silent}`} .signer=${clinic.signer}></nip82-record-viewer>`);
      buttonByText(el, /^Unlock/)!.click();
      await waitUntil(() => el.status === 'done', 'the records are loaded', { timeout: 30000 });
      expect(text(el.shadowRoot)).to.contain('Penicillin');
      await waitUntil(() => text(el.shadowRoot).includes('did not answer in time') && text(el.shadowRoot).includes(silent), 'the server that never answered is named');
      expect(asksForKind(await relayRequests('silent', events[0]!.pubkey), 5), 'not asked again for deletions, to wait as long again').to.equal(false);
      expect(asksForKind(await relayRequests('main', events[0]!.pubkey), 5), 'the server that answered is asked for them').to.equal(true);
    } finally {
      client.close();
    }
  });
});
