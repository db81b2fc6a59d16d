/**
 * A share that reaches its end while the patient's list of who has access is open says so then:
 * past its end date, still open to that person, with the offer to revoke it. Before, the list kept
 * saying "Can view until …" for as long as the page stayed open.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, sampleBundle } from './helpers.js';
import { $, buttonByText, isoDay, text } from './element-helpers.js';

describe('the access list: a share that ends while it is open', function () {
  this.timeout(60000);

  it('turns "Can view until …" into "The end date … has passed" and offers to revoke it, without a new load', async () => {
    const [clinic, patient, hospital] = await Promise.all([person(), person(), person()]);
    const made = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
    const record = await openRecord(made, patient.signer);
    const consent = grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until: isoDay(1), purpose: 'Knee surgery' });
    // Its written terms end a few seconds from now.
    (consent.provision as { period: { end: string } }).period.end = new Date(Date.now() + 8000).toISOString().replace(/\.\d+Z$/, 'Z');
    const { source, fullUrl } = consentSource(record, consent);
    const shared = await createShare({ from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
    const mine = await openRecord(shared, patient.signer);

    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} .records=${[record, mine]}></nip82-access-list>`);
    const status = () => text($(el, '[part~="share"] .state'));
    await waitUntil(() => /^Can view until /.test(status()), 'the share shown as running', { timeout: 20000 });
    await waitUntil(() => /^The end date \(.+\) has passed/.test(status()), 'the share shown past its end once its end came', { timeout: 20000 });
    expect(text($(el, '[part~="overdue"]'))).to.match(/^The end date of one share has passed/);
    expect(buttonByText(el, /^Revoke the ended share/), 'the offer to revoke it').to.not.equal(undefined);
  });
});
