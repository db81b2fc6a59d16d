/**
 * A clinician a patient let view and share a record until a day now past: their list of who has
 * access says the share to them ended, not "You can view and share this record." as before.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { dayText } from '../components/shared/dates.js';
import { person, sampleBundle } from './helpers.js';
import { $, isoDay, text } from './element-helpers.js';

describe('the access list: a share to the user that has ended', function () {
  this.timeout(60000);

  it('says the share ended on its last day, not that they can view and share the record', async () => {
    const [clinic, patient] = await Promise.all([person(), person()]);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const until = isoDay(-1);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'editor', until }));
    const events = await createShare({ from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'editor' }] });
    const theirs = await openRecord(events, clinic.signer);

    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${clinic.signer} .records=${[theirs]}></nip82-access-list>`);
    await waitUntil(() => $(el, '[part="record"] .help'), 'the record listed', { timeout: 20000 });
    expect(text($(el, '[part="record"] .help'))).to.equal(`Shared with you until ${dayText(until, 'en')}: that date has passed.`);
  });
});
