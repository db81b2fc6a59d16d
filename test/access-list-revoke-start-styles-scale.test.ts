/**
 * A clinic's list of thousands of records, a revocation begun: every Revoke button was faded busy
 * with opacity, which gives each a layer of its own: at 5,000 records the page was held for seconds
 * between the press of the dialog's Revoke and the signer's prompt. Now a busy button is faded by
 * its colours. Read from the styles in effect, not timed: the same on a slow machine. The buttons
 * still say they are busy, and look it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, recordAbout, relayUrl, silentAt } from './helpers.js';
import { root } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { revocationHeldAtSigner } from './revocation-held.js';
import { clinicRecords } from './clinic-records.js';

describe('<nip82-access-list>: the start and the steps of a revocation at a clinic of many patients', function () {
  this.timeout(60000);

  it('marks the Revoke buttons busy without a layer each', async () => {
    const url = await relayUrl('main');
    const [clinic, patient, family, colleague] = [await person(), await person(), await person(), await person()];
    const quiet = silentAt(clinic.signer);
    // Revoking the patient, who may edit the record, moves it: the family is told, in a notice the signer signs.
    const events = await createRecord({ bundle: recordAbout('Ana Rivera', 'Flu', patient), author: clinic.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }] });
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(events);
      const base = await openRecord(await createRecord({ bundle: recordAbout('Patient 0', 'Flu'), author: clinic.signer, participants: [{ pubkey: colleague.pubkey, role: 'viewer' }] }), clinic.signer);
      const others = [...Array(60)].map((_, i) => ({ ...base, signPubkey: i.toString(16).padStart(64, 'f'), subject: i.toString(16).padStart(64, '0'), bundle: recordAbout(`Patient ${i}`, 'Flu') }));
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${[await openRecord(events, clinic.signer), ...others]} .signer=${quiet.signer} relays=${url}></nip82-access-list>`);
      const colleagues = () => [...root(el).querySelectorAll<HTMLButtonElement>(`[part=person][data-pubkey="${colleague.pubkey}"] button.revoke`)];
      await waitUntil(() => colleagues().length === 60, 'every record on the page');
      const freeColour = getComputedStyle(colleagues()[0]!).webkitTextFillColor;
      await revocationHeldAtSigner(el, patient.pubkey, quiet);
      const looks = colleagues().map((b) => {
        const style = getComputedStyle(b);
        return JSON.stringify({ busy: b.getAttribute('aria-disabled'), opacity: style.opacity, faded: style.webkitTextFillColor !== freeColour, cursor: style.cursor });
      });
      expect([...new Set(looks)]).to.deep.equal([JSON.stringify({ busy: 'true', opacity: '1', faded: true, cursor: 'progress' })]);
      quiet.release();
      await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    } finally {
      client.close();
    }
  });

  // The status line above the records changes height at each step: the records are moved as one
  // block, not each of thousands walked through again before the page is painted.
  it('paints the records as one block below the status line', async () => {
    const clinic = await person();
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${await clinicRecords(clinic, 30)} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => root(el).querySelectorAll('article[part=record]').length === 60, 'every record on the page');
    const records = root(el).querySelector('.records')!;
    const status = root(el).querySelector('.state')!;
    const style = getComputedStyle(records);
    expect({ after: !!(status.compareDocumentPosition(records) & Node.DOCUMENT_POSITION_FOLLOWING), contain: style.contain, focusRing: style.overflowClipMargin })
      .to.deep.equal({ after: true, contain: 'paint', focusRing: '8px' });
  });
});
