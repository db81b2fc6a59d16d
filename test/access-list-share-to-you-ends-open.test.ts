/**
 * A share to the user that reaches its end while their list of who has access is open says so
 * then, as the patient's own shares do: not "You can view this record." for as long as the page
 * stays open.
 */
import { fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, sampleBundle } from './helpers.js';
import { $, isoDay, text } from './element-helpers.js';

describe('the access list: a share to the user that ends while it is open', function () {
  this.timeout(60000);

  it('turns "You can view this record." into "Shared with you until …: that date has passed." without a new load', async () => {
    const [clinic, patient] = await Promise.all([person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const consent = grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until: isoDay(1) });
    // Its written terms end a few seconds from now.
    (consent.provision as { period: { end: string } }).period.end = new Date(Date.now() + 8000).toISOString().replace(/\.\d+Z$/, 'Z');
    const { source, fullUrl } = consentSource(record, consent);
    const events = await createShare({ from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
    const theirs = await openRecord(events, clinic.signer);

    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${clinic.signer} .records=${[theirs]}></nip82-access-list>`);
    const line = () => text($(el, '[part="record"] .help'));
    await waitUntil(() => line() === 'You can view this record.', 'the share shown as running', { timeout: 20000 });
    await waitUntil(() => /^Shared with you until .+: that date has passed\.$/.test(line()), 'the share shown past its end once its end came', { timeout: 20000 });
  });
});
