/**
 * A share that ends while the recipient's viewer is open says so then: before, the viewer read
 * "Shared with you until …" for as long as the page stayed open, the end having been judged once.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { person, sampleBundle } from './helpers.js';
import { $, text } from './element-helpers.js';

describe('the record viewer: a share that ends while it is open', function () {
  this.timeout(60000);

  it('turns "Shared with you until …" into "This share ended …" at the end, without a new load', async () => {
    const [patient, reader] = [await person(), await person()];
    const mine = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    // Ends a few seconds from now (its expiration alone says so: no grant note).
    const expiresAt = Math.floor(Date.now() / 1000) + 4;
    const events = await createShare({ from: [mine], author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }], expiresAt });
    const shared = await openRecord(events, reader.signer);

    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[shared]}></nip82-record-viewer>`);
    await waitUntil(() => $(el, '[part="share-until"]'), 'the share shown as running');
    expect(text($(el, '[part="share-until"]'))).to.match(/^Shared with you until /);
    await waitUntil(() => $(el, '[part="share-ended"]'), 'the share shown as ended once its end came', { timeout: 20000 });
    expect(text($(el, '[part="share-ended"]'))).to.match(/^This share ended on /);
    expect($(el, '[part="share-until"]')).to.equal(null);
    expect($(el, '[part="record"]')!.classList.contains('ended')).to.equal(true);
  });
});
