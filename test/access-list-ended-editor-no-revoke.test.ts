/**
 * A helper the patient made an editor of a share that has since ended is no longer offered to
 * take people off it: the kit refuses that change (its end is the patient's word that the helper
 * no longer holds it), so a Revoke button there would only end in an error. The list says the
 * share has ended, and who can open the record.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { person, sampleBundle } from './helpers.js';
import { $, $$, isoDay, text } from './element-helpers.js';

describe('the access list: an editor whose share has ended', function () {
  this.timeout(60000);

  it('offers no Revoke on the people of a share that has ended', async () => {
    const [patient, helper, friend] = await Promise.all([person(), person(), person()]);
    const mine = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(mine, grantConsent({ patient: patient.pubkey, recipient: helper.pubkey, role: 'editor', until: isoDay(-2) }));
    const share = await createShare({
      from: [mine, source], include: [...mine.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer,
      participants: [{ pubkey: helper.pubkey, role: 'editor' }, { pubkey: friend.pubkey, role: 'viewer' }],
    });
    const held = await openRecord(share, helper.signer);
    expect(held.role).to.equal('editor');

    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${helper.signer} .records=${[held]}></nip82-access-list>`);
    await waitUntil(() => /^Shared with you until .+: that date has passed\.$/.test(text($(el, '[part="record"] .help'))), 'the share said to have ended', { timeout: 20000 });
    expect($$(el, '[part="record"] button').map(text), 'buttons on the ended share').to.deep.equal([]);
  });
});
