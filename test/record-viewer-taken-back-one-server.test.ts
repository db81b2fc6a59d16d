/**
 * A patient takes a clinician's access back, and the change reaches one of the clinic's two
 * storage servers; the other still serves the version from before. The reads by the clinician's
 * key bring only that older version (the newer one no longer lists them), so a fresh page showed
 * the record as theirs, though the server that took the change was read to the end.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { RelayClient } from '../components/core/relay/client.js';
import { buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, relayRequests, relayUrl, sampleBundle } from './helpers.js';

describe('<nip82-record-viewer>: a share taken back on one storage server of two', function () {
  this.timeout(60000);

  it('is not shown, though the other server still serves the version from before', async () => {
    const [main, second] = [await relayUrl('main'), await relayUrl('second')];
    const both = new RelayClient({ relays: [main, second] });
    const one = new RelayClient({ relays: [main] });
    try {
      const [patient, clinic, hospital] = [await person(), await person(), await person()];
      const held = await openRecord(await createRecord({ bundle: sampleBundle(), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] }), patient.signer);
      const { source, fullUrl } = consentSource(held, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until: '2099-01-31', purpose: 'Check-up' }));
      const include = [...held.bundle.entry!.map((e) => e.fullUrl!), fullUrl];
      const events = await createShare({ from: [held, source], include, author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
      await both.publishAll(events);
      // Taken back; the second server was away when the change went out.
      const mine = await openRecord(events, patient.signer);
      await one.publishAll((await revokeAccess(mine, clinic.pubkey, { createdAt: mine.createdAt + 1 })).events);

      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" relays=${`${main} ${second}`} .signer=${clinic.signer}></nip82-record-viewer>`);
      buttonByText(el, /^Unlock/)!.click();
      await waitUntil(() => el.status === 'done', 'the records are loaded');
      expect(text(el.shadowRoot), 'the record taken back is not shown').not.to.contain('Penicillin');
      // Not a load that found nothing by chance: the record was asked for by its sign key.
      expect(text(el.shadowRoot)).to.contain('No records were found for you on these storage servers.');
      const asked = (await relayRequests('main', mine.signPubkey)).flat();
      expect(asked.some((f) => Array.isArray(f.authors) && (f.authors as string[]).includes(mine.signPubkey) && (f.kinds as number[] | undefined)?.includes(32225)), 'read by its sign key').to.equal(true);
    } finally {
      both.close();
      one.close();
    }
  });
});
